import { DataList } from '@chakra-ui/react';
import { formatMoney } from '../../lib/format';
import { formatUnitPrice, taxRateText } from './prices';
import type { Tariff } from './queries';
import { WEEKDAYS } from './tariff-periods';

/**
 * A tariff's prices in words, as set (net or gross as the tariff says). What drivers are shown,
 * tax included, is the server's to compute: the connector's QR panel shows that (qr.tsx).
 */
export function tariffLine(t: Tariff): string {
  const parts = [`${formatUnitPrice(t.energyPricePerKwh, t.currency)} per kWh`];
  if (t.timePricePerMinute > 0)
    parts.push(`${formatUnitPrice(t.timePricePerMinute, t.currency)} per minute`);
  if (t.sessionFee > 0) parts.push(`${formatMoney(t.sessionFee, t.currency)} per session`);
  const line = parts.join(' + ');
  const n = t.periods.length;
  return n ? `${line}; ${n} time-of-day period${n > 1 ? 's' : ''}` : line;
}

/** "Mon–Fri", "Sat, Sun", "Every day". */
function daysLabel(days: number[]): string {
  const sorted = [...days].sort();
  if (sorted.length === 7) return 'Every day';
  const name = (d: number) => WEEKDAYS[d - 1]!.label;
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (run && sorted.length > 2) return `${name(sorted[0]!)}–${name(sorted.at(-1)!)}`;
  return sorted.map(name).join(', ');
}

/** One period in words: "Peak, Mon–Fri 07:00–22:00: €0.45 per kWh". */
function periodLine(t: Tariff, p: Tariff['periods'][number]): string {
  const time =
    p.timePricePerMinute > 0
      ? ` + ${formatUnitPrice(p.timePricePerMinute, t.currency)} per minute`
      : '';
  return `${p.name}, ${daysLabel(p.days)} ${p.start}–${p.end}: ${formatUnitPrice(p.energyPricePerKwh, t.currency)} per kWh${time}`;
}

export function TariffSummary({ tariff: t }: { tariff: Tariff }) {
  const tax =
    t.taxRateBasisPoints === 0
      ? 'No tax'
      : `${taxRateText(t.taxRateBasisPoints)} % ${t.taxInclusive ? 'included in the prices' : 'added on top'}`;
  const rows: [string, string][] = [
    ['Energy', `${formatUnitPrice(t.energyPricePerKwh, t.currency)} per kWh`],
    [
      'Time',
      t.timePricePerMinute > 0
        ? `${formatUnitPrice(t.timePricePerMinute, t.currency)} per minute plugged in`
        : 'Free',
    ],
    [
      'Idle',
      t.idlePricePerMinute > 0
        ? `${formatUnitPrice(t.idlePricePerMinute, t.currency)} per minute after ${t.idleGraceMinutes} free minutes`
        : 'Free',
    ],
    ['Session fee', t.sessionFee > 0 ? formatMoney(t.sessionFee, t.currency) : 'None'],
    ['Tax', tax],
    ['Hold on the card', formatMoney(t.holdAmount, t.currency)],
    ...t.periods.map((p, i): [string, string] => [`Period ${i + 1}`, periodLine(t, p)]),
  ];
  return (
    <DataList.Root orientation="horizontal" data-testid="tariff-summary">
      {rows.map(([k, v]) => (
        <DataList.Item key={k}>
          <DataList.ItemLabel>{k}</DataList.ItemLabel>
          <DataList.ItemValue overflowWrap="anywhere">{v}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList.Root>
  );
}
