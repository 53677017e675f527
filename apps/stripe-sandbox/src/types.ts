// The objects the sandbox stores, typed as the `stripe` package's own types. Where the issue asks
// for a field today's API no longer has (the 2023-era `invoice.payment_intent`, top-level
// subscription periods), it is added as an explicit legacy extension rather than hidden.
import type Stripe from 'stripe';
import type { Params } from './protocol/form';

export interface LegacyInvoiceFields {
  /** Removed from the API in 2025 (now `payments`); kept because pre-2025 integrations expand it. */
  payment_intent: string | Stripe.PaymentIntent | null;
  subscription: string | Stripe.Subscription | null;
  paid: boolean;
}
export type Invoice = Stripe.Invoice & LegacyInvoiceFields;

export interface LegacySubscriptionFields {
  /** Moved onto subscription items in 2025; still required by the 2023 schema. */
  current_period_start: number;
  current_period_end: number;
}
export type Subscription = Stripe.Subscription & LegacySubscriptionFields;

export interface Collections {
  customer: Stripe.Customer;
  payment_method: Stripe.PaymentMethod;
  setup_intent: Stripe.SetupIntent;
  payment_intent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  refund: Stripe.Refund;
  dispute: Stripe.Dispute;
  'checkout.session': Stripe.Checkout.Session;
  product: Stripe.Product;
  price: Stripe.Price;
  subscription: Subscription;
  subscription_item: Stripe.SubscriptionItem;
  invoice: Invoice;
  invoice_payment: Stripe.InvoicePayment;
  event: Stripe.Event;
  webhook_endpoint: Stripe.WebhookEndpoint;
  account: Stripe.Account;
  transfer: Stripe.Transfer;
  balance_transaction: Stripe.BalanceTransaction;
  payout: Stripe.Payout;
  transfer_reversal: Stripe.TransferReversal;
}
export type Kind = keyof Collections;

export const KINDS: readonly Kind[] = [
  'customer',
  'payment_method',
  'setup_intent',
  'payment_intent',
  'charge',
  'refund',
  'dispute',
  'checkout.session',
  'product',
  'price',
  'subscription',
  'subscription_item',
  'invoice',
  'invoice_payment',
  'event',
  'webhook_endpoint',
  'account',
  'transfer',
  'balance_transaction',
  'payout',
  'transfer_reversal',
];

/** Id prefix → kind, so `expand` can resolve any id it meets. */
export const PREFIXES: Record<string, Kind> = {
  cus: 'customer',
  pm: 'payment_method',
  seti: 'setup_intent',
  pi: 'payment_intent',
  ch: 'charge',
  re: 'refund',
  du: 'dispute',
  cs: 'checkout.session',
  prod: 'product',
  price: 'price',
  sub: 'subscription',
  si: 'subscription_item',
  in: 'invoice',
  inpay: 'invoice_payment',
  evt: 'event',
  we: 'webhook_endpoint',
  acct: 'account',
  tr: 'transfer',
  txn: 'balance_transaction',
  po: 'payout',
  trr: 'transfer_reversal',
};

/** Behaviour a test card number or `pm_card_*` token selects. */
export type CardBehaviour =
  | 'succeed'
  | 'generic_decline'
  | 'insufficient_funds'
  | 'lost_card'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'processing_error'
  | 'auth_unless_setup'
  | 'auth_always'
  | 'attach_ok_charge_fails'
  | 'dispute'
  /** 4000000000000077: succeeds, and the funds skip the pending balance. */
  | 'bypass_pending'
  /** Sandbox-only (4000009900000004): authorises, but the issuer refuses every increment. */
  | 'increment_declines';

/** Sandbox-only facts that have no field on Stripe's objects. */
export interface Internal {
  /** payment method id → how its card behaves. */
  cards: Record<string, CardBehaviour>;
  /** payment method ids authenticated for later off-session use (4000002500003155). */
  offSessionReady: Record<string, true>;
  /** payment intent id → sandbox time (s) when its uncaptured authorisation lapses. */
  holds: Record<string, number>;
  /** payment intent id → incremental authorisation attempts so far (Stripe allows 10). */
  increments: Record<string, number>;
  /** intent id → where the 3-D Secure page returns the customer. */
  threeDS: Record<string, { returnUrl: string | null }>;
  /** checkout session id → its line items. */
  lineItems: Record<string, Stripe.LineItem[]>;
  /** payment intent id → sandbox time (s) a crypto payment settles, and whether it will. */
  cryptoSettlements: Record<string, { at: number; succeed: boolean }>;
  /** payment intent id → the invoice it pays. */
  invoiceOfIntent: Record<string, string>;
  /** subscription id → proration lines waiting for the next invoice. */
  pendingProrations: Record<string, Stripe.InvoiceLineItem[]>;
  /** webhook endpoint id → its signing secret (Stripe only reveals it on create). */
  endpointSecrets: Record<string, string>;
  /** payment intent id → confirmed with `off_session` (so it cannot ask for 3-D Secure). */
  offSessionIntents: Record<string, true>;
  /** checkout session id → creation options applied when the customer pays. */
  checkoutOptions: Record<string, { paymentIntentData: Params; subscriptionData: Params }>;
  /** ids of deleted objects, so retrieving them answers `deleted: true` as Stripe does. */
  deleted: Record<string, Kind>;
  /** balance transaction id → when (sandbox s) its pending funds become available. */
  pendingFunds: Record<string, number>;
  /** payout id → its arrival date (sandbox s), while it is on its way. */
  payoutsInTransit: Record<string, number>;
  /** payout id → the failure code it will fail with at arrival (`/_sandbox/payouts/fail`). */
  payoutFailures: Record<string, string>;
  /** account link token → what it onboards and where it sends the browser (single use). */
  accountLinks: Record<
    string,
    { account: string; refreshUrl: string; returnUrl: string; expiresAt: number; used: boolean }
  >;
  /** onboarding form token (issued when a link is opened) → the account and its return URL. */
  onboardingForms: Record<string, { account: string; returnUrl: string; expiresAt: number }>;
  /** object id → the connected account it belongs to (created with a `Stripe-Account` header). */
  owners: Record<string, string>;
}
