import { Chart, useChart } from '@chakra-ui/charts';
import { Box, Field, Flex, NativeSelect, SimpleGrid, Stack, Table, Text } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../lib/format';
import { Loaded, Page } from '../shell/page';
import { WideTable } from '../shell/wide-table';
import { useEarnings, userTimeZone, type Earnings } from './queries';

const RANGES = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

/** Today in the user's time zone, as YYYY-MM-DD (en-CA writes dates that way). */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: userTimeZone() }).format(new Date());
const shift = (day: string, by: number) =>
  new Date(Date.parse(day) + by * DAY_MS).toISOString().slice(0, 10);
/** A calendar day for an axis ("3 Mar"): formatted in UTC, the zone the day string was read in. */
const dayLabel = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const label = (day: string) => dayLabel.format(Date.parse(day));

interface Point {
  date: string;
  label: string;
  /** Minor units; a number for the chart's scale only, every shown value goes through formatMoney. */
  net: number;
}

/** Every day of the range, a day without a sale at zero. */
function pointsOf(e: Earnings, currency: string): Point[] {
  const net = new Map(e.days.filter((d) => d.currency === currency).map((d) => [d.date, d.net]));
  const points: Point[] = [];
  for (let day = e.from; day <= e.to; day = shift(day, 1))
    points.push({ date: day, label: label(day), net: net.get(day) ?? 0 });
  return points;
}

function EarningsChart({ points, currency }: { points: Point[]; currency: string }) {
  const chart = useChart({
    data: points,
    series: [{ name: 'net', color: 'teal.solid', label: 'Net earnings' }],
  });
  const money = (v: number) => formatMoney(Math.round(v), currency);
  return (
    <Box
      bg="white"
      p={4}
      borderRadius="md"
      borderWidth="1px"
      role="img"
      aria-label={`Net earnings per day in ${currency.toUpperCase()}; the figures are in the table below`}
    >
      <Chart.Root chart={chart} aspectRatio="auto" h={{ base: '56', md: '72' }}>
        <BarChart responsive data={chart.data} style={{ width: '100%', height: '100%' }}>
          <CartesianGrid stroke={chart.color('border.muted') as string} vertical={false} />
          <XAxis dataKey={chart.key('label')} tickLine={false} axisLine={false} minTickGap={12} />
          <YAxis tickFormatter={money} tickLine={false} axisLine={false} width={80} />
          <Tooltip
            cursor={{ fill: chart.color('bg.muted') as string }}
            content={<Chart.Tooltip formatter={(v: number) => money(v)} />}
          />
          {chart.series.map((s) => (
            <Bar
              key={s.name}
              dataKey={chart.key(s.name)}
              name="Net earnings"
              fill={chart.color(s.color) as string}
              isAnimationActive={false}
              radius={[3, 3, 0, 0]}
            />
          ))}
        </BarChart>
      </Chart.Root>
    </Box>
  );
}

function Totals({ totals }: { totals: Earnings['totals'] }) {
  return (
    <SimpleGrid columns={{ base: 1, sm: 2, lg: 4 }} gap={3}>
      {totals.map((t) => (
        <Stack
          key={t.currency}
          gap={1}
          bg="white"
          p={4}
          borderRadius="md"
          borderWidth="1px"
          data-testid="earnings-total"
        >
          <Text fontSize="sm" color="fg.muted">
            Net in {t.currency.toUpperCase()}
          </Text>
          <Text fontSize="2xl" fontWeight="semibold">
            {formatMoney(t.net, t.currency)}
          </Text>
          <Text fontSize="sm" color="fg.muted">
            {t.orders} sale{t.orders === 1 ? '' : 's'}: {formatMoney(t.gross, t.currency)} less{' '}
            {formatMoney(t.fees, t.currency)} fees and {formatMoney(t.refunded, t.currency)}{' '}
            refunded
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function Report({ data }: { data: Earnings }) {
  const [picked, setPicked] = useState<string>();
  const currency =
    picked && data.totals.some((t) => t.currency === picked) ? picked : data.totals[0]!.currency;
  const points = useMemo(() => pointsOf(data, currency), [data, currency]);
  const days = data.days.filter((d) => d.currency === currency).reverse();
  return (
    <>
      <Totals totals={data.totals} />
      {data.totals.length > 1 && (
        <Field.Root maxW="xs">
          <Field.Label>Chart currency</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field value={currency} onChange={(e) => setPicked(e.target.value)}>
              {data.totals.map((t) => (
                <option key={t.currency} value={t.currency}>
                  {t.currency.toUpperCase()}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      )}
      <EarningsChart points={points} currency={currency} />
      <WideTable label={`Days with sales in ${currency.toUpperCase()}`}>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader>Day</Table.ColumnHeader>
            <Table.ColumnHeader>Net</Table.ColumnHeader>
            <Table.ColumnHeader>Sales</Table.ColumnHeader>
            <Table.ColumnHeader>Gross</Table.ColumnHeader>
            <Table.ColumnHeader>Refunded</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {days.map((d) => (
            <Table.Row key={d.date} data-testid="earnings-day">
              <Table.Cell>{label(d.date)}</Table.Cell>
              <Table.Cell>{formatMoney(d.net, d.currency)}</Table.Cell>
              <Table.Cell>{d.orders}</Table.Cell>
              <Table.Cell>{formatMoney(d.gross, d.currency)}</Table.Cell>
              <Table.Cell>{formatMoney(d.refunded, d.currency)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
    </>
  );
}

export function EarningsPage() {
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const to = today();
  const from = shift(to, -(days - 1));
  const q = useEarnings(from, to);
  return (
    <Page
      title="Earnings"
      actions={
        <Flex align="center" gap={2}>
          <NativeSelect.Root size="sm" width="auto">
            <NativeSelect.Field
              aria-label="Range"
              value={days}
              onChange={(e) => setDays(Number(e.target.value) as (typeof RANGES)[number])}
            >
              {RANGES.map((n) => (
                <option key={n} value={n}>
                  Last {n} days
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Flex>
      }
    >
      <Text color="fg.muted">
        What you keep from each sale after the platform fee and refunds, by the day it was paid (
        {userTimeZone()}).
      </Text>
      <Loaded
        query={q}
        what="your earnings"
        isEmpty={(e) => e.totals.length === 0}
        empty={`No paid sales in the last ${days} days.`}
      >
        {(e) => <Report data={e} />}
      </Loaded>
    </Page>
  );
}
