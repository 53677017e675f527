import { Injectable } from '@nestjs/common';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { Database } from '../platform/database/database';
import { eachAlone } from '../platform/jobs/each-alone';
import { Logger } from '../platform/logging/logger';
import { CLIENT_CONFIRMATION } from './client-intents';
import { UNSETTLED_STATUSES } from './payment-state';
import { PaymentWriter } from './payment-writer';
import { payments, refunds } from './payments.schema';
import { PaymentsService } from './payments.service';

/** A payment with no provider object after this long never reached the provider. */
export const ABANDON_MS = 10 * 60_000;

// Only for payments whose provider call never got an answer (an outage, a crash): a provider that
// answered with a refusal has already failed its payment with its own reason (card-payments.ts,
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

/** The reconciler's sweeps over what a lost answer or an outage left behind; each counts into `report`. */
@Injectable()
export class ReconcileSweeps {
  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly payments: PaymentsService,
    private readonly writer: PaymentWriter,
  ) {}

  /** Payments stuck in a non-final state: read from the provider, failed if they never reached it. */
  async stuckPayments(now: Date, staleBefore: Date, report: ReconcileReport): Promise<void> {
    const stuck = await this.database.db
      .select()
      .from(payments)
      .where(
        and(inArray(payments.status, [...UNSETTLED_STATUSES]), lt(payments.updatedAt, staleBefore)),
      )
      .limit(200);
    report.errors += await eachAlone(
      stuck,
      async (p) => {
        const synced =
          p.providerIntentId || p.providerSessionId
            ? await this.payments.sync(p.id, 'reconcile')
            : p;
        if (synced !== p) report.synced += 1;
        const abandoned = p.createdAt.getTime() < now.getTime() - ABANDON_MS;
        // A link payment without a session never got its page to anyone (the provider call failed,
        // or we crashed before storing the session): nobody can pay it, and its payable (an
        // order's units, say) waits for it to end.
        // A client-confirmed intent that exists waits for its payer, not for us: its payable
        // decides when it is abandoned (a booking's hold window cancels it).
        const waitsForPayer =
          synced.metadata.confirmation === CLIENT_CONFIRMATION && synced.providerIntentId !== null;
        const neverStarted =
          (synced.method === 'CARD' && !waitsForPayer) ||
          ((synced.method === 'CARD_LINK' || synced.method === 'CRYPTO_LINK') &&
            !synced.providerSessionId);
        if (synced.status === 'CREATED' && neverStarted && abandoned) {
          // Never confirmed (the provider was down): make sure it never can be, then fail it.
          if (synced.providerIntentId) await this.payments.abandonIntent(synced);
          await this.writer.apply(p.id, ABANDONED, 'reconcile');
          report.abandoned += 1;
        }
      },
      (err, p) =>
        this.logger.warn(
          { err, paymentId: p.id },
          'reconciliation of a payment failed; will retry',
        ),
    );
  }

  /** Refunds recorded but never given a provider id: sent again with the same idempotency key. */
  async unsentRefunds(staleBefore: Date, report: ReconcileReport): Promise<void> {
    const unsent = await this.database.db
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
    report.errors += await eachAlone(
      unsent,
      async ({ refund, intentId }) => {
        await this.payments.submitRefund(refund, intentId!);
        report.refundsResubmitted += 1;
      },
      (err, { refund }) =>
        this.logger.warn({ err, refundId: refund.id }, 'resubmitting a refund failed; will retry'),
    );
  }
}
