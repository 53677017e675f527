import { Inject, Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { CLOCK, DATABASE } from '../platform/platform.module';
import { SavedCards } from './saved-cards';
import { PaymentMetrics } from './payment-metrics';
import { PaymentRefunds } from './payment-refunds';
import { claimPayment } from './payment-requests';
import { canCancel, canCapture, type TransitionCause } from './payment-state';
import { PaymentWriter } from './payment-writer';
import { payments, type PaymentMethod, type PaymentRow, type RefundRow } from './payments.schema';
import { PAYMENT_PROVIDER } from './payments.tokens';
import { isProviderRefusal, refusalObservation, withPaymentId } from './provider-refusals';
import type { PaymentProvider, ProviderIntent } from './provider/payment-provider';
import { RedirectPolicy } from './redirect-policy';
import { ReturnLinks } from './return-links';

export interface PayableRef {
  type: string;
  id: string;
}

export interface CardPaymentInput {
  payable: PayableRef;
  user: Pick<UserRow, 'id' | 'email'>;
  amount: bigint;
  currency: string;
  /** A saved card of the user, or a card token from the provider's client library. */
  paymentMethodId: string;
  /** `manual` places a hold to capture later (EV charging). */
  captureMethod?: 'AUTOMATIC' | 'MANUAL';
  /** The payer is not present (a saved card charged later): no 3-D Secure challenge possible. */
  offSession?: boolean;
  description?: string;
  /** The request's Idempotency-Key: stored with the payment, so a replay has one effect. */
  requestKey?: string;
}

export interface LinkPaymentInput {
  payable: PayableRef;
  user?: Pick<UserRow, 'id' | 'email'>;
  amount: bigint;
  currency: string;
  method: Extract<PaymentMethod, 'CARD_LINK' | 'CRYPTO_LINK'>;
  productName: string;
  /**
   * Where the provider sends the payer afterwards. A URL a client chose must pass RedirectPolicy
   * (400 `redirect_not_allowed` with `param`: `successUrlParam`, default `successUrl`). Absent: the
   * payment's own return page.
   */
  successUrl?: string;
  cancelUrl?: string;
  /** The request fields the URLs came from, for the 400's `param`. */
  urlParams?: { success: string; cancel: string };
  expiresAt?: Date;
  /** The request's Idempotency-Key: stored with the payment, so a replay has one effect. */
  requestKey?: string;
}

/**
 * For payables that need the money now: a declined card becomes a 402 carrying its decline code
 * and the payment's id (`payment_id`, as Stripe names `payment_intent` in card errors).
 */
export function requireCollected(p: PaymentRow): PaymentRow {
  if (p.status === 'FAILED') {
    throw new AppError(
      'payment_required',
      p.failureCode ?? 'card_declined',
      p.failureMessage ?? 'The payment failed',
      { declineCode: p.declineCode ?? undefined, paymentId: p.id },
    );
  }
  return p;
}

/**
 * The payments core: payables ask it to collect an amount; it records the intent, calls the
 * provider outside any transaction with an idempotency key derived from our ids, and hands what the
 * provider says to the PaymentWriter. Provider calls: create, then confirm — so if the confirm's
 * answer is lost, the intent id is already stored and reconciliation can read the truth.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly savedCards: SavedCards,
    private readonly writer: PaymentWriter,
    private readonly metrics: PaymentMetrics,
    private readonly links: ReturnLinks,
    private readonly redirects: RedirectPolicy,
    private readonly refunds: PaymentRefunds,
  ) {}

  /**
   * Runs a provider call for `payment`; if the provider refuses it (4xx), the payment fails at once
   * with the provider's reason (its payable hears `payment.failed`), an intent already created is
   * cancelled, and the error is rethrown naming the payment.
   */
  private async refusable<T>(payment: PaymentRow, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
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

  /** Records the payment, or finds the one recorded for the same request key before. */
  private insert(
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

  async get(id: string): Promise<PaymentRow> {
    const [row] = await this.database.db.select().from(payments).where(eq(payments.id, id));
    if (!row) throw AppError.notFound('payment', id);
    return row;
  }

  async forPayable(payable: PayableRef): Promise<PaymentRow[]> {
    return this.database.db
      .select()
      .from(payments)
      .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id)))
      .orderBy(payments.id);
  }

  /** Charges a card. Returns the payment in whatever state it reached; a decline ends `failed`. */
  async payByCard(input: CardPaymentInput): Promise<PaymentRow> {
    const customerId = await this.savedCards.ensure(input.user);
    const { payment, resumed } = await this.insert(
      {
        payableType: input.payable.type,
        payableId: input.payable.id,
        userId: input.user.id,
        method: 'CARD',
        currency: input.currency.toLowerCase(),
        amount: input.amount,
        captureMethod: input.captureMethod ?? 'AUTOMATIC',
        providerCustomerId: customerId,
        providerPaymentMethodId: input.paymentMethodId,
        provider: this.provider.name,
      },
      input.requestKey,
    );
    // A replay of a request that got past its provider calls: read where it got to, never charge
    // again. One that stopped earlier goes on below with the same provider keys.
    if (resumed && (payment.status !== 'CREATED' || payment.providerIntentId))
      return payment.providerIntentId ? this.sync(payment.id, 'api') : payment;
    const intent = await this.refusable(payment, () =>
      this.metrics.time('intents.create', () =>
        this.provider.createIntent(
          {
            amount: input.amount,
            currency: payment.currency,
            customerId,
            captureMethod: payment.captureMethod,
            description: input.description,
            metadata: {
              payment_id: payment.id,
              payable_type: payment.payableType,
              payable_id: payment.payableId,
            },
          },
          `${payment.id}:create`,
        ),
      ),
    );
    const linked = await this.writer.apply(payment.id, {}, 'api', { providerIntentId: intent.id });
    const confirmed = await this.refusable(linked, () =>
      this.metrics.time('intents.confirm', () =>
        this.provider.confirmIntent(
          intent.id,
          {
            paymentMethodId: input.paymentMethodId,
            offSession: input.offSession ?? false,
            returnUrl: this.links.paymentReturn(payment.id),
          },
          `${payment.id}:confirm`,
        ),
      ),
    );
    const result = await this.applyIntent(payment.id, confirmed, 'api');
    if (result.status === 'FAILED') {
      // Cancel the declined intent so no later retry on the provider side can still take money.
      await this.provider
        .cancelIntent(intent.id, `${payment.id}:cancel-declined`)
        .catch(() => undefined);
    }
    return result;
  }

  /** A hosted payment page (card or USDC) for the payer to complete; returns the payment with its URL. */
  async payByLink(input: LinkPaymentInput): Promise<PaymentRow> {
    // Before anything is recorded: a URL off our origins is the client's mistake, not a payment.
    if (input.successUrl !== undefined)
      this.redirects.assertAllowed(input.successUrl, input.urlParams?.success ?? 'successUrl');
    if (input.cancelUrl !== undefined)
      this.redirects.assertAllowed(input.cancelUrl, input.urlParams?.cancel ?? 'cancelUrl');
    const customerId = input.user ? await this.savedCards.ensure(input.user) : undefined;
    const { payment, resumed } = await this.insert(
      {
        payableType: input.payable.type,
        payableId: input.payable.id,
        userId: input.user?.id ?? null,
        method: input.method,
        currency: input.currency.toLowerCase(),
        amount: input.amount,
        providerCustomerId: customerId ?? null,
        provider: this.provider.name,
      },
      input.requestKey,
    );
    // A replay whose checkout exists answers that checkout (its page URL is on the row).
    if (resumed && payment.providerSessionId) return payment;
    const back = this.links.paymentReturn(payment.id);
    const session = await this.refusable(payment, () =>
      this.metrics.time('checkout.create', () =>
        this.provider.createCheckout(
          {
            amount: input.amount,
            currency: payment.currency,
            productName: input.productName,
            customerId,
            paymentMethodTypes: [input.method === 'CRYPTO_LINK' ? 'crypto' : 'card'],
            successUrl: input.successUrl ?? back,
            cancelUrl: input.cancelUrl ?? back,
            expiresAt: input.expiresAt,
            metadata: {
              payment_id: payment.id,
              payable_type: payment.payableType,
              payable_id: payment.payableId,
            },
          },
          `${payment.id}:checkout`,
        ),
      ),
    );
    await this.database.db
      .update(payments)
      .set({
        providerSessionId: session.id,
        nextActionUrl: session.url,
        expiresAt: session.expiresAt,
        ...(session.intentId ? { providerIntentId: session.intentId } : {}),
      })
      .where(eq(payments.id, payment.id));
    return this.writer.apply(payment.id, session.observation, 'api', {}, 'session');
  }

  async capture(paymentId: string, amount?: bigint): Promise<PaymentRow> {
    const p = await this.get(paymentId);
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
    return this.applyIntent(p.id, intent, 'api');
  }

  /** Releases a hold (authorized) or abandons a payment still waiting for the payer. */
  async cancel(paymentId: string): Promise<PaymentRow> {
    const p = await this.get(paymentId);
    if (!canCancel(p.status) || !p.providerIntentId) {
      throw new AppError('conflict', 'payment_not_cancelable', `Payment is ${p.status}`);
    }
    const intent = await this.metrics.time('intents.cancel', () =>
      this.provider.cancelIntent(p.providerIntentId!, `${p.id}:cancel`),
    );
    return this.applyIntent(p.id, intent, 'api');
  }

  /**
   * Refunds part or all of what was captured (see PaymentRefunds), then reads the provider so the
   * payment and its payable follow.
   */
  async refund(
    paymentId: string,
    amount: bigint | undefined,
    reason?: string,
    options: { force?: boolean; requestKey?: string } = {},
  ): Promise<RefundRow> {
    const row = await this.refunds.refund(paymentId, amount, reason, options);
    if (row.providerRefundId) await this.sync(row.paymentId, 'api');
    return row;
  }

  /** Sends a recorded refund to the provider (again, for reconciliation: same idempotency key). */
  async submitRefund(row: RefundRow, intentId: string): Promise<RefundRow> {
    const updated = await this.refunds.submit(row, intentId);
    await this.sync(row.paymentId, 'api');
    return updated;
  }

  /** Cancels an intent that was created but never confirmed, so it can never take money later. */
  async abandonIntent(p: PaymentRow): Promise<void> {
    await this.provider.cancelIntent(p.providerIntentId!, `${p.id}:abandon`);
  }

  /** Reads the provider's truth for this payment and applies it (browser return, reconciliation). */
  async sync(paymentId: string, cause: TransitionCause): Promise<PaymentRow> {
    const p = await this.get(paymentId);
    if (p.providerSessionId) {
      const session = await this.provider.retrieveCheckout(p.providerSessionId);
      await this.writer.apply(
        p.id,
        session.observation,
        cause,
        { providerIntentId: session.intentId },
        'session',
      );
    }
    const current = await this.get(paymentId);
    if (!current.providerIntentId) return current;
    return this.applyIntent(
      p.id,
      await this.provider.retrieveIntent(current.providerIntentId),
      cause,
    );
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
