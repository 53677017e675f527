import { Injectable } from '@nestjs/common';
import { AppError } from '../platform/errors/app-error';
import { CardPayments, type CardPaymentInput } from './card-payments';
import { ClientIntents, type ClientIntent, type ClientIntentInput } from './client-intents';
import { LinkPayments, type LinkPaymentInput } from './link-payments';
import { PaymentHolds } from './payment-holds';
import { PaymentRefunds } from './payment-refunds';
import type { TransitionCause } from './payment-state';
import { PaymentSync, type PayableRef } from './payment-sync';
import type { PaymentRow, RefundRow } from './payments.schema';

export type { CardPaymentInput } from './card-payments';
export type { ClientIntent, ClientIntentInput } from './client-intents';
export type { LinkPaymentInput } from './link-payments';
export type { PayableRef } from './payment-sync';

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
 * The payments core's facade: payables ask it to collect an amount. Card payments (CardPayments)
 * and hosted pages (LinkPayments) record the payment first and call the provider outside any
 * transaction with idempotency keys derived from our ids (PaymentAttempts); what the provider says
 * goes to the PaymentWriter. Holds, refunds and reads of the provider's truth have their own
 * collaborators; this only delegates.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly cards: CardPayments,
    private readonly hostedPages: LinkPayments,
    private readonly holds: PaymentHolds,
    private readonly payments: PaymentSync,
    private readonly refunds: PaymentRefunds,
    private readonly clientIntents: ClientIntents,
  ) {}

  get(id: string): Promise<PaymentRow> {
    return this.payments.get(id);
  }

  forPayable(payable: PayableRef): Promise<PaymentRow[]> {
    return this.payments.forPayable(payable);
  }

  /** Charges a card. Returns the payment in whatever state it reached; a decline ends `FAILED`. */
  payByCard(input: CardPaymentInput): Promise<PaymentRow> {
    return this.cards.pay(input);
  }

  /**
   * An intent the payer's browser confirms with its client secret (automatic capture): the one
   * still open for the payable, or a new one if `amount` changed (the old one cancelled). The
   * outcome reaches the payable by webhook or a server-side read, never by the browser's word.
   */
  openClientIntent(input: ClientIntentInput): Promise<ClientIntent> {
    return this.clientIntents.open(input);
  }

  /** A hosted payment page (card or USDC) for the payer to complete; returns the payment with its URL. */
  payByLink(input: LinkPaymentInput): Promise<PaymentRow> {
    return this.hostedPages.pay(input);
  }

  /**
   * Captures `amount` (default: all that is capturable) of an authorized hold; less releases the
   * rest. Refused before any provider call above what is capturable (`amount_out_of_range`), when
   * not authorized (`payment_not_capturable`), or past `captureBefore` (`authorization_expired`).
   */
  capture(paymentId: string, amount?: bigint): Promise<PaymentRow> {
    return this.holds.capture(paymentId, amount);
  }

  /**
   * Raises an authorized hold (asked for with `incrementalAuthorization` on `payByCard`) to
   * `newAmount`, the new total, and returns the payment with its new `amount` and
   * `amountCapturable`. Refusals leave the payment authorized at its old amount: 402
   * `increment_declined` (the issuer said no), 409 `increment_unavailable` (not granted for this
   * hold, or the provider's attempts are used up), 409 `payment_not_capturable`, 409
   * `authorization_expired`, 400 `amount_out_of_range` (below the current total, or above
   * MAX_AMOUNT). A replay (same payment, same amount) is one effect.
   */
  incrementAuthorization(paymentId: string, newAmount: bigint): Promise<PaymentRow> {
    return this.holds.increment(paymentId, newAmount);
  }

  /** Releases a hold (authorized) or abandons a payment still waiting for the payer. */
  cancel(paymentId: string): Promise<PaymentRow> {
    return this.holds.cancel(paymentId);
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
    if (row.providerRefundId) await this.payments.sync(row.paymentId, 'api');
    return row;
  }

  /** Sends a recorded refund to the provider (again, for reconciliation: same idempotency key). */
  async submitRefund(row: RefundRow, intentId: string): Promise<RefundRow> {
    const updated = await this.refunds.submit(row, intentId);
    await this.payments.sync(row.paymentId, 'api');
    return updated;
  }

  /** Cancels an intent that was created but never confirmed, so it can never take money later. */
  abandonIntent(p: PaymentRow): Promise<void> {
    return this.holds.abandonIntent(p);
  }

  /** Reads the provider's truth for this payment and applies it (browser return, reconciliation). */
  sync(paymentId: string, cause: TransitionCause): Promise<PaymentRow> {
    return this.payments.sync(paymentId, cause);
  }
}
