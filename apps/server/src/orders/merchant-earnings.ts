import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { sqlState } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { toJsonNumber } from '../platform/money';
import { orders } from './orders.schema';

/** The longest range one request may ask for (a year and a day, so a leap year fits). */
export const MAX_EARNINGS_DAYS = 366;
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * An IANA zone name ("Europe/Paris", "UTC"), as Intl spells it (so "europe/paris" reads as
 * "Europe/Paris"). Offsets such as "+05:00" are refused even where Intl takes them: PostgreSQL reads
 * a bare offset the POSIX way, with the sign inverted. PostgreSQL reads the same tz database.
 */
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][\w+\-/]*$/, 'must be an IANA time zone such as Europe/Paris or UTC')
  .transform((tz, ctx) => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an IANA time zone such as Europe/Paris or UTC',
      });
      return z.NEVER;
    }
  });
const Day = z.iso.date();

export const EarningsQuery = z
  .strictObject({
    /** First and last calendar day of the range, inclusive, in `timeZone`. Default: the last 30. */
    from: Day.optional(),
    to: Day.optional(),
    timeZone: TimeZone.default('UTC'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'must not be after to',
    path: ['from'],
  });
export type EarningsQuery = z.infer<typeof EarningsQuery>;

const Sums = {
  /** Paid orders completed in the bucket. */
  orders: z.number().int(),
  /** What buyers paid for them. */
  gross: z.number().int(),
  /** The platform's fee on them. */
  fees: z.number().int(),
  /** What has been refunded of them since (whenever the refund was made). */
  refunded: z.number().int(),
  /** What the merchant keeps: gross − fees − refunded + the fee share refunds gave back. */
  net: z.number().int(),
};
export const EarningsView = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  /** Only days with a sale, oldest first; a client fills the gaps with zero. */
  days: z.array(z.object({ date: z.string(), currency: z.string(), ...Sums })),
  /** The whole range per currency, largest net first. */
  totals: z.array(z.object({ currency: z.string(), ...Sums })),
});
export type EarningsView = z.infer<typeof EarningsView>;

interface Row extends Record<string, unknown> {
  day: string;
  currency: string;
  orders: number;
  gross: string;
  fees: string;
  refunded: string;
  net: string;
}

/**
 * A merchant's earnings per day, from their own orders: each paid order counts on the day (in the
 * asker's time zone) it completed, net of the fee and of everything refunded of it since. The
 * refund's fee share is the one OrderBooks books (`feeShare` in fees.ts: fee × refunded / amount,
 * half up), so `net` matches what the merchant wallet received for these orders. Disputes are not
 * subtracted: they are the provider's, shown in the wallet history.
 */
@Injectable()
export class MerchantEarnings {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async of(merchantId: string, q: EarningsQuery): Promise<EarningsView> {
    const { from, to } = this.range(q);
    const result = await this.read(merchantId, from, to, q.timeZone);
    const days = result.map((r) => ({ date: r.day, currency: r.currency, ...sums(r) }));
    return { from, to, timeZone: q.timeZone, days, totals: totalsOf(result) };
  }

  private async read(merchantId: string, from: string, to: string, timeZone: string) {
    try {
      return await this.sumsPerDay(merchantId, from, to, timeZone);
    } catch (err) {
      // A zone Node knows but this PostgreSQL's tz database does not (22023): the asker's mistake
      // or an older server, either way not a 500.
      if (sqlState(err) === '22023')
        throw AppError.validation('is not a time zone this server knows', 'timeZone');
      throw err;
    }
  }

  private async sumsPerDay(merchantId: string, from: string, to: string, timeZone: string) {
    const result = await this.database.db.execute<Row>(sql`
      SELECT to_char((o.completed_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day,
             o.currency,
             count(*)::int AS orders,
             sum(o.amount)::text AS gross,
             sum(o.fee)::text AS fees,
             sum(o.refunded_amount)::text AS refunded,
             sum(o.amount - o.fee - o.refunded_amount
                 + (2 * o.fee * o.refunded_amount + o.amount) / (2 * o.amount))::text AS net
      FROM ${orders} o
      WHERE o.merchant_id = ${merchantId}
        AND o.completed_at >= (${from}::date)::timestamp AT TIME ZONE ${timeZone}
        AND o.completed_at < (${to}::date + 1)::timestamp AT TIME ZONE ${timeZone}
      GROUP BY 1, 2
      ORDER BY 1, 2`);
    return result.rows;
  }

  /** The range asked for, or the last DEFAULT_DAYS days up to today in the asker's zone. */
  private range(q: EarningsQuery): { from: string; to: string } {
    const to = q.to ?? dayIn(this.clock.now(), q.timeZone);
    const from = q.from ?? shiftDay(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw AppError.validation('must not be after to', 'from');
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days > MAX_EARNINGS_DAYS)
      throw AppError.validation(
        `A range holds at most ${MAX_EARNINGS_DAYS} days (this one ${days})`,
        'from',
        'range_too_long',
      );
    return { from, to };
  }
}

const sums = (r: Pick<Row, 'orders' | 'gross' | 'fees' | 'refunded' | 'net'>) => ({
  orders: r.orders,
  gross: toJsonNumber(BigInt(r.gross)),
  fees: toJsonNumber(BigInt(r.fees)),
  refunded: toJsonNumber(BigInt(r.refunded)),
  net: toJsonNumber(BigInt(r.net)),
});

function totalsOf(rows: Row[]): EarningsView['totals'] {
  const by = new Map<
    string,
    { orders: number; gross: bigint; fees: bigint; refunded: bigint; net: bigint }
  >();
  for (const r of rows) {
    const t = by.get(r.currency) ?? { orders: 0, gross: 0n, fees: 0n, refunded: 0n, net: 0n };
    t.orders += r.orders;
    t.gross += BigInt(r.gross);
    t.fees += BigInt(r.fees);
    t.refunded += BigInt(r.refunded);
    t.net += BigInt(r.net);
    by.set(r.currency, t);
  }
  return [...by]
    .map(([currency, t]) => ({
      currency,
      ...sums({
        orders: t.orders,
        gross: String(t.gross),
        fees: String(t.fees),
        refunded: String(t.refunded),
        net: String(t.net),
      }),
    }))
    .sort((a, b) => b.net - a.net || a.currency.localeCompare(b.currency));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}

function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(day) + by * DAY_MS).toISOString().slice(0, 10);
}
