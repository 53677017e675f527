import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { GroupCommit } from '../platform/database/group-commit';
import { AppError } from '../platform/errors/app-error';
import { PaymentMetrics } from './payment-metrics';
import { webhookEvents } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';
import { WebhookQueue } from './webhook-queue';

export { WEBHOOK_QUEUE } from './webhook-queue';

/**
 * Webhook intake: signature first (nothing is stored for a bad one), the event stored once by its
 * provider id, 200, then applied by a durable job (WebhookQueue, WebhookApplier): exactly once even
 * across a crash, and duplicates and reorderings converge through the state machine.
 */
@Injectable()
export class WebhookIntake {
  private readonly inbox = new GroupCommit((rows: (typeof webhookEvents.$inferInsert)[]) =>
    this.store(rows),
  );

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly metrics: PaymentMetrics,
    private readonly queue: WebhookQueue,
  ) {}

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
      // An event stored with its job is queued already; one not applied yet (its job dead-lettered,
      // or stored before events and jobs shared a commit) is queued again, deduped by event id.
      const [stored] = await this.database.db
        .select({ processedAt: webhookEvents.processedAt })
        .from(webhookEvents)
        .where(eq(webhookEvents.id, event.id));
      if (!stored?.processedAt) await this.queue.enqueue(event.id);
    }
    return { received: true };
  }

  /**
   * Stores new events and queues their jobs, for every delivery arriving while the previous batch
   * was being written: one INSERT of the events and one of their jobs per batch, not two per event,
   * in ONE transaction, so an acknowledged event always has its job and a failed batch leaves
   * neither. True for an event stored now, false for one already stored (a redelivery, or its
   * twin in the same batch).
   */
  private async store(rows: (typeof webhookEvents.$inferInsert)[]): Promise<boolean[]> {
    const fresh = await this.database.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(webhookEvents)
        .values(rows)
        .onConflictDoNothing()
        .returning({ id: webhookEvents.id });
      const ids = inserted.map((r) => r.id);
      // A new event has no job yet.
      await this.queue.sendNew(ids, tx);
      return new Set(ids);
    });
    return rows.map((r) => fresh.delete(r.id));
  }
}
