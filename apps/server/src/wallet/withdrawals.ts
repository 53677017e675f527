import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { LedgerService, walletLocked } from '../ledger';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { sqlState } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { PayoutAccounts } from './payout-accounts';
import { Payouts } from './payouts';
import { WalletAccounts } from './wallet-accounts';
import { withdrawals, type WithdrawalRow } from './wallet.schema';

/**
 * Withdrawals: one transaction debits the wallet into payout clearing and records the withdrawal;
 * then its payout is sent (Payouts). One withdrawal per Idempotency-Key, ever.
 */
@Injectable()
export class Withdrawals {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly accounts: WalletAccounts,
    private readonly payouts: Payouts,
    private readonly payoutAccounts: PayoutAccounts,
  ) {}

  /**
   * Debits the wallet and sends the payout to the user's own connected account — never to an
   * account id a client names: a `destination` is accepted only when it is that account.
   */
  async withdraw(
    user: UserRow,
    amount: bigint,
    currency: string,
    requested?: string,
    idempotencyKey?: string,
  ): Promise<WithdrawalRow> {
    if (idempotencyKey !== undefined) {
      const earlier = await this.byKey(user.id, idempotencyKey);
      if (earlier) return this.replay(earlier, amount, currency);
    }
    // A provider call (when not yet known ready): before, never inside, the transaction.
    const destination = await this.payoutAccounts.requireReady(user.id);
    if (requested !== undefined && requested !== destination) {
      // The same answer whether the account exists or belongs to someone else: no id probing.
      throw AppError.validation(
        'destination must be your own payout account',
        'destination',
        'destination_not_allowed',
      );
    }
    const now = this.clock.now();
    let withdrawal: WithdrawalRow;
    try {
      withdrawal = await this.database.db.transaction(async (tx) => {
        const { id: walletId } = await this.accounts.inTx(tx, user, currency);
        const clearing = await this.ledger.platform(tx, 'PAYOUT_CLEARING', currency);
        // Both locked first (in ledger_post's order: no deadlock with a reversal into this wallet),
        // so the check below and the debit see the same balance.
        const wallet = (await this.ledger.lockAccounts(tx, [walletId, clearing.id])).get(walletId)!;
        if (wallet.isLocked) throw walletLocked();
        const { available, pending } = await this.accounts.withPending(tx, wallet);
        if (amount > available) throw notWithdrawable(available, pending, wallet.balance);
        const id = newId('payout', now.getTime());
        // Ledger first: ledger_post locks the wallet row FOR UPDATE. Inserting the withdrawal
        // before it would take a KEY SHARE lock on that row (its foreign key), and two concurrent
        // withdrawals from one wallet would each wait for the other's share lock: a deadlock.
        await this.ledger.post(tx, {
          kind: 'WITHDRAWAL',
          reference: { type: 'payout', id },
          description: `Withdrawal to ${destination}`,
          lines: [
            { accountId: wallet.id, amount: -amount },
            { accountId: clearing.id, amount },
          ],
        });
        const [row] = await tx
          .insert(withdrawals)
          .values({
            id,
            userId: user.id,
            accountId: wallet.id,
            amount,
            currency,
            destination,
            idempotencyKey: idempotencyKey ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return row!;
      });
    } catch (err) {
      // The same key raced in from another request (or node): that one's withdrawal is the answer.
      const earlier =
        idempotencyKey !== undefined && sqlState(err) === '23505'
          ? await this.byKey(user.id, idempotencyKey)
          : undefined;
      if (!earlier) throw err;
      return this.replay(earlier, amount, currency);
    }
    // The money is in payout clearing and the withdrawal recorded: it is accepted, and stays
    // PENDING if the payout gets no definite answer now.
    return this.payouts.settleOrKeep(withdrawal);
  }

  /** A user's own withdrawals, newest first (optionally of one currency). */
  list(userId: string, q: PageQuery & { currency?: string }): Promise<Page<WithdrawalRow>> {
    return selectPage(
      this.database.db.select().from(withdrawals).$dynamic(),
      withdrawals.id,
      q,
      [
        eq(withdrawals.userId, userId),
        q.currency ? eq(withdrawals.currency, q.currency) : undefined,
      ],
      (w) => w,
    );
  }

  private async byKey(userId: string, key: string): Promise<WithdrawalRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(withdrawals)
      .where(and(eq(withdrawals.userId, userId), eq(withdrawals.idempotencyKey, key)));
    return row;
  }

  /** A withdrawal's key seen again: that withdrawal, settled if it can be — never a second one. */
  private async replay(w: WithdrawalRow, amount: bigint, currency: string): Promise<WithdrawalRow> {
    if (w.amount !== amount || w.currency !== currency) {
      throw AppError.idempotencyKeyReused(
        'This Idempotency-Key was used for a different withdrawal',
        'Idempotency-Key',
      );
    }
    if (w.status !== 'PENDING') return w;
    return this.payouts.settleOrKeep(w, { recovering: true });
  }
}

function notWithdrawable(available: bigint, pending: bigint, balance: bigint): AppError {
  const message =
    balance < 0n
      ? `The wallet owes ${-balance} (a disputed or refunded deposit); withdrawals are blocked until it is repaid`
      : pending > 0n
        ? `Only ${available} can be withdrawn now; ${pending} from recent card deposits becomes available after the settlement delay`
        : 'The wallet balance is too low';
  return new AppError('payment_required', 'insufficient_funds', message, {
    declineCode: 'insufficient_funds',
  });
}
