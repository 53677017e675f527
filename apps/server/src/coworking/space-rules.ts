// The rules of a space as pure functions (no database): when it can be booked, what a booking
// costs, what a cancellation gives back, which slots of a day are free.
import { AppError } from '../platform/errors/app-error';
import { multiplyRatio } from '../platform/money';
import type { OpeningPeriod, PriceUnit } from './coworking.schema';
import { localParts, weekdayOf, zonedInstant } from './local-time';

const MINUTE = 60_000;
/** Hourly bookings start and end on this grid (minutes after local midnight). */
export const GRID_MINUTES = 30;
/** The length of one slot in the availability of an hourly space. */
export const SLOT_MINUTES = 60;

export interface SpaceTerms {
  priceUnit: PriceUnit;
  price: bigint;
  timeZone: string;
  openingHours: OpeningPeriod[];
  bufferMinutes: number;
}

/** A space's cancellation policy, copied onto each booking so a later edit does not change it. */
export interface CancellationPolicy {
  fullRefundHours: number;
  lateRefundPercent: number | null;
  lateCancellationFee: string | null;
}

const refuse = (message: string, param = 'start', code = 'outside_opening_hours') =>
  AppError.validation(message, param, code);

/** The opening period of a local date, if the space opens that day. */
export function periodOf(openingHours: OpeningPeriod[], date: string): OpeningPeriod | undefined {
  const day = weekdayOf(date);
  return openingHours.find((p) => p.day === day);
}

/**
 * Checks that [start, end) is a bookable range of the space: inside one day's opening hours (in its
 * time zone), on the half-hour grid for hourly spaces, the whole opening for daily ones (a day
 * pass). Returns the local date it is on.
 */
export function checkRange(terms: SpaceTerms, start: Date, end: Date): string {
  if (end.getTime() <= start.getTime()) throw refuse('end must be after start', 'end', 'bad_range');
  const from = localParts(start, terms.timeZone);
  const period = periodOf(terms.openingHours, from.date);
  if (!period) throw refuse(`The space is closed on ${from.date}`);
  const open = zonedInstant(from.date, period.openMinute, terms.timeZone);
  const close = zonedInstant(from.date, period.closeMinute, terms.timeZone);
  if (start < open || end > close)
    throw refuse(
      `Bookings on ${from.date} must lie between ${open.toISOString()} and ${close.toISOString()}`,
    );
  if (terms.priceUnit === 'DAY') {
    if (start.getTime() !== open.getTime() || end.getTime() !== close.getTime())
      throw refuse(
        'A daily space is booked for its whole opening hours of a day',
        'start',
        'whole_day_required',
      );
    return from.date;
  }
  const onGrid = (d: Date) =>
    (d.getTime() - open.getTime()) % (GRID_MINUTES * MINUTE) === 0 && d.getUTCSeconds() === 0;
  if (!onGrid(start) || !onGrid(end))
    throw refuse(
      `Hourly bookings start and end on the ${GRID_MINUTES}-minute grid from the opening time`,
      'start',
      'off_grid',
    );
  return from.date;
}

/** What [start, end) costs: hours × the hourly price (half up), or one day's price. */
export function priceOf(terms: Pick<SpaceTerms, 'priceUnit' | 'price'>, start: Date, end: Date) {
  if (terms.priceUnit === 'DAY') return terms.price;
  const minutes = BigInt(Math.round((end.getTime() - start.getTime()) / MINUTE));
  return multiplyRatio(terms.price, minutes, 60n, 'half-up');
}

/**
 * What a cancellation at `now` gives back of `paid`: all of it up to `fullRefundHours` before the
 * start; later but before the start, the late percentage (half up) or all but the fee; nothing
 * from the start on.
 */
export function refundFor(
  policy: CancellationPolicy,
  paid: bigint,
  startsAt: Date,
  now: Date,
): bigint {
  if (paid <= 0n || now.getTime() >= startsAt.getTime()) return 0n;
  if (startsAt.getTime() - now.getTime() >= policy.fullRefundHours * 60 * MINUTE) return paid;
  if (policy.lateRefundPercent !== null)
    return multiplyRatio(paid, BigInt(policy.lateRefundPercent), 100n, 'half-up');
  const fee = BigInt(policy.lateCancellationFee ?? '0');
  return paid > fee ? paid - fee : 0n;
}

/** One seat's live bookings, as the availability sees them. */
export interface Taken {
  seatId: string;
  startsAt: Date;
  blockedUntil: Date;
}

export interface Slot {
  start: Date;
  end: Date;
  seatsFree: number;
}

/**
 * Would [start, end) fit on a seat beside `taken`? The database's rule, mirrored: a booking's
 * range plus the buffer never overlaps another's.
 */
export function fits(taken: Taken[], start: Date, end: Date, bufferMinutes: number): boolean {
  const blocked = end.getTime() + bufferMinutes * MINUTE;
  return taken.every(
    (t) => blocked <= t.startsAt.getTime() || start.getTime() >= t.blockedUntil.getTime(),
  );
}

/**
 * The slots of a local date: hourly spaces in one-hour slots every half hour of the opening, daily
 * spaces as one slot of the whole opening; each with how many seats are free for it. Slots that
 * started before `now` are left out.
 */
export function slotsOf(
  terms: SpaceTerms,
  seatIds: string[],
  taken: Taken[],
  date: string,
  now: Date,
): Slot[] {
  const period = periodOf(terms.openingHours, date);
  if (!period) return [];
  const ranges: [number, number][] = [];
  if (terms.priceUnit === 'DAY') ranges.push([period.openMinute, period.closeMinute]);
  else
    for (let m = period.openMinute; m + SLOT_MINUTES <= period.closeMinute; m += GRID_MINUTES)
      ranges.push([m, m + SLOT_MINUTES]);
  const bySeat = new Map(seatIds.map((id) => [id, taken.filter((t) => t.seatId === id)]));
  return ranges
    .map(([a, b]) => ({
      start: zonedInstant(date, a, terms.timeZone),
      end: zonedInstant(date, b, terms.timeZone),
    }))
    .filter((s) => s.start.getTime() >= now.getTime())
    .map((s) => ({
      ...s,
      seatsFree: [...bySeat.values()].filter((t) => fits(t, s.start, s.end, terms.bufferMinutes))
        .length,
    }));
}
