import { DataList, Flex, SimpleGrid, Table, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { formatDateTime, formatDuration, formatKwh, formatMoney } from '../../lib/format';
import { BackLink, Empty, ErrorState, Loaded, Loading } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { WideTable } from '../../shell/wide-table';
import { SessionBadge } from '../driver/status';
import { ChargingPage } from './area';
import { CaptureBadge, FailedCapture, Place } from './ops-labels';
import { useOpsReceipt, useOpsSession, type OpsReceipt, type OpsSession } from './ops-queries';

const STOP_CAUSE: Record<string, string> = {
  DRIVER: 'Stopped by the driver',
  HOLD_LIMIT: 'Stopped: the cost reached the card hold',
  HOLD_EXPIRY: 'Stopped: the card hold was about to expire',
};

function lineLabel(l: OpsReceipt['lines'][number]): string {
  const when = l.period ? ` (${l.period})` : '';
  switch (l.kind) {
    case 'energy':
      return `Energy${when} · ${formatKwh(l.quantity)}`;
    case 'time':
      return `Time${when} · ${formatDuration(l.quantity)}`;
    case 'idle':
      return `Idle fee · ${formatDuration(l.quantity)}`;
    case 'session_fee':
      return 'Session fee';
    case 'tax':
      return `Tax · ${l.quantity / 100} %`;
  }
}

/** One session as its operator reads it: the charger's transaction, the bill, the payment. */
export function OpsSessionPage() {
  const { id = '' } = useParams();
  const q = useOpsSession(id);
  return (
    <Loaded query={q} what="the session">
      {(s) => <Detail session={s} />}
    </Loaded>
  );
}

function Fact({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue overflowWrap="anywhere" data-testid={testId}>
        {children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

function Detail({ session: s }: { session: OpsSession }) {
  const money = (v: number) => formatMoney(v, s.currency);
  return (
    <ChargingPage title="Charging session" actions={<SessionBadge status={s.status} />}>
      <BackLink to="/charging/sessions">All sessions</BackLink>
      <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4} alignItems="start">
        <Panel title="Session">
          <DataList.Root orientation="horizontal">
            <Fact label="Where">
              <Place chargerId={s.chargerId} connector={s.connectorNumber} />
            </Fact>
            <Fact label="Session id">{s.id}</Fact>
            <Fact label="OCPP transaction" testId="ocpp-transaction">
              {s.ocppTransactionId ?? 'None (the charger never started)'}
            </Fact>
            <Fact label="Driver">{s.driverId}</Fact>
            <Fact label="Tariff">{s.tariff.name}</Fact>
            <Fact label="Started">{formatDateTime(s.startedAt ?? s.createdAt)}</Fact>
            <Fact label="Ended">{s.endedAt ? formatDateTime(s.endedAt) : 'Still running'}</Fact>
            <Fact label="Energy" testId="ops-energy">
              {formatKwh(s.energyWh)}
            </Fact>
            {s.stopCause && <Fact label="Stop">{STOP_CAUSE[s.stopCause] ?? s.stopCause}</Fact>}
            {s.failureMessage && <Fact label="Why it failed">{s.failureMessage}</Fact>}
          </DataList.Root>
        </Panel>
        <Panel title="Payment">
          <DataList.Root orientation="horizontal">
            <Fact label="Capture">
              <CaptureBadge status={s.captureStatus} />
            </Fact>
            <Fact label="Payment id">{s.paymentId ?? 'None'}</Fact>
            <Fact label="Held on the card">
              {s.authorizedAmount !== null ? money(s.authorizedAmount) : '—'}
            </Fact>
            <Fact label="Cost" testId="ops-cost">
              {money(s.cost)}
            </Fact>
            <Fact label="Captured" testId="ops-captured">
              {s.capturedAmount !== null ? money(s.capturedAmount) : '—'}
            </Fact>
            {s.captureBefore && (
              <Fact label="Capture before">{formatDateTime(s.captureBefore)}</Fact>
            )}
          </DataList.Root>
          <FailedCapture session={s} />
        </Panel>
      </SimpleGrid>
      <Lines session={s} />
    </ChargingPage>
  );
}

function Lines({ session: s }: { session: OpsSession }) {
  const q = useOpsReceipt(s);
  if (!s.startedAt)
    return (
      <Panel title="Line items">
        <Empty>The session never started charging: nothing was billed.</Empty>
      </Panel>
    );
  if (q.isPending) return <Loading what="the line items" />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  const money = (v: number) => formatMoney(v, r.currency);
  return (
    <Panel title={r.final ? 'Line items' : 'Line items so far'}>
      <WideTable label="Line items">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader>Item</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Amount</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {/* A tariff without a time or idle price still has those lines, at zero: noise here. */}
          {r.lines
            .filter((l) => l.amount !== 0 || (l.kind !== 'time' && l.kind !== 'idle'))
            .map((l, i) => (
              <Table.Row key={`${l.kind}-${i}`} data-testid="ops-line">
                <Table.Cell>{lineLabel(l)}</Table.Cell>
                <Table.Cell textAlign="end" whiteSpace="nowrap">
                  {money(l.amount)}
                </Table.Cell>
              </Table.Row>
            ))}
          <Table.Row fontWeight="bold">
            <Table.Cell>Total</Table.Cell>
            <Table.Cell textAlign="end" whiteSpace="nowrap" data-testid="ops-total">
              {money(r.total)}
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </WideTable>
      <Flex justify="space-between" fontSize="sm" color="fg.muted" gap={3}>
        <Text>{s.tariff.taxInclusive ? 'Of which tax' : 'Tax added'}</Text>
        <Text>{money(r.tax)}</Text>
      </Flex>
    </Panel>
  );
}
