import { Box, DataList, Heading, Link, List, Stack, Table, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDateTime, formatMoney } from '../lib/format';
import { BackLink, Loaded } from '../shell/page';
import { AdminPage } from './admin-page';
import {
  METHOD_LABEL,
  PAYMENT_STATUS_LOOK,
  PaymentStatusBadge,
  WebhookStateBadge,
  payableLabel,
} from './labels';
import { RefundForm } from './refund-form';
import { usePayment, useTransitions, useWebhookEvents, type Payment } from './queries';
import { WideTable } from '../shell/wide-table';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack as="section" gap={3} aria-label={title}>
      <Heading as="h2" size="lg">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}

/** A cause as the writer stored it, in words. */
function causeLabel(cause: string): ReactNode {
  if (cause.startsWith('webhook:')) {
    const id = cause.slice('webhook:'.length);
    return (
      <>
        webhook{' '}
        <Link asChild color="teal.700">
          <RouterLink to={`/admin/webhooks/${id}`}>{id}</RouterLink>
        </Link>
      </>
    );
  }
  return (
    { api: 'the API call', return: "the payer's return", reconcile: 'reconciliation' }[cause] ??
    cause
  );
}

function Details({ p }: { p: Payment }) {
  const rows: [string, ReactNode][] = [
    ['Amount', formatMoney(p.amount, p.currency)],
    ['Captured', formatMoney(p.amountCaptured, p.currency)],
    ['Refunded', formatMoney(p.amountRefunded, p.currency)],
    ['Method', METHOD_LABEL[p.method]],
    ['Paid for', `${payableLabel(p.payableType)} ${p.payableId}`],
    [
      'Payer',
      p.userId ? (
        // The directory's page of the payer: their role, their wallets (lock, debt).
        <Link asChild color="teal.700" overflowWrap="anywhere">
          <RouterLink to={`/admin/users/${p.userId}`}>{p.userId}</RouterLink>
        </Link>
      ) : (
        '—'
      ),
    ],
    ['Created', formatDateTime(p.createdAt)],
    ['Updated', formatDateTime(p.updatedAt)],
    ['Provider intent', p.providerIntentId ?? '—'],
    ['Provider checkout', p.providerSessionId ?? '—'],
  ];
  if (p.failureCode || p.failureMessage)
    rows.push([
      'Why it failed',
      [p.failureMessage, p.declineCode ?? p.failureCode].filter(Boolean).join(' — '),
    ]);
  return (
    <DataList.Root orientation="horizontal" bg="white" p={4} borderRadius="md" borderWidth="1px">
      {rows.map(([k, v]) => (
        <DataList.Item key={k}>
          <DataList.ItemLabel>{k}</DataList.ItemLabel>
          <DataList.ItemValue overflowWrap="anywhere">{v}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList.Root>
  );
}

function Transitions({ id }: { id: string }) {
  const q = useTransitions(id);
  return (
    <Loaded
      query={q}
      what="the transitions"
      isEmpty={(t) => t.data.length === 0}
      empty="The payment has not changed status since it was created."
    >
      {(t) => (
        <List.Root as="ol" gap={3} variant="plain" data-testid="transitions">
          {t.data.map((tr) => (
            <List.Item key={tr.id} data-testid="transition">
              <Box borderLeftWidth="3px" borderColor="teal.600" pl={3}>
                <Text fontWeight="medium">
                  {PAYMENT_STATUS_LOOK[tr.fromStatus].label} →{' '}
                  {PAYMENT_STATUS_LOOK[tr.toStatus].label}
                </Text>
                <Text fontSize="sm" color="fg.muted">
                  {formatDateTime(tr.createdAt)}, by {causeLabel(tr.cause)}
                </Text>
              </Box>
            </List.Item>
          ))}
        </List.Root>
      )}
    </Loaded>
  );
}

function Events({ id }: { id: string }) {
  const q = useWebhookEvents({ paymentId: id });
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Loaded
      query={q}
      what="the webhook events"
      isEmpty={() => rows.length === 0}
      empty="No webhook event about this payment has arrived."
    >
      {() => (
        <WideTable label="Webhook events of this payment">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader>Event</Table.ColumnHeader>
              <Table.ColumnHeader>Type</Table.ColumnHeader>
              <Table.ColumnHeader>State</Table.ColumnHeader>
              <Table.ColumnHeader>Received</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((e) => (
              <Table.Row key={e.id} data-testid="payment-webhook">
                <Table.Cell>
                  <Link asChild color="teal.700">
                    <RouterLink to={`/admin/webhooks/${e.id}`}>{e.id}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{e.type}</Table.Cell>
                <Table.Cell>
                  <WebhookStateBadge state={e.state} />
                </Table.Cell>
                <Table.Cell>{formatDateTime(e.receivedAt)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </WideTable>
      )}
    </Loaded>
  );
}

export function PaymentPage() {
  const { id = '' } = useParams();
  const q = usePayment(id);
  return (
    <Loaded query={q} what="the payment">
      {(p) => (
        <AdminPage title={`Payment ${p.id}`} actions={<PaymentStatusBadge status={p.status} />}>
          <Details p={p} />
          <Section title="Status changes">
            <Transitions id={p.id} />
          </Section>
          <Section title="Webhook events">
            <Events id={p.id} />
          </Section>
          <Section title="Refund">
            <RefundForm payment={p} />
          </Section>
          <BackLink to="/admin/payments">All payments</BackLink>
        </AdminPage>
      )}
    </Loaded>
  );
}
