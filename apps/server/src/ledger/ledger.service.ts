import { Inject, Injectable } from '@nestjs/common';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { CLOCK } from '../platform/platform.module';
import {
  journalEntries,
  ledgerAccounts,
  postings,
  type AccountType,
  type EntryKind,
  type JournalEntryRow,
  type LedgerAccountRow,
} from './ledger.schema';

export interface PostingLine {
  accountId: string;
  /** Signed minor units: positive raises the account's balance. */
  amount: bigint;
}

export interface EntryInput {
  kind: EntryKind;
  reference?: { type: string; id: string };
  description: string;
  metadata?: Record<string, string>;
  lines: PostingLine[];
}

/** Clearing accounts mirror outside parties and may go negative; everything else may not. */
const MAY_GO_NEGATIVE: AccountType[] = ['PROVIDER_CLEARING', 'PAYOUT_CLEARING'];
const WALLETS: AccountType[] = ['USER_WALLET', 'MERCHANT_WALLET'];

/**
 * The double-entry ledger. `post` writes one balanced journal entry inside the caller's transaction
 * — the same transaction as the business change that causes it — locking the touched accounts in id
 * order (so concurrent entries cannot deadlock), refusing locked wallets and overdrafts, and keeping
 * each account's balance equal to the sum of its postings.
 */
@Injectable()
export class LedgerService {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** The user's wallet (or merchant wallet) in a currency, created on first use. */
  wallet(
    tx: Tx,
    ownerId: string,
    type: 'USER_WALLET' | 'MERCHANT_WALLET',
    currency: string,
  ): Promise<LedgerAccountRow> {
    return this.account(tx, type, ownerId, currency);
  }

  /** One platform account per type and currency (revenue, fees, clearing), created on first use. */
  platform(
    tx: Tx,
    type: Exclude<AccountType, 'USER_WALLET' | 'MERCHANT_WALLET'>,
    currency: string,
  ): Promise<LedgerAccountRow> {
    return this.account(tx, type, null, currency);
  }

  /** Get or create: concurrent first uses race on the unique index and both read the winner. */
  private async account(
    tx: Tx,
    type: AccountType,
    ownerId: string | null,
    currencyCode: string,
  ): Promise<LedgerAccountRow> {
    const currency = currencyCode.toLowerCase();
    const where = and(
      eq(ledgerAccounts.type, type),
      ownerId === null ? isNull(ledgerAccounts.ownerId) : eq(ledgerAccounts.ownerId, ownerId),
      eq(ledgerAccounts.currency, currency),
    );
    const [found] = await tx.select().from(ledgerAccounts).where(where);
    if (found) return found;
    await tx
      .insert(ledgerAccounts)
      .values(this.newAccount(type, currency, ownerId))
      .onConflictDoNothing();
    return (await tx.select().from(ledgerAccounts).where(where))[0]!;
  }

  private newAccount(type: AccountType, currency: string, ownerId: string | null) {
    const now = this.clock.now();
    return {
      id: newId('account', now.getTime()),
      type,
      ownerId,
      currency: currency.toLowerCase(),
      allowNegative: MAY_GO_NEGATIVE.includes(type),
      createdAt: now,
      updatedAt: now,
    };
  }

  async post(tx: Tx, input: EntryInput): Promise<JournalEntryRow> {
    if (input.lines.length < 2) throw new Error('a journal entry needs at least two postings');
    if (input.lines.some((l) => l.amount === 0n)) throw new Error('a posting cannot be zero');
    const ids = [...new Set(input.lines.map((l) => l.accountId))].sort();
    // Lock in a global order: two entries touching the same accounts queue instead of deadlocking.
    const locked = await tx
      .select()
      .from(ledgerAccounts)
      .where(inArray(ledgerAccounts.id, ids))
      .orderBy(ledgerAccounts.id)
      .for('update');
    const accounts = new Map(locked.map((a) => [a.id, a]));
    const totals = new Map<string, bigint>();
    for (const line of input.lines) {
      const account = accounts.get(line.accountId);
      if (!account) throw new Error(`unknown ledger account ${line.accountId}`);
      totals.set(account.currency, (totals.get(account.currency) ?? 0n) + line.amount);
    }
    for (const [currency, total] of totals) {
      if (total !== 0n)
        throw new Error(`journal entry does not balance in ${currency}: off by ${total}`);
    }

    const now = this.clock.now();
    const entryId = newId('journalEntry', now.getTime());
    const [entry] = await tx
      .insert(journalEntries)
      .values({
        id: entryId,
        kind: input.kind,
        referenceType: input.reference?.type ?? null,
        referenceId: input.reference?.id ?? null,
        description: input.description,
        metadata: input.metadata ?? {},
        createdAt: now,
      })
      .returning();

    for (const line of input.lines) {
      const account = accounts.get(line.accountId)!;
      if (account.isLocked && WALLETS.includes(account.type)) {
        throw new AppError(
          'conflict',
          'wallet_locked',
          'This wallet is locked; no money can move in or out',
        );
      }
      const balance = account.balance + line.amount;
      if (balance < 0n && !account.allowNegative) {
        throw new AppError(
          'payment_required',
          'insufficient_funds',
          'The wallet balance is too low',
          {
            declineCode: 'insufficient_funds',
          },
        );
      }
      account.balance = balance;
      await tx
        .update(ledgerAccounts)
        .set({ balance: sql`${ledgerAccounts.balance} + ${line.amount}`, updatedAt: now })
        .where(eq(ledgerAccounts.id, account.id));
      await tx.insert(postings).values({
        id: newId('posting', now.getTime()),
        entryId,
        accountId: account.id,
        amount: line.amount,
        currency: account.currency,
        balanceAfter: balance,
        createdAt: now,
      });
    }
    return entry!;
  }
}
