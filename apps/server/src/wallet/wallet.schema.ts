import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ledgerAccounts } from '../ledger/ledger.schema';
import { users } from '../identity/identity.schema';
import {
  createdAt,
  currencyCode,
  money,
  moneyFromZero,
  positiveCheck,
  primaryId,
  ref,
  timestamps,
} from '../platform/database/columns';

export const WITHDRAWAL_STATUSES = ['PENDING', 'PAID', 'FAILED'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];
export const withdrawalStatus = pgEnum('withdrawal_status', WITHDRAWAL_STATUSES);

/**
 * A withdrawal (`wdr_…`) from a wallet to the user's payout account; its payout is the provider's
 * transfer that carries it (`providerPayoutId`). Its money leaves the wallet (into payout clearing)
 * in the same transaction the row is created; a failed payout is reversed by a new entry.
 */
export const withdrawals = pgTable(
  'withdrawals',
  {
    id: primaryId(),
    userId: ref('user_id', () => users.id),
    accountId: ref('account_id', () => ledgerAccounts.id),
    amount: money('amount').notNull(),
    currency: currencyCode(),
    destination: text('destination').notNull(),
    status: withdrawalStatus('status').notNull().default('PENDING'),
    providerPayoutId: text('provider_payout_id'),
    failureReason: text('failure_reason'),
    /** Why a PENDING payout has not gone yet (`balance_insufficient`, `provider_unavailable`). */
    waitingReason: text('waiting_reason'),
    /** What the provider has reversed of its transfer so far, already back on the wallet. */
    amountReversed: moneyFromZero('amount_reversed'),
    /** The client's Idempotency-Key of the withdrawal request: one withdrawal per key, ever. */
    idempotencyKey: text('idempotency_key'),
    ...timestamps(),
  },
  (t) => [
    index('withdrawals_user_idx').on(t.userId),
    uniqueIndex('withdrawals_user_idempotency_key').on(t.userId, t.idempotencyKey),
    positiveCheck('withdrawals', t.amount),
  ],
);

export type WithdrawalRow = typeof withdrawals.$inferSelect;

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
    /** From the provider (account.updated, or checked before a withdrawal): onboarding done. */
    ready: boolean('ready').notNull().default(false),
    /** What the provider still needs from the user (its `requirements.currently_due`). */
    currentlyDue: text('currently_due')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('payout_accounts_provider_account_uq').on(t.providerAccountId)],
);

export type PayoutAccountRow = typeof payoutAccounts.$inferSelect;
