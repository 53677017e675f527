import { Box, Stack, Table, Text } from '@chakra-ui/react';
import { Empty, ErrorState, Loading } from '../../shell/page';
import { ShowMore } from '../../shell/show-more';
import { WideTable } from '../../shell/wide-table';
import { useChargerLive } from './live';
import { useOcppLog, type OcppMessage } from './queries';

/** To the second: frames come in bursts, and their order matters. */
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

interface Frame {
  kind: 'Call' | 'Answer' | 'Error' | 'Not OCPP';
  messageId?: string;
  action?: string;
  payload: unknown;
  /** CallError's code and text. */
  error?: string;
}

/** `[2, id, action, payload]`, `[3, id, payload]`, `[4, id, code, text, details]`, or else. */
function readFrame(frame: unknown): Frame {
  if (Array.isArray(frame)) {
    const [type, id, a, b, c] = frame as unknown[];
    const messageId = typeof id === 'string' ? id : undefined;
    if (type === 2) return { kind: 'Call', messageId, action: String(a), payload: b };
    if (type === 3) return { kind: 'Answer', messageId, payload: a };
    if (type === 4)
      return { kind: 'Error', messageId, error: `${String(a)}: ${String(b)}`, payload: c };
  }
  return { kind: 'Not OCPP', payload: frame };
}

/**
 * The charger's OCPP conversation, newest first: who spoke, what, when, and each frame's payload
 * on request. An answer is named after the call it answers when that call is on the page.
 */
export function OcppLog({ chargerId }: { chargerId: string }) {
  const q = useOcppLog(chargerId, useChargerLive() || undefined);
  if (q.isPending) return <Loading what="the OCPP log" />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const rows = q.data.pages.flatMap((p) => p.data);
  if (rows.length === 0)
    return <Empty>Nothing yet: the charger has not connected since it was registered.</Empty>;
  const frames = rows.map((m) => ({ m, f: readFrame(m.frame) }));
  const calls = new Map(
    frames.filter(({ f }) => f.kind === 'Call').map(({ f }) => [f.messageId, f.action]),
  );
  return (
    <Stack gap={3}>
      <WideTable label="OCPP messages">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader>Time</Table.ColumnHeader>
            <Table.ColumnHeader>From</Table.ColumnHeader>
            <Table.ColumnHeader>Message</Table.ColumnHeader>
            <Table.ColumnHeader>Payload</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {frames.map(({ m, f }) => (
            <LogRow key={m.id} message={m} frame={f} answers={calls.get(f.messageId)} />
          ))}
        </Table.Body>
      </WideTable>
      <ShowMore query={q} label="Older messages" />
    </Stack>
  );
}

function LogRow({
  message: m,
  frame: f,
  answers,
}: {
  message: OcppMessage;
  frame: Frame;
  answers: string | undefined;
}) {
  const what =
    f.kind === 'Call'
      ? f.action
      : f.kind === 'Answer'
        ? `Answer${answers ? ` to ${answers}` : ''}`
        : f.kind === 'Error'
          ? `Error${answers ? ` answering ${answers}` : ''}: ${f.error}`
          : 'Not an OCPP frame';
  return (
    <Table.Row data-testid="ocpp-row" data-direction={m.direction}>
      <Table.Cell whiteSpace="nowrap">{time.format(new Date(m.receivedAt))}</Table.Cell>
      <Table.Cell whiteSpace="nowrap">{m.direction === 'IN' ? 'Charger' : 'Tender'}</Table.Cell>
      <Table.Cell data-testid="ocpp-what">
        <Text fontWeight={f.kind === 'Call' ? 'semibold' : 'normal'}>{what}</Text>
      </Table.Cell>
      <Table.Cell minW="12rem">
        <details>
          <Box as="summary" cursor="pointer" color="teal.700">
            Show payload
          </Box>
          <Box
            as="pre"
            bg="gray.900"
            color="gray.50"
            p={2}
            mt={1}
            borderRadius="md"
            fontSize="xs"
            maxW="28rem"
            maxH="xs"
            overflow="auto"
            whiteSpace="pre-wrap"
            overflowWrap="anywhere"
          >
            {JSON.stringify(f.payload, null, 2)}
          </Box>
        </details>
      </Table.Cell>
    </Table.Row>
  );
}
