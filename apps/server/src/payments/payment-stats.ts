import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import {
  dayOf,
  resolveDayRange,
  withinRange,
  type DayRangeQuery,
} from '../platform/http/day-range';
import { toJsonNumber } from '../platform/money';
import { PAYMENT_STATUSES, payments, type PaymentStatus } from './payments.schema';

/** Payments that collected money (refunded later or not), and those that ended without it. */
const SUCCEEDED: PaymentStatus[] = ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'];
const UNSUCCESSFUL: PaymentStatus[] = ['FAILED', 'EXPIRED', 'CANCELLED'];

const StatusCounts = z.object(
  Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, z.number().int()])) as Record<
    PaymentStatus,
    z.ZodNumber
  >,
);

export const PaymentStatsView = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      /** Payments created that day, by their status now. */
      byStatus: StatusCounts,
      succeeded: z.number().int(),
      unsuccessful: z.number().int(),
      /** succeeded / (succeeded + unsuccessful); null when none of the day's payments has ended. */
      successRate: z.number().nullable(),
    }),
  ),
  /** What was captured, per day the payment was created and currency (days without any: absent). */
  volume: z.array(
    z.object({
      day: z.string(),
      currency: z.string(),
      captured: z.number().int(),
      payments: z.number().int(),
    }),
  ),
});
export type PaymentStatsView = z.infer<typeof PaymentStatsView>;

const zeroCounts = () =>
  Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, 0])) as Record<PaymentStatus, number>;

/** The admin dashboard's per-day payment series, in the admin's time zone. */
@Injectable()
export class PaymentStats {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async perDay(q: DayRangeQuery): Promise<PaymentStatsView> {
    const range = resolveDayRange(q, this.clock.now());
    const day = dayOf(payments.createdAt, range);
    const within = withinRange(payments.createdAt, range);
    const db = this.database.db;
    const [byStatus, volume] = await Promise.all([
      db.execute<{ day: string; status: PaymentStatus; n: number }>(
        sql`SELECT ${day} AS day, ${payments.status} AS status, count(*)::int AS n
            FROM ${payments} WHERE ${within} GROUP BY 1, 2`,
      ),
      db.execute<{ day: string; currency: string; captured: string; n: number }>(
        sql`SELECT ${day} AS day, ${payments.currency} AS currency,
                   sum(${payments.amountCaptured})::text AS captured, count(*)::int AS n
            FROM ${payments} WHERE ${within} AND ${payments.amountCaptured} > 0
            GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    ]);
    const counts = new Map(range.days.map((d) => [d, zeroCounts()]));
    for (const r of byStatus.rows) {
      const c = counts.get(r.day);
      if (c) c[r.status] = r.n;
    }
    return {
      from: range.from,
      to: range.to,
      timeZone: range.timeZone,
      days: range.days.map((d) => {
        const c = counts.get(d)!;
        const succeeded = SUCCEEDED.reduce((n, s) => n + c[s], 0);
        const unsuccessful = UNSUCCESSFUL.reduce((n, s) => n + c[s], 0);
        const ended = succeeded + unsuccessful;
        return {
          day: d,
          byStatus: c,
          succeeded,
          unsuccessful,
          successRate: ended ? succeeded / ended : null,
        };
      }),
      volume: volume.rows.map((r) => ({
        day: r.day,
        currency: r.currency,
        captured: toJsonNumber(BigInt(r.captured)),
        payments: r.n,
      })),
    };
  }
}
