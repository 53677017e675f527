import type { ConnectFact } from '../connect-events';
import type { Observation } from '../payment-state';
import type { DisputeStatus, RefundStatus } from '../payments.schema';

/**
 * What the payments core needs from a card/checkout provider. The port speaks our vocabulary
 * (statuses in UPPER_SNAKE, as stored); each adapter maps its provider's own words at the boundary. The Stripe implementation talks to
 * real Stripe or to the sandbox; the core never knows which. Every mutating call takes an
 * idempotency key derived from our ids, so a retried call can never charge twice.
 */
export interface ProviderIntent {
  id: string;
  /** What this intent says about the payment, in the state machine's terms. */
  observation: Observation;
  clientSecret: string | null;
  chargeId: string | null;
  paymentMethodId: string | null;
}

export interface ProviderCheckout {
  id: string;
  url: string | null;
  intentId: string | null;
  observation: Observation;
  expiresAt: Date;
}

export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface ProviderSetupIntent {
  id: string;
  status: string;
  customerId: string | null;
  paymentMethodId: string | null;
  /** Why the last attempt failed (e.g. authentication failed), if it did. */
  failure: { code: string; message: string } | null;
}

export interface ProviderRefund {
  id: string;
  amount: bigint;
  status: RefundStatus;
}

export interface ProviderEvent {
  id: string;
  type: string;
  created: number;
  /** The object the event is about (a PaymentIntent, Checkout Session, Charge, Refund, …). */
  object: { id: string; object: string } & Record<string, unknown>;
}

/** What a dispute object says: its id, the amount disputed and where it stands. */
export interface DisputeObservation {
  providerDisputeId: string;
  amount: bigint;
  currency: string;
  status: DisputeStatus;
  reason: string | null;
}

/** What a provider event tells the core: which payment, and what about it. */
export interface EventFacts {
  /** Our payment id from the object's metadata, when present. */
  paymentId?: string;
  intentId?: string;
  sessionId?: string;
  chargeId?: string;
  source: 'intent' | 'session' | 'charge' | 'refund' | 'dispute' | 'connect';
  observation: Observation;
  /** A Connect event (payout account, transfer): for ConnectEvents, not a payment. */
  connect?: ConnectFact;
  refund?: { providerRefundId: string; status: ProviderRefund['status'] };
  dispute?: DisputeObservation;
}

export interface CreateIntentInput {
  amount: bigint;
  currency: string;
  customerId?: string;
  captureMethod: 'AUTOMATIC' | 'MANUAL';
  /**
   * With MANUAL capture: ask that the hold may later be raised (incremental authorization). The
   * confirmed intent's observation says whether the card granted it (`incrementalAuthorization`).
   */
  requestIncrementalAuthorization?: boolean;
  description?: string;
  metadata: Record<string, string>;
  /**
   * `client`: confirmed by the payer's browser with the intent's client secret (card entry on the
   * provider's origin), so the intent is created for cards with no payment method yet.
   */
  confirmation?: 'server' | 'client';
}

export interface ConfirmIntentInput {
  paymentMethodId: string;
  offSession: boolean;
  returnUrl?: string;
}

export interface CreateCheckoutInput {
  amount: bigint;
  currency: string;
  productName: string;
  customerId?: string;
  paymentMethodTypes: ('card' | 'crypto')[];
  successUrl: string;
  cancelUrl: string;
  expiresAt?: Date;
  metadata: Record<string, string>;
}

export abstract class PaymentProvider {
  abstract readonly name: string;
  abstract createCustomer(
    input: { email: string; userId: string },
    idempotencyKey: string,
  ): Promise<string>;
  /** Attaches a tokenised card (pm_…) to the customer for later off-session use (SetupIntent). */
  abstract saveCard(
    input: { customerId: string; paymentMethodId: string; returnUrl?: string },
    idempotencyKey: string,
  ): Promise<{ setupIntentId: string; status: string; nextActionUrl: string | null }>;
  /** A SetupIntent as it stands now (the card setup's return page reports it). */
  abstract retrieveSetup(id: string): Promise<ProviderSetupIntent>;
  abstract listCards(customerId: string): Promise<SavedCard[]>;
  /** The customer a card belongs to, or null when it is not attached. */
  abstract cardOwner(paymentMethodId: string): Promise<string | null>;
  abstract detachCard(paymentMethodId: string, idempotencyKey: string): Promise<void>;
  abstract createIntent(input: CreateIntentInput, idempotencyKey: string): Promise<ProviderIntent>;
  abstract confirmIntent(
    id: string,
    input: ConfirmIntentInput,
    idempotencyKey: string,
  ): Promise<ProviderIntent>;
  abstract retrieveIntent(id: string): Promise<ProviderIntent>;
  /** Every dispute of the intent's charges, as the provider has them now. */
  abstract listDisputes(intentId: string): Promise<DisputeObservation[]>;
  abstract captureIntent(
    id: string,
    amount: bigint,
    idempotencyKey: string,
  ): Promise<ProviderIntent>;
  /**
   * Raises an authorized hold to `amount`, the new total (above the current one). Refusals, in our
   * words: AppError `increment_declined` (402, the issuer said no; `declineCode` when given) or
   * `increment_unavailable` (409: not incrementable, not awaiting capture, or out of attempts).
   * Either way the hold stays as it was, capturable for its old amount.
   */
  abstract incrementAuthorization(
    id: string,
    amount: bigint,
    idempotencyKey: string,
  ): Promise<ProviderIntent>;
  abstract cancelIntent(id: string, idempotencyKey: string): Promise<ProviderIntent>;
  abstract refund(
    input: { intentId: string; amount: bigint; reason?: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<ProviderRefund>;
  abstract createCheckout(
    input: CreateCheckoutInput,
    idempotencyKey: string,
  ): Promise<ProviderCheckout>;
  abstract retrieveCheckout(id: string): Promise<ProviderCheckout>;
  abstract expireCheckout(id: string, idempotencyKey: string): Promise<ProviderCheckout>;
  /** Verifies the signature (300 s tolerance) and parses; throws AppError(validation) if bad. */
  abstract parseWebhook(rawBody: Buffer, signatureHeader: string | undefined): ProviderEvent;
  /** What an event means for a payment; null for events the core does not act on. */
  abstract interpretEvent(event: ProviderEvent): EventFacts | null;
}
