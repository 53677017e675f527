import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import type { Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import type { PaymentEventType } from './payment-state';
import type { PaymentRow } from './payments.schema';

/** What a payable learns when its payment changes status. */
export interface PaymentDomainEvent {
  type: PaymentEventType;
  payment: PaymentRow;
  /** The status before this change. */
  previousStatus: PaymentRow['status'];
  /**
   * On `payment.refunded` and `payment.refund_requested`: what Tender's own refunds of this payment
   * add up to, pending or succeeded. A payable that must give the money back before the provider
   * confirms (a wallet top-up) takes back max(amountRefunded, refundsRequested).
   */
  refundsRequested?: bigint;
  /** On `payment.refund_requested`: an admin chose to refund even what the payable cannot cover. */
  force?: boolean;
}

/**
 * A payable (order, wallet top-up, charging session, booking, invoice) registers one handler for
 * its type. The handler runs inside the transaction that changes the payment, so the payable's own
 * change (an order completed, a ledger entry posted) commits or rolls back with it. Handlers must be
 * idempotent per (payment, type): the core calls each status only once, but a payable may also be
 * asked again after a crash between commit and acknowledgement.
 */
export type PayableHandler = (tx: Tx, event: PaymentDomainEvent) => Promise<void>;

/** What a payable owes now, as `POST /payments/create-intent` asks it. */
export interface IntentQuote {
  amount: bigint;
  currency: string;
  description?: string;
}

/**
 * Answers what `payer` owes for payable `id`: AppError 404 when it is not theirs (or does not
 * exist), 409 when it cannot be paid now (already paid, cancelled, expired).
 */
export type IntentQuoter = (payer: UserRow, id: string) => Promise<IntentQuote>;

/** The fields `POST /payments/create-intent` names a payable by, one per payable type. */
export const INTENT_FIELDS = ['bookingId', 'orderId'] as const;
export type IntentField = (typeof INTENT_FIELDS)[number];

@Injectable()
export class PayablesRegistry {
  private readonly handlers = new Map<string, PayableHandler>();
  private readonly quoters = new Map<IntentField, { type: string; quote: IntentQuoter }>();

  /**
   * Lets the payer pay payable `type` by a client-confirmed intent, named in
   * `POST /payments/create-intent` by `field` (`{bookingId}`, later `{orderId}`).
   */
  registerIntentSource(field: IntentField, type: string, quote: IntentQuoter): void {
    if (this.quoters.has(field)) throw new Error(`intent field '${field}' registered twice`);
    this.quoters.set(field, { type, quote });
  }

  intentSource(field: IntentField): { type: string; quote: IntentQuoter } | undefined {
    return this.quoters.get(field);
  }

  register(payableType: string, handler: PayableHandler): void {
    if (this.handlers.has(payableType))
      throw new Error(`payable type '${payableType}' registered twice`);
    this.handlers.set(payableType, handler);
  }

  /**
   * Tells the payment's payable. A payable type nobody registered is a bug (a module not mounted, a
   * misspelt type): the change is refused, so the caller's transaction rolls back — a webhook stays
   * unapplied, is retried and then dead-lettered, where an operator sees it — rather than the
   * payment moving on with nothing booked for it.
   */
  async dispatch(tx: Tx, event: PaymentDomainEvent): Promise<void> {
    const { payableType, id } = event.payment;
    const handler = this.handlers.get(payableType);
    if (!handler) {
      throw new AppError(
        'internal',
        'payable_type_unregistered',
        `No payable handler for type '${payableType}' (payment ${id}, ${event.type})`,
      );
    }
    await handler(tx, event);
  }
}
