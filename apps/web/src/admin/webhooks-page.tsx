import { Alert, Box, DataList, Link, Stack, Table } from '@chakra-ui/react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { BackLink, Empty, ErrorState, Loaded, Loading } from '../shell/page';
import { AdminPage } from './admin-page';
import { ListFilter, useListFilter } from './list-filter';
import { WebhookStateBadge, webhookStateLabel } from './labels';
import { Section } from './payment-page';
import { useWebhookEvent, useWebhookEvents, WEBHOOK_STATES, type WebhookState } from './queries';
import { WideTable } from '../shell/wide-table';
import { ShowMore } from '../shell/show-more';

export function WebhooksPage() {
  const { text: type, choice: state } = useListFilter<WebhookState>('type', 'state');
  const q = useWebhookEvents({ ...(type ? { type } : {}), ...(state ? { state } : {}) });
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <AdminPage title="Webhook events">
      <ListFilter
        label="Filter webhook events"
        text={{ param: 'type', label: 'Type', placeholder: 'payment_intent.succeeded' }}
        choice={{
          param: 'state',
          label: 'State',
          any: 'Any state',
          options: WEBHOOK_STATES,
          labelOf: webhookStateLabel,
        }}
      />
      {q.isPending ? (
        <Loading what="webhook events" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>No webhook event matches.</Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Webhook events">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Event</Table.ColumnHeader>
                <Table.ColumnHeader>Type</Table.ColumnHeader>
                <Table.ColumnHeader>State</Table.ColumnHeader>
                <Table.ColumnHeader>Received</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Attempts</Table.ColumnHeader>
                <Table.ColumnHeader>About</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((e) => (
                <Table.Row key={e.id} data-testid="webhook-row">
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
                  <Table.Cell textAlign="end">{e.attempts}</Table.Cell>
                  <Table.Cell>{e.objectId ?? '—'}</Table.Cell>
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

export function WebhookEventPage() {
  const { id = '' } = useParams();
  const q = useWebhookEvent(id);
  return (
    <Loaded query={q} what="the webhook event">
      {(e) => (
        <AdminPage title={`Webhook ${e.id}`} actions={<WebhookStateBadge state={e.state} />}>
          {e.lastError && (
            <Alert.Root status="error">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>The last attempt to apply it failed</Alert.Title>
                <Alert.Description overflowWrap="anywhere">{e.lastError}</Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}
          <DataList.Root
            orientation="horizontal"
            bg="white"
            p={4}
            borderRadius="md"
            borderWidth="1px"
          >
            {(
              [
                ['Type', e.type],
                ['State', webhookStateLabel(e.state)],
                ['Provider', e.provider],
                ['Received', formatDateTime(e.receivedAt)],
                ['Applied', formatDateTime(e.processedAt)],
                ['Attempts', String(e.attempts)],
                ['About', e.objectId ?? '—'],
                [
                  'Payment',
                  e.paymentId ? (
                    <Link asChild color="teal.700">
                      <RouterLink to={`/admin/payments/${e.paymentId}`}>{e.paymentId}</RouterLink>
                    </Link>
                  ) : (
                    'None known'
                  ),
                ],
              ] as const
            ).map(([k, v]) => (
              <DataList.Item key={k}>
                <DataList.ItemLabel>{k}</DataList.ItemLabel>
                <DataList.ItemValue overflowWrap="anywhere">{v}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList.Root>
          <Section title="Payload">
            {/* Exactly what was stored; scrolls inside its box rather than widening the page. */}
            <Box
              as="pre"
              data-testid="payload"
              tabIndex={0}
              role="region"
              aria-label="Event payload as JSON"
              bg="gray.900"
              color="gray.50"
              p={4}
              borderRadius="md"
              fontSize="sm"
              overflow="auto"
              maxH="lg"
            >
              {JSON.stringify(e.payload, null, 2)}
            </Box>
          </Section>
          <BackLink to="/admin/webhooks">All webhook events</BackLink>
        </AdminPage>
      )}
    </Loaded>
  );
}
