import { Inject, Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { LedgerService } from '../ledger';
import { PAYOUT_PROVIDER, type PayoutProvider } from '../payments';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { Logger } from '../platform/logging/logger';
import { payoutAccounts, withdrawals, type WithdrawalRow } from './wallet.schema';

/**
 * The provider's side of withdrawals: each user's payout account (`acct_…`) and the payout, the
 * transfer that carries a withdrawal there, with its outcome recorded (a refusal reversed).
 */
@Injectable()
export class Payouts {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    @Inject(PAYOUT_PROVIDER) private readonly provider: PayoutProvider,
    private readonly ledger: LedgerService,
  ) {}

  /** The user's connected account id, or null before they have one. */
  async account(userId: string): Promise<string | null> {
    const [row] = await this.database.db
      .select({ id: payoutAccounts.providerAccountId })
      .from(payoutAccounts)
      .where(eq(payoutAccounts.userId, userId));
    return row?.id ?? null;
  }

  /**
   * Creates the user's connected account once. The provider call's idempotency key is per user,
   * so concurrent or repeated requests converge on one account; the row is written only after.
   */
  async createAccount(user: UserRow): Promise<{ accountId: string; created: boolean }> {
    const existing = await this.account(user.id);
    if (existing) return { accountId: existing, created: false };
    const accountId = await this.provider.createAccount(
      { userId: user.id, email: user.email },
      `payout-account:${user.id}`,
    );
    const [row] = await this.database.db
      .insert(payoutAccounts)
      .values({ userId: user.id, providerAccountId: accountId, createdAt: this.clock.now() })
      .onConflictDoNothing()
      .returning();
    return {
      accountId: row?.providerAccountId ?? (await this.account(user.id))!,
      created: !!row,
    };
  }

  /** Sends a pending payout (again, after a crash: same idempotency key) and records the outcome. */
  async settle(
    payout: WithdrawalRow,
    options: { recovering?: boolean } = {},
  ): Promise<WithdrawalRow> {
    const result = await this.provider.send(payout, payout.id, options);
    return this.database.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(withdrawals)
        .set({
          status: result.status,
          providerPayoutId: result.id,
          failureReason: result.failureReason ?? null,
          updatedAt: this.clock.now(),
        })
        .where(and(eq(withdrawals.id, payout.id), eq(withdrawals.status, 'PENDING')))
        .returning();
      if (!claimed)
        return (await tx.select().from(withdrawals).where(eq(withdrawals.id, payout.id)))[0]!;
      if (claimed.status === 'FAILED') {
        const clearing = await this.ledger.platform(tx, 'PAYOUT_CLEARING', payout.currency);
        await this.ledger.post(tx, {
          kind: 'REVERSAL',
          reference: { type: 'payout', id: payout.id },
          description: `Withdrawal returned: ${result.failureReason ?? 'payout failed'}`,
          metadata: { reverses: 'WITHDRAWAL' },
          lines: [
            { accountId: clearing.id, amount: -payout.amount },
            { accountId: payout.accountId, amount: payout.amount },
          ],
        });
      }
      return claimed;
    });
  }

  /**
   * `settle`, or the withdrawal as it is when no definite answer came: its money is in payout
   * clearing and it stays PENDING until the settle job gets one (same idempotency key).
   */
  settleOrKeep(payout: WithdrawalRow, options: { recovering?: boolean } = {}) {
    return this.settle(payout, options).catch((err: unknown) => {
      this.logger.warn({ err, payoutId: payout.id }, 'payout not settled yet; will retry');
      return payout;
    });
  }
}
