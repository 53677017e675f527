import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** The longest range a per-day series answers: a year of days, drawn on one chart. */
export const MAX_RANGE_DAYS = 366;
const DEFAULT_DAYS = 30;

const Day = z.iso.date();
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  // Names only: Intl also takes offsets ("+01:00"), which PostgreSQL reads with the sign reversed.
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'must be an IANA time zone name')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Paris');

/**
 * `?from&to&timeZone` of a per-day series: calendar days (inclusive) in the caller's time zone,
 * so "today" on an admin's chart is their today. Defaults: the last 30 days, UTC.
 */
export const DayRangeQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  timeZone: TimeZone.default('UTC'),
});
export type DayRangeQuery = z.infer<typeof DayRangeQuery>;

export interface DayRange {
  from: string;
  to: string;
  timeZone: string;
  /** Every day from `from` to `to`, so a series has a point per day, zeros included. */
  days: string[];
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar date of `now` in a time zone, as YYYY-MM-DD. */
function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Resolves the defaults and refuses a reversed or over-long range (400, naming the field). */
export function resolveDayRange(q: DayRangeQuery, now: Date): DayRange {
  const to = q.to ?? todayIn(q.timeZone, now);
  const from = q.from ?? toDay(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (Number.isNaN(Date.parse(day)) || toDay(Date.parse(day)) !== day)
      throw AppError.validation(`${field} is not a calendar date`, field);
  const span = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (span < 1) throw AppError.validation('from must not be after to', 'from');
  if (span > MAX_RANGE_DAYS)
    throw AppError.validation(`A range is at most ${MAX_RANGE_DAYS} days`, 'from');
  const days = Array.from({ length: span }, (_, i) => toDay(Date.parse(from) + i * DAY_MS));
  return { from, to, timeZone: q.timeZone, days };
}

/** SQL: the calendar day (text YYYY-MM-DD) of a timestamptz column in the range's time zone. */
export const dayOf = (column: SQLWrapper, r: DayRange): SQL =>
  sql`to_char(${column} AT TIME ZONE ${r.timeZone}, 'YYYY-MM-DD')`;

/** SQL: the column falls within the range's days, in its time zone (half-open at the end). */
export const withinRange = (column: SQLWrapper, r: DayRange): SQL =>
  sql`${column} >= (${r.from}::date)::timestamp AT TIME ZONE ${r.timeZone}
      AND ${column} < (${r.to}::date + 1)::timestamp AT TIME ZONE ${r.timeZone}`;
