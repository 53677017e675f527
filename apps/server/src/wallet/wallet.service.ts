import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, lt } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { type LedgerAccountRow, LedgerService, walletLocked } from '../ledger';
import {
  PayablesRegistry,
  PaymentsService,
  requireCollected,
  type PaymentRow,
  PAYOUT_PROVIDER,
  type PayoutProvider,
} from '../payments';
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config/config';
import type { Database, Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import type { JobQueue } from '../platform/jobs/jobs';
import type { Logger } from '../platform/logging/logger';
import { sqlState } from '../platform/database/pg-errors';
import { CLOCK, CONFIG, DATABASE, JOBS, LOGGER } from '../platform/platform.module';
import { DepositBooks } from './deposit-books';
import { payoutAccounts, withdrawals, type WithdrawalRow } from './wallet.schema';

export const DEPOSIT_PAYABLE = 'wallet_deposit';
export const DEFAULT_CURRENCY = 'usd';
export const SETTLE_PAYOUTS_QUEUE = 'wallet.settle-payouts';

export interface SettleReport {
  paid: number;
  failed: number;
  errors: number;
}

const walletType = (u: Pick<UserRow, 'role'>) =>
  u.role === 'MERCHANT' ? 'MERCHANT_WALLET' : 'USER_WALLET';

export interface DepositInput {
  amount: bigint;
  currency: string;
  /** A saved card or provider card token; without one the deposit is paid on a hosted page. */
  paymentMethodId?: string;
  successUrl?: string;
  cancelUrl?: string;
  /** The request's Idempotency-Key: stored with the deposit's payment (one charge per key). */
  requestKey?: string;
}

/** A wallet with the part of its balance not yet withdrawable (recent card deposits). */
export interface WalletBalances {
  account: LedgerAccountRow;
  /** Card deposits younger than the settlement delay, net of their refunds and disputes. */
  pending: bigint;
  /** What may be withdrawn now: balance − pending, never below zero. */
  available: bigint;
}

/**
 * Wallets on the ledger. A deposit is a payable of the payments core: the wallet is credited only
 * when its payment succeeds, in the transaction that records the success. A withdrawal debits the
 * wallet and creates its payout in one transaction; a failed payout is reversed by a new entry.
 */
@Injectable()
export class WalletService implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(JOBS) private readonly jobs: JobQueue,
    @Inject(PAYOUT_PROVIDER) private readonly payoutProvider: PayoutProvider,
    private readonly ledger: LedgerService,
    private readonly payments: PaymentsService,
    private readonly registry: PayablesRegistry,
    private readonly books: DepositBooks,
  ) {}

  /** A PENDING payout older than this is sent again by the settle job (same idempotency key). */
  static readonly PAYOUT_RETRY_AFTER_MS = 60_000;

  async onModuleInit(): Promise<void> {
    this.registry.register(DEPOSIT_PAYABLE, (tx, event) => this.books.onPayment(tx, event));
    await this.jobs.define(SETTLE_PAYOUTS_QUEUE, async () => void (await this.settlePending()), {
      retryLimit: 0,
      retryDelaySeconds: 1,
    });
    await this.jobs.schedule(SETTLE_PAYOUTS_QUEUE, '* * * * *');
  }

  account(user: Pick<UserRow, 'id' | 'role'>, currency = DEFAULT_CURRENCY) {
    return this.database.db.transaction((tx) =>
      this.ledger.wallet(tx, user.id, walletType(user), currency),
    );
  }

  /** The wallet and what of it may be withdrawn now. */
  async balances(user: Pick<UserRow, 'id' | 'role'>, currency = DEFAULT_CURRENCY) {
    return this.database.db.transaction(async (tx) => {
      const account = await this.ledger.wallet(tx, user.id, walletType(user), currency);
      return this.withPending(tx, account);
    });
  }

  private async withPending(tx: Tx, account: LedgerAccountRow): Promise<WalletBalances> {
    const since = new Date(
      this.clock.now().getTime() - this.config.wallet.settlementSeconds * 1000,
    );
    const unsettled = await this.ledger.unsettledCredits(tx, account.id, 'DEPOSIT', since);
    const pending =
      unsettled < account.balance ? unsettled : account.balance > 0n ? account.balance : 0n;
    const available = account.balance - pending;
    return { account, pending, available: available > 0n ? available : 0n };
  }

  /** Starts a deposit: the payable is the wallet account itself. */
  async deposit(user: UserRow, input: DepositInput): Promise<PaymentRow> {
    const wallet = await this.account(user, input.currency);
    // Refused before the card is charged: money taken for a locked wallet could not be used.
    if (wallet.isLocked) throw walletLocked();
    const payable = { type: DEPOSIT_PAYABLE, id: wallet.id };
    if (input.paymentMethodId) {
      const payment = await this.payments.payByCard({
        payable,
        user,
        amount: input.amount,
        currency: input.currency,
        paymentMethodId: input.paymentMethodId,
        description: 'Wallet deposit',
        requestKey: input.requestKey,
      });
      return requireCollected(payment);
    }
    return this.payments.payByLink({
      payable,
      user,
      amount: input.amount,
      currency: input.currency,
      method: 'CARD_LINK',
      productName: 'Wallet deposit',
      requestKey: input.requestKey,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
    });
  }

  /** The user's connected account id, or null before they have one. */
  async payoutAccount(userId: string): Promise<string | null> {
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
  async createPayoutAccount(user: UserRow): Promise<{ accountId: string; created: boolean }> {
    const existing = await this.payoutAccount(user.id);
    if (existing) return { accountId: existing, created: false };
    const accountId = await this.payoutProvider.createAccount(
      { userId: user.id, email: user.email },
      `payout-account:${user.id}`,
    );
    const [row] = await this.database.db
      .insert(payoutAccounts)
      .values({ userId: user.id, providerAccountId: accountId, createdAt: this.clock.now() })
      .onConflictDoNothing()
      .returning();
    return {
      accountId: row?.providerAccountId ?? (await this.payoutAccount(user.id))!,
      created: !!row,
    };
  }

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
      const earlier = await this.payoutFor(user.id, idempotencyKey);
      if (earlier) return this.replay(earlier, amount, currency);
    }
    const destination = await this.payoutAccount(user.id);
    if (!destination) {
      throw new AppError(
        'conflict',
        'payout_account_required',
        'Create your payout account first (POST /api/v1/wallet/payout-account)',
      );
    }
    if (requested !== undefined && requested !== destination) {
      // The same answer whether the account exists or belongs to someone else: no id probing.
      throw AppError.validation(
        'destination must be your own payout account',
        'destination',
        'destination_not_allowed',
      );
    }
    const now = this.clock.now();
    let payout: WithdrawalRow;
    try {
      payout = await this.database.db.transaction(async (tx) => {
        const { id: walletId } = await this.ledger.wallet(tx, user.id, walletType(user), currency);
        const clearing = await this.ledger.platform(tx, 'PAYOUT_CLEARING', currency);
        // Both locked first (in ledger_post's order: no deadlock with a reversal into this wallet),
        // so the check below and the debit see the same balance.
        const wallet = (await this.ledger.lockAccounts(tx, [walletId, clearing.id])).get(walletId)!;
        if (wallet.isLocked) throw walletLocked();
        const { available, pending } = await this.withPending(tx, wallet);
        if (amount > available) throw notWithdrawable(available, pending, wallet.balance);
        const id = newId('payout', now.getTime());
        // Ledger first: ledger_post locks the wallet row FOR UPDATE. Inserting the payout before it
        // would take a KEY SHARE lock on that row (its foreign key), and two concurrent withdrawals
        // from one wallet would each wait for the other's share lock: a deadlock, not a 402.
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
      // The same key raced in from another request (or node): that one's payout is the answer.
      const earlier =
        idempotencyKey !== undefined && sqlState(err) === '23505'
          ? await this.payoutFor(user.id, idempotencyKey)
          : undefined;
      if (!earlier) throw err;
      return this.replay(earlier, amount, currency);
    }
    try {
      return await this.settle(payout);
    } catch (err) {
      // The money is in payout clearing and the payout is recorded: the withdrawal is accepted and
      // stays PENDING until the settle job gets a definite answer (same idempotency key).
      this.logger.warn({ err, payoutId: payout.id }, 'payout not settled yet; will retry');
      return payout;
    }
  }

  private async payoutFor(userId: string, key: string): Promise<WithdrawalRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(withdrawals)
      .where(and(eq(withdrawals.userId, userId), eq(withdrawals.idempotencyKey, key)));
    return row;
  }

  /** A withdrawal's key seen again: its payout, settled if it can be — never a second payout. */
  private async replay(p: WithdrawalRow, amount: bigint, currency: string): Promise<WithdrawalRow> {
    if (p.amount !== amount || p.currency !== currency) {
      throw AppError.idempotencyKeyReused(
        'This Idempotency-Key was used for a different withdrawal',
        'Idempotency-Key',
      );
    }
    if (p.status !== 'PENDING') return p;
    return this.settle(p, { recovering: true }).catch((err: unknown) => {
      this.logger.warn({ err, payoutId: p.id }, 'payout not settled yet; will retry');
      return p;
    });
  }

  /** Sends every payout left PENDING (an outage, a crash) again; safe to run at any time. */
  async settlePending(now = this.clock.now()): Promise<SettleReport> {
    const report: SettleReport = { paid: 0, failed: 0, errors: 0 };
    const stale = await this.database.db
      .select()
      .from(withdrawals)
      .where(
        and(
          eq(withdrawals.status, 'PENDING'),
          lt(withdrawals.createdAt, new Date(now.getTime() - WalletService.PAYOUT_RETRY_AFTER_MS)),
        ),
      )
      .limit(200);
    for (const p of stale) {
      try {
        const settled = await this.settle(p, { recovering: true });
        if (settled.status === 'PAID') report.paid += 1;
        if (settled.status === 'FAILED') report.failed += 1;
      } catch (err) {
        report.errors += 1;
        this.logger.warn({ err, payoutId: p.id }, 'payout still not settled; will retry');
      }
    }
    return report;
  }

  /** Sends a pending payout (again, after a crash: same idempotency key) and records the outcome. */
  async settle(
    payout: WithdrawalRow,
    options: { recovering?: boolean } = {},
  ): Promise<WithdrawalRow> {
    const result = await this.payoutProvider.send(payout, payout.id, options);
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

  /** Locks or unlocks a wallet (admin): a locked wallet refuses every movement. */
  async setLocked(accountId: string, locked: boolean): Promise<void> {
    if (!(await this.ledger.setLocked(this.database.db, accountId, locked)))
      throw AppError.notFound('wallet', accountId);
  }

  /** Wallets below zero, for the admin: what each user owes after disputes and forced refunds. */
  async inDebt(limit: number, startingAfter?: string): Promise<LedgerAccountRow[]> {
    return this.ledger.walletsInDebt(this.database.db, limit, startingAfter);
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
