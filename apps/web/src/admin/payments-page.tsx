import {
  Button,
  Field,
  Input,
  Link,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
} from '@chakra-ui/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { formatDateTime, formatMoney } from '../lib/format';
import { Empty, ErrorState, Loading } from '../shell/page';
import { AdminPage } from './admin-page';
import {
  METHOD_LABEL,
  PAYABLE_LABEL,
  PAYMENT_STATUS_LOOK,
  PaymentStatusBadge,
  payableLabel,
} from './labels';
import {
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  usePayments,
  type PaymentFilter,
  type PaymentMethod,
  type PaymentStatus,
} from './queries';
import { WideTable } from '../shell/wide-table';
import { ShowMore } from '../shell/show-more';

const FIELDS = ['status', 'method', 'payableType', 'payableId', 'from', 'to'] as const;
type Form = Record<(typeof FIELDS)[number], string>;

/** A local calendar day's first instant, as the API's ISO date-time (the user's midnight). */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayAfter = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

function toFilter(f: Form): PaymentFilter {
  return {
    ...(f.status ? { status: f.status as PaymentStatus } : {}),
    ...(f.method ? { method: f.method as PaymentMethod } : {}),
    ...(f.payableType ? { payableType: f.payableType } : {}),
    ...(f.payableId ? { payableId: f.payableId.trim() } : {}),
    ...(f.from ? { createdFrom: startOf(f.from) } : {}),
    ...(f.to ? { createdTo: dayAfter(f.to) } : {}),
  };
}

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  children: ReactNode;
}) {
  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root>
        <NativeSelect.Field value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
    </Field.Root>
  );
}

export function PaymentsPage() {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FIELDS.map((k) => [k, params.get(k) ?? ''])) as Form;
  const [form, setForm] = useState<Form>(applied);
  const set = (k: keyof Form) => (v: string) => setForm({ ...form, [k]: v });
  const q = usePayments(toFilter(applied));
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v)));
  };
  return (
    <AdminPage title="Payments">
      <Stack asChild gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px">
        <form onSubmit={submit} role="search" aria-label="Search payments">
          <SimpleGrid columns={{ base: 1, sm: 2, lg: 6 }} gap={3}>
            <Select label="Status" value={form.status} onChange={set('status')}>
              <option value="">Any status</option>
              {PAYMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PAYMENT_STATUS_LOOK[s].label}
                </option>
              ))}
            </Select>
            <Select label="Method" value={form.method} onChange={set('method')}>
              <option value="">Any method</option>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {METHOD_LABEL[m]}
                </option>
              ))}
            </Select>
            <Select label="Paid for" value={form.payableType} onChange={set('payableType')}>
              <option value="">Anything</option>
              {Object.entries(PAYABLE_LABEL).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </Select>
            <Field.Root>
              <Field.Label>Order or wallet id</Field.Label>
              <Input
                value={form.payableId}
                placeholder="ord_… or acc_…"
                onChange={(e) => set('payableId')(e.target.value)}
              />
            </Field.Root>
            <Field.Root>
              <Field.Label>Created from</Field.Label>
              <Input type="date" value={form.from} onChange={(e) => set('from')(e.target.value)} />
            </Field.Root>
            <Field.Root>
              <Field.Label>Created to</Field.Label>
              <Input type="date" value={form.to} onChange={(e) => set('to')(e.target.value)} />
            </Field.Root>
          </SimpleGrid>
          <Button type="submit" colorPalette="teal" alignSelf="start">
            Search
          </Button>
        </form>
      </Stack>
      {q.isPending ? (
        <Loading what="payments" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>No payment matches this search.</Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Payments">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Payment</Table.ColumnHeader>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Amount</Table.ColumnHeader>
                <Table.ColumnHeader>Created</Table.ColumnHeader>
                <Table.ColumnHeader>Method</Table.ColumnHeader>
                <Table.ColumnHeader>Paid for</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((p) => (
                <Table.Row key={p.id} data-testid="payment-row">
                  <Table.Cell>
                    <Link asChild color="teal.700">
                      <RouterLink to={`/admin/payments/${p.id}`}>{p.id}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <PaymentStatusBadge status={p.status} />
                  </Table.Cell>
                  <Table.Cell textAlign="end">{formatMoney(p.amount, p.currency)}</Table.Cell>
                  <Table.Cell>{formatDateTime(p.createdAt)}</Table.Cell>
                  <Table.Cell>{METHOD_LABEL[p.method]}</Table.Cell>
                  <Table.Cell>
                    {payableLabel(p.payableType)} {p.payableId}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </WideTable>
          <ShowMore query={q} />
        </Stack>
      )}
    </AdminPage>
  );
}
