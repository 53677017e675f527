import { Money } from '../platform/money';
import type {
  ChargingSessionRow,
  OcppTransactionRow,
  TariffRow,
  TariffSnapshot,
} from './charging.schema';
import { priceSession, type SessionPrice, type Tariff } from './pricing';
import { segmentsOf } from './tariff-periods';
import { toPricingTariff } from './tariff-pricing';

/** The tariff's prices as the session keeps them: frozen at the start, never repriced. */
export function snapshotOf(t: TariffRow, timeZone: string): TariffSnapshot {
  return {
    tariffId: t.id,
    name: t.name,
    currency: t.currency,
    energyPricePerKwh: t.energyPricePerKwh.toString(),
    timePricePerMinute: t.timePricePerMinute.toString(),
    idlePricePerMinute: t.idlePricePerMinute.toString(),
    idleGraceMinutes: t.idleGraceMinutes,
    sessionFee: t.sessionFee.toString(),
    taxRateBasisPoints: t.taxRateBasisPoints,
    taxInclusive: t.taxInclusive,
    holdAmount: t.holdAmount.toString(),
    periods: t.periods,
    timeZone,
  };
}

export function tariffOf(s: TariffSnapshot): Tariff {
  return toPricingTariff({
    currency: s.currency,
    energyPricePerKwh: BigInt(s.energyPricePerKwh),
    timePricePerMinute: BigInt(s.timePricePerMinute),
    idlePricePerMinute: BigInt(s.idlePricePerMinute),
    idleGraceMinutes: s.idleGraceMinutes,
    sessionFee: BigInt(s.sessionFee),
    taxRateBasisPoints: s.taxRateBasisPoints,
    taxInclusive: s.taxInclusive,
    periods: s.periods,
  });
}

const secondsBetween = (from: Date, to: Date) =>
  BigInt(Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000)));

/** Energy delivered so far by the transaction: the last reading (or the stop) above the start. */
export function energyOf(
  tx: Pick<OcppTransactionRow, 'energyWh' | 'lastMeterWh' | 'meterStartWh'>,
) {
  if (tx.energyWh !== null) return tx.energyWh;
  const last = tx.lastMeterWh ?? tx.meterStartWh;
  return last > tx.meterStartWh ? last - tx.meterStartWh : 0n;
}

/**
 * The session's price at `now` (live) or at its end (the bill): priceSession on the frozen tariff,
 * the energy the charger reported and the time since the StartTransaction. With time-of-day
 * periods the usage is split by period in the station's zone (`segmentsOf`); only the start and
 * the latest reading are kept, so the energy between them is shared in proportion to time. Idle
 * time is not tracked yet (no history of connector statuses is kept), so it counts zero.
 */
export function priceOf(
  session: Pick<
    ChargingSessionRow,
    'tariff' | 'startedAt' | 'endedAt' | 'authorizedAmount' | 'currency'
  >,
  energyWh: bigint,
  now: Date,
  readAt?: Date | null,
): SessionPrice {
  const start = session.startedAt ?? now;
  const end = session.endedAt ?? now;
  const tariff = tariffOf(session.tariff);
  const lastAt = new Date(Math.min(end.getTime(), (readAt ?? end).getTime()));
  const segments = tariff.periods?.length
    ? segmentsOf(
        tariff.periods,
        session.tariff.timeZone,
        [
          { at: start, wh: 0n },
          { at: lastAt, wh: energyWh },
        ],
        start,
        end,
      )
    : undefined;
  return priceSession(tariff, {
    energyWh,
    durationSeconds: secondsBetween(start, end),
    idleSeconds: 0n,
    ...(segments ? { segments } : {}),
    ...(session.authorizedAmount !== null
      ? { authorized: Money.of(session.authorizedAmount, session.currency) }
      : {}),
  });
}

/**
 * The cost the session would reach `headroomSeconds` from now at its average power so far: what
 * the near-the-hold check compares with the authorised amount. The average, not the last sample,
 * because a charger's instantaneous power jumps (ramp-up, balancing) while the average is what
 * the energy line actually grew by.
 */
export function projectedCost(
  session: Pick<ChargingSessionRow, 'tariff' | 'startedAt' | 'currency'>,
  energyWh: bigint,
  now: Date,
  headroomSeconds: number,
): bigint {
  const start = session.startedAt ?? now;
  const elapsed = secondsBetween(start, now);
  const ahead = BigInt(headroomSeconds);
  const extraWh = elapsed > 0n ? (energyWh * ahead + elapsed - 1n) / elapsed : 0n;
  const later = new Date(now.getTime() + headroomSeconds * 1000);
  return priceOf(
    { ...session, startedAt: start, endedAt: later, authorizedAmount: null },
    energyWh + extraWh,
    later,
    later,
  ).total.minor;
}
