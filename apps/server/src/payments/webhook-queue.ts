import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, isNull, lt } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database, type Tx } from '../platform/database/database';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { webhookEvents } from './payments.schema';
import { WebhookApplier } from './webhook-applier';

export const WEBHOOK_QUEUE = 'payments.webhook';

/** The durable job that applies stored webhook events, and queueing them (again, after a crash). */
@Injectable()
export class WebhookQueue implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly applier: WebhookApplier,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ eventId: string }>(
      WEBHOOK_QUEUE,
      (job) => this.applier.apply(job.data.eventId),
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

  /**
   * Queues the jobs of events stored just now, in the transaction that stores them: a plain insert,
   * no dedupe needed (the hot path).
   */
  sendNew(eventIds: string[], tx: Tx): Promise<void> {
    return this.jobs.sendMany(
      WEBHOOK_QUEUE,
      eventIds.map((eventId) => ({ eventId })),
      { tx },
    );
  }

  /** Queues one event's job, deduped by its id (a redelivery, a requeue). */
  enqueue(eventId: string): Promise<string> {
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
}
