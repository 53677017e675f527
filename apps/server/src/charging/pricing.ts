import { Money, multiplyRatio, PrecisePrice, type RoundingMode } from '../platform/money';
import type { ConnectorStatus } from './charging.schema';

/**
 * The one pricing engine of charging: the price shown before a start, the live cost while the car
 * charges, the amount captured at the stop and the receipt's lines all come from `priceSession`,
 * so what a driver is shown, charged and sent cannot disagree. Pure: no clock, no database.
 *
 * Exact integer arithmetic throughout: energy in Wh, time in seconds, unit prices finer than the
 * currency (`PrecisePrice`), and one rounding per line (half up), never of a unit price.
 */

const ROUNDING: RoundingMode = 'half-up';
const BASIS_POINTS = 10_000n;

export interface Tariff {
  currency: string;
  /** Per kWh, finer than the currency (€0.3249/kWh). */
  energyPerKwh: PrecisePrice;
  /** Per minute of the whole session, plugged in to stop (billed by the second). */
  timePerMinute: PrecisePrice;
  /** Per minute idle after the grace: time in Finishing or SuspendedEV (the car no longer draws). */
  idlePerMinute: PrecisePrice;
  idleGraceMinutes: number;
  /** Once per session. */
  sessionFee: Money;
  /** 1900 = 19 %. */
  taxRateBasisPoints: number;
  /** Inclusive: the prices above already contain the tax; exclusive: it is added on top. */
  taxInclusive: boolean;
}

export interface Usage {
  /** Delivered so far (meter now − meter at start), never negative. */
  energyWh: bigint;
  /** From start to now (or to the stop). */
  durationSeconds: bigint;
  /** Total time in Finishing or SuspendedEV so far (see `idleSecondsOf`). */
  idleSeconds: bigint;
  /** The hold: what may be captured at most. Absent when nothing was authorised (a link). */
  authorized?: Money;
}

export type LineKind = 'energy' | 'time' | 'idle' | 'session_fee' | 'tax';

export interface PriceLine {
  kind: LineKind;
  /** In `unit`s: Wh for energy, seconds for time and idle, 1 for the session fee. */
  quantity: bigint;
  unit: 'Wh' | 's' | 'session' | 'basis_point';
  amount: Money;
}

export interface SessionPrice {
  /** Receipt lines; their amounts sum to `total` exactly (the tax line only when exclusive). */
  lines: PriceLine[];
  /** The live cost, and at the stop the bill. */
  total: Money;
  /** The tax the total contains (inclusive) or adds (exclusive: also the `tax` line). */
  tax: Money;
  /** What to capture: the total, but never more than the hold. */
  capture: Money;
  /** The rates a driver sees before starting, tax included. */
  rates: {
    energyPerKwh: PrecisePrice;
    timePerMinute: PrecisePrice;
    idlePerMinute: PrecisePrice;
    idleGraceMinutes: number;
    sessionFee: Money;
  };
}

export function priceSession(tariff: Tariff, usage: Usage): SessionPrice {
  const { currency } = tariff;
  for (const [name, v] of Object.entries({
    energyWh: usage.energyWh,
    durationSeconds: usage.durationSeconds,
    idleSeconds: usage.idleSeconds,
  })) {
    if (v < 0n) throw new RangeError(`${name} must be non-negative, got ${v}`);
  }
  const graceSeconds = BigInt(tariff.idleGraceMinutes) * 60n;
  const billedIdle = usage.idleSeconds > graceSeconds ? usage.idleSeconds - graceSeconds : 0n;
  const charges: PriceLine[] = [
    {
      kind: 'energy',
      quantity: usage.energyWh,
      unit: 'Wh',
      amount: tariff.energyPerKwh.costFor(usage.energyWh, 1000n, ROUNDING),
    },
    {
      kind: 'time',
      quantity: usage.durationSeconds,
      unit: 's',
      amount: tariff.timePerMinute.costFor(usage.durationSeconds, 60n, ROUNDING),
    },
    {
      kind: 'idle',
      quantity: billedIdle,
      unit: 's',
      amount: tariff.idlePerMinute.costFor(billedIdle, 60n, ROUNDING),
    },
    { kind: 'session_fee', quantity: 1n, unit: 'session', amount: tariff.sessionFee },
  ];
  const rate = BigInt(tariff.taxRateBasisPoints);
  const charged = Money.sum(
    currency,
    charges.map((l) => l.amount),
  );
  let lines = charges;
  let tax: Money;
  if (tariff.taxInclusive) {
    // The tax inside a gross amount: gross × r / (1 + r), rounded once on the total.
    tax = charged.multiplyRatio(rate, BASIS_POINTS + rate, ROUNDING);
  } else {
    tax = charged.multiplyRatio(rate, BASIS_POINTS, ROUNDING);
    lines = [...charges, { kind: 'tax', quantity: rate, unit: 'basis_point', amount: tax }];
  }
  const total = Money.sum(
    currency,
    lines.map((l) => l.amount),
  );
  const capture =
    usage.authorized && usage.authorized.compare(total) < 0 ? usage.authorized : total;
  return { lines, total, tax, capture, rates: grossRates(tariff) };
}

/** The unit prices with the tax in them, for the page before the start (display only). */
function grossRates(tariff: Tariff): SessionPrice['rates'] {
  const rate = BigInt(tariff.taxRateBasisPoints);
  const gross = (p: PrecisePrice) =>
    tariff.taxInclusive
      ? p
      : PrecisePrice.of(
          multiplyRatio(p.amount, BASIS_POINTS + rate, BASIS_POINTS, ROUNDING),
          p.currency,
          p.scale,
        );
  return {
    energyPerKwh: gross(tariff.energyPerKwh),
    timePerMinute: gross(tariff.timePerMinute),
    idlePerMinute: gross(tariff.idlePerMinute),
    idleGraceMinutes: tariff.idleGraceMinutes,
    sessionFee: tariff.taxInclusive
      ? tariff.sessionFee
      : tariff.sessionFee.multiplyRatio(BASIS_POINTS + rate, BASIS_POINTS, ROUNDING),
  };
}

/** A connector status change as the charger reported it (StatusNotification). */
export interface StatusAt {
  status: ConnectorStatus;
  at: Date;
}

const IDLE_STATUSES: ReadonlySet<ConnectorStatus> = new Set(['FINISHING', 'SUSPENDED_EV']);

/**
 * Seconds spent in Finishing or SuspendedEV between `from` and `to`, given the connector's status
 * changes in time order (the status before the first change counts as not idle). Whole seconds,
 * rounded down once on the sum.
 */
export function idleSecondsOf(changes: readonly StatusAt[], from: Date, to: Date): bigint {
  let idleMs = 0;
  let idleSince: number | undefined;
  const start = from.getTime();
  const end = to.getTime();
  for (const change of changes) {
    const t = Math.min(Math.max(change.at.getTime(), start), end);
    const idle = IDLE_STATUSES.has(change.status);
    if (idle && idleSince === undefined) idleSince = t;
    if (!idle && idleSince !== undefined) {
      idleMs += t - idleSince;
      idleSince = undefined;
    }
  }
  if (idleSince !== undefined) idleMs += end - idleSince;
  return BigInt(Math.floor(idleMs / 1000));
}
