import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { LedgerHistory, type HistoryItem, type HistoryMatch } from '../ledger';
import { PageQuery, type Page } from '../platform/http/pagination';
import { toJsonNumber } from '../platform/money';

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

type HistoryType = (typeof HISTORY_TYPES)[number];

/**
 * Journal kind → the seed's type: a purchase is PAYMENT for the buyer and EARNING for the seller; a
 * reversal shows as the movement it undoes. Journal rows are final, so every item is COMPLETED
 * unless a later reversal undid it (REVERSED).
 */
function toItem(r: HistoryItem): WalletTransaction {
  const type: HistoryType =
    r.kind === 'PAYMENT'
      ? r.amount > 0n
        ? 'EARNING'
        : 'PAYMENT'
      : r.kind === 'REVERSAL'
        ? ((r.metadata.reverses as HistoryType | undefined) ?? 'REFUND')
        : (r.kind as HistoryType);
  return {
    id: r.postingId,
    type,
    status: r.kind === 'REVERSAL' || r.reversed ? 'REVERSED' : 'COMPLETED',
    amount: toJsonNumber(r.amount),
    balanceBefore: toJsonNumber(r.balanceBefore),
    balanceAfter: toJsonNumber(r.balanceAfter),
    currency: r.currency,
    description: r.description,
    referenceType: r.referenceType,
    referenceId: r.referenceId,
    metadata: r.metadata,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Each type as the journal entries it shows (the inverse of `toItem`). */
const KINDS_FOR: Record<HistoryType, HistoryMatch[]> = {
  DEPOSIT: [{ kind: 'DEPOSIT' }],
  WITHDRAWAL: [{ kind: 'WITHDRAWAL' }, { kind: 'REVERSAL', metadata: { reverses: 'WITHDRAWAL' } }],
  PAYMENT: [{ kind: 'PAYMENT', direction: 'debit' }],
  EARNING: [{ kind: 'PAYMENT', direction: 'credit' }],
  REFUND: [{ kind: 'REFUND' }, { kind: 'REVERSAL', metadata: { reverses: null } }],
  // Money a cardholder's dispute took back (negative), or a won dispute gave back (positive).
  DISPUTE: [{ kind: 'DISPUTE' }],
};

/** The seed's wallet history: the ledger's history of the wallet account, in the wallet's terms. */
@Injectable()
export class WalletHistory {
  constructor(private readonly ledger: LedgerHistory) {}

  async list(accountId: string, q: HistoryQuery): Promise<Page<WalletTransaction>> {
    const page = await this.ledger.list(
      accountId,
      { matches: q.type ? KINDS_FOR[q.type] : undefined, from: q.from, to: q.to },
      { limit: q.limit, startingAfter: q.startingAfter },
    );
    return { data: page.items.map(toItem), hasMore: page.hasMore, nextCursor: page.nextCursor };
  }
}
