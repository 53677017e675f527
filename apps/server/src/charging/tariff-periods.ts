import type { PrecisePrice } from '../platform/money';

/**
 * Time-of-day pricing: a tariff's periods (peak, night…) replace its energy and time prices while
 * they apply, in the station's local time. Pure: the instant and the time zone are arguments.
 */
export interface TariffPeriod {
  /** Shown on the receipt's lines: "Energy (peak)". */
  name: string;
  /** ISO weekdays it applies on, 1 = Monday … 7 = Sunday, in the station's time zone. */
  days: readonly number[];
  /** Minutes after local midnight, [start, end); an end before the start runs past midnight. */
  startMinute: number;
  endMinute: number;
  energyPerKwh: PrecisePrice;
  timePerMinute: PrecisePrice;
}

/** What was used while one period applied (`period` its index; null: the tariff's own prices). */
export interface UsageSegment {
  period: number | null;
  energyWh: bigint;
  durationSeconds: bigint;
}

/** A meter reading: the register in Wh at an instant. */
export interface MeterSample {
  at: Date;
  wh: bigint;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local ISO weekday and minute of the day of an instant in an IANA time zone. */
export function localMinute(at: Date, timeZone: string): { day: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The period in force at a local minute: the first that covers it, else null. */
export function periodAt(
  periods: readonly TariffPeriod[],
  local: { day: number; minute: number },
): number | null {
  const i = periods.findIndex((p) => {
    const wraps = p.endMinute <= p.startMinute;
    const inTime = wraps
      ? local.minute >= p.startMinute || local.minute < p.endMinute
      : local.minute >= p.startMinute && local.minute < p.endMinute;
    return inTime && p.days.includes(local.day);
  });
  return i < 0 ? null : i;
}

/** Two periods that cover the same minute of the week (a tariff must not have them). */
export function overlappingPeriods(periods: readonly TariffPeriod[]): [number, number] | undefined {
  const owner = new Map<number, number>();
  for (let day = 1; day <= 7; day++) {
    for (let minute = 0; minute < 1440; minute++) {
      for (let i = 0; i < periods.length; i++) {
        if (periodAt([periods[i]!], { day, minute }) === null) continue;
        const key = day * 1440 + minute;
        const first = owner.get(key);
        if (first !== undefined) return [first, i];
        owner.set(key, i);
      }
    }
  }
  return undefined;
}

const MINUTE_MS = 60_000;

/**
 * Runs of one period between two instants: local time zones move by whole minutes, so a period
 * can only begin or end on a UTC minute boundary, and each minute has one period.
 */
function runsBetween(
  periods: readonly TariffPeriod[],
  timeZone: string,
  from: number,
  to: number,
): { period: number | null; from: number; to: number }[] {
  // A session of no length still has the period of its instant (its energy must go somewhere).
  if (to <= from)
    return [{ period: periodAt(periods, localMinute(new Date(from), timeZone)), from, to: from }];
  const runs: { period: number | null; from: number; to: number }[] = [];
  let t = from;
  while (t < to) {
    const next = Math.min(to, (Math.floor(t / MINUTE_MS) + 1) * MINUTE_MS);
    const period = periodAt(periods, localMinute(new Date(t), timeZone));
    const last = runs.at(-1);
    if (last && last.period === period) last.to = next;
    else runs.push({ period, from: t, to: next });
    t = next;
  }
  return runs;
}

/**
 * Splits a session's usage by period. Time is the overlap of the session with each period; the
 * energy between two readings is shared among the periods of that interval in proportion to
 * time (the meter says nothing finer). Each total is exact: seconds and Wh are cut on cumulative
 * boundaries, so the segments sum to the whole session's seconds (rounded down once) and Wh.
 * `samples` are the meter readings in time order, the start reading first.
 */
export function segmentsOf(
  periods: readonly TariffPeriod[],
  timeZone: string,
  samples: readonly MeterSample[],
  start: Date,
  end: Date,
): UsageSegment[] {
  const from = start.getTime();
  const to = Math.max(from, end.getTime());
  // No periods: one run, without asking the time zone about every minute.
  const runs =
    periods.length === 0 ? [{ period: null, from, to }] : runsBetween(periods, timeZone, from, to);
  const energy = new Map<number, bigint>(); // run index → Wh
  for (let k = 1; k < samples.length; k++) {
    const a = samples[k - 1]!;
    const b = samples[k]!;
    const wh = b.wh > a.wh ? b.wh - a.wh : 0n;
    const t0 = Math.max(from, a.at.getTime());
    const t1 = Math.min(to, b.at.getTime());
    if (wh === 0n) continue;
    if (t1 <= t0) {
      // A reading at one instant (or outside the session): the run it falls in takes it all,
      // the last one at or after the session's end, the first one before its start.
      const found = runs.findIndex((r) => r.from <= t0 && t0 < r.to);
      const i = found >= 0 ? found : t0 >= to ? runs.length - 1 : 0;
      energy.set(i, (energy.get(i) ?? 0n) + wh);
      continue;
    }
    const span = BigInt(t1 - t0);
    let given = 0n;
    let elapsed = 0n;
    runs.forEach((r, i) => {
      const overlap = Math.min(r.to, t1) - Math.max(r.from, t0);
      if (overlap <= 0) return;
      elapsed += BigInt(overlap);
      const upTo = (wh * elapsed) / span; // cumulative, so the parts sum to wh exactly
      energy.set(i, (energy.get(i) ?? 0n) + upTo - given);
      given = upTo;
    });
  }
  const byPeriod = new Map<number | null, UsageSegment>();
  let elapsedMs = 0;
  let secondsGiven = 0n;
  runs.forEach((r, i) => {
    elapsedMs += r.to - r.from;
    const upTo = BigInt(Math.floor(elapsedMs / 1000));
    const seg = byPeriod.get(r.period) ?? { period: r.period, energyWh: 0n, durationSeconds: 0n };
    seg.durationSeconds += upTo - secondsGiven;
    seg.energyWh += energy.get(i) ?? 0n;
    secondsGiven = upTo;
    byPeriod.set(r.period, seg);
  });
  return [...byPeriod.values()];
}
