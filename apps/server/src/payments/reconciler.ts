import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../platform/clock';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { ABANDON_MS, ReconcileSweeps, type ReconcileReport } from './reconcile-sweeps';
import { WebhookQueue } from './webhook-queue';

export type { ReconcileReport } from './reconcile-sweeps';

export const RECONCILE_QUEUE = 'payments.reconcile';

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
  static readonly ABANDON_MS = ABANDON_MS;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly sweeps: ReconcileSweeps,
    private readonly webhooks: WebhookQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.recurring(RECONCILE_QUEUE, '* * * * *', () => this.run());
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
    await this.sweeps.stuckPayments(now, staleBefore, report);
    await this.sweeps.unsentRefunds(staleBefore, report);

    report.webhooksRequeued = await this.webhooks.requeueUnprocessed(Reconciler.STALE_MS);
    if (Object.values(report).some((n) => n > 0)) this.logger.info({ report }, 'reconciliation');
    return report;
  }
}
