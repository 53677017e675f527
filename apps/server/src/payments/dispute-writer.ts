import { Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { PayablesRegistry } from './payables-registry';
import { advanceDispute, disputeWithholds, type TransitionCause } from './payment-state';
import { lockPayment } from './payment-writer';
import { payments, paymentDisputes, type DisputeStatus, type PaymentRow } from './payments.schema';
import type { DisputeObservation } from './provider/payment-provider';

/**
 * The one writer of disputes. A dispute lives beside its payment's status (the payment stays
 * `SUCCEEDED`): under the payment's row lock it records the dispute's status (moving only along
 * DISPUTE_TRANSITIONS, so events in any order converge), sets the payment's `amountDisputed` — what
 * the provider holds back: open chargebacks and lost ones, not inquiries or won ones — and tells
 * the payable, which books the difference in the same transaction (funds withdrawn or reinstated).
 */
@Injectable()
export class DisputeWriter {
  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly registry: PayablesRegistry,
  ) {}

  async applyInTx(
    tx: Tx,
    paymentId: string,
    obs: DisputeObservation,
    cause: TransitionCause,
  ): Promise<PaymentRow> {
    const payment = await lockPayment(tx, paymentId);
    if (payment.amountCaptured < obs.amount) {
      // A dispute can only be about captured money: its payment's success has not been applied yet
      // (events out of order). Throwing makes the webhook job retry once that has happened.
      throw new Error(`dispute ${obs.providerDisputeId} before its payment ${paymentId} succeeded`);
    }
    const now = this.clock.now();
    const [existing] = await tx
      .select()
      .from(paymentDisputes)
      .where(eq(paymentDisputes.providerDisputeId, obs.providerDisputeId));
    const status: DisputeStatus = existing
      ? advanceDispute(existing.status, obs.status)
      : obs.status;
    if (existing && existing.status === status) return payment;
    const fundsWithdrawn = disputeWithholds(status);
    if (existing) {
      await tx
        .update(paymentDisputes)
        .set({ status, fundsWithdrawn, updatedAt: now })
        .where(eq(paymentDisputes.id, existing.id));
    } else {
      await tx.insert(paymentDisputes).values({
        id: newId('dispute', now.getTime()),
        paymentId,
        providerDisputeId: obs.providerDisputeId,
        amount: obs.amount,
        currency: obs.currency,
        status,
        reason: obs.reason,
        fundsWithdrawn,
        createdAt: now,
        updatedAt: now,
      });
    }
    const [withheld] = await tx
      .select({
        total: sql<bigint>`coalesce(sum(${paymentDisputes.amount}), 0)::bigint`.mapWith(BigInt),
      })
      .from(paymentDisputes)
      .where(
        and(eq(paymentDisputes.paymentId, paymentId), eq(paymentDisputes.fundsWithdrawn, true)),
      );
    const amountDisputed = minBig(withheld?.total ?? 0n, payment.amountCaptured);
    const [updated] = await tx
      .update(payments)
      .set({ amountDisputed, updatedAt: now })
      .where(eq(payments.id, paymentId))
      .returning();
    this.logger.info(
      {
        paymentId,
        disputeId: obs.providerDisputeId,
        from: existing?.status ?? null,
        to: status,
        cause,
      },
      'payment dispute',
    );
    await this.registry.dispatch(tx, {
      type: 'payment.disputed',
      payment: updated!,
      previousStatus: payment.status,
    });
    return updated!;
  }
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
