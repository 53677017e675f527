import { Injectable } from '@nestjs/common';
import {
  and,
  eq,
  getTableColumns,
  desc,
  inArray,
  isNull,
  lt,
  sql,
  type SQL,
  type SQLChunk,
} from 'drizzle-orm';
import { Clock } from '../platform/clock';
import type { DbOrTx, Tx } from '../platform/database/database';
import { sqlState } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
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
  /**
   * The business event this entry books (`deposit:pay_…`): posting the same key again — a retried
   * job, a handler asked twice — is a no-op (unique index), so no event is ever booked twice.
   */
  idempotencyKey?: string;
  /**
   * Money an outside party already moved (a dispute, a refund made at the provider): the books
   * must follow, so neither a wallet's lock nor its balance may refuse it (a wallet may go negative).
   */
  forced?: boolean;
}

/** What `post` did: the entry, and whether this call wrote it (false: its key was booked before). */
export interface Posted {
  entry: JournalEntryRow;
  posted: boolean;
}

/** Clearing accounts mirror outside parties and may go negative; everything else may not. */
const MAY_GO_NEGATIVE: AccountType[] = ['PROVIDER_CLEARING', 'PAYOUT_CLEARING', 'CREDIT_ISSUANCE'];
/** Beyond this many remembered account ids the memo starts over (a bound, not an eviction policy). */
const MAX_REMEMBERED_IDS = 50_000;

/** SQLSTATEs raised by the `ledger_post` function (migration 0007). */
const REFUSALS: Record<string, () => AppError> = {
  TL402: () =>
    new AppError('payment_required', 'insufficient_funds', 'The wallet balance is too low', {
      declineCode: 'insufficient_funds',
    }),
  TL409: () => walletLocked(),
};

/** What a locked wallet answers, whether ledger_post refuses it or a caller checks first. */
export const walletLocked = () =>
  new AppError('conflict', 'wallet_locked', 'This wallet is locked; no money can move in or out');

/**
 * The double-entry ledger. `post` writes one balanced journal entry inside the caller's transaction
 * — the same transaction as the business change that causes it — through the `ledger_post`
 * database function, which locks the touched accounts in id order (so concurrent entries cannot
 * deadlock), refuses locked wallets and overdrafts, and keeps each account's balance equal to the
 * sum of its postings. One round trip per entry: the accounts stay locked only as long as the
 * database needs, not for as many trips through Node as there are postings.
 */
@Injectable()
export class LedgerService {
  /**
   * Account ids by (type, owner, currency). An account row is never deleted or re-keyed, so once
   * committed its id can be remembered and the lookup skipped on the hot paths (orders).
   */
  private readonly ids = new Map<string, string>();

  constructor(private readonly clock: Clock) {}

  /** The user's wallet (or merchant wallet) in a currency, created on first use. */
  wallet(
    tx: Tx,
    ownerId: string,
    type: 'USER_WALLET' | 'MERCHANT_WALLET',
    currency: string,
  ): Promise<LedgerAccountRow> {
    return this.account(tx, type, ownerId, currency).then(withoutMark);
  }

  /** One platform account per type and currency (revenue, fees, clearing), created on first use. */
  platform(tx: Tx, type: PlatformAccountType, currency: string): Promise<LedgerAccountRow> {
    return this.account(tx, type, null, currency).then(withoutMark);
  }

  /** The id of `wallet(…)` (or of a member's credits account), without a query once known. */
  walletId(
    tx: DbOrTx,
    ownerId: string,
    type: 'USER_WALLET' | 'MERCHANT_WALLET' | 'MEMBER_CREDITS',
    currency: string,
  ): Promise<string> {
    return this.accountId(tx, type, ownerId, currency);
  }

  /** The id of `platform(…)`, without a query once known. */
  platformId(tx: DbOrTx, type: PlatformAccountType, currency: string): Promise<string> {
    return this.accountId(tx, type, null, currency);
  }

  /**
   * An operator company's revenue account in a currency (charging sessions credit it), created on
   * first use. Like a merchant wallet it goes below zero only by forced entries (a dispute).
   */
  companyRevenueId(tx: DbOrTx, companyId: string, currency: string): Promise<string> {
    return this.accountId(tx, 'COMPANY_REVENUE', { companyId }, currency);
  }

  private async accountId(
    tx: DbOrTx,
    type: AccountType,
    owner: string | { companyId: string } | null,
    currency: string,
  ): Promise<string> {
    const ownerKey =
      owner === null ? '' : typeof owner === 'string' ? owner : `c:${owner.companyId}`;
    const key = `${type}/${ownerKey}/${currency.toLowerCase()}`;
    const known = this.ids.get(key);
    if (known) return known;
    const row = await this.account(tx, type, owner, currency);
    // A row this very transaction created may still roll back: remember only committed ones.
    if (!row.createdHere) {
      if (this.ids.size >= MAX_REMEMBERED_IDS) this.ids.clear();
      this.ids.set(key, row.id);
    }
    return row.id;
  }

  /** Get or create: concurrent first uses race on the unique index and both read the winner. */
  private async account(
    tx: DbOrTx,
    type: AccountType,
    owner: string | { companyId: string } | null,
    currencyCode: string,
  ): Promise<LedgerAccountRow & { createdHere: boolean }> {
    const currency = currencyCode.toLowerCase();
    const ownerId = typeof owner === 'string' ? owner : null;
    const companyId = owner !== null && typeof owner === 'object' ? owner.companyId : null;
    const where = and(
      eq(ledgerAccounts.type, type),
      ownerId === null ? isNull(ledgerAccounts.ownerId) : eq(ledgerAccounts.ownerId, ownerId),
      companyId === null
        ? isNull(ledgerAccounts.companyId)
        : eq(ledgerAccounts.companyId, companyId),
      eq(ledgerAccounts.currency, currency),
    );
    const find = async () =>
      (
        await tx
          .select({ ...getTableColumns(ledgerAccounts), createdHere })
          .from(ledgerAccounts)
          .where(where)
      )[0];
    const found = await find();
    if (found) return found;
    await tx
      .insert(ledgerAccounts)
      .values({ ...this.newAccount(type, currency, ownerId), companyId })
      .onConflictDoNothing();
    return (await find())!;
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

  /**
   * The entry `input` makes and the values of the `ledger_post(…)` call that writes it: for
   * `post`, or for a caller that composes the call into a statement (`postCall(slot)`, see
   * OrdersService) and maps a failure with `ledgerRefusal`.
   */
  entryValues(input: EntryInput): { entry: JournalEntryRow; values: Record<string, unknown> } {
    if (input.lines.length < 2) throw new Error('a journal entry needs at least two postings');
    if (input.lines.some((l) => l.amount === 0n)) throw new Error('a posting cannot be zero');
    const now = this.clock.now();
    const entry: JournalEntryRow = {
      id: newId('journalEntry', now.getTime()),
      kind: input.kind,
      referenceType: input.reference?.type ?? null,
      referenceId: input.reference?.id ?? null,
      description: input.description,
      metadata: input.metadata ?? {},
      idempotencyKey: input.idempotencyKey ?? null,
      forced: input.forced ?? false,
      createdAt: now,
    };
    const values = {
      entry_id: entry.id,
      entry_kind: entry.kind,
      entry_reference_type: entry.referenceType,
      entry_reference_id: entry.referenceId,
      entry_description: entry.description,
      entry_metadata: JSON.stringify(entry.metadata),
      entry_at: now.toISOString(),
      entry_accounts: input.lines.map((l) => l.accountId),
      entry_amounts: input.lines.map((l) => l.amount.toString()),
      entry_postings: input.lines.map(() => newId('posting', now.getTime())),
      entry_idempotency_key: entry.idempotencyKey,
      entry_forced: entry.forced,
    };
    return { entry, values };
  }

  /**
   * Locks these accounts FOR UPDATE in id order — the order ledger_post locks in, so a caller that
   * checks balances before posting cannot deadlock with entries touching the same accounts.
   */
  async lockAccounts(tx: Tx, ids: string[]): Promise<Map<string, LedgerAccountRow>> {
    const rows = await tx
      .select()
      .from(ledgerAccounts)
      .where(inArray(ledgerAccounts.id, ids))
      .orderBy(ledgerAccounts.id)
      .for('update');
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Locks or unlocks a wallet; false when there is no such wallet. */
  async setLocked(db: DbOrTx, id: string, locked: boolean): Promise<boolean> {
    const rows = await db
      .update(ledgerAccounts)
      .set({ isLocked: locked, updatedAt: this.clock.now() })
      .where(
        and(
          eq(ledgerAccounts.id, id),
          inArray(ledgerAccounts.type, ['USER_WALLET', 'MERCHANT_WALLET']),
        ),
      )
      .returning({ id: ledgerAccounts.id });
    return rows.length > 0;
  }

  /** A user's wallets (every type and currency they have one in), newest first. */
  walletsOf(
    db: DbOrTx,
    ownerId: string,
    limit: number,
    startingAfter?: string,
  ): Promise<LedgerAccountRow[]> {
    return db
      .select()
      .from(ledgerAccounts)
      .where(
        and(
          inArray(ledgerAccounts.type, ['USER_WALLET', 'MERCHANT_WALLET']),
          eq(ledgerAccounts.ownerId, ownerId),
          startingAfter ? lt(ledgerAccounts.id, startingAfter) : undefined,
        ),
      )
      .orderBy(desc(ledgerAccounts.id))
      .limit(limit);
  }

  /** Wallets below zero (a dispute or a forced refund took more than they held), newest first. */
  walletsInDebt(db: DbOrTx, limit: number, startingAfter?: string): Promise<LedgerAccountRow[]> {
    return db
      .select()
      .from(ledgerAccounts)
      .where(
        and(
          inArray(ledgerAccounts.type, ['USER_WALLET', 'MERCHANT_WALLET']),
          lt(ledgerAccounts.balance, 0n),
          startingAfter ? lt(ledgerAccounts.id, startingAfter) : undefined,
        ),
      )
      .orderBy(desc(ledgerAccounts.id))
      .limit(limit);
  }

  /** What entries about `reference` moved on the account, per entry kind. */
  async netsByKind(
    tx: DbOrTx,
    accountId: string,
    reference: { type: string; id: string },
  ): Promise<Partial<Record<EntryKind, bigint>>> {
    const rows = await tx
      .select({
        kind: journalEntries.kind,
        net: sql<bigint>`sum(${postings.amount})::bigint`.mapWith(BigInt),
      })
      .from(postings)
      .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
      .where(
        and(
          eq(postings.accountId, accountId),
          eq(journalEntries.referenceType, reference.type),
          eq(journalEntries.referenceId, reference.id),
        ),
      )
      .groupBy(journalEntries.kind);
    return Object.fromEntries(rows.map((r) => [r.kind, r.net]));
  }

  /**
   * What credits of `kind` booked on the account since `since` still add to it, net of every later
   * entry about the same reference (a deposit later refunded or disputed adds nothing): the part of
   * a wallet's balance that is not settled yet.
   */
  async unsettledCredits(tx: DbOrTx, accountId: string, kind: EntryKind, since: Date) {
    const result = await tx.execute<{ total: string }>(sql`
      SELECT coalesce(sum(greatest(net, 0)), 0)::text AS total FROM (
        SELECT sum(p.amount) AS net
        FROM ${postings} p JOIN ${journalEntries} e ON e.id = p.entry_id
        WHERE p.account_id = ${accountId}
          AND (e.reference_type, e.reference_id) IN (
            SELECT e2.reference_type, e2.reference_id
            FROM ${postings} p2 JOIN ${journalEntries} e2 ON e2.id = p2.entry_id
            WHERE p2.account_id = ${accountId} AND e2.kind = ${kind}
              AND e2.created_at >= ${since.toISOString()} AND p2.amount > 0)
        GROUP BY e.reference_type, e.reference_id) credits`);
    return BigInt(result.rows[0]?.total ?? '0');
  }

  async post(tx: Tx, input: EntryInput): Promise<JournalEntryRow> {
    return (await this.postOnce(tx, input)).entry;
  }

  /** `post`, telling whether this call wrote the entry or found its idempotency key booked. */
  async postOnce(tx: Tx, input: EntryInput): Promise<Posted> {
    const { entry, values } = this.entryValues(input);
    // sql.param: an array is one parameter here, not a list.
    const call = postCall((name) => sql.param(values[name]));
    try {
      const result = await tx.execute<{ id: string }>(sql`SELECT ${call} AS id`);
      const id = result.rows[0]?.id ?? entry.id;
      return { entry: id === entry.id ? entry : { ...entry, id }, posted: id === entry.id };
    } catch (err) {
      const refused = ledgerRefusal(err);
      if (refused !== err) throw refused;
      // Anything else is a bug in the caller (unbalanced, unknown account): keep the database's
      // reason in front, not Drizzle's "Failed query" with every parameter.
      const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : null;
      throw reason ? new Error(`ledger_post refused: ${reason}`, { cause: err }) : err;
    }
  }
}

const POST_ARGS = [
  ['entry_id', 'text'],
  ['entry_kind', 'journal_entry_kind'],
  ['entry_reference_type', 'text'],
  ['entry_reference_id', 'text'],
  ['entry_description', 'text'],
  ['entry_metadata', 'jsonb'],
  ['entry_at', 'timestamptz'],
  ['entry_accounts', 'text[]'],
  ['entry_amounts', 'bigint[]'],
  ['entry_postings', 'text[]'],
  ['entry_idempotency_key', 'text'],
  ['entry_forced', 'boolean'],
] as const;

/** `ledger_post(…)` (migrations 0007, 0011) with each argument from `arg(name)`: a value or a slot. */
export function postCall(arg: (name: (typeof POST_ARGS)[number][0]) => SQLChunk): SQL {
  return sql`ledger_post(${sql.join(
    POST_ARGS.map(([name, type]) => sql`${arg(name)}::${sql.raw(type)}`),
    sql`, `,
  )})`;
}

/** A refusal raised by `ledger_post` (overdraft, locked wallet) as its API error; else `err`. */
export function ledgerRefusal(err: unknown): unknown {
  const refusal = REFUSALS[sqlState(err) ?? ''];
  return refusal ? refusal() : err;
}

const withoutMark = ({ createdHere: _, ...row }: LedgerAccountRow & { createdHere: boolean }) =>
  row;

type PlatformAccountType = Exclude<
  AccountType,
  'USER_WALLET' | 'MERCHANT_WALLET' | 'COMPANY_REVENUE' | 'MEMBER_CREDITS'
>;

/**
 * True when the row was inserted by the current transaction: its xmin is this transaction's id
 * (xmin holds the low 32 bits of the 64-bit transaction id). No id assigned yet: nothing written.
 */
const createdHere =
  sql<boolean>`coalesce(${ledgerAccounts}.xmin::text::bigint = pg_current_xact_id_if_assigned()::text::bigint % 4294967296, false)`.as(
    'created_here',
  );
