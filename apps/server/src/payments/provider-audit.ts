import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, desc, gt, isNotNull } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { eachAlone } from '../platform/jobs/each-alone';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { PaymentAuditor, type AuditDifference } from './payment-auditor';
import { payments } from './payments.schema';

export const AUDIT_QUEUE = 'payments.audit-provider';

export type { AuditDifference } from './payment-auditor';

export interface AuditReport {
  ranAt: string;
  checked: number;
  differences: AuditDifference[];
  errors: number;
}

/**
 * The books against the provider, from the provider's side: for payments that moved money lately
 * it reads what the provider holds — captured, refunded, disputed — and compares it with the
 * payment's record, which the payables' books follow (ledger:verify checks that half). Every
 * difference is named in the report (logged, and kept for the admin), then the provider's truth is
 * applied through the writers, so a lost webhook can never leave a wallet holding money the
 * provider gave back. Hourly; also on demand (POST /api/v1/admin/payments/audit).
 */
@Injectable()
export class ProviderAudit implements OnModuleInit {
  /** Payments updated within this window are audited, most recent first, at most BATCH a run. */
  static readonly WINDOW_MS = 120 * 24 * 3600_000;
  static readonly BATCH = 500;
  private last: AuditReport | null = null;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly auditor: PaymentAuditor,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.recurring(AUDIT_QUEUE, '17 * * * *', () => this.run());
  }

  /** The last report this node made, or null before its first run. */
  lastReport(): AuditReport | null {
    return this.last;
  }

  async run(): Promise<AuditReport> {
    const now = this.clock.now();
    const rows = await this.database.db
      .select()
      .from(payments)
      .where(
        and(
          isNotNull(payments.providerIntentId),
          gt(payments.amountCaptured, 0n),
          gt(payments.updatedAt, new Date(now.getTime() - ProviderAudit.WINDOW_MS)),
        ),
      )
      .orderBy(desc(payments.updatedAt))
      .limit(ProviderAudit.BATCH);
    const report: AuditReport = {
      ranAt: now.toISOString(),
      checked: 0,
      differences: [],
      errors: 0,
    };
    report.errors = await eachAlone(
      rows,
      async (p) => {
        report.differences.push(...(await this.auditor.audit(p)));
        report.checked += 1;
      },
      (err, p) =>
        this.logger.warn({ err, paymentId: p.id }, 'provider audit could not check a payment'),
    );
    if (report.differences.length > 0) {
      this.logger.warn(
        { differences: report.differences },
        'payments disagreed with the provider; the provider was applied',
      );
    }
    this.last = report;
    return report;
  }
}
