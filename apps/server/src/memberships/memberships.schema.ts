import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.schema';
import {
  currencyCheck,
  currencyCode,
  money,
  primaryId,
  ref,
  timestamps,
  ts,
  createdAt,
} from '../platform/database/columns';

/** Credits per cycle (or a rollover cap) by credit type: `{ meeting_room_hours: 10 }`. */
export type CreditsByType = Record<string, number>;

/**
 * A membership plan. The provider price is created at the provider when the plan is; the NFT-holder
 * price is stored (with its own provider price) for the wallet-linking step that will choose it.
 */
export const membershipPlans = pgTable(
  'membership_plans',
  {
    id: primaryId(),
    name: text('name').notNull(),
    currency: currencyCode(),
    monthlyPrice: money('monthly_price').notNull(),
    providerPriceId: text('provider_price_id').notNull(),
    holderPrice: money('holder_price'),
    holderProviderPriceId: text('holder_provider_price_id'),
    credits: jsonb('credits').$type<CreditsByType>().notNull().default({}),
    rolloverCaps: jsonb('rollover_caps').$type<CreditsByType>().notNull().default({}),
    /** Whether a member whose renewal failed (past_due) keeps access while Stripe retries. */
    pastDueAccess: boolean('past_due_access').notNull().default(true),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    currencyCheck('membership_plans', t.currency),
    check('membership_plans_price_positive', sql`${t.monthlyPrice} > 0`),
    check(
      'membership_plans_holder_price',
      sql`${t.holderPrice} IS NULL OR (${t.holderPrice} > 0 AND ${t.holderProviderPriceId} IS NOT NULL)`,
    ),
  ],
);

/**
 * PENDING: stored, the provider not yet asked (or its answer lost in a crash); the rest mirror the
 * provider's subscription status, in our words.
 */
export const MEMBERSHIP_STATUSES = [
  'PENDING',
  'INCOMPLETE',
  'INCOMPLETE_EXPIRED',
  'TRIALING',
  'ACTIVE',
  'PAST_DUE',
  'UNPAID',
  'CANCELLED',
  'PAUSED',
] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
/** Statuses of a membership that is over: the user may subscribe again. */
export const ENDED_STATUSES: MembershipStatus[] = ['CANCELLED', 'INCOMPLETE_EXPIRED'];

export const memberships = pgTable(
  'memberships',
  {
    id: primaryId(),
    userId: ref('user_id', () => users.id),
    planId: ref('plan_id', () => membershipPlans.id),
    status: text('status').$type<MembershipStatus>().notNull(),
    providerSubscriptionId: text('provider_subscription_id'),
    providerCustomerId: text('provider_customer_id'),
    /** The first invoice's client secret, until it is paid (a confirmable secret, not a key). */
    clientSecret: text('client_secret'),
    currentPeriodStart: ts('current_period_start'),
    currentPeriodEnd: ts('current_period_end'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    /** The subscribe request's Idempotency-Key: a replay finds this row, not a second one. */
    requestKey: text('request_key'),
    ...timestamps(),
  },
  (t) => [
    // One membership per user that is not over: two concurrent subscribes make one.
    uniqueIndex('memberships_one_live_per_user')
      .on(t.userId)
      .where(sql`${t.status} NOT IN ('CANCELLED', 'INCOMPLETE_EXPIRED')`),
    uniqueIndex('memberships_subscription_key').on(t.providerSubscriptionId),
    uniqueIndex('memberships_request_key').on(t.userId, t.requestKey),
    check(
      'memberships_status_known',
      sql`${t.status} IN ('PENDING', 'INCOMPLETE', 'INCOMPLETE_EXPIRED', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID', 'CANCELLED', 'PAUSED')`,
    ),
  ],
);

/** One cycle's credits of one type. `remaining` is what may still be spent before `cycleEnd`. */
export const membershipCredits = pgTable(
  'membership_credits',
  {
    id: primaryId(),
    membershipId: ref('membership_id', () => memberships.id),
    userId: ref('user_id', () => users.id),
    creditType: text('credit_type').notNull(),
    allocated: bigint('allocated', { mode: 'bigint' }).notNull(),
    remaining: bigint('remaining', { mode: 'bigint' }).notNull(),
    cycleStart: ts('cycle_start').notNull(),
    cycleEnd: ts('cycle_end').notNull(),
    /** The invoice whose payment allocated them. */
    invoiceId: text('invoice_id').notNull(),
    /** Set when what was left moved on (rolled over) or lapsed (expired). */
    closedAt: ts('closed_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('membership_credits_cycle_key').on(t.membershipId, t.creditType, t.cycleStart),
    index('membership_credits_user_idx').on(t.userId, t.creditType),
    check('membership_credits_remaining_range', sql`${t.remaining} >= 0`),
  ],
);

export const CREDIT_TRANSACTION_KINDS = [
  'ALLOCATION',
  'DEDUCTION',
  'EXPIRY',
  'ROLLOVER',
  'REFUND',
] as const;
export type CreditTransactionKind = (typeof CREDIT_TRANSACTION_KINDS)[number];

/** Every movement of credits, signed (a deduction or expiry is negative); never updated. */
export const creditTransactions = pgTable(
  'credit_transactions',
  {
    id: primaryId(),
    userId: ref('user_id', () => users.id),
    membershipId: ref('membership_id', () => memberships.id),
    creditId: ref('credit_id', () => membershipCredits.id),
    creditType: text('credit_type').notNull(),
    kind: text('kind').$type<CreditTransactionKind>().notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** What caused it: an invoice, a booking, the cycle that ended. */
    reference: text('reference').notNull(),
    description: text('description').notNull(),
    /** The event it books, unique: a replayed webhook or a retried spend is one transaction. */
    idempotencyKey: text('idempotency_key').notNull(),
    journalEntryId: text('journal_entry_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credit_transactions_idempotency_key').on(t.idempotencyKey),
    index('credit_transactions_user_idx').on(t.userId, t.id),
    index('credit_transactions_reference_idx').on(t.reference),
    check(
      'credit_transactions_kind_known',
      sql`${t.kind} IN ('ALLOCATION', 'DEDUCTION', 'EXPIRY', 'ROLLOVER', 'REFUND')`,
    ),
  ],
);

export type MembershipPlanRow = typeof membershipPlans.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type MembershipCreditRow = typeof membershipCredits.$inferSelect;
export type CreditTransactionRow = typeof creditTransactions.$inferSelect;
