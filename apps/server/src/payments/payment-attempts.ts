import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { PaymentMetrics } from './payment-metrics';
import { claimPayment } from './payment-requests';
import type { TransitionCause } from './payment-state';
import { PaymentWriter } from './payment-writer';
import { payments, type PaymentRow } from './payments.schema';
import { isProviderRefusal, refusalObservation, withPaymentId } from './provider-refusals';
import {
  PaymentProvider,
  type ProviderCheckout,
  type ProviderIntent,
} from './provider/payment-provider';

/**
 * One attempt to collect a payment, as card and link payments share it: the row recorded first
 * (once per request key), each provider call timed and — if the provider refuses it — the payment
 * failed at once, and what the provider answered handed to the writer.
 */
@Injectable()
export class PaymentAttempts {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly writer: PaymentWriter,
    private readonly metrics: PaymentMetrics,
  ) {}

  /** Records the payment, or finds the one recorded for the same request key before. */
  record(
    values: Omit<typeof payments.$inferInsert, 'id'>,
    requestKey?: string,
  ): Promise<{ payment: PaymentRow; resumed: boolean }> {
    const now = this.clock.now();
    const id = newId('payment', now.getTime());
    return claimPayment(
      this.database,
      { ...values, id, createdAt: now, updatedAt: now },
      requestKey,
    );
  }

  /**
   * Runs a timed provider call for `payment`; if the provider refuses it (4xx), the payment fails
   * at once with the provider's reason (its payable hears `payment.failed`), an intent already
   * created is cancelled, and the error is rethrown naming the payment.
   */
  async call<T>(payment: PaymentRow, operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await this.metrics.time(operation, call);
    } catch (err) {
      if (!isProviderRefusal(err)) throw err;
      const failed = await this.writer.apply(payment.id, refusalObservation(err), 'api');
      if (failed.providerIntentId) {
        await this.provider
          .cancelIntent(failed.providerIntentId, `${payment.id}:cancel-refused`)
          .catch(() => undefined);
      }
      throw withPaymentId(err, payment.id);
    }
  }

  /** Stores the intent created for the payment before it is confirmed. */
  linkIntent(paymentId: string, intentId: string): Promise<PaymentRow> {
    return this.writer.apply(paymentId, {}, 'api', { providerIntentId: intentId });
  }

  /** Stores the hosted page created for the payment and applies what it says. */
  async applyCheckout(paymentId: string, session: ProviderCheckout): Promise<PaymentRow> {
    await this.database.db
      .update(payments)
      .set({
        providerSessionId: session.id,
        nextActionUrl: session.url,
        expiresAt: session.expiresAt,
        ...(session.intentId ? { providerIntentId: session.intentId } : {}),
      })
      .where(eq(payments.id, paymentId));
    return this.writer.apply(paymentId, session.observation, 'api', {}, 'session');
  }

  /** Applies what an intent says about the payment. */
  applyIntent(
    paymentId: string,
    intent: ProviderIntent,
    cause: TransitionCause,
  ): Promise<PaymentRow> {
    return this.writer.apply(
      paymentId,
      intent.observation,
      cause,
      {
        providerIntentId: intent.id,
        providerChargeId: intent.chargeId,
        providerPaymentMethodId: intent.paymentMethodId,
      },
      'intent',
    );
  }
}
