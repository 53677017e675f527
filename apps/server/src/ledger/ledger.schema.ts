import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { companies, users } from '../identity/identity.schema';
import {
  createdAt,
  currencyCode,
  money,
  moneyFromZero,
  primaryId,
  ref,
  timestamps,
} from '../platform/database/columns';

/**
 * Account types. Wallets belong to a user and may never go below zero; the platform's own accounts
 * (revenue, fees) are positive by construction; clearing accounts mirror money held at or owed by
 * an outside party (the card provider, a payout rail) and may be negative.
 */
export const ACCOUNT_TYPES = [
  'USER_WALLET',
  'MERCHANT_WALLET',
  'PLATFORM_REVENUE',
  'PLATFORM_FEES',
  'PROVIDER_CLEARING',
  'PAYOUT_CLEARING',
  /** An operator company's earnings (charging sessions, less the platform's fee). */
  'COMPANY_REVENUE',
  /** A member's credits of one type (`credit:meeting_room_hours`), never below zero. */
  'MEMBER_CREDITS',
  /**
   * Membership credits issued and not yet used or expired, in a credit unit: the platform's side
   * of every member's MEMBER_CREDITS account, so it runs negative by design.
   */
  'CREDIT_ISSUANCE',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const accountType = pgEnum('ledger_account_type', ACCOUNT_TYPES);

export const ENTRY_KINDS = [
  'DEPOSIT',
  'WITHDRAWAL',
  'PAYMENT',
  'EARNING',
  'REFUND',
  'REVERSAL',
  'FEE',
  /** Money the provider took back for a dispute (or, reversed, gave back when it was won). */
  'DISPUTE',
  /** Membership credits allocated, spent, given back, rolled over or expired (a credit unit). */
  'CREDIT',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const entryKind = pgEnum('journal_entry_kind', ENTRY_KINDS);

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: primaryId(),
    type: accountType('type').notNull(),
    /** The user for wallets; null for platform and clearing accounts. */
    ownerId: text('owner_id').references(() => users.id),
    /** The company for COMPANY_REVENUE accounts; null for every other type. */
    companyId: text('company_id').references(() => companies.id),
    currency: currencyCode(),
    /** Always equal to the sum of the account's postings (checked by `npm run ledger:verify`). */
    balance: moneyFromZero('balance'),
    allowNegative: boolean('allow_negative').notNull().default(false),
    isLocked: boolean('is_locked').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_owner_key')
      .on(t.type, t.ownerId, t.currency)
      .where(sql`${t.ownerId} IS NOT NULL`),
    uniqueIndex('ledger_accounts_platform_key')
      .on(t.type, t.currency)
      .where(sql`${t.ownerId} IS NULL AND ${t.companyId} IS NULL`),
    uniqueIndex('ledger_accounts_company_key')
      .on(t.type, t.companyId, t.currency)
      .where(sql`${t.companyId} IS NOT NULL`),
    check('ledger_accounts_one_owner', sql`${t.ownerId} IS NULL OR ${t.companyId} IS NULL`),
    // Wallets go below zero only through forced entries (ledger_post checks, ledger:verify audits):
    // a dispute takes money back whether or not the wallet still holds it — a company's revenue
    // likewise (by company_id: a new enum value cannot be named in the migration that adds it).
    // Platform accounts never.
    check(
      'ledger_accounts_non_negative',
      sql`${t.allowNegative} OR ${t.balance} >= 0 OR ${t.type} IN ('USER_WALLET', 'MERCHANT_WALLET') OR ${t.companyId} IS NOT NULL`,
    ),
    // Money in an ISO 4217 code, or membership credits in their own unit (`credit:day_passes`):
    // never added to money, since every sum (ledger_post, ledger:verify) is per currency.
    check(
      'ledger_accounts_currency_iso',
      sql`${t.currency} ~ '^([a-z]{3}|credit:[a-z][a-z0-9_]{0,39})$'`,
    ),
  ],
);

/** One business event that moves value; its postings sum to zero per currency. Never updated. */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: primaryId(),
    kind: entryKind('kind').notNull(),
    referenceType: text('reference_type'),
    referenceId: text('reference_id'),
    description: text('description').notNull(),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    /**
     * The business event this entry books (`deposit:pay_…`), unique: a second post of the same
     * event — a retried job, a replayed handler — is a no-op that returns the first entry's id.
     */
    idempotencyKey: text('idempotency_key'),
    /**
     * The entry records money an outside party already moved (a dispute, a refund the provider
     * made): neither a wallet's lock nor its balance could refuse it, so a wallet may go negative.
     */
    forced: boolean('forced').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('journal_entries_reference_idx').on(t.referenceType, t.referenceId),
    uniqueIndex('journal_entries_idempotency_key').on(t.idempotencyKey),
  ],
);

/** A signed amount on one account (positive raises its balance). Never updated or deleted. */
export const postings = pgTable(
  'postings',
  {
    id: primaryId(),
    /**
     * Order of postings on an account. Taken from a sequence while the account row is locked, so on
     * one account it follows commit order even across nodes (ids alone would follow node clocks).
     */
    position: bigserial('position', { mode: 'bigint' }).notNull(),
    entryId: ref('entry_id', () => journalEntries.id),
    accountId: ref('account_id', () => ledgerAccounts.id),
    amount: money('amount').notNull(),
    currency: currencyCode(),
    /** The account's balance right after this posting: the wallet history's balanceAfter. */
    balanceAfter: money('balance_after').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('postings_account_idx').on(t.accountId, t.position),
    index('postings_entry_idx').on(t.entryId),
    check('postings_amount_nonzero', sql`${t.amount} <> 0`),
  ],
);

export type LedgerAccountRow = typeof ledgerAccounts.$inferSelect;
export type JournalEntryRow = typeof journalEntries.$inferSelect;
export type PostingRow = typeof postings.$inferSelect;
