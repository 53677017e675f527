import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock';
import { isFinal } from './payment-state';
import { PaymentMetrics } from './payment-metrics';
import { PaymentWriter } from './payment-writer';
import type { PaymentRow } from './payments.schema';
import { PaymentsService } from './payments.service';
import { isProviderRefusal } from './provider-refusals';
import { PaymentProvider } from './provider/payment-provider';
import { SyncThrottle } from './sync-throttle';

/** A public return page reads the provider for a payment at most this often (per node). */
export const RETURN_SYNC_INTERVAL_MS = 5_000;

/**
 * What the public return pages (3-D Secure return, checkout success and cancel) may do to a
 * payment. They are reachable by anyone holding the link, so they never read the provider more
 * than once per payment per RETURN_SYNC_INTERVAL_MS, nor at all for a payment that is settled.
 */
@Injectable()
export class PaymentReturns {
  private readonly syncs: SyncThrottle<PaymentRow>;

  constructor(
    clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly payments: PaymentsService,
    private readonly writer: PaymentWriter,
    private readonly metrics: PaymentMetrics,
  ) {
    this.syncs = new SyncThrottle(RETURN_SYNC_INTERVAL_MS, clock);
  }

  /**
   * The payment as the provider has it, read at most once per interval (concurrent callers share
   * one read), and not at all once it succeeded or ended: webhooks and reconciliation bring
   * anything later (refunds, disputes).
   */
  async refresh(paymentId: string): Promise<PaymentRow> {
    const p = await this.payments.get(paymentId);
    if (isFinal(p.status) || p.status === 'SUCCEEDED') return p;
    await this.syncs.run(p.id, () => this.payments.sync(p.id, 'return'));
    // What is stored now: a read shared from a moment ago may be older than a webhook since.
    return this.payments.get(p.id);
  }

  /**
   * The payer gave up on a hosted page ("cancel and return"): expire its checkout at the provider
   * now (idempotency key `<payment>:expire`, outside any transaction) and apply what it answers
   * through the writer, so the payable hears `payment.expired` and (an order) releases its units
   * at once instead of when the page would have expired. A session completed meanwhile cannot be
   * expired: the provider refuses, and the payment is read instead.
   */
  async expireLink(paymentId: string): Promise<PaymentRow> {
    const p = await this.payments.get(paymentId);
    const hosted = p.method === 'CARD_LINK' || p.method === 'CRYPTO_LINK';
    if (!hosted || p.status !== 'CREATED' || !p.providerSessionId) return this.refresh(p.id);
    let session;
    try {
      session = await this.metrics.time('checkout.expire', () =>
        this.provider.expireCheckout(p.providerSessionId!, `${p.id}:expire`),
      );
    } catch (err) {
      if (!isProviderRefusal(err)) throw err;
      return this.payments.sync(p.id, 'return');
    }
    return this.writer.apply(
      p.id,
      session.observation,
      'return',
      { providerIntentId: session.intentId },
      'session',
    );
  }
}
