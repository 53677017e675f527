import { Money, multiplyRatio, PrecisePrice, type RoundingMode } from '../platform/money';
import type { ConnectorStatus } from './charging.schema';
import type { TariffPeriod, UsageSegment } from './tariff-periods';

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
  /** Time-of-day prices for energy and time (tariff-periods.ts); none: the prices above always. */
  periods?: readonly TariffPeriod[];
}

export interface Usage {
  /** Delivered so far (meter now − meter at start), never negative. */
  energyWh: bigint;
  /** From start to now (or to the stop). */
  durationSeconds: bigint;
  /**
   * The length in seconds of each stretch the connector was idle, in Finishing or SuspendedEV
   * (`idleStretchesOf`). The grace applies to each stretch: a car that pauses (SuspendedEV while
   * its battery cools or balances) and resumes blocks no one; the fee is for the car left plugged
   * in once it stopped drawing, counted from when that stretch began.
   */
  idleStretches: readonly bigint[];
  /** The hold: what may be captured at most. Absent when nothing was authorised (a link). */
  authorized?: Money;
  /**
   * With tariff periods: the usage split by period (`segmentsOf`), summing exactly to `energyWh`
   * and `durationSeconds`. Absent: all of it at the tariff's own prices.
   */
  segments?: readonly UsageSegment[];
}

export type LineKind = 'energy' | 'time' | 'idle' | 'session_fee' | 'tax';

export interface PriceLine {
  kind: LineKind;
  /** On energy and time lines of a tariff period: its name ("peak"). */
  period?: string;
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
    /** Each tariff period's prices, in the tariff's order, tax included like the rest. */
    periods: { name: string; energyPerKwh: PrecisePrice; timePerMinute: PrecisePrice }[];
  };
}

export function priceSession(tariff: Tariff, usage: Usage): SessionPrice {
  const { currency } = tariff;
  for (const [name, v] of [
    ['energyWh', usage.energyWh],
    ['durationSeconds', usage.durationSeconds],
    ...usage.idleStretches.map((v) => ['idleStretches', v] as const),
  ] as const) {
    if (v < 0n) throw new RangeError(`${name} must be non-negative, got ${v}`);
  }
  const graceSeconds = BigInt(tariff.idleGraceMinutes) * 60n;
  // Summed over the stretches, then priced and rounded once as one line.
  const billedIdle = usage.idleStretches.reduce(
    (sum, s) => sum + (s > graceSeconds ? s - graceSeconds : 0n),
    0n,
  );
  const charges: PriceLine[] = [
    ...usageLines(tariff, usage),
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

/**
 * The energy lines then the time lines: one of each for the tariff's own prices, or one per
 * period used (in the tariff's order, its own prices first), each rounded once.
 */
function usageLines(tariff: Tariff, usage: Usage): PriceLine[] {
  const segments = usage.segments ?? [
    { period: null, energyWh: usage.energyWh, durationSeconds: usage.durationSeconds },
  ];
  const sum = (f: (s: UsageSegment) => bigint) => segments.reduce((a, s) => a + f(s), 0n);
  if (
    sum((s) => s.energyWh) !== usage.energyWh ||
    sum((s) => s.durationSeconds) !== usage.durationSeconds
  )
    throw new RangeError('usage segments must sum to the session energy and duration');
  const order = (s: UsageSegment) => (s.period === null ? -1 : s.period);
  const sorted = [...segments].sort((a, b) => order(a) - order(b));
  const priced = sorted.map((s) => {
    const period = s.period === null ? undefined : tariff.periods?.[s.period];
    if (s.period !== null && !period) throw new RangeError(`no tariff period ${s.period}`);
    return { s, period, label: period ? { period: period.name } : {} };
  });
  // Without periods the lines are the tariff's two, even at zero, so a receipt always shows them.
  const energy = priced
    .filter(({ s }) => s.energyWh > 0n || priced.length === 1)
    .map(({ s, period, label }): PriceLine => ({
      kind: 'energy',
      ...label,
      quantity: s.energyWh,
      unit: 'Wh',
      amount: (period?.energyPerKwh ?? tariff.energyPerKwh).costFor(s.energyWh, 1000n, ROUNDING),
    }));
  const time = priced
    .filter(({ s }) => s.durationSeconds > 0n || priced.length === 1)
    .map(({ s, period, label }): PriceLine => ({
      kind: 'time',
      ...label,
      quantity: s.durationSeconds,
      unit: 's',
      amount: (period?.timePerMinute ?? tariff.timePerMinute).costFor(
        s.durationSeconds,
        60n,
        ROUNDING,
      ),
    }));
  return [...energy, ...time];
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
    periods: (tariff.periods ?? []).map((p) => ({
      name: p.name,
      energyPerKwh: gross(p.energyPerKwh),
      timePerMinute: gross(p.timePerMinute),
    })),
  };
}

/** A connector status change as the charger reported it (StatusNotification). */
export interface StatusAt {
  status: ConnectorStatus;
  at: Date;
}

const IDLE_STATUSES: ReadonlySet<ConnectorStatus> = new Set(['FINISHING', 'SUSPENDED_EV']);

/** Whether the connector counts as idle in this status (the car plugged in, drawing nothing). */
export const isIdle = (status: ConnectorStatus) => IDLE_STATUSES.has(status);

/**
 * The idle stretches between `from` and `to`, in whole seconds each (rounded down), from the
 * connector's status changes in any order: sorted by time (stable, so of two at one instant the
 * later-listed wins), a repeated status continues its stretch, and the status before the first
 * change counts as not idle. A stretch still open at `to` runs to `to`, so the live cost grows
 * with it. Changes outside the window are clamped to it.
 */
export function idleStretchesOf(changes: readonly StatusAt[], from: Date, to: Date): bigint[] {
  const start = from.getTime();
  const end = Math.max(start, to.getTime());
  const sorted = changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.at.getTime() - b.c.at.getTime() || a.i - b.i);
  const stretches: bigint[] = [];
  let idleSince: number | undefined;
  const close = (t: number) => {
    if (idleSince !== undefined && t > idleSince)
      stretches.push(BigInt(Math.floor((t - idleSince) / 1000)));
    idleSince = undefined;
  };
  for (const { c } of sorted) {
    const t = Math.min(Math.max(c.at.getTime(), start), end);
    if (isIdle(c.status)) idleSince ??= t;
    else close(t);
  }
  close(end);
  return stretches;
}
