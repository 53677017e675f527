import {
  Button,
  Field,
  Flex,
  Input,
  Link,
  NativeSelect,
  Stack,
  Table,
  Text,
} from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { formatDateTime, formatKwh, formatMoney } from '../../lib/format';
import { Empty, ErrorState, Loading } from '../../shell/page';
import { ShowMore } from '../../shell/show-more';
import { WideTable } from '../../shell/wide-table';
import { SessionBadge } from '../driver/status';
import { ChargingPage } from './area';
import { CaptureBadge, FailedCapture, Place } from './ops-labels';
import { useOpsSessions, type OpsSession, type SessionFilters } from './ops-queries';
import { useStations } from './queries';

const STATUSES: [NonNullable<SessionFilters['status']>, string][] = [
  ['CHARGING', 'Charging'],
  ['STARTING', 'Starting'],
  ['STOPPING', 'Stopping'],
  ['COMPLETED', 'Completed'],
  ['FAILED', 'Failed to start'],
  ['START_TIMED_OUT', 'Did not start in time'],
];
const CAPTURES: [NonNullable<SessionFilters['captureStatus']>, string][] = [
  ['FAILED', 'Failed captures'],
  ['PENDING', 'Capturing'],
  ['CAPTURED', 'Captured'],
  ['RELEASED', 'Hold released'],
];

/** A local calendar day (the date input's YYYY-MM-DD) as the instant it begins, `plus` days on. */
function dayStart(day: string, plus = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plus).toISOString();
}

function Select({
  label,
  value,
  onChange,
  all,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  all: string;
  options: [string, string][];
}) {
  return (
    <Field.Root width={{ base: 'full', sm: 'auto' }}>
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root>
        <NativeSelect.Field value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{all}</option>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
    </Field.Root>
  );
}

/** The operator's sessions: filters in the address (a link to "failed captures" works). */
export function OpsSessionsPage() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const set = (k: string) => (v: string) =>
    setParams(
      (p) => {
        if (v) p.set(k, v);
        else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const stations = useStations();
  const stationOptions: [string, string][] = (
    stations.data?.pages.flatMap((p) => p.data) ?? []
  ).map((s) => [s.id, s.name]);
  const reversed = !!get('from') && !!get('to') && get('from') > get('to');
  const filters: SessionFilters = {
    ...(get('status') ? { status: get('status') as SessionFilters['status'] } : {}),
    ...(get('capture') ? { captureStatus: get('capture') as SessionFilters['captureStatus'] } : {}),
    ...(get('station') ? { stationId: get('station') } : {}),
    ...(get('from') && !reversed ? { from: dayStart(get('from')) } : {}),
    ...(get('to') && !reversed ? { to: dayStart(get('to'), 1) } : {}),
  };
  const q = useOpsSessions(filters);
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = Object.keys(filters).length > 0;
  let body: ReactNode;
  if (q.isPending) body = <Loading what="sessions" />;
  else if (q.isError) body = <ErrorState error={q.error} retry={() => void q.refetch()} />;
  else if (rows.length === 0)
    body = (
      <Empty>
        {filtered
          ? 'No session matches these filters.'
          : 'No charging sessions yet. They appear here as soon as a driver starts one.'}
      </Empty>
    );
  else body = <SessionRows rows={rows} />;
  return (
    <ChargingPage title="Charging sessions">
      <Text color="fg.muted">
        Every session at your stations, newest first. A capture that failed is marked in red with
        the reason; Tender retries it by itself, or you retry it now.
      </Text>
      <Flex
        as="form"
        role="search"
        aria-label="Filter sessions"
        gap={3}
        wrap="wrap"
        align="end"
        bg="white"
        p={4}
        borderRadius="md"
        borderWidth="1px"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          label="Status"
          value={get('status')}
          onChange={set('status')}
          all="Any status"
          options={STATUSES}
        />
        <Select
          label="Payment"
          value={get('capture')}
          onChange={set('capture')}
          all="Any payment state"
          options={CAPTURES}
        />
        <Select
          label="Station"
          value={get('station')}
          onChange={set('station')}
          all="All stations"
          options={stationOptions}
        />
        <Field.Root width={{ base: 'full', sm: 'auto' }} invalid={reversed}>
          <Field.Label>Started from</Field.Label>
          <Input type="date" value={get('from')} onChange={(e) => set('from')(e.target.value)} />
        </Field.Root>
        <Field.Root width={{ base: 'full', sm: 'auto' }} invalid={reversed}>
          <Field.Label>Until</Field.Label>
          <Input type="date" value={get('to')} onChange={(e) => set('to')(e.target.value)} />
          {reversed && <Field.ErrorText>The start must not be after the end.</Field.ErrorText>}
        </Field.Root>
        {params.size > 0 && (
          <Button variant="outline" onClick={() => setParams({}, { replace: true })}>
            Clear filters
          </Button>
        )}
      </Flex>
      <Stack gap={4}>
        {body}
        <ShowMore query={q} />
      </Stack>
    </ChargingPage>
  );
}

function SessionRows({ rows }: { rows: OpsSession[] }) {
  return (
    <WideTable label="Sessions">
      {/* The payment second: a failure and its retry show on a phone without swiping. */}
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>Started</Table.ColumnHeader>
          <Table.ColumnHeader>Payment</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Cost</Table.ColumnHeader>
          <Table.ColumnHeader>Status</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Energy</Table.ColumnHeader>
          <Table.ColumnHeader>Where</Table.ColumnHeader>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((s) => (
          <Table.Row
            key={s.id}
            data-testid="ops-session-row"
            data-capture={s.captureStatus}
            bg={s.captureStatus === 'FAILED' ? 'red.50' : undefined}
          >
            <Table.Cell whiteSpace="nowrap">
              <Link asChild color="teal.700">
                <RouterLink to={`/charging/sessions/${s.id}`}>
                  {formatDateTime(s.startedAt ?? s.createdAt)}
                </RouterLink>
              </Link>
            </Table.Cell>
            <Table.Cell minW="12rem">
              <Stack gap={2} align="start">
                <CaptureBadge status={s.captureStatus} />
                <FailedCapture session={s} compact />
              </Stack>
            </Table.Cell>
            <Table.Cell textAlign="end" whiteSpace="nowrap" data-testid="ops-session-cost">
              {formatMoney(s.cost, s.currency)}
            </Table.Cell>
            <Table.Cell>
              <SessionBadge status={s.status} />
            </Table.Cell>
            <Table.Cell textAlign="end" whiteSpace="nowrap">
              {formatKwh(s.energyWh)}
            </Table.Cell>
            <Table.Cell>
              <Place chargerId={s.chargerId} connector={s.connectorNumber} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}
