import type { ProviderEvent } from './payment-provider';

/**
 * The billing port: recurring prices and subscriptions at the provider, for a module that sells
 * memberships. Exported by the payments module under BILLING_PROVIDER; the module never sees the
 * Stripe client behind it. Statuses are ours (UPPER_SNAKE, British CANCELLED), like the payments
 * port's. Every mutating call takes an idempotency key derived from the caller's ids.
 */
export type SubscriptionStatus =
  | 'INCOMPLETE'
  | 'INCOMPLETE_EXPIRED'
  | 'TRIALING'
  | 'ACTIVE'
  | 'PAST_DUE'
  | 'UNPAID'
  | 'CANCELLED'
  | 'PAUSED';

export interface ProviderSubscription {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  priceId: string;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  metadata: Record<string, string>;
  /** The latest invoice's payment client secret while it waits for the customer (the first one). */
  clientSecret: string | null;
}

/** What a billing event tells: a subscription as it stands now, or an invoice paid or failed. */
export type BillingFact =
  | { kind: 'subscription'; subscription: ProviderSubscription; deleted: boolean }
  | {
      kind: 'invoice_paid' | 'invoice_failed';
      invoiceId: string;
      subscriptionId: string;
      /** subscription_create, subscription_cycle, subscription_update, … */
      billingReason: string;
      amount: bigint;
      currency: string;
      /** The service period the invoice bills (its subscription line's, not the invoice's dates). */
      periodStart: Date;
      periodEnd: Date;
      attemptCount: number;
      nextAttemptAt: Date | null;
      /** The subscription's metadata as the invoice carries it (our ids). */
      metadata: Record<string, string>;
    };

export interface BillingProvider {
  /** A monthly price for `productName`; returns the provider's price id. */
  createPrice(
    input: { productName: string; amount: bigint; currency: string },
    idempotencyKey: string,
  ): Promise<string>;
  /**
   * A subscription whose first invoice waits for the customer's card (default_incomplete): the
   * answer carries that invoice's client secret.
   */
  subscribe(
    input: { customerId: string; priceId: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  /**
   * Pays the subscription's open first invoice with a card tokenised by the card form (`pm_…`), as
   * the server confirms card payments: 402 (AppError `payment_required`) on a decline.
   */
  payFirstInvoice(
    subscriptionId: string,
    paymentMethodId: string,
    idempotencyKey: string,
  ): Promise<{ status: string; nextActionUrl: string | null }>;
  /** Moves the subscription to another price, prorated onto the next invoice (Stripe's default). */
  changePrice(
    subscriptionId: string,
    priceId: string,
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  /** Cancels now, or at the end of the paid period. */
  cancel(
    subscriptionId: string,
    when: 'now' | 'period_end',
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  retrieve(subscriptionId: string): Promise<ProviderSubscription>;
  /** A signed event read as a billing fact, or null when it is not about subscriptions/invoices. */
  interpretEvent(event: ProviderEvent): BillingFact | null;
}

export const BILLING_PROVIDER = Symbol('BILLING_PROVIDER');
