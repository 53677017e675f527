import { DataList } from '@chakra-ui/react';
import { formatMoney } from '../../lib/format';
import { formatUnitPrice, taxRateText } from './prices';
import type { Tariff } from './queries';

/**
 * A tariff's prices in words. The server has no price preview (pricing.ts runs only inside a
 * session), so the page shows the rates as set rather than computing a sample bill itself.
 */
export function tariffLine(t: Tariff): string {
  const parts = [`${formatUnitPrice(t.energyPricePerKwh, t.currency)} per kWh`];
  if (t.timePricePerMinute > 0)
    parts.push(`${formatUnitPrice(t.timePricePerMinute, t.currency)} per minute`);
  if (t.sessionFee > 0) parts.push(`${formatMoney(t.sessionFee, t.currency)} per session`);
  return parts.join(' + ');
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
