import { Button, Field, Flex, Input, NativeSelect, SimpleGrid, Stack } from '@chakra-ui/react';
import { useState } from 'react';
import { Loaded } from '../shell/page';
import { QueueChart, StatusChart, SuccessRateChart, VolumeChart, WebhookChart } from './charts';
import {
  usePaymentStats,
  useQueueStats,
  useWebhookStats,
  type DayRange,
  type PaymentStats,
} from './queries';
import { AdminPage } from './admin-page';

/** YYYY-MM-DD of a date in the user's own time zone. */
const localDay = (d: Date) => new Intl.DateTimeFormat('en-CA').format(d);
const daysBack = (n: number): DayRange => {
  const to = new Date();
  const from = new Date(to);
  from.setDate(from.getDate() - (n - 1));
  return { from: localDay(from), to: localDay(to) };
};
const PRESETS = [7, 30, 90] as const;

function RangePicker({ range, onChange }: { range: DayRange; onChange: (r: DayRange) => void }) {
  const [draft, setDraft] = useState(range);
  const reversed = draft.from > draft.to;
  return (
    <Flex
      as="form"
      gap={3}
      wrap="wrap"
      align="end"
      bg="white"
      p={4}
      borderRadius="md"
      borderWidth="1px"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reversed && draft.from && draft.to) onChange(draft);
      }}
    >
      <Field.Root width="auto" invalid={reversed}>
        <Field.Label>From</Field.Label>
        <Input
          type="date"
          value={draft.from}
          max={draft.to}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
      </Field.Root>
      <Field.Root width="auto" invalid={reversed}>
        <Field.Label>To</Field.Label>
        <Input
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        {reversed && <Field.ErrorText>The start must not be after the end.</Field.ErrorText>}
      </Field.Root>
      <Button type="submit" colorPalette="teal" disabled={reversed}>
        Show
      </Button>
      <Flex gap={2} wrap="wrap">
        {PRESETS.map((n) => (
          <Button
            key={n}
            variant="outline"
            size="sm"
            onClick={() => {
              const r = daysBack(n);
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

function Volume({ stats }: { stats: PaymentStats }) {
  const currencies = [...new Set(stats.volume.map((v) => v.currency))].sort();
  const [picked, setPicked] = useState<string>();
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] ?? 'usd');
  return (
    <Stack gap={2} minW={0}>
      {currencies.length > 1 && (
        <NativeSelect.Root size="sm" width="auto" alignSelf="end">
          <NativeSelect.Field
            aria-label="Volume currency"
            value={currency}
            onChange={(e) => setPicked(e.target.value)}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      )}
      <VolumeChart stats={stats} currency={currency} />
    </Stack>
  );
}

export function DashboardPage() {
  const [range, setRange] = useState(() => daysBack(30));
  const payments = usePaymentStats(range);
  const webhooks = useWebhookStats(range);
  const queues = useQueueStats();
  return (
    <AdminPage title="Dashboard">
      <RangePicker range={range} onChange={setRange} />
      <SimpleGrid columns={{ base: 1, lg: 2 }} gap={4}>
        <Loaded query={payments} what="payment statistics">
          {(s) => (
            <>
              <StatusChart stats={s} />
              <SuccessRateChart stats={s} />
              <Volume stats={s} />
            </>
          )}
        </Loaded>
        <Loaded query={webhooks} what="webhook statistics">
          {(s) => <WebhookChart stats={s} />}
        </Loaded>
      </SimpleGrid>
      <Loaded
        query={queues}
        what="job queues"
        isEmpty={(q) => q.data.length === 0}
        empty="No job queue is defined yet."
      >
        {(q) => <QueueChart queues={q.data} />}
      </Loaded>
    </AdminPage>
  );
}
