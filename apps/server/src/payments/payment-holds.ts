import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock';
import { AppError } from '../platform/errors/app-error';
import { MAX_AMOUNT } from '../platform/money';
import { PaymentAttempts } from './payment-attempts';
import { PaymentMetrics } from './payment-metrics';
import { canCancel, canCapture } from './payment-state';
import { PaymentSync } from './payment-sync';
import type { PaymentRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';

/** Intents after their confirmation: a hold raised, captured or released, a payment abandoned. */
@Injectable()
export class PaymentHolds {
  constructor(
    private readonly provider: PaymentProvider,
    private readonly metrics: PaymentMetrics,
    private readonly payments: PaymentSync,
    private readonly attempts: PaymentAttempts,
    private readonly clock: Clock,
  ) {}

  /** The authorized payment, or why its hold cannot be used any more (checked before any call). */
  private async authorized(paymentId: string): Promise<PaymentRow> {
    const p = await this.payments.get(paymentId);
    if (!canCapture(p.status) || !p.providerIntentId) {
      throw new AppError(
        'conflict',
        'payment_not_capturable',
        `Payment is ${p.status}, not authorized`,
      );
    }
    if (p.captureBefore && this.clock.now() >= p.captureBefore) {
      // Past capture_before the provider releases the hold; read where it stands for the payable.
      await this.payments.sync(p.id, 'api').catch(() => undefined);
      throw new AppError(
        'conflict',
        'authorization_expired',
        `The authorization lapsed at ${p.captureBefore.toISOString()}`,
      );
    }
    return p;
  }

  /**
   * Raises the hold to `newAmount`, the new total. The provider key names the payment and the
   * amount, so a replay is one increment (and answers as the first call did, decline included);
   * asking again for the amount already held returns the payment unchanged. A refusal
   * (`increment_declined`, `increment_unavailable`) leaves the payment authorized as it was.
   */
  async increment(paymentId: string, newAmount: bigint): Promise<PaymentRow> {
    const p = await this.authorized(paymentId);
    if (newAmount === p.amount) return p;
    if (newAmount < p.amount || newAmount > BigInt(MAX_AMOUNT)) {
      throw AppError.validation(
        `The new total must be above the authorized ${p.amount} and at most ${MAX_AMOUNT}`,
        'amount',
        'amount_out_of_range',
      );
    }
    if (!p.incrementalAuthorization) {
      throw new AppError(
        'conflict',
        'increment_unavailable',
        'This authorization cannot be raised: incremental authorization was not granted for it',
      );
    }
    const intent = await this.metrics.time('intents.increment', () =>
      this.provider.incrementAuthorization(
        p.providerIntentId!,
        newAmount,
        `${p.id}:increment:${newAmount}`,
      ),
    );
    return this.attempts.applyIntent(p.id, intent, 'api');
  }

  async capture(paymentId: string, amount?: bigint): Promise<PaymentRow> {
    const p = await this.authorized(paymentId);
    const toCapture = amount ?? p.amountCapturable;
    if (toCapture <= 0n || toCapture > p.amountCapturable) {
      throw AppError.validation(
        `Capture between 1 and ${p.amountCapturable}`,
        'amount',
        'amount_out_of_range',
      );
    }
    const intent = await this.metrics.time('intents.capture', () =>
      this.provider.captureIntent(p.providerIntentId!, toCapture, `${p.id}:capture`),
    );
    return this.attempts.applyIntent(p.id, intent, 'api');
  }

  /** Releases a hold (authorized) or abandons a payment still waiting for the payer. */
  async cancel(paymentId: string): Promise<PaymentRow> {
    const p = await this.payments.get(paymentId);
    if (!canCancel(p.status) || !p.providerIntentId) {
      throw new AppError('conflict', 'payment_not_cancelable', `Payment is ${p.status}`);
    }
    const intent = await this.metrics.time('intents.cancel', () =>
      this.provider.cancelIntent(p.providerIntentId!, `${p.id}:cancel`),
    );
    return this.attempts.applyIntent(p.id, intent, 'api');
  }

  /** Cancels an intent that was created but never confirmed, so it can never take money later. */
  async abandonIntent(p: PaymentRow): Promise<void> {
    await this.provider.cancelIntent(p.providerIntentId!, `${p.id}:abandon`);
  }
}
