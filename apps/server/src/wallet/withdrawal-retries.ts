import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, lt } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { eachAlone } from '../platform/jobs/each-alone';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { Payouts } from './payouts';
import { withdrawals } from './wallet.schema';

export const SETTLE_PAYOUTS_QUEUE = 'wallet.settle-payouts';

/** A PENDING withdrawal older than this has its payout sent again (same idempotency key). */
export const PAYOUT_RETRY_AFTER_MS = 60_000;

export interface SettleReport {
  paid: number;
  failed: number;
  errors: number;
}

/** The settle job: every minute, payouts left PENDING (an outage, a crash) are sent again. */
@Injectable()
export class WithdrawalRetries implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly payouts: Payouts,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.recurring(SETTLE_PAYOUTS_QUEUE, '* * * * *', () => this.settlePending());
  }

  /** Sends every payout left PENDING again; safe to run at any time. */
  async settlePending(now = this.clock.now()): Promise<SettleReport> {
    const report: SettleReport = { paid: 0, failed: 0, errors: 0 };
    const stale = await this.database.db
      .select()
      .from(withdrawals)
      .where(
        and(
          eq(withdrawals.status, 'PENDING'),
          lt(withdrawals.createdAt, new Date(now.getTime() - PAYOUT_RETRY_AFTER_MS)),
        ),
      )
      .limit(200);
    report.errors = await eachAlone(
      stale,
      async (p) => {
        const settled = await this.payouts.settle(p, { recovering: true });
        if (settled.status === 'PAID') report.paid += 1;
        if (settled.status === 'FAILED') report.failed += 1;
      },
      (err, p) => this.logger.warn({ err, payoutId: p.id }, 'payout still not settled; will retry'),
    );
    return report;
  }
}
