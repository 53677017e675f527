import { Injectable } from '@nestjs/common';
import { and, eq, ne } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { Logger } from '../platform/logging/logger';
import { ConnectEvents } from './connect-events';
import { DisputeWriter } from './dispute-writer';
import type { TransitionCause } from './payment-state';
import { lockPayment, PaymentWriter } from './payment-writer';
import { payments, refunds } from './payments.schema';
import type { EventFacts } from './provider/payment-provider';

/**
 * What a provider event says, written in the caller's transaction: to the payment it is about
 * (found by our id, its intent, session or charge), its refund, or its dispute — through the writers.
 */
@Injectable()
export class EventFactsWriter {
  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly writer: PaymentWriter,
    private readonly disputes: DisputeWriter,
    private readonly connect: ConnectEvents,
  ) {}

  async applyInTx(tx: Tx, facts: EventFacts, cause: TransitionCause): Promise<void> {
    if (facts.connect) {
      await this.connect.applyInTx(tx, facts.connect, cause);
      return;
    }
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
      facts.source === 'connect' ? 'internal' : facts.source,
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
