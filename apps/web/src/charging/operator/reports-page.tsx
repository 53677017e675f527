import {
  Button,
  Field,
  Flex,
  Heading,
  Input,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@chakra-ui/react';
import { useState } from 'react';
import { formatKwh, formatMoney } from '../../lib/format';
import { Empty, Loaded } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { WideTable } from '../../shell/wide-table';
import { ChargingPage } from './area';
import { BarChart } from './bar-chart';
import { useDailyStats, type DailyStats } from './ops-queries';
import { useStations } from './queries';

type Range = { from: string; to: string };
type Day = DailyStats['days'][number];
type StationInfo = DailyStats['stations'][number];

const DAY_MS = 86_400_000;
/** YYYY-MM-DD of today in the user's own zone, and `n − 1` days before it. */
const localDay = (d: Date) => new Intl.DateTimeFormat('en-CA').format(d);
function lastDays(n: number): Range {
  const to = new Date();
  const from = new Date(to);
  from.setDate(from.getDate() - (n - 1));
  return { from: localDay(from), to: localDay(to) };
}
/** Every calendar day of the range (server days are calendar dates: UTC arithmetic is exact). */
function daysOf(r: Range): string[] {
  const out: string[] = [];
  for (let t = Date.parse(r.from); t <= Date.parse(r.to); t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(day),
  );
const shortKwh = (wh: number) =>
  `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(wh / 1000)} kWh`;

const ENERGY = '#0f766e';
const NET = '#15803d';
const FEE = '#a1a1aa';
const PRESETS = [7, 30, 90] as const;

function RangeForm({ range, onChange }: { range: Range; onChange: (r: Range) => void }) {
  const [draft, setDraft] = useState(range);
  const reversed = draft.from > draft.to;
  const span = (Date.parse(draft.to) - Date.parse(draft.from)) / DAY_MS + 1;
  const tooLong = span > 366;
  return (
    <Flex
      as="form"
      aria-label="Report range"
      gap={3}
      wrap="wrap"
      align="end"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reversed && !tooLong && draft.from && draft.to) onChange(draft);
      }}
    >
      <Field.Root width={{ base: 'full', sm: 'auto' }} invalid={reversed || tooLong}>
        <Field.Label>From</Field.Label>
        <Input
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
      </Field.Root>
      <Field.Root width={{ base: 'full', sm: 'auto' }} invalid={reversed || tooLong}>
        <Field.Label>To</Field.Label>
        <Input
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        {reversed && <Field.ErrorText>The start must not be after the end.</Field.ErrorText>}
        {tooLong && <Field.ErrorText>A report covers at most 366 days.</Field.ErrorText>}
      </Field.Root>
      <Button type="submit" colorPalette="teal" disabled={reversed || tooLong}>
        Show
      </Button>
      <Flex gap={2} wrap="wrap">
        {PRESETS.map((n) => (
          <Button
            key={n}
            size="sm"
            variant="outline"
            onClick={() => {
              const r = lastDays(n);
              setDraft(r);
              onChange(r);
            }}
          >
            Last {n} days
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}

/** Energy and revenue per station per day: a chart each, and the same numbers as a table. */
export function ReportsPage() {
  const [range, setRange] = useState(() => lastDays(14));
  const [stationId, setStationId] = useState('');
  const stations = useStations();
  const options = stations.data?.pages.flatMap((p) => p.data) ?? [];
  const stats = useDailyStats({ ...range, ...(stationId ? { stationId } : {}) });
  return (
    <ChargingPage title="Reports">
      <Text color="fg.muted">
        Completed sessions per day in each station&apos;s own time zone: the energy delivered and
        the revenue captured from drivers&apos; cards — the platform&apos;s fee and what your
        company keeps. Refunds and disputes are not deducted here.
      </Text>
      <Stack gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px">
        <RangeForm range={range} onChange={setRange} />
        <Field.Root width={{ base: 'full', sm: 'auto' }}>
          <Field.Label>Station</Field.Label>
          <NativeSelect.Root width={{ base: 'full', sm: '20rem' }}>
            <NativeSelect.Field value={stationId} onChange={(e) => setStationId(e.target.value)}>
              <option value="">All stations</option>
              {options.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      </Stack>
      <Loaded
        query={stats}
        what="the report"
        isEmpty={(s) => s.stations.length === 0}
        empty="No stations yet: create one under Stations, and its sessions are reported here."
      >
        {(s) => <Report stats={s} days={daysOf({ from: s.from, to: s.to })} />}
      </Loaded>
    </ChargingPage>
  );
}

function Report({ stats, days }: { stats: DailyStats; days: string[] }) {
  const active = stats.stations.filter((st) => stats.days.some((d) => d.stationId === st.id));
  const idle = stats.stations.filter((st) => !active.includes(st));
  if (active.length === 0)
    return (
      <Empty>No completed sessions in this range. Pick a longer range or another station.</Empty>
    );
  return (
    <Stack gap={6}>
      {active.map((st) => (
        <StationReport
          key={st.id}
          station={st}
          rows={stats.days.filter((d) => d.stationId === st.id)}
          days={days}
        />
      ))}
      {idle.length > 0 && (
        <Text color="fg.muted" fontSize="sm">
          No completed sessions in this range at: {idle.map((s) => s.name).join(', ')}.
        </Text>
      )}
    </Stack>
  );
}

function StationReport({
  station,
  rows,
  days,
}: {
  station: StationInfo;
  rows: Day[];
  days: string[];
}) {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const energy = days.map((d) =>
    rows.filter((r) => r.day === d).reduce((n, r) => n + r.energyWh, 0),
  );
  const sessions = rows.reduce((n, r) => n + r.sessions, 0);
  const totalWh = energy.reduce((a, b) => a + b, 0);
  return (
    <Stack
      as="section"
      gap={4}
      aria-label={`Report for ${station.name}`}
      data-testid="station-report"
    >
      <Heading as="h2" size="lg">
        {station.name}
      </Heading>
      <Text fontSize="sm" color="fg.muted">
        Days in {station.timeZone} · {sessions} {sessions === 1 ? 'session' : 'sessions'} ·{' '}
        {formatKwh(totalWh)}
      </Text>
      <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4}>
        <Panel title="Energy per day">
          <BarChart
            days={days}
            dayLabel={dayLabel}
            format={shortKwh}
            series={[{ label: 'Energy', color: ENERGY, values: energy }]}
            summary={`${formatKwh(totalWh)} delivered at ${station.name} in this range.`}
            testId="energy-chart"
          />
        </Panel>
        {currencies.map((cur) => {
          const of = (day: string) => rows.find((r) => r.day === day && r.currency === cur);
          const gross = rows
            .filter((r) => r.currency === cur)
            .reduce((n, r) => n + BigInt(r.gross), 0n);
          const net = rows
            .filter((r) => r.currency === cur)
            .reduce((n, r) => n + BigInt(r.net), 0n);
          return (
            <Panel key={cur} title={`Revenue per day (${cur.toUpperCase()})`}>
              <BarChart
                days={days}
                dayLabel={dayLabel}
                format={(v) => formatMoney(Math.round(v), cur)}
                series={[
                  { label: 'Your company', color: NET, values: days.map((d) => of(d)?.net ?? 0) },
                  {
                    label: 'Platform fee',
                    color: FEE,
                    values: days.map((d) => of(d)?.platformFee ?? 0),
                  },
                ]}
                summary={`${formatMoney(gross, cur)} captured at ${station.name}, of which ${formatMoney(net, cur)} for your company.`}
                testId="revenue-chart"
              />
            </Panel>
          );
        })}
      </SimpleGrid>
      <DayTable rows={rows} name={station.name} />
    </Stack>
  );
}

/** The charts' numbers, day by day: the accessible way to read them, and the exact amounts. */
function DayTable({ rows, name }: { rows: Day[]; name: string }) {
  return (
    <WideTable label={`Days at ${name}`}>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>Day</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Sessions</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Energy</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Captured</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Platform fee</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Your company</Table.ColumnHeader>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={`${r.day}-${r.currency}`} data-testid="report-row" data-day={r.day}>
            <Table.Cell whiteSpace="nowrap">{dayLabel(r.day)}</Table.Cell>
            <Table.Cell textAlign="end">{r.sessions}</Table.Cell>
            <Table.Cell textAlign="end" whiteSpace="nowrap" data-testid="report-energy">
              {formatKwh(r.energyWh)}
            </Table.Cell>
            <Table.Cell textAlign="end" whiteSpace="nowrap" data-testid="report-gross">
              {formatMoney(r.gross, r.currency)}
            </Table.Cell>
            <Table.Cell textAlign="end" whiteSpace="nowrap" data-testid="report-fee">
              {formatMoney(r.platformFee, r.currency)}
            </Table.Cell>
            <Table.Cell textAlign="end" whiteSpace="nowrap" data-testid="report-net">
              {formatMoney(r.net, r.currency)}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}
