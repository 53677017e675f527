import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.schema';
import {
  createdAt,
  currencyCheck,
  currencyCode,
  money,
  moneyFromZero,
  positiveCheck,
  primaryId,
  ref,
  timestamps,
  ts,
} from '../platform/database/columns';

export const PAYMENT_STATUSES = [
  'CREATED',
  'REQUIRES_ACTION',
  'PROCESSING',
  'AUTHORIZED',
  'SUCCEEDED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'FAILED',
  'EXPIRED',
  'CANCELLED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const paymentStatus = pgEnum('payment_status', PAYMENT_STATUSES);

/** card: a card charged through a PaymentIntent; card_link / crypto_link: a hosted checkout page. */
export const PAYMENT_METHODS = ['CARD', 'CARD_LINK', 'CRYPTO_LINK', 'WALLET'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const paymentMethod = pgEnum('payment_method', PAYMENT_METHODS);

export const captureMethod = pgEnum('capture_method', ['AUTOMATIC', 'MANUAL']);

/**
 * One row per attempt to collect money for a payable (an order, a charging session, a booking, an
 * invoice, a wallet top-up). The core knows payables only by (type, id). Status changes only through
 * the transition table in payment-state.ts, by guarded updates.
 */
export const payments = pgTable(
  'payments',
  {
    id: primaryId(),
    payableType: text('payable_type').notNull(),
    payableId: text('payable_id').notNull(),
    /** Null for ad-hoc payers without an account (a driver paying by QR link). */
    userId: text('user_id').references(() => users.id),
    method: paymentMethod('method').notNull(),
    status: paymentStatus('status').notNull().default('CREATED'),
    currency: currencyCode(),
    amount: money('amount').notNull(),
    amountCapturable: moneyFromZero('amount_capturable'),
    amountCaptured: moneyFromZero('amount_captured'),
    amountRefunded: moneyFromZero('amount_refunded'),
    /** What open or lost disputes took back (the provider no longer holds it for us). */
    amountDisputed: moneyFromZero('amount_disputed'),
    captureMethod: captureMethod('capture_method').notNull().default('AUTOMATIC'),
    /**
     * A held card payment whose hold the provider lets us raise before capture (incremental
     * authorization was asked for and the card supports it). `amount` is the hold's current total.
     */
    incrementalAuthorization: boolean('incremental_authorization').notNull().default(false),
    /** When an authorization lapses uncaptured (the provider's `capture_before`); null if none. */
    captureBefore: ts('capture_before'),
    provider: text('provider').notNull().default('stripe'),
    providerCustomerId: text('provider_customer_id'),
    providerPaymentMethodId: text('provider_payment_method_id'),
    providerIntentId: text('provider_intent_id'),
    providerSessionId: text('provider_session_id'),
    providerChargeId: text('provider_charge_id'),
    /** Where the payer goes next: a 3-D Secure page or a hosted checkout page. */
    nextActionUrl: text('next_action_url'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    declineCode: text('decline_code'),
    expiresAt: ts('expires_at'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    /**
     * The Idempotency-Key of the request that asked for this payment (a deposit), unique per user:
     * a replay at any time — after a crash, after the 24 h key store forgot it — finds this payment
     * instead of charging again. Provider keys derive from the payment id, so they agree too.
     */
    requestKey: text('request_key'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('payments_user_request_key').on(t.userId, t.requestKey),
    // A payer without an account (user null, which a unique index never matches) replays by its
    // payable: the same key for the same payable is the same payment.
    uniqueIndex('payments_payable_request_key')
      .on(t.payableType, t.payableId, t.requestKey)
      .where(sql`${t.userId} IS NULL`),
    uniqueIndex('payments_provider_intent_key').on(t.providerIntentId),
    uniqueIndex('payments_provider_session_key').on(t.providerSessionId),
    index('payments_payable_idx').on(t.payableType, t.payableId),
    index('payments_user_idx').on(t.userId),
    index('payments_status_updated_idx').on(t.status, t.updatedAt),
    positiveCheck('payments', t.amount),
    check(
      'payments_captured_range',
      sql`${t.amountCaptured} >= 0 AND ${t.amountCaptured} <= ${t.amount}`,
    ),
    check(
      'payments_capturable_range',
      sql`${t.amountCapturable} >= 0 AND ${t.amountCapturable} <= ${t.amount}`,
    ),
    check(
      'payments_refunded_range',
      sql`${t.amountRefunded} >= 0 AND ${t.amountRefunded} <= ${t.amountCaptured}`,
    ),
    currencyCheck('payments', t.currency),
    check(
      'payments_disputed_range',
      sql`${t.amountDisputed} >= 0 AND ${t.amountDisputed} <= ${t.amountCaptured}`,
    ),
  ],
);

export const DISPUTE_STATUSES = [
  'WARNING_NEEDS_RESPONSE',
  'WARNING_UNDER_REVIEW',
  'WARNING_CLOSED',
  'NEEDS_RESPONSE',
  'UNDER_REVIEW',
  'WON',
  'LOST',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * A cardholder's dispute of a payment, as the provider reports it. Its status moves only through
 * DISPUTE_TRANSITIONS (payment-state.ts); `fundsWithdrawn` says whether the provider holds the
 * disputed amount back right now (from the dispute's opening until it is won).
 */
export const paymentDisputes = pgTable(
  'payment_disputes',
  {
    id: primaryId(),
    paymentId: ref('payment_id', () => payments.id),
    providerDisputeId: text('provider_dispute_id').notNull().unique(),
    amount: money('amount').notNull(),
    currency: currencyCode(),
    status: text('status').$type<DisputeStatus>().notNull(),
    reason: text('reason'),
    fundsWithdrawn: boolean('funds_withdrawn').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    index('payment_disputes_payment_idx').on(t.paymentId),
    positiveCheck('payment_disputes', t.amount),
  ],
);
export type DisputeRow = typeof paymentDisputes.$inferSelect;

/**
 * Append-only audit of every status change and what caused it, and of every change of the
 * payment's amount (a hold raised by incremental authorization: the status may stay the same).
 */
export const paymentTransitions = pgTable(
  'payment_transitions',
  {
    id: primaryId(),
    paymentId: ref('payment_id', () => payments.id),
    fromStatus: paymentStatus('from_status').notNull(),
    toStatus: paymentStatus('to_status').notNull(),
    /** Set (both) when the row records an amount change. */
    fromAmount: money('from_amount'),
    toAmount: money('to_amount'),
    /** 'api', 'return', 'reconcile', or 'webhook:evt_…'. */
    cause: text('cause').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('payment_transitions_payment_idx').on(t.paymentId)],
);

/** A refund's status, in our words (the provider adapter maps the provider's refund status). */
export const REFUND_STATUSES = [
  'PENDING',
  'REQUIRES_ACTION',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const refunds = pgTable(
  'refunds',
  {
    id: primaryId(),
    paymentId: ref('payment_id', () => payments.id),
    providerRefundId: text('provider_refund_id').unique(),
    amount: money('amount').notNull(),
    status: text('status').$type<RefundStatus>().notNull().default('PENDING'),
    reason: text('reason'),
    /** The Idempotency-Key of the request that asked for it: one refund per key and payment. */
    requestKey: text('request_key'),
    ...timestamps(),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId),
    uniqueIndex('refunds_payment_request_key').on(t.paymentId, t.requestKey),
    positiveCheck('refunds', t.amount),
  ],
);

/** The provider's customer for each user, created lazily on first need. */
export const providerCustomers = pgTable('provider_customers', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  provider: text('provider').notNull().default('stripe'),
  providerCustomerId: text('provider_customer_id').notNull().unique(),
  createdAt: createdAt(),
});

/** Provider webhook events, stored once by their id before being applied by a job. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: primaryId(),
    provider: text('provider').notNull().default('stripe'),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('webhook_events_unprocessed_idx')
      .on(t.receivedAt)
      .where(sql`${t.processedAt} IS NULL`),
  ],
);

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
