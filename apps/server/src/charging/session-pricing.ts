import { Money } from '../platform/money';
import type {
  ChargingSessionRow,
  OcppTransactionRow,
  TariffRow,
  TariffSnapshot,
} from './charging.schema';
import {
  idleStretchesOf,
  priceSession,
  type SessionPrice,
  type StatusAt,
  type Tariff,
} from './pricing';
import { segmentsOf, type MeterSample } from './tariff-periods';
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
 * What the session's price depends on besides its row and energy: its connector's status changes
 * (idle stretches) and its transaction's meter readings (energy across tariff periods), loaded by
 * SessionHistories. Empty when nothing was recorded (the price is then the start and last reading).
 */
export interface SessionHistory {
  /** The register at the start; readings are relative to it. */
  meterStartWh: bigint;
  /** Every energy reading of the transaction, in any order. */
  readings: readonly MeterSample[];
  /** The connector's status changes while the session was live, in the order they happened. */
  statuses: readonly StatusAt[];
}

export const NO_HISTORY: SessionHistory = { meterStartWh: 0n, readings: [], statuses: [] };

/**
 * The meter readings as segmentsOf takes them: energy since the start at each instant, from the
 * start (0) to the last reading (`energyWh` at `lastAt`). A register that went down (a reset, a
 * reading out of order) or above what is billed is clamped, and each reading is at least the one
 * before, so the intervals' energy sums to `energyWh` exactly: the bill's energy is the stop's,
 * the readings only say when in the session it flowed.
 */
export function samplesOf(
  history: SessionHistory,
  start: Date,
  lastAt: Date,
  energyWh: bigint,
): MeterSample[] {
  const from = start.getTime();
  const to = Math.max(from, lastAt.getTime());
  const inside = history.readings
    .filter((r) => r.at.getTime() > from && r.at.getTime() < to)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const samples: MeterSample[] = [{ at: start, wh: 0n }];
  let high = 0n;
  for (const r of inside) {
    const since = r.wh - history.meterStartWh;
    high = since > high ? (since < energyWh ? since : energyWh) : high;
    samples.push({ at: r.at, wh: high });
  }
  samples.push({ at: new Date(to), wh: energyWh });
  return samples;
}

/**
 * The session's price at `now` (live) or at its end (the bill): priceSession on the frozen tariff,
 * the energy the charger reported and the time since the StartTransaction. With time-of-day
 * periods the usage is split by period in the station's zone (`segmentsOf`), the energy between
 * consecutive readings shared in proportion to time. Idle stretches come from the connector's
 * status changes within the session; one still open runs to `end`, so the live cost includes it.
 */
export function priceOf(
  session: Pick<
    ChargingSessionRow,
    'tariff' | 'startedAt' | 'endedAt' | 'authorizedAmount' | 'currency'
  >,
  energyWh: bigint,
  now: Date,
  readAt: Date | null | undefined,
  history: SessionHistory,
): SessionPrice {
  const start = session.startedAt ?? now;
  const end = session.endedAt ?? now;
  const tariff = tariffOf(session.tariff);
  const lastAt = new Date(Math.min(end.getTime(), (readAt ?? end).getTime()));
  const segments = tariff.periods?.length
    ? segmentsOf(
        tariff.periods,
        session.tariff.timeZone,
        samplesOf(history, start, lastAt, energyWh),
        start,
        end,
      )
    : undefined;
  return priceSession(tariff, {
    energyWh,
    durationSeconds: secondsBetween(start, end),
    idleStretches: idleStretchesOf(history.statuses, start, end),
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
  history: SessionHistory,
): bigint {
  const start = session.startedAt ?? now;
  // At least a second: a reading in the session's first second is a rate too, not none.
  const seconds = secondsBetween(start, now);
  const elapsed = seconds > 0n ? seconds : 1n;
  const ahead = BigInt(headroomSeconds);
  const extraWh = (energyWh * ahead + elapsed - 1n) / elapsed;
  const later = new Date(now.getTime() + headroomSeconds * 1000);
  return priceOf(
    { ...session, startedAt: start, endedAt: later, authorizedAmount: null },
    energyWh + extraWh,
    later,
    later,
    history,
  ).total.minor;
}
