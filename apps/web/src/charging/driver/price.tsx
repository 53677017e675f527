import { Box, DataList, Stack, Text } from '@chakra-ui/react';
import { formatMoney, formatUnitPrice } from '../../lib/format';
import type { Price } from './queries';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** ISO weekdays as words: "Mon–Fri", "Sat, Sun", "Every day". */
export function dayNames(days: readonly number[]): string {
  const d = [...new Set(days)].sort((a, b) => a - b);
  if (d.length === 7) return 'Every day';
  const consecutive = d.length > 2 && d.every((v, i) => i === 0 || v === d[i - 1]! + 1);
  if (consecutive) return `${DAYS[d[0]! - 1]}–${DAYS[d.at(-1)! - 1]}`;
  return d.map((v) => DAYS[v - 1]).join(', ');
}

const percent = (basisPoints: number) => `${basisPoints / 100} %`;

/** The headline price of a charge: "€0.39 / kWh", and "+ €0.02 / min" when time is billed. */
export function headlinePrice(p: Price): string {
  const energy = `${formatUnitPrice(p.energyPricePerKwh, p.currency)} / kWh`;
  return p.timePricePerMinute > 0
    ? `${energy} + ${formatUnitPrice(p.timePricePerMinute, p.currency)} / min`
    : energy;
}

/** The hold in words: what a driver most often misreads as the price. */
export function holdSentence(p: Price): string {
  return `${formatMoney(p.holdAmount, p.currency)} is held on your card; you pay only what you use.`;
}

/**
 * Every part of the price before the start, tax included as the directory gives it: energy, time,
 * idle fee after the grace, session fee, the time-of-day periods (in the station's time), the hold.
 */
export function PriceList({
  price: p,
  timeZone,
  holdText,
}: {
  price: Price;
  timeZone: string;
  /** The hold or the cap for the way the driver chose to pay (default: a card hold). */
  holdText?: string;
}) {
  const rows: [string, string][] = [
    ['Energy', `${formatUnitPrice(p.energyPricePerKwh, p.currency)} per kWh`],
  ];
  if (p.timePricePerMinute > 0)
    rows.push(['Time', `${formatUnitPrice(p.timePricePerMinute, p.currency)} per minute`]);
  if (p.idlePricePerMinute > 0)
    rows.push([
      'Idle fee',
      `${formatUnitPrice(p.idlePricePerMinute, p.currency)} per minute once charging has finished, after ${p.idleGraceMinutes} minutes of grace`,
    ]);
  rows.push(['Session fee', p.sessionFee > 0 ? formatMoney(p.sessionFee, p.currency) : 'None']);
  rows.push([
    'Tax',
    p.taxRateBasisPoints === 0
      ? 'No tax'
      : `${percent(p.taxRateBasisPoints)} included in these prices`,
  ]);
  return (
    <Stack gap={3}>
      <DataList.Root orientation="horizontal" gap={2}>
        {rows.map(([k, v]) => (
          <DataList.Item key={k}>
            <DataList.ItemLabel minW="6.5rem">{k}</DataList.ItemLabel>
            <DataList.ItemValue>{v}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList.Root>
      {p.periods.length > 0 && (
        <Stack gap={1}>
          <Text fontWeight="semibold">At certain times ({timeZone} time)</Text>
          <Stack as="ul" gap={1} listStyleType="none" data-testid="price-periods">
            {p.periods.map((t) => (
              <Box as="li" key={`${t.name}-${t.start}-${t.days.join()}`} fontSize="sm">
                <Text as="span" fontWeight="medium">
                  {t.name}
                </Text>{' '}
                · {dayNames(t.days)} {t.start}–{t.end}:{' '}
                {formatUnitPrice(t.energyPricePerKwh, p.currency)} per kWh
                {t.timePricePerMinute > 0 &&
                  ` + ${formatUnitPrice(t.timePricePerMinute, p.currency)} per minute`}
                {/* The directory gives periods as the tariff states them: before an exclusive tax. */}
                {!p.taxInclusive &&
                  p.taxRateBasisPoints > 0 &&
                  ` plus ${percent(p.taxRateBasisPoints)} tax`}
              </Box>
            ))}
          </Stack>
        </Stack>
      )}
      <Text data-testid="hold-sentence" bg="teal.50" color="teal.900" p={3} borderRadius="md">
        {holdText ?? holdSentence(p)}
      </Text>
    </Stack>
  );
}
