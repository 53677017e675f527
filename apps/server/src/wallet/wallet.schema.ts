import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ledgerAccounts } from '../ledger/ledger.schema';
import { users } from '../identity/identity.schema';
import { money, ts } from '../platform/database/columns';

export const PAYOUT_STATUSES = ['PENDING', 'PAID', 'FAILED'] as const;
export const payoutStatus = pgEnum('payout_status', PAYOUT_STATUSES);

/**
 * A withdrawal's payout to the user's destination. Its money leaves the wallet (into payout
 * clearing) in the same transaction the row is created; a failed payout is reversed by a new entry.
 */
export const payouts = pgTable(
  'payouts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    accountId: text('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    destination: text('destination').notNull(),
    status: payoutStatus('status').notNull().default('PENDING'),
    providerPayoutId: text('provider_payout_id'),
    failureReason: text('failure_reason'),
    /** The client's Idempotency-Key of the withdrawal request: one payout per key, ever. */
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('payouts_user_idx').on(t.userId),
    uniqueIndex('payouts_user_idempotency_key').on(t.userId, t.idempotencyKey),
    check('payouts_amount_positive', sql`${t.amount} > 0`),
  ],
);

export type PayoutRow = typeof payouts.$inferSelect;

/**
 * The connected account (`acct_…`) each user's withdrawals go to: created by the platform for that
 * user, never supplied by a client, so nobody can pay out to someone else's account. Only the
 * provider's id is stored; everything else about the account lives at the provider.
 */
export const payoutAccounts = pgTable(
  'payout_accounts',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id),
    providerAccountId: text('provider_account_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payout_accounts_provider_account_uq').on(t.providerAccountId)],
);

export type PayoutAccountRow = typeof payoutAccounts.$inferSelect;
