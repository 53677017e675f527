import {
  Alert,
  Button,
  Field,
  Input,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { Empty, ErrorState, Loading } from '../shell/page';
import { ShowMore } from '../shell/show-more';
import { WideTable } from '../shell/wide-table';
import { AdminPage } from './admin-page';
import { MailStatusBadge, mailStatusLabel } from './labels';
import { MAIL_STATUSES, useMailMessages, useRetryMail, type MailStatus } from './queries';

/** What happened to a message, in words: when it went, or why it has not. */
function Outcome({
  m,
}: {
  m: { status: MailStatus; sentAt: string | null; lastError: string | null };
}) {
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
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const status = (params.get('status') ?? '') as MailStatus | '';
  const [draft, setDraft] = useState({ kind, status });
  const q = useMailMessages({ ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
  const retry = useRetryMail();
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)));
  };
  return (
    <AdminPage title="E-mail">
      <Text color="fg.muted">
        Messages are sent by a job and retried while the mail server is down; one that failed every
        retry is Failed until you retry it here.
      </Text>
      <Stack asChild gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px">
        <form onSubmit={submit} role="search" aria-label="Filter e-mail">
          <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3} maxW="2xl">
            <Field.Root>
              <Field.Label>Kind</Field.Label>
              <Input
                value={draft.kind}
                placeholder="orders.paid"
                onChange={(e) => setDraft({ ...draft, kind: e.target.value.trim() })}
              />
            </Field.Root>
            <Field.Root>
              <Field.Label>Status</Field.Label>
              <NativeSelect.Root>
                <NativeSelect.Field
                  value={draft.status}
                  onChange={(e) => setDraft({ ...draft, status: e.target.value as MailStatus })}
                >
                  <option value="">Any status</option>
                  {MAIL_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {mailStatusLabel(s)}
                    </option>
                  ))}
                </NativeSelect.Field>
                <NativeSelect.Indicator />
              </NativeSelect.Root>
            </Field.Root>
          </SimpleGrid>
          <Button type="submit" colorPalette="teal" alignSelf="start">
            Filter
          </Button>
        </form>
      </Stack>
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
                <Table.ColumnHeader>Queued</Table.ColumnHeader>
                <Table.ColumnHeader>Kind</Table.ColumnHeader>
                <Table.ColumnHeader>To</Table.ColumnHeader>
                <Table.ColumnHeader>Subject</Table.ColumnHeader>
                <Table.ColumnHeader>Status</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Attempts</Table.ColumnHeader>
                <Table.ColumnHeader>Outcome</Table.ColumnHeader>
                <Table.ColumnHeader>Retry</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((m) => (
                <Table.Row key={m.id} data-testid="mail-row" data-status={m.status}>
                  <Table.Cell>{formatDateTime(m.createdAt)}</Table.Cell>
                  <Table.Cell>{m.kind}</Table.Cell>
                  <Table.Cell overflowWrap="anywhere">{m.to}</Table.Cell>
                  {/* At least 12rem: on a phone the table scrolls rather than a word a line. */}
                  <Table.Cell minW="12rem" whiteSpace="normal">
                    {m.subject}
                  </Table.Cell>
                  <Table.Cell>
                    <MailStatusBadge status={m.status} />
                  </Table.Cell>
                  <Table.Cell textAlign="end">{m.attempts}</Table.Cell>
                  <Table.Cell minW="12rem" maxW="xs" overflowWrap="anywhere" whiteSpace="normal">
                    <Outcome m={m} />
                  </Table.Cell>
                  <Table.Cell>
                    {m.status === 'FAILED' ? (
                      <Button
                        size="sm"
                        variant="outline"
                        aria-label={`Retry “${m.subject}”`}
                        loading={retry.isPending && retry.variables === m.id}
                        onClick={() => retry.mutate(m.id)}
                      >
                        Retry
                      </Button>
                    ) : (
                      <Text fontSize="sm" color="fg.muted">
                        —
                      </Text>
                    )}
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
