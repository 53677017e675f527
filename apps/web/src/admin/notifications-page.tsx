import { Alert, Button, Stack, Table, Text } from '@chakra-ui/react';
import { formatDateTime } from '../lib/format';
import { Empty, ErrorState, Loading } from '../shell/page';
import { ShowMore } from '../shell/show-more';
import { WideTable } from '../shell/wide-table';
import { AdminPage } from './admin-page';
import { MailStatusBadge, mailStatusLabel } from './labels';
import { ListFilter, useListFilter } from './list-filter';
import {
  MAIL_STATUSES,
  useMailMessages,
  useRetryMail,
  type MailMessage,
  type MailStatus,
} from './queries';

/** What happened to a message, in words: when it went, or why it has not. */
function Outcome({ m }: { m: MailMessage }) {
  if (m.status === 'SENT') return <Text fontSize="sm">Sent {formatDateTime(m.sentAt)}</Text>;
  if (!m.lastError)
    return (
      <Text fontSize="sm" color="fg.muted">
        Not tried yet
      </Text>
    );
  return (
    <Text fontSize="sm" color={m.status === 'FAILED' ? 'red.700' : 'fg'}>
      {m.lastError}
    </Text>
  );
}

/** The e-mail the platform sent or is trying to send; a FAILED one can be queued again. */
export function NotificationsPage() {
  const { text: kind, choice: status } = useListFilter<MailStatus>('kind', 'status');
  const q = useMailMessages({ ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
  const retry = useRetryMail();
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <AdminPage title="E-mail">
      <Text color="fg.muted">
        Messages are sent by a job and retried while the mail server is down; one that failed every
        retry is Failed until you retry it here.
      </Text>
      <ListFilter
        label="Filter e-mail"
        text={{ param: 'kind', label: 'Kind', placeholder: 'orders.paid' }}
        choice={{
          param: 'status',
          label: 'Status',
          any: 'Any status',
          options: MAIL_STATUSES,
          labelOf: mailStatusLabel,
        }}
      />
      {retry.isSuccess && (
        <Alert.Root status="success" role="status">
          <Alert.Indicator />
          <Alert.Title>
            Queued again: “{retry.data.subject}” to {retry.data.to} will be sent shortly.
          </Alert.Title>
        </Alert.Root>
      )}
      {retry.isError && <ErrorState error={retry.error} />}
      {q.isPending ? (
        <Loading what="e-mail" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>No e-mail matches.</Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="E-mail">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader>Subject</Table.ColumnHeader>
                <Table.ColumnHeader>To</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Attempts</Table.ColumnHeader>
                <Table.ColumnHeader>Outcome</Table.ColumnHeader>
                <Table.ColumnHeader>Queued</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((m) => (
                <Table.Row key={m.id} data-testid="mail-row" data-status={m.status}>
                  {/* The status and its one action first: on a phone they are what is in view. */}
                  <Table.Cell>
                    <Stack gap={2} align="start">
                      <MailStatusBadge status={m.status} />
                      {m.status === 'FAILED' && (
                        <Button
                          size="xs"
                          variant="outline"
                          aria-label={`Retry “${m.subject}”`}
                          loading={retry.isPending && retry.variables === m.id}
                          onClick={() => retry.mutate(m.id)}
                        >
                          Retry
                        </Button>
                      )}
                    </Stack>
                  </Table.Cell>
                  {/* At least 12rem: on a phone the table scrolls rather than a word a line. */}
                  <Table.Cell minW="12rem" whiteSpace="normal" overflowWrap="anywhere">
                    {m.subject}
                    <Text fontSize="xs" color="fg.muted">
                      {m.kind}
                    </Text>
                  </Table.Cell>
                  <Table.Cell minW="12rem" maxW="16rem" whiteSpace="normal" overflowWrap="anywhere">
                    {m.to}
                  </Table.Cell>
                  <Table.Cell textAlign="end">{m.attempts}</Table.Cell>
                  <Table.Cell minW="10rem" maxW="xs" overflowWrap="anywhere" whiteSpace="normal">
                    <Outcome m={m} />
                  </Table.Cell>
                  <Table.Cell>{formatDateTime(m.createdAt)}</Table.Cell>
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
