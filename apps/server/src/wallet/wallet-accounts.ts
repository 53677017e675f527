import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import { type LedgerAccountRow, LedgerService } from '../ledger';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { Database, type Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';

export const DEFAULT_CURRENCY = 'usd';

const walletType = (u: Pick<UserRow, 'role'>) =>
  u.role === 'MERCHANT' ? 'MERCHANT_WALLET' : 'USER_WALLET';

/** A wallet with the part of its balance not yet withdrawable (recent card deposits). */
export interface WalletBalances {
  account: LedgerAccountRow;
  /** Card deposits younger than the settlement delay, net of their refunds and disputes. */
  pending: bigint;
  /** What may be withdrawn now: balance − pending, never below zero. */
  available: bigint;
}

/** The wallet accounts on the ledger: found or opened per user and currency, balances, locks. */
@Injectable()
export class WalletAccounts {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly ledger: LedgerService,
  ) {}

  account(user: Pick<UserRow, 'id' | 'role'>, currency = DEFAULT_CURRENCY) {
    return this.database.db.transaction((tx) => this.inTx(tx, user, currency));
  }

  /** The user's wallet in the caller's transaction. */
  inTx(tx: Tx, user: Pick<UserRow, 'id' | 'role'>, currency: string) {
    return this.ledger.wallet(tx, user.id, walletType(user), currency);
  }

  /** The wallet and what of it may be withdrawn now. */
  async balances(user: Pick<UserRow, 'id' | 'role'>, currency = DEFAULT_CURRENCY) {
    return this.database.db.transaction(async (tx) =>
      this.withPending(tx, await this.inTx(tx, user, currency)),
    );
  }

  async withPending(tx: Tx, account: LedgerAccountRow): Promise<WalletBalances> {
    const since = new Date(
      this.clock.now().getTime() - this.config.wallet.settlementSeconds * 1000,
    );
    const unsettled = await this.ledger.unsettledCredits(tx, account.id, 'DEPOSIT', since);
    const pending =
      unsettled < account.balance ? unsettled : account.balance > 0n ? account.balance : 0n;
    const available = account.balance - pending;
    return { account, pending, available: available > 0n ? available : 0n };
  }

  /** Locks or unlocks a wallet (admin): a locked wallet refuses every movement. */
  async setLocked(accountId: string, locked: boolean): Promise<void> {
    if (!(await this.ledger.setLocked(this.database.db, accountId, locked)))
      throw AppError.notFound('wallet', accountId);
  }

  /** A user's wallets with what of each may be withdrawn now, for the admin. */
  async ofOwner(ownerId: string, limit: number, startingAfter?: string) {
    return this.database.db.transaction(async (tx) => {
      const rows = await this.ledger.walletsOf(tx, ownerId, limit, startingAfter);
      return Promise.all(rows.map((a) => this.withPending(tx, a)));
    });
  }

  /** Wallets below zero, for the admin: what each user owes after disputes and forced refunds. */
  async inDebt(limit: number, startingAfter?: string): Promise<LedgerAccountRow[]> {
    return this.ledger.walletsInDebt(this.database.db, limit, startingAfter);
  }
}
