import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { PaymentMetrics } from './payment-metrics';
import { canRefund } from './payment-state';
import { lockPayment, PaymentWriter, refundsRequested } from './payment-writer';
import { payments, refunds, type RefundRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';

/**
 * Refunds of a payment. A refund is recorded `pending` under the payment's row lock after checking
 * what is left (captured − Tender's pending and succeeded refunds), so concurrent refunds can never
 * together exceed the captured amount; in the same transaction the payable hears
 * `payment.refund_requested` and may refuse, which records nothing. Then it is sent with its own id
 * as the idempotency key. The request's key is stored on it: one refund per key and payment, ever.
 */
@Injectable()
export class PaymentRefunds {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly writer: PaymentWriter,
    private readonly metrics: PaymentMetrics,
  ) {}

  async refund(
    paymentId: string,
    amount: bigint | undefined,
    reason?: string,
    options: { force?: boolean; requestKey?: string } = {},
  ): Promise<RefundRow> {
    if (options.requestKey !== undefined) {
      // A replay answers (and if it never reached the provider, resends) the first refund.
      const [earlier] = await this.database.db
        .select({ refund: refunds, intentId: payments.providerIntentId })
        .from(refunds)
        .innerJoin(payments, eq(payments.id, refunds.paymentId))
        .where(and(eq(refunds.paymentId, paymentId), eq(refunds.requestKey, options.requestKey)));
      if (earlier) {
        const { refund, intentId } = earlier;
        return refund.providerRefundId || refund.status !== 'PENDING' || !intentId
          ? refund
          : this.submit(refund, intentId);
      }
    }
    const recorded = await this.database.db.transaction(async (tx) => {
      const p = await lockPayment(tx, paymentId);
      if (!canRefund(p.status) || !p.providerIntentId) {
        throw new AppError('conflict', 'payment_not_refundable', `Payment is ${p.status}`);
      }
      const available = p.amountCaptured - (await refundsRequested(tx, p.id));
      const want = amount ?? available;
      if (want <= 0n || want > available) {
        throw AppError.validation(
          `At most ${available} can be refunded`,
          'amount',
          'refund_exceeds_captured',
        );
      }
      const now = this.clock.now();
      const [row] = await tx
        .insert(refunds)
        .values({
          id: newId('refund', now.getTime()),
          paymentId: p.id,
          amount: want,
          reason: reason ?? null,
          requestKey: options.requestKey ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      // The payable may refuse (a wallet that no longer holds a deposit): nothing is recorded then.
      await this.writer.refundRequested(tx, p, options.force);
      return { row: row!, intentId: p.providerIntentId };
    });
    return this.submit(recorded.row, recorded.intentId);
  }

  /** Sends a recorded refund to the provider (again, for reconciliation: same idempotency key). */
  async submit(row: RefundRow, intentId: string): Promise<RefundRow> {
    let result;
    try {
      result = await this.metrics.time('refunds.create', () =>
        this.provider.refund(
          {
            intentId,
            amount: row.amount,
            metadata: { refund_id: row.id, payment_id: row.paymentId },
          },
          row.id,
        ),
      );
    } catch (err) {
      if (err instanceof AppError && err.kind !== 'unavailable') {
        // Refused for good: the payable gets back what it set aside for this refund.
        await this.database.db.transaction(async (tx) => {
          const payment = await lockPayment(tx, row.paymentId);
          await tx
            .update(refunds)
            .set({ status: 'FAILED', updatedAt: this.clock.now() })
            .where(eq(refunds.id, row.id));
          await this.writer.refundRequested(tx, payment);
        });
      }
      throw err;
    }
    const [updated] = await this.database.db
      .update(refunds)
      .set({ providerRefundId: result.id, status: result.status, updatedAt: this.clock.now() })
      .where(eq(refunds.id, row.id))
      .returning();
    return updated!;
  }
}
