import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Database, Tx } from '../platform/database/database';
import { GroupCommit } from '../platform/database/group-commit';
import { AppError } from '../platform/errors/app-error';
import type { JobQueue } from '../platform/jobs/jobs';
import type { Logger } from '../platform/logging/logger';
import { CLOCK, DATABASE, JOBS, LOGGER } from '../platform/platform.module';
import { DisputeWriter } from './dispute-writer';
import { PaymentMetrics } from './payment-metrics';
import type { TransitionCause } from './payment-state';
import { lockPayment, PaymentWriter } from './payment-writer';
import { payments, refunds, webhookEvents } from './payments.schema';
import { PAYMENT_PROVIDER } from './payments.tokens';
import type { EventFacts, PaymentProvider } from './provider/payment-provider';

export const WEBHOOK_QUEUE = 'payments.webhook';

/**
 * Webhook intake: signature first (nothing is stored for a bad one), the event stored once by its
 * provider id, 200, then applied by a durable job. Applying locks the event row and the payment row,
 * applies, and marks the event processed in one transaction — so an event is applied exactly once
 * even across a crash, and duplicates and reorderings converge through the state machine.
 */
@Injectable()
export class WebhookIntake implements OnModuleInit {
  private readonly inbox = new GroupCommit((rows: (typeof webhookEvents.$inferInsert)[]) =>
    this.store(rows),
  );

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(JOBS) private readonly jobs: JobQueue,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly writer: PaymentWriter,
    private readonly disputes: DisputeWriter,
    private readonly metrics: PaymentMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ eventId: string }>(
      WEBHOOK_QUEUE,
      (job) => this.apply(job.data.eventId),
      {
        retryLimit: 10,
        retryDelaySeconds: 1,
        batchSize: 10,
        concurrency: 2,
        // Applying takes milliseconds; one stuck (its process was killed) is retried soon after.
        expireInSeconds: 30,
      },
    );
    // Events stored by a process that died before queueing (or finishing) them: queue them now
    // rather than at the next reconciliation. Applying is exactly-once, so a spare job is harmless.
    const requeued = await this.requeueUnprocessed(0);
    if (requeued > 0) this.logger.info({ requeued }, 'requeued stored webhooks not yet applied');
  }

  async receive(
    rawBody: Buffer | undefined,
    signature: string | undefined,
  ): Promise<{ received: true }> {
    if (!rawBody || rawBody.length === 0)
      throw AppError.validation('Empty webhook body', undefined, 'empty_body');
    let event;
    try {
      event = this.provider.parseWebhook(rawBody, signature);
    } catch (err) {
      this.metrics.webhook('rejected');
      throw err;
    }
    const isNew = await this.inbox.submit({
      id: event.id,
      provider: this.provider.name,
      type: event.type,
      payload: event,
      receivedAt: this.clock.now(),
    });
    if (isNew) {
      this.metrics.webhook('received', event.type);
    } else {
      this.metrics.webhook('duplicate', event.type);
      // If we died before queueing the first delivery, this one queues it (deduped by event id).
      const [stored] = await this.database.db
        .select({ processedAt: webhookEvents.processedAt })
        .from(webhookEvents)
        .where(eq(webhookEvents.id, event.id));
      if (!stored?.processedAt) await this.enqueue(event.id);
    }
    return { received: true };
  }

  /**
   * Stores new events and queues their jobs, for every delivery arriving while the previous batch
   * was being written: one INSERT of the events and one of their jobs per batch, not two per event
   * (the acknowledgement waits for both, as before). True for an event stored now, false for one
   * already stored (a redelivery, or its twin in the same batch).
   */
  private async store(rows: (typeof webhookEvents.$inferInsert)[]): Promise<boolean[]> {
    const inserted = await this.database.db
      .insert(webhookEvents)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    const fresh = new Set(inserted.map((r) => r.id));
    // A new event has no job yet: a plain insert, no dedupe needed (the hot path).
    await this.jobs.sendMany(
      WEBHOOK_QUEUE,
      [...fresh].map((eventId) => ({ eventId })),
    );
    return rows.map((r) => fresh.delete(r.id));
  }

  private enqueue(eventId: string): Promise<string> {
    return this.jobs.send(WEBHOOK_QUEUE, { eventId }, { singletonKey: eventId });
  }

  /** Queues every stored event not yet applied and older than `olderThanMs` (after a crash). */
  async requeueUnprocessed(olderThanMs: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - olderThanMs);
    const rows = await this.database.db
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(isNull(webhookEvents.processedAt), lt(webhookEvents.receivedAt, cutoff)))
      .limit(500);
    for (const r of rows) await this.enqueue(r.id);
    return rows.length;
  }

  /** Applies one stored event, at most once. */
  async apply(eventId: string): Promise<void> {
    try {
      await this.database.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(webhookEvents)
          .where(eq(webhookEvents.id, eventId))
          .for('update');
        if (!row || row.processedAt) return;
        const facts = this.provider.interpretEvent(
          row.payload as Parameters<PaymentProvider['interpretEvent']>[0],
        );
        if (facts) await this.applyFacts(tx, facts, `webhook:${eventId}`);
        await tx
          .update(webhookEvents)
          .set({
            processedAt: this.clock.now(),
            attempts: sql`${webhookEvents.attempts} + 1`,
            lastError: null,
          })
          .where(eq(webhookEvents.id, eventId));
        this.metrics.webhook('applied', row.type);
      });
    } catch (err) {
      this.metrics.webhook('failed');
      await this.database.db
        .update(webhookEvents)
        .set({
          attempts: sql`${webhookEvents.attempts} + 1`,
          lastError: String(err).slice(0, 1000),
        })
        .where(eq(webhookEvents.id, eventId));
      throw err;
    }
  }

  private async applyFacts(tx: Tx, facts: EventFacts, cause: TransitionCause): Promise<void> {
    const paymentId = await this.findPayment(tx, facts);
    if (!paymentId) {
      this.logger.info(
        { cause, intentId: facts.intentId, sessionId: facts.sessionId },
        'webhook for no known payment',
      );
      return;
    }
    if (facts.dispute) {
      await this.disputes.applyInTx(tx, paymentId, facts.dispute, cause);
      return;
    }
    if (facts.refund) {
      const payment = await lockPayment(tx, paymentId);
      const [changed] = await tx
        .update(refunds)
        .set({ status: facts.refund.status, updatedAt: this.clock.now() })
        .where(
          and(
            eq(refunds.providerRefundId, facts.refund.providerRefundId),
            ne(refunds.status, facts.refund.status),
          ),
        )
        .returning();
      // A refund Tender asked for failed at the provider: the payable gets its money back.
      if (changed && (changed.status === 'FAILED' || changed.status === 'CANCELLED'))
        await this.writer.refundRequested(tx, payment);
    }
    await this.writer.applyInTx(
      tx,
      paymentId,
      facts.observation,
      cause,
      { providerIntentId: facts.intentId ?? null, providerSessionId: facts.sessionId ?? null },
      facts.source,
    );
  }

  private async findPayment(tx: Tx, facts: EventFacts): Promise<string | undefined> {
    const by = async (cond: ReturnType<typeof eq>) =>
      (await tx.select({ id: payments.id }).from(payments).where(cond))[0]?.id;
    return (
      (facts.paymentId ? await by(eq(payments.id, facts.paymentId)) : undefined) ??
      (facts.intentId ? await by(eq(payments.providerIntentId, facts.intentId)) : undefined) ??
      (facts.sessionId ? await by(eq(payments.providerSessionId, facts.sessionId)) : undefined) ??
      (facts.chargeId ? await by(eq(payments.providerChargeId, facts.chargeId)) : undefined)
    );
  }
}
