import { Injectable } from '@nestjs/common';
import { Database } from '../platform/database/database';
import { toPage } from '../platform/http/pagination';
import type { EntryKind } from './ledger.schema';

/**
 * Which entries a history shows: any of these matches. The ledger knows kinds, the direction of a
 * posting and entry metadata; what they mean to a reader (a wallet's "EARNING" is a PAYMENT credit)
 * is the reader's to say.
 */
export interface HistoryMatch {
  kind: EntryKind;
  /** Only postings that raise the account (credit) or lower it (debit). */
  direction?: 'credit' | 'debit';
  /** Entry metadata that must hold: a value, or null for a key that is absent. */
  metadata?: Record<string, string | null>;
}

export interface HistoryFilter {
  /** Entries matching any of these; none given: every entry. */
  matches?: HistoryMatch[];
  /** Postings made at or after `from`, and before `to`. */
  from?: Date | string;
  to?: Date | string;
}

export interface HistoryPageRequest {
  limit: number;
  /** The last posting id of the previous page: the page continues after it (older). */
  startingAfter?: string;
}

/** One posting on the account, with its entry and the balances around it. */
export interface HistoryItem {
  postingId: string;
  entryId: string;
  kind: EntryKind;
  /** Signed: positive raised the account's balance. */
  amount: bigint;
  balanceBefore: bigint;
  balanceAfter: bigint;
  currency: string;
  description: string;
  referenceType: string | null;
  referenceId: string | null;
  metadata: Record<string, string>;
  /** A later REVERSAL entry about the same reference undid this one (never set on a reversal). */
  reversed: boolean;
  createdAt: Date;
}

export interface HistoryPage {
  items: HistoryItem[];
  hasMore: boolean;
  /** The cursor for the next page (`startingAfter`), null on the last one. */
  nextCursor: string | null;
}

interface Row {
  id: string;
  entry_id: string;
  kind: EntryKind;
  amount: bigint;
  balance_after: bigint;
  currency: string;
  created_at: Date;
  description: string;
  reference_type: string | null;
  reference_id: string | null;
  metadata: Record<string, string>;
  reversed: boolean;
}

/** An account's postings, newest first, read from the journal (the ledger's own tables). */
@Injectable()
export class LedgerHistory {
  constructor(private readonly database: Database) {}

  async list(
    accountId: string,
    filter: HistoryFilter,
    page: HistoryPageRequest,
  ): Promise<HistoryPage> {
    const params: unknown[] = [accountId, page.limit + 1];
    const param = (v: unknown) => `$${params.push(v)}`;
    const where = ['p.account_id = $1'];
    if (filter.matches?.length) {
      const any = filter.matches.map((m) => {
        const all = [`e.kind = ${param(m.kind)}`];
        if (m.direction) all.push(m.direction === 'credit' ? 'p.amount > 0' : 'p.amount < 0');
        for (const [key, value] of Object.entries(m.metadata ?? {}))
          all.push(
            value === null
              ? `e.metadata->>${param(key)}::text IS NULL`
              : `e.metadata->>${param(key)}::text = ${param(value)}`,
          );
        return `(${all.join(' AND ')})`;
      });
      where.push(`(${any.join(' OR ')})`);
    }
    if (page.startingAfter) where.push(`p.id < ${param(page.startingAfter)}`);
    if (filter.from !== undefined) where.push(`p.created_at >= ${param(filter.from)}`);
    if (filter.to !== undefined) where.push(`p.created_at < ${param(filter.to)}`);
    const { rows } = await this.database.pool.query<Row>(
      `SELECT p.id, p.entry_id, p.amount, p.balance_after, p.currency, p.created_at, e.kind,
              e.description, e.reference_type, e.reference_id, e.metadata,
              EXISTS (SELECT 1 FROM journal_entries r WHERE r.kind = 'REVERSAL' AND e.kind <> 'REVERSAL'
                      AND r.reference_type = e.reference_type AND r.reference_id = e.reference_id) AS reversed
       FROM postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE ${where.join(' AND ')}
       ORDER BY p.id DESC LIMIT $2`,
      params,
    );
    const { data: items, hasMore, nextCursor } = toPage(rows, page.limit, toItem);
    return { items, hasMore, nextCursor };
  }
}

function toItem(r: Row): HistoryItem {
  return {
    postingId: r.id,
    entryId: r.entry_id,
    kind: r.kind,
    amount: r.amount,
    balanceBefore: r.balance_after - r.amount,
    balanceAfter: r.balance_after,
    currency: r.currency,
    description: r.description,
    referenceType: r.reference_type,
    referenceId: r.reference_id,
    metadata: r.metadata,
    reversed: r.reversed,
    createdAt: r.created_at,
  };
}
