import { Chart, useChart, type UseChartReturn } from '@chakra-ui/charts';
import { Box, Heading, Stack, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../lib/format';
import { PAYMENT_STATUS_LOOK } from './labels';
import {
  PAYMENT_STATUSES,
  type PaymentStats,
  type PaymentStatus,
  type QueueStats,
  type WebhookStats,
} from './queries';

/** A server day (YYYY-MM-DD, already the user's calendar day) as the user's locale writes it. */
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(day),
  );
/** A theme token as the CSS colour recharts needs (the hook's own return type is `any`). */
const paint = <T,>(chart: UseChartReturn<T>, token: string | undefined): string =>
  chart.color(token) as string;
/** Charts fill their Chart.Root box (recharts' `responsive` measures the parent). */
const FILL = { width: '100%', height: '100%' };
/** What a series is called in the legend and tooltip. */
const named = (label: unknown) => (typeof label === 'string' ? label : '');

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat();

/**
 * A chart with its title and a sentence saying what it shows in numbers, for a screen reader and
 * for anyone who cannot read the bars (the chart itself is decoration for them).
 */
export function ChartCard({
  title,
  summary,
  children,
}: {
  title: string;
  summary: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack as="figure" gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px" minW={0}>
      <Heading as="h2" size="md">
        {title}
      </Heading>
      <Box aria-hidden="true">{children}</Box>
      <Text as="figcaption" fontSize="sm" color="fg.muted">
        {summary}
      </Text>
    </Stack>
  );
}

const axes = <T,>(chart: UseChartReturn<T>, tick?: (v: number) => string) => (
  <>
    <CartesianGrid stroke={paint(chart, 'border.muted')} vertical={false} />
    <XAxis dataKey="label" tickLine={false} axisLine={false} minTickGap={12} />
    <YAxis
      tickLine={false}
      axisLine={false}
      allowDecimals={false}
      width={tick ? 80 : 40}
      {...(tick ? { tickFormatter: tick } : {})}
    />
  </>
);

export function StatusChart({ stats }: { stats: PaymentStats }) {
  // Only the statuses the range has, so the legend names what is on the chart.
  const present = PAYMENT_STATUSES.filter((s) => stats.days.some((d) => d.byStatus[s] > 0));
  const data = stats.days.map((d) => ({ label: dayLabel(d.day), ...d.byStatus }));
  const chart = useChart<(typeof data)[number]>({
    data,
    series: present.map((s) => ({
      name: s,
      label: PAYMENT_STATUS_LOOK[s].label,
      color: `${PAYMENT_STATUS_LOOK[s].palette}.solid`,
      stackId: 'status',
    })),
  });
  const total = (s: PaymentStatus) => stats.days.reduce((n, d) => n + d.byStatus[s], 0);
  return (
    <ChartCard
      title="Payments per day by status"
      summary={
        present.length
          ? present
              .map((s) => `${PAYMENT_STATUS_LOOK[s].label}: ${count.format(total(s))}`)
              .join(', ')
          : 'No payments in this range.'
      }
    >
      <Chart.Root h="64" aspectRatio="auto" chart={chart}>
        <BarChart data={chart.data} responsive style={FILL} accessibilityLayer={false}>
          {axes(chart)}
          <Tooltip cursor={{ fill: paint(chart, 'bg.muted') }} content={<Chart.Tooltip />} />
          <Legend content={<Chart.Legend />} />
          {chart.series.map((s) => (
            <Bar
              key={s.name}
              dataKey={chart.key(s.name)}
              name={named(s.label)}
              fill={paint(chart, s.color)}
              stackId={s.stackId}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </Chart.Root>
    </ChartCard>
  );
}

export function SuccessRateChart({ stats }: { stats: PaymentStats }) {
  const data = stats.days.map((d) => ({ label: dayLabel(d.day), rate: d.successRate }));
  const chart = useChart({ data, series: [{ name: 'rate', color: 'teal.solid' }] });
  const succeeded = stats.days.reduce((n, d) => n + d.succeeded, 0);
  const ended = succeeded + stats.days.reduce((n, d) => n + d.unsuccessful, 0);
  return (
    <ChartCard
      title="Success rate"
      summary={
        ended
          ? `${percent.format(succeeded / ended)} of the ${count.format(ended)} ${ended === 1 ? 'payment' : 'payments'} that ended succeeded.`
          : 'No payment ended in this range.'
      }
    >
      <Chart.Root h="64" aspectRatio="auto" chart={chart}>
        <LineChart
          data={chart.data}
          responsive
          style={FILL}
          accessibilityLayer={false}
          // Room for a 100 % dot at the top and the last day's label at the right edge.
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke={paint(chart, 'border.muted')} vertical={false} />
          <XAxis dataKey="label" tickLine={false} axisLine={false} minTickGap={12} />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(v: number) => percent.format(v)}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip
            content={
              <Chart.Tooltip
                formatter={(v: number | null) => (v === null ? '—' : percent.format(v))}
              />
            }
          />
          <Line
            dataKey="rate"
            name="Success rate"
            stroke={paint(chart, 'teal.solid')}
            strokeWidth={2}
            // A dot per day: a day alone between days with nothing to rate still shows.
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </Chart.Root>
    </ChartCard>
  );
}

/** Captured money per day in one currency: minor units on the axis, formatted by Intl. */
export function VolumeChart({ stats, currency }: { stats: PaymentStats; currency: string }) {
  const byDay = new Map(
    stats.volume.filter((v) => v.currency === currency).map((v) => [v.day, v.captured]),
  );
  const data = stats.days.map((d) => ({ label: dayLabel(d.day), captured: byDay.get(d.day) ?? 0 }));
  const chart = useChart({ data, series: [{ name: 'captured', color: 'green.solid' }] });
  const money = (v: number) => formatMoney(Math.round(v), currency);
  const total = [...byDay.values()].reduce((a, b) => a + BigInt(b), 0n);
  return (
    <ChartCard
      title={`Volume per day (${currency.toUpperCase()})`}
      summary={`${formatMoney(total, currency)} captured in this range.`}
    >
      <Chart.Root h="64" aspectRatio="auto" chart={chart}>
        <BarChart data={chart.data} responsive style={FILL} accessibilityLayer={false}>
          {axes(chart, money)}
          <Tooltip
            cursor={{ fill: paint(chart, 'bg.muted') }}
            content={<Chart.Tooltip formatter={(v: number) => money(v)} />}
          />
          <Bar
            dataKey="captured"
            name="Captured"
            fill={paint(chart, 'green.solid')}
            isAnimationActive={false}
          />
        </BarChart>
      </Chart.Root>
    </ChartCard>
  );
}

export function WebhookChart({ stats }: { stats: WebhookStats }) {
  const data = stats.days.map((d) => ({ label: dayLabel(d.day), ...d }));
  const chart = useChart({
    data,
    series: [
      { name: 'received', label: 'Received', color: 'blue.solid' },
      { name: 'applied', label: 'Applied', color: 'green.solid' },
      { name: 'failed', label: 'Failed', color: 'red.solid' },
    ],
  });
  const sum = (k: 'received' | 'applied' | 'failed') => stats.days.reduce((n, d) => n + d[k], 0);
  return (
    <ChartCard
      title="Webhook events"
      summary={`Received ${count.format(sum('received'))}, applied ${count.format(sum('applied'))}, failed ${count.format(sum('failed'))}.`}
    >
      <Chart.Root h="64" aspectRatio="auto" chart={chart}>
        <BarChart data={chart.data} responsive style={FILL} accessibilityLayer={false}>
          {axes(chart)}
          <Tooltip cursor={{ fill: paint(chart, 'bg.muted') }} content={<Chart.Tooltip />} />
          <Legend content={<Chart.Legend />} />
          {chart.series.map((s) => (
            <Bar
              key={s.name}
              dataKey={chart.key(s.name)}
              name={named(s.label)}
              fill={paint(chart, s.color)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </Chart.Root>
    </ChartCard>
  );
}

export function QueueChart({ queues }: { queues: QueueStats[] }) {
  const chart = useChart({
    data: queues,
    series: [
      { name: 'created', label: 'Waiting', color: 'blue.solid', stackId: 'q' },
      { name: 'active', label: 'Running', color: 'teal.solid', stackId: 'q' },
      { name: 'retry', label: 'Retrying', color: 'orange.solid', stackId: 'q' },
      { name: 'deadLetters', label: 'Dead letters', color: 'red.solid', stackId: 'q' },
    ],
  });
  const waiting = queues.reduce((n, q) => n + q.created + q.retry, 0);
  const dead = queues.reduce((n, q) => n + q.deadLetters, 0);
  return (
    <ChartCard
      title="Job queue depth"
      summary={`${count.format(waiting)} ${waiting === 1 ? 'job' : 'jobs'} waiting across ${queues.length} queues; ${count.format(dead)} ${dead === 1 ? 'dead letter' : 'dead letters'}.`}
    >
      <Chart.Root h={`${Math.max(160, queues.length * 36)}px`} aspectRatio="auto" chart={chart}>
        <BarChart
          data={chart.data}
          layout="vertical"
          responsive
          style={FILL}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={paint(chart, 'border.muted')} horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} />
          <YAxis
            type="category"
            dataKey="queue"
            width={150}
            tickLine={false}
            axisLine={false}
            fontSize={12}
          />
          <Tooltip cursor={{ fill: paint(chart, 'bg.muted') }} content={<Chart.Tooltip />} />
          <Legend content={<Chart.Legend />} />
          {chart.series.map((s) => (
            <Bar
              key={s.name}
              dataKey={chart.key(s.name)}
              name={named(s.label)}
              fill={paint(chart, s.color)}
              stackId={s.stackId}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </Chart.Root>
    </ChartCard>
  );
}
