import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import { PaymentAttempts } from './payment-attempts';
import { PaymentSync, type PayableRef } from './payment-sync';
import type { PaymentRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';
import { ReturnLinks } from './return-links';
import { SavedCards } from './saved-cards';

export interface CardPaymentInput {
  payable: PayableRef;
  /** Absent for a payer without an account (a guest's card from card entry): no customer. */
  user?: Pick<UserRow, 'id' | 'email'>;
  amount: bigint;
  currency: string;
  /** A saved card of the user, or a card token from the provider's client library. */
  paymentMethodId: string;
  /** `MANUAL` places a hold to capture later (EV charging). */
  captureMethod?: 'AUTOMATIC' | 'MANUAL';
  /**
   * With `MANUAL`: ask that the hold may be raised later (`PaymentsService.incrementAuthorization`).
   * Whether the card granted it is the payment's `incrementalAuthorization` once authorized.
   */
  incrementalAuthorization?: boolean;
  /** The payer is not present (a saved card charged later): no 3-D Secure challenge possible. */
  offSession?: boolean;
  description?: string;
  /** The request's Idempotency-Key: stored with the payment, so a replay has one effect. */
  requestKey?: string;
}

/**
 * Card payments through a PaymentIntent: create (the intent id stored), then confirm — so if the
 * confirm's answer is lost, the intent is already known and reconciliation can read the truth.
 */
@Injectable()
export class CardPayments {
  constructor(
    private readonly provider: PaymentProvider,
    private readonly savedCards: SavedCards,
    private readonly links: ReturnLinks,
    private readonly attempts: PaymentAttempts,
    private readonly payments: PaymentSync,
  ) {}

  /** Charges a card. Returns the payment in whatever state it reached; a decline ends `FAILED`. */
  async pay(input: CardPaymentInput): Promise<PaymentRow> {
    const customerId = input.user ? await this.savedCards.ensure(input.user) : undefined;
    const { payment, resumed } = await this.attempts.record(
      {
        payableType: input.payable.type,
        payableId: input.payable.id,
        userId: input.user?.id ?? null,
        method: 'CARD',
        currency: input.currency.toLowerCase(),
        amount: input.amount,
        captureMethod: input.captureMethod ?? 'AUTOMATIC',
        providerCustomerId: customerId ?? null,
        providerPaymentMethodId: input.paymentMethodId,
        provider: this.provider.name,
      },
      input.requestKey,
    );
    // A replay of a request that got past its provider calls: read where it got to, never charge
    // again. One that stopped earlier goes on below with the same provider keys.
    if (resumed && (payment.status !== 'CREATED' || payment.providerIntentId))
      return payment.providerIntentId ? this.payments.sync(payment.id, 'api') : payment;
    const intent = await this.attempts.call(payment, 'intents.create', () =>
      this.provider.createIntent(
        {
          amount: input.amount,
          currency: payment.currency,
          customerId,
          captureMethod: payment.captureMethod,
          requestIncrementalAuthorization: input.incrementalAuthorization === true,
          description: input.description,
          metadata: {
            payment_id: payment.id,
            payable_type: payment.payableType,
            payable_id: payment.payableId,
          },
        },
        `${payment.id}:create`,
      ),
    );
    const linked = await this.attempts.linkIntent(payment.id, intent.id);
    const confirmed = await this.attempts.call(linked, 'intents.confirm', () =>
      this.provider.confirmIntent(
        intent.id,
        {
          paymentMethodId: input.paymentMethodId,
          offSession: input.offSession ?? false,
          returnUrl: this.links.paymentReturn(payment.id),
        },
        `${payment.id}:confirm`,
      ),
    );
    const result = await this.attempts.applyIntent(payment.id, confirmed, 'api');
    if (result.status === 'FAILED') {
      // Cancel the declined intent so no later retry on the provider side can still take money.
      await this.provider
        .cancelIntent(intent.id, `${payment.id}:cancel-declined`)
        .catch(() => undefined);
    }
    return result;
  }
}
