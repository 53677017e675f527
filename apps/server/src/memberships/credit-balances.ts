import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../platform/database/database';
import { membershipCredits } from './memberships.schema';

export interface CreditBalance {
  type: string;
  remaining: bigint;
  allocated: bigint;
  /** When the soonest of its open cycles ends. */
  expiresAt: Date;
}

/** What a member has left per type in cycles still open at `now`. */
export async function creditBalances(
  db: DbOrTx,
  userId: string,
  now: Date,
): Promise<CreditBalance[]> {
  const rows = await db
    .select()
    .from(membershipCredits)
    .where(
      and(
        eq(membershipCredits.userId, userId),
        isNull(membershipCredits.closedAt),
        gt(membershipCredits.cycleEnd, now),
      ),
    )
    .orderBy(asc(membershipCredits.cycleEnd));
  const by = new Map<string, CreditBalance>();
  for (const r of rows) {
    const b = by.get(r.creditType);
    if (b) {
      b.remaining += r.remaining;
      b.allocated += r.allocated;
    } else {
      by.set(r.creditType, {
        type: r.creditType,
        remaining: r.remaining,
        allocated: r.allocated,
        expiresAt: r.cycleEnd,
      });
    }
  }
  return [...by.values()];
}
