import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database/database';
import type { JobQueue } from '../platform/jobs/jobs';
import type { Logger } from '../platform/logging/logger';
import { CLOCK, DATABASE, JOBS, LOGGER } from '../platform/platform.module';
import { UNSETTLED_STATUSES } from './payment-state';
import { PaymentWriter } from './payment-writer';
import { payments, refunds } from './payments.schema';
import { PaymentsService } from './payments.service';
import { WebhookIntake } from './webhook-intake';

export const RECONCILE_QUEUE = 'payments.reconcile';

// Only for payments whose provider call never got an answer (an outage, a crash): a provider that
// answered with a refusal has already failed its payment with its own reason (payments.service.ts,
// provider-refusals.ts), so this message is never put on a payment the provider refused.
const ABANDONED = {
  status: 'FAILED' as const,
  failure: { code: 'provider_unavailable', message: 'The payment provider could not be reached' },
};

export interface ReconcileReport {
  synced: number;
  abandoned: number;
  refundsResubmitted: number;
  webhooksRequeued: number;
  errors: number;
}

/**
 * Converges whatever was left behind by a lost provider answer, a crash or a provider outage: it
 * reads the provider for payments stuck in a non-final state, fails payments that never reached the
 * provider, resends refunds that never got a provider id (same idempotency key), and requeues
 * stored webhooks that were never applied. Runs every minute; safe to run at any time, any number
 * of times.
 */
@Injectable()
export class Reconciler implements OnModuleInit {
  /** How long a payment may sit in a non-final state before we ask the provider. */
  static readonly STALE_MS = 60_000;
  /** A payment with no provider object after this long never reached the provider. */
  static readonly ABANDON_MS = 10 * 60_000;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(JOBS) private readonly jobs: JobQueue,
    private readonly payments: PaymentsService,
    private readonly writer: PaymentWriter,
    private readonly webhooks: WebhookIntake,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define(RECONCILE_QUEUE, async () => void (await this.run()), {
      retryLimit: 0,
      retryDelaySeconds: 1,
    });
    await this.jobs.schedule(RECONCILE_QUEUE, '* * * * *');
  }

  async run(now = this.clock.now()): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      synced: 0,
      abandoned: 0,
      refundsResubmitted: 0,
      webhooksRequeued: 0,
      errors: 0,
    };
    const staleBefore = new Date(now.getTime() - Reconciler.STALE_MS);
    const db = this.database.db;

    const stuck = await db
      .select()
      .from(payments)
      .where(
        and(inArray(payments.status, [...UNSETTLED_STATUSES]), lt(payments.updatedAt, staleBefore)),
      )
      .limit(200);
    for (const p of stuck) {
      try {
        const synced =
          p.providerIntentId || p.providerSessionId
            ? await this.payments.sync(p.id, 'reconcile')
            : p;
        if (synced !== p) report.synced += 1;
        const abandoned = p.createdAt.getTime() < now.getTime() - Reconciler.ABANDON_MS;
        // A link payment without a session never got its page to anyone (the provider call failed,
        // or we crashed before storing the session): nobody can pay it, and its payable (an
        // order's units, say) waits for it to end.
        const neverStarted =
          synced.method === 'CARD' ||
          ((synced.method === 'CARD_LINK' || synced.method === 'CRYPTO_LINK') &&
            !synced.providerSessionId);
        if (synced.status === 'CREATED' && neverStarted && abandoned) {
          // Never confirmed (the provider was down): make sure it never can be, then fail it.
          if (synced.providerIntentId) await this.payments.abandonIntent(synced);
          await this.writer.apply(p.id, ABANDONED, 'reconcile');
          report.abandoned += 1;
        }
      } catch (err) {
        report.errors += 1;
        this.logger.warn(
          { err, paymentId: p.id },
          'reconciliation of a payment failed; will retry',
        );
      }
    }

    const unsent = await db
      .select({ refund: refunds, intentId: payments.providerIntentId })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(
        and(
          inArray(refunds.status, ['PENDING']),
          isNull(refunds.providerRefundId),
          lt(refunds.createdAt, staleBefore),
        ),
      )
      .limit(100);
    for (const { refund, intentId } of unsent) {
      try {
        await this.payments.submitRefund(refund, intentId!);
        report.refundsResubmitted += 1;
      } catch (err) {
        report.errors += 1;
        this.logger.warn({ err, refundId: refund.id }, 'resubmitting a refund failed; will retry');
      }
    }

    report.webhooksRequeued = await this.webhooks.requeueUnprocessed(Reconciler.STALE_MS);
    if (Object.values(report).some((n) => n > 0)) this.logger.info({ report }, 'reconciliation');
    return report;
  }
}
