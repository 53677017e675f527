import { Alert, Button, Code, Flex, Stack, Table, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { formatDateTime } from '../lib/format';
import { Empty, ErrorState, Loading } from '../shell/page';
import { AdminPage } from './admin-page';
import { useDeadLetters, useReplay, type DeadLetter } from './queries';
import { WideTable } from '../shell/wide-table';
import { ShowMore } from '../shell/show-more';

/** One dead letter's replay: ask, then confirm, then say what happened. */
function Replay({
  letter,
  onAsk,
  asking,
}: {
  letter: DeadLetter;
  onAsk: () => void;
  asking: boolean;
}) {
  if (letter.status === 'replayed')
    return (
      <Text fontSize="sm" color="fg.muted">
        Replayed {formatDateTime(letter.replayedAt)}
      </Text>
    );
  return (
    <Button size="sm" variant="outline" onClick={onAsk} disabled={asking}>
      Replay…
    </Button>
  );
}

export function DeadLettersPage() {
  const q = useDeadLetters();
  const replay = useReplay();
  const [asking, setAsking] = useState<DeadLetter>();
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <AdminPage title="Dead letters">
      <Text color="fg.muted">
        Jobs that failed every retry. Fix the cause first, then replay: the job is sent to its queue
        again, once.
      </Text>
      {replay.isSuccess && (
        <Alert.Root status="success" role="status">
          <Alert.Indicator />
          <Alert.Title>
            Replayed: the {replay.data.queue} job was sent again as {replay.data.replayJobId}.
          </Alert.Title>
        </Alert.Root>
      )}
      {replay.isError && <ErrorState error={replay.error} />}
      {asking && (
        <Alert.Root status="warning" role="alertdialog" aria-labelledby="replay-confirm">
          <Alert.Indicator />
          <Alert.Content gap={3}>
            <Alert.Title id="replay-confirm">
              Send the {asking.queue} job that died {formatDateTime(asking.deadAt)} to its queue
              again?
            </Alert.Title>
            <Flex gap={2} wrap="wrap">
              <Button
                colorPalette="teal"
                loading={replay.isPending}
                onClick={() => replay.mutate(asking.id, { onSettled: () => setAsking(undefined) })}
              >
                Confirm replay
              </Button>
              <Button variant="outline" onClick={() => setAsking(undefined)}>
                Cancel
              </Button>
            </Flex>
          </Alert.Content>
        </Alert.Root>
      )}
      {q.isPending ? (
        <Loading what="dead letters" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>No dead letters: every job finished or is still being retried.</Empty>
      ) : (
        <Stack gap={4}>
          <WideTable label="Dead letters">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Queue</Table.ColumnHeader>
                <Table.ColumnHeader>Died</Table.ColumnHeader>
                <Table.ColumnHeader>Error</Table.ColumnHeader>
                <Table.ColumnHeader>Payload</Table.ColumnHeader>
                <Table.ColumnHeader>Replay</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((d) => (
                <Table.Row key={d.id} data-testid="dead-letter" data-status={d.status}>
                  <Table.Cell>{d.queue}</Table.Cell>
                  <Table.Cell>{formatDateTime(d.deadAt)}</Table.Cell>
                  {/* At least 12rem: on a phone the table scrolls rather than a word a line. */}
                  <Table.Cell minW="12rem" maxW="xs" overflowWrap="anywhere" whiteSpace="normal">
                    {d.error?.message ?? 'No error was recorded'}
                  </Table.Cell>
                  <Table.Cell minW="12rem" maxW="xs" whiteSpace="normal">
                    <Code overflowWrap="anywhere">{JSON.stringify(d.data)}</Code>
                  </Table.Cell>
                  <Table.Cell>
                    <Replay letter={d} onAsk={() => setAsking(d)} asking={!!asking} />
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
