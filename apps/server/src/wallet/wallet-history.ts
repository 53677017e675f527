import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Database } from '../platform/database/database';
import { PageQuery, type Page } from '../platform/http/pagination';
import { toJsonNumber } from '../platform/money';
import { DATABASE } from '../platform/platform.module';

export const HISTORY_TYPES = [
  'DEPOSIT',
  'WITHDRAWAL',
  'PAYMENT',
  'EARNING',
  'REFUND',
  'DISPUTE',
] as const;
export const HISTORY_STATUSES = ['PENDING', 'COMPLETED', 'FAILED', 'REVERSED'] as const;

export const HistoryQuery = PageQuery.extend({
  type: z.enum(HISTORY_TYPES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** The seed's WalletTransaction, read from the journal: one item per posting on the wallet. */
export const WalletTransaction = z.object({
  id: z.string(),
  type: z.enum(HISTORY_TYPES),
  status: z.enum(HISTORY_STATUSES),
  amount: z.number().int(),
  balanceBefore: z.number().int(),
  balanceAfter: z.number().int(),
  currency: z.string(),
  description: z.string(),
  referenceType: z.string().nullable(),
  referenceId: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type WalletTransaction = z.infer<typeof WalletTransaction>;

interface Row {
  id: string;
  amount: bigint;
  balance_after: bigint;
  currency: string;
  created_at: Date;
  kind: string;
  description: string;
  reference_type: string | null;
  reference_id: string | null;
  metadata: Record<string, string>;
  reversed: boolean;
}

/**
 * Journal kind → the seed's type: a purchase is PAYMENT for the buyer and EARNING for the seller; a
 * reversal shows as the movement it undoes. Journal rows are final, so every item is COMPLETED
 * unless a later reversal undid it (REVERSED).
 */
function toItem(r: Row): WalletTransaction {
  const type =
    r.kind === 'PAYMENT'
      ? r.amount > 0n
        ? 'EARNING'
        : 'PAYMENT'
      : r.kind === 'REVERSAL'
        ? ((r.metadata.reverses as (typeof HISTORY_TYPES)[number] | undefined) ?? 'REFUND')
        : (r.kind as (typeof HISTORY_TYPES)[number]);
  return {
    id: r.id,
    type,
    status: r.kind === 'REVERSAL' || r.reversed ? 'REVERSED' : 'COMPLETED',
    amount: toJsonNumber(r.amount),
    balanceBefore: toJsonNumber(r.balance_after - r.amount),
    balanceAfter: toJsonNumber(r.balance_after),
    currency: r.currency,
    description: r.description,
    referenceType: r.reference_type,
    referenceId: r.reference_id,
    metadata: r.metadata,
    createdAt: r.created_at.toISOString(),
  };
}

const KINDS_FOR: Record<(typeof HISTORY_TYPES)[number], string> = {
  DEPOSIT: `e.kind = 'DEPOSIT'`,
  WITHDRAWAL: `(e.kind = 'WITHDRAWAL' OR (e.kind = 'REVERSAL' AND e.metadata->>'reverses' = 'WITHDRAWAL'))`,
  PAYMENT: `(e.kind = 'PAYMENT' AND p.amount < 0)`,
  EARNING: `(e.kind = 'PAYMENT' AND p.amount > 0)`,
  REFUND: `(e.kind = 'REFUND' OR (e.kind = 'REVERSAL' AND e.metadata->>'reverses' IS NULL))`,
  // Money a cardholder's dispute took back (negative), or a won dispute gave back (positive).
  DISPUTE: `e.kind = 'DISPUTE'`,
};

@Injectable()
export class WalletHistory {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async list(accountId: string, q: HistoryQuery): Promise<Page<WalletTransaction>> {
    const params: unknown[] = [accountId, q.limit + 1];
    const where = ['p.account_id = $1'];
    if (q.type) where.push(KINDS_FOR[q.type]);
    if (q.startingAfter) where.push(`p.id < $${params.push(q.startingAfter)}`);
    if (q.from) where.push(`p.created_at >= $${params.push(q.from)}`);
    if (q.to) where.push(`p.created_at < $${params.push(q.to)}`);
    const { rows } = await this.database.pool.query<Row>(
      `SELECT p.id, p.amount, p.balance_after, p.currency, p.created_at, e.kind, e.description,
              e.reference_type, e.reference_id, e.metadata,
              EXISTS (SELECT 1 FROM journal_entries r WHERE r.kind = 'REVERSAL' AND e.kind <> 'REVERSAL'
                      AND r.reference_type = e.reference_type AND r.reference_id = e.reference_id) AS reversed
       FROM postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE ${where.join(' AND ')}
       ORDER BY p.id DESC LIMIT $2`,
      params,
    );
    const hasMore = rows.length > q.limit;
    const page = hasMore ? rows.slice(0, q.limit) : rows;
    return {
      data: page.map(toItem),
      hasMore,
      nextCursor: hasMore ? page[page.length - 1]!.id : null,
    };
  }
}
