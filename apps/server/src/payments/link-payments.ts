import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import { PaymentAttempts } from './payment-attempts';
import type { PayableRef } from './payment-sync';
import type { PaymentMethod, PaymentRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';
import { RedirectPolicy } from './redirect-policy';
import { ReturnLinks } from './return-links';
import { SavedCards } from './saved-cards';

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

/** Payments on a hosted page (card or USDC): a checkout session whose URL the payer visits. */
@Injectable()
export class LinkPayments {
  constructor(
    private readonly provider: PaymentProvider,
    private readonly savedCards: SavedCards,
    private readonly links: ReturnLinks,
    private readonly redirects: RedirectPolicy,
    private readonly attempts: PaymentAttempts,
  ) {}

  /** A hosted payment page for the payer to complete; returns the payment with its URL. */
  async pay(input: LinkPaymentInput): Promise<PaymentRow> {
    // Before anything is recorded: a URL off our origins is the client's mistake, not a payment.
    if (input.successUrl !== undefined)
      this.redirects.assertAllowed(input.successUrl, input.urlParams?.success ?? 'successUrl');
    if (input.cancelUrl !== undefined)
      this.redirects.assertAllowed(input.cancelUrl, input.urlParams?.cancel ?? 'cancelUrl');
    const customerId = input.user ? await this.savedCards.ensure(input.user) : undefined;
    const { payment, resumed } = await this.attempts.record(
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
    const session = await this.attempts.call(payment, 'checkout.create', () =>
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
    );
    return this.attempts.applyCheckout(payment.id, session);
  }
}
