import { Injectable } from '@nestjs/common';
import { AppError } from '../platform/errors/app-error';
import { PaymentAttempts } from './payment-attempts';
import { PaymentMetrics } from './payment-metrics';
import { canCancel, canCapture } from './payment-state';
import { PaymentSync } from './payment-sync';
import type { PaymentRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';

/** Intents after their confirmation: a hold captured or released, a payment abandoned. */
@Injectable()
export class PaymentHolds {
  constructor(
    private readonly provider: PaymentProvider,
    private readonly metrics: PaymentMetrics,
    private readonly payments: PaymentSync,
    private readonly attempts: PaymentAttempts,
  ) {}

  async capture(paymentId: string, amount?: bigint): Promise<PaymentRow> {
    const p = await this.payments.get(paymentId);
    if (!canCapture(p.status) || !p.providerIntentId) {
      throw new AppError(
        'conflict',
        'payment_not_capturable',
        `Payment is ${p.status}, not authorized`,
      );
    }
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
