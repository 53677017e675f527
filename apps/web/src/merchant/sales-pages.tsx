import {
  Alert,
  Button,
  Checkbox,
  DataList,
  Field,
  Input,
  Link,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { api, call, newIdempotencyKey } from '../api/client';
import { formatDateTime, formatMoney, parseMoney } from '../lib/format';
import { BackLink, Empty, ErrorState, Loaded, Loading, Page } from '../shell/page';
import { Panel } from '../shell/panel';
import { WideTable } from '../shell/wide-table';
import { useOrder, type Order, type OrderStatus } from '../shop/queries';
import { OrderStatusBadge } from '../shop/status';
import { useSales, type SalesFilter } from './queries';
import { ShowMore } from '../shell/show-more';

const STATUSES: { value: OrderStatus | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'COMPLETED', label: 'Paid' },
  { value: 'REFUNDED', label: 'Refunded' },
  { value: 'PAYMENT_PROCESSING', label: 'Payment processing' },
  { value: 'PENDING', label: 'Pending' },
  { value: 'FAILED', label: 'Failed' },
  { value: 'CANCELLED', label: 'Cancelled' },
];

/** A calendar day the user picked (YYYY-MM-DD) as the instant it starts in their time zone. */
const startOfDay = (day: string, plusDays = 0) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

export function SalesPage() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const backwards = from !== '' && to !== '' && from > to;
  const filter = useMemo<SalesFilter>(
    () => ({
      ...(status ? { status } : {}),
      ...(from && !backwards ? { from: startOfDay(from) } : {}),
      // The whole of the last day: up to the start of the next one.
      ...(to && !backwards ? { to: startOfDay(to, 1) } : {}),
    }),
    [status, from, to, backwards],
  );
  const sales = useSales(filter);
  const rows = sales.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = Boolean(status || from || to);
  return (
    <Page title="Sales">
      <SimpleGrid columns={{ base: 1, sm: 3 }} gap={3} maxW="3xl">
        <Field.Root>
          <Field.Label>Status</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field
              value={status}
              onChange={(e) => setStatus(e.target.value as OrderStatus | '')}
            >
              {STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <Field.Root invalid={backwards}>
          <Field.Label>From</Field.Label>
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field.Root>
        <Field.Root invalid={backwards}>
          <Field.Label>To</Field.Label>
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          {backwards && <Field.ErrorText>The last day comes before the first.</Field.ErrorText>}
        </Field.Root>
      </SimpleGrid>
      {sales.isPending ? (
        <Loading what="your sales" />
      ) : sales.isError ? (
        <ErrorState error={sales.error} retry={() => void sales.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>
          {filtered
            ? 'No sale matches these filters.'
            : 'No sales yet. They appear here as soon as a customer buys one of your products.'}
        </Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Your sales">
            <Table.Header>
              <Table.Row>
                {/* What a merchant scans for stays on a 375 px screen; the long id scrolls. */}
                <Table.ColumnHeader>Sold</Table.ColumnHeader>
                <Table.ColumnHeader>Amount</Table.ColumnHeader>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader>Refunded</Table.ColumnHeader>
                <Table.ColumnHeader>Paid by</Table.ColumnHeader>
                <Table.ColumnHeader>Order</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((o) => (
                <Table.Row key={o.id} data-testid="sale-row">
                  <Table.Cell>
                    <Link asChild color="teal.700">
                      <RouterLink to={`/merchant/sales/${o.id}`}>
                        {formatDateTime(o.createdAt)}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{formatMoney(o.amount, o.currency)}</Table.Cell>
                  <Table.Cell>
                    <OrderStatusBadge status={o.status} />
                  </Table.Cell>
                  <Table.Cell>{formatMoney(o.refundedAmount, o.currency)}</Table.Cell>
                  <Table.Cell>{o.paymentMethod === 'WALLET' ? 'Wallet' : 'Card'}</Table.Cell>
                  <Table.Cell>{o.id}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </WideTable>
          <ShowMore query={sales} />
        </Stack>
      )}
    </Page>
  );
}

/** Refund all or part of what is left, with or without the units going back on sale. */
function Refund({ order }: { order: Order }) {
  const queries = useQueryClient();
  const left = order.amount - order.refundedAmount;
  const [amount, setAmount] = useState('');
  const [restock, setRestock] = useState(!order.unitsRestored);
  // One key per attempt: a retried click (a lost answer) refunds once.
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  const minor = amount === '' ? BigInt(left) : parseMoney(amount, order.currency);
  const valid = minor !== undefined && minor > 0n && minor <= BigInt(left);
  const refund = useMutation({
    mutationFn: () => {
      const what = `${String(minor)}/${restock}`;
      if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
      return call(() =>
        api.POST('/api/v1/orders/{id}/refund', {
          params: { path: { id: order.id }, header: { 'Idempotency-Key': attempt.current!.key } },
          body: { amount: Number(minor), restock: restock && !order.unitsRestored },
        }),
      );
    },
    onSuccess: (o) => {
      attempt.current = undefined;
      setAmount('');
      queries.setQueryData(['orders', o.id], o);
      void queries.invalidateQueries({ queryKey: ['merchant'] });
    },
  });
  if (order.status !== 'COMPLETED' || left <= 0)
    return (
      <Panel title="Refund">
        <Text>
          {order.status === 'REFUNDED'
            ? 'This order is fully refunded.'
            : 'Only a paid order can be refunded.'}
        </Text>
      </Panel>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) refund.mutate();
  };
  return (
    <Panel title="Refund">
      <Stack asChild gap={3}>
        <form onSubmit={submit} noValidate>
          {refund.isError && <ErrorState error={refund.error} />}
          {refund.isSuccess && (
            <Alert.Root status="success" role="status">
              <Alert.Indicator />
              <Alert.Title>
                {order.paymentMethod === 'WALLET'
                  ? 'Refunded to the customer’s wallet.'
                  : 'Refund sent to the card; it shows here once the provider confirms it.'}
              </Alert.Title>
            </Alert.Root>
          )}
          <Field.Root invalid={!valid}>
            <Field.Label>Amount to refund ({order.currency.toUpperCase()})</Field.Label>
            <Input
              inputMode="decimal"
              placeholder={`All that is left: ${formatMoney(left, order.currency)}`}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              maxW="sm"
            />
            <Field.HelperText>Leave empty to refund everything that is left.</Field.HelperText>
            {!valid && (
              <Field.ErrorText>
                Between {formatMoney(1, order.currency)} and {formatMoney(left, order.currency)}.
              </Field.ErrorText>
            )}
          </Field.Root>
          {!order.unitsRestored && (
            <Checkbox.Root
              checked={restock}
              onCheckedChange={(e) => setRestock(e.checked === true)}
            >
              <Checkbox.HiddenInput />
              <Checkbox.Control />
              <Checkbox.Label>
                Put the {order.quantity} unit{order.quantity === 1 ? '' : 's'} back on sale
              </Checkbox.Label>
            </Checkbox.Root>
          )}
          <Button
            type="submit"
            colorPalette="teal"
            alignSelf="start"
            loading={refund.isPending}
            disabled={!valid}
          >
            Refund {valid ? formatMoney(minor, order.currency) : ''}
          </Button>
        </form>
      </Stack>
    </Panel>
  );
}

export function SalePage() {
  const { id = '' } = useParams();
  const q = useOrder(id);
  return (
    <Loaded query={q} what="the sale">
      {(o) => (
        <Page title={`Sale ${o.id}`} actions={<OrderStatusBadge status={o.status} />}>
          <BackLink to="/merchant/sales">All your sales</BackLink>
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
            <DataList.Root
              orientation="horizontal"
              bg="white"
              p={4}
              borderRadius="md"
              borderWidth="1px"
            >
              {[
                ['Amount', formatMoney(o.amount, o.currency)],
                ['Platform fee', formatMoney(o.fee, o.currency)],
                ['Refunded', formatMoney(o.refundedAmount, o.currency)],
                ['Quantity', String(o.quantity)],
                ['Product', o.productId],
                ['Units back on sale', o.unitsRestored ? 'Yes' : 'No'],
                ['Paid by', o.paymentMethod === 'WALLET' ? 'Wallet' : 'Card (hosted checkout)'],
                ['Ordered', formatDateTime(o.createdAt)],
                ['Completed', formatDateTime(o.completedAt)],
              ].map(([k, v]) => (
                <DataList.Item key={k}>
                  <DataList.ItemLabel>{k}</DataList.ItemLabel>
                  <DataList.ItemValue overflowWrap="anywhere" data-testid={`sale-${k}`}>
                    {k === 'Product' ? (
                      // Chakra's links are inline-flex, which does not wrap: a long id would
                      // widen the page at 375 px.
                      <Link asChild color="teal.700" display="inline" overflowWrap="anywhere">
                        <RouterLink to={`/merchant/products/${o.productId}`}>{v}</RouterLink>
                      </Link>
                    ) : (
                      v
                    )}
                  </DataList.ItemValue>
                </DataList.Item>
              ))}
            </DataList.Root>
            <Refund order={o} />
          </SimpleGrid>
        </Page>
      )}
    </Loaded>
  );
}
