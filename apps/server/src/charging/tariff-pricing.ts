import { Money, PrecisePrice } from '../platform/money';
import type { StoredPeriod, TariffRow } from './charging.schema';
import type { Tariff } from './pricing';
import type { TariffPeriod } from './tariff-periods';

/** A stored period as the pricing engine reads it. */
export const toTariffPeriod =
  (currency: string) =>
  (p: StoredPeriod): TariffPeriod => ({
    name: p.name,
    days: p.days,
    startMinute: p.startMinute,
    endMinute: p.endMinute,
    energyPerKwh: PrecisePrice.of(BigInt(p.energyPricePerKwh), currency),
    timePerMinute: PrecisePrice.of(BigInt(p.timePricePerMinute), currency),
  });

/** A tariff row as `priceSession` takes it: the one conversion from stored columns to prices. */
export function toPricingTariff(row: TariffRow): Tariff {
  const { currency } = row;
  return {
    currency,
    energyPerKwh: PrecisePrice.of(row.energyPricePerKwh, currency),
    timePerMinute: PrecisePrice.of(row.timePricePerMinute, currency),
    idlePerMinute: PrecisePrice.of(row.idlePricePerMinute, currency),
    idleGraceMinutes: row.idleGraceMinutes,
    sessionFee: Money.of(row.sessionFee, currency),
    taxRateBasisPoints: row.taxRateBasisPoints,
    taxInclusive: row.taxInclusive,
    periods: row.periods.map(toTariffPeriod(currency)),
  };
}
