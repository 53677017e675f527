import { Injectable } from '@nestjs/common';
import { and, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import {
  dayOf,
  resolveDayRange,
  withinRange,
  type DayRangeQuery,
} from '../platform/http/day-range';
import { PageQuery, type Page } from '../platform/http/pagination';
import { paymentTransitions, payments, webhookEvents } from './payments.schema';

/**
 * APPLIED: its facts are written (exactly once); FAILED: its last attempt threw (the job retries it,
 * then dead-letters it); PENDING: stored, not yet tried.
 */
export const WEBHOOK_STATES = ['PENDING', 'APPLIED', 'FAILED'] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

export const WebhookListQuery = PageQuery.extend({
  type: z.string().min(1).max(100).optional(),
  state: z.enum(WEBHOOK_STATES).optional(),
  paymentId: z.string().min(1).max(64).optional(),
});
export type WebhookListQuery = z.infer<typeof WebhookListQuery>;

export const WebhookEventView = z.object({
  id: z.string(),
  provider: z.string(),
  type: z.string(),
  state: z.enum(WEBHOOK_STATES),
  /** The provider object the event is about (pi_…, cs_…, ch_…). */
  objectId: z.string().nullable(),
  receivedAt: z.string(),
  processedAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export const WebhookEventDetail = WebhookEventView.extend({
  payload: z.unknown(),
  /** Our payment the event concerns, when one is known. */
  paymentId: z.string().nullable(),
});
export const WebhookStatsView = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      received: z.number().int(),
      applied: z.number().int(),
      /** Received that day and not applied, their last attempt having failed. */
      failed: z.number().int(),
    }),
  ),
});
type View = z.infer<typeof WebhookEventView>;
type Row = Omit<typeof webhookEvents.$inferSelect, 'payload'>;

/** What a list shows; the payload (up to a provider object) only on the detail. */
const listColumns = {
  id: webhookEvents.id,
  provider: webhookEvents.provider,
  type: webhookEvents.type,
  receivedAt: webhookEvents.receivedAt,
  processedAt: webhookEvents.processedAt,
  attempts: webhookEvents.attempts,
  lastError: webhookEvents.lastError,
};

/** Stored events are ProviderEvents: `{ id, type, created, object }` (webhook-event.ts). */
const obj = sql`${webhookEvents.payload} -> 'object'`;
const objectId = sql<string | null>`${obj} ->> 'id'`;

const stateOf = (r: Row): WebhookState =>
  r.processedAt ? 'APPLIED' : r.lastError ? 'FAILED' : 'PENDING';

const STATE_WHERE: Record<WebhookState, SQL> = {
  APPLIED: isNotNull(webhookEvents.processedAt),
  FAILED: and(isNull(webhookEvents.processedAt), isNotNull(webhookEvents.lastError))!,
  PENDING: and(isNull(webhookEvents.processedAt), isNull(webhookEvents.lastError))!,
};

function toView(r: Row & { objectId: string | null }): View {
  return {
    id: r.id,
    provider: r.provider,
    type: r.type,
    state: stateOf(r),
    objectId: r.objectId,
    receivedAt: r.receivedAt.toISOString(),
    processedAt: r.processedAt?.toISOString() ?? null,
    attempts: r.attempts,
    lastError: r.lastError,
  };
}

/**
 * The stored webhook events, for the admin: a filtered list (newest first), one event with its
 * payload, and the per-day counts of the dashboard. Read-only.
 */
@Injectable()
export class WebhookEventsQuery {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async list(q: WebhookListQuery): Promise<Page<View>> {
    const db = this.database.db;
    const after = q.startingAfter;
    if (after !== undefined) {
      const [known] = await db
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(eq(webhookEvents.id, after));
      if (!known) throw AppError.validation(`No such webhook event: '${after}'`, 'startingAfter');
    }
    // Provider ids do not sort by time: the order is (received_at, id), the cursor an event id.
    const rows = await db
      .select({ ...listColumns, objectId })
      .from(webhookEvents)
      .where(
        and(
          q.type ? eq(webhookEvents.type, q.type) : undefined,
          q.state ? STATE_WHERE[q.state] : undefined,
          q.paymentId ? await this.aboutPayment(q.paymentId) : undefined,
          after
            ? sql`(${webhookEvents.receivedAt}, ${webhookEvents.id}) <
                (SELECT received_at, id FROM ${webhookEvents} WHERE id = ${after})`
            : undefined,
        ),
      )
      .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
      .limit(q.limit + 1);
    const hasMore = rows.length > q.limit;
    const data = rows.slice(0, q.limit).map(toView);
    return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null };
  }

  async get(id: string): Promise<z.infer<typeof WebhookEventDetail>> {
    const [row] = await this.database.db
      .select({ ...listColumns, payload: webhookEvents.payload, objectId })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, id));
    if (!row) throw AppError.notFound('webhook event', id);
    const o = (row.payload as { object?: Record<string, unknown> }).object ?? {};
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const meta = (o.metadata ?? {}) as Record<string, unknown>;
    const ref = text(o.id);
    const [payment] = await this.database.db
      .select({ id: payments.id })
      .from(payments)
      .where(
        or(
          eq(payments.id, text(meta.payment_id)),
          eq(payments.providerIntentId, ref),
          eq(payments.providerIntentId, text(o.payment_intent)),
          eq(payments.providerSessionId, ref),
          eq(payments.providerChargeId, ref),
          eq(payments.providerChargeId, text(o.charge)),
        ),
      )
      .limit(1);
    return { ...toView(row), payload: row.payload, paymentId: payment?.id ?? null };
  }

  async perDay(q: DayRangeQuery): Promise<z.infer<typeof WebhookStatsView>> {
    const range = resolveDayRange(q, this.clock.now());
    const { receivedAt, processedAt, lastError } = webhookEvents;
    const { rows } = await this.database.db.execute<{ day: string; what: string; n: number }>(sql`
      SELECT ${dayOf(receivedAt, range)} AS day, 'received' AS what, count(*)::int AS n
        FROM ${webhookEvents} WHERE ${withinRange(receivedAt, range)} GROUP BY 1
      UNION ALL
      SELECT ${dayOf(processedAt, range)}, 'applied', count(*)::int
        FROM ${webhookEvents} WHERE ${withinRange(processedAt, range)} GROUP BY 1
      UNION ALL
      SELECT ${dayOf(receivedAt, range)}, 'failed', count(*)::int
        FROM ${webhookEvents}
        WHERE ${withinRange(receivedAt, range)} AND ${processedAt} IS NULL AND ${lastError} IS NOT NULL
        GROUP BY 1`);
    const byDay = new Map(range.days.map((d) => [d, { received: 0, applied: 0, failed: 0 }]));
    for (const r of rows) {
      const d = byDay.get(r.day);
      if (d) d[r.what as 'received'] = r.n;
    }
    return {
      from: range.from,
      to: range.to,
      timeZone: range.timeZone,
      days: range.days.map((day) => ({ day, ...byDay.get(day)! })),
    };
  }

  /**
   * Events about one payment: those naming it in their object's metadata or by its provider ids,
   * and those its transitions name as their cause. A scan of the events: admin reads only.
   */
  private async aboutPayment(paymentId: string): Promise<SQL> {
    const [p] = await this.database.db.select().from(payments).where(eq(payments.id, paymentId));
    if (!p) throw AppError.notFound('payment', paymentId);
    const refs = [p.providerIntentId, p.providerSessionId, p.providerChargeId].filter(
      (v): v is string => !!v,
    );
    const causes = sql`SELECT substr(${paymentTransitions.cause}, 9) FROM ${paymentTransitions}
      WHERE ${paymentTransitions.paymentId} = ${paymentId}
        AND ${paymentTransitions.cause} LIKE 'webhook:%'`;
    return or(
      sql`${obj} -> 'metadata' ->> 'payment_id' = ${paymentId}`,
      sql`${webhookEvents.id} IN (${causes})`,
      ...(refs.length
        ? [
            sql`${objectId} IN (${sql.join(
              refs.map((r) => sql`${r}`),
              sql`, `,
            )})`,
          ]
        : []),
      ...(p.providerIntentId ? [sql`${obj} ->> 'payment_intent' = ${p.providerIntentId}`] : []),
      ...(p.providerChargeId ? [sql`${obj} ->> 'charge' = ${p.providerChargeId}`] : []),
    )!;
  }
}
