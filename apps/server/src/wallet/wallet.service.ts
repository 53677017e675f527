import { Injectable } from '@nestjs/common';
import type { UserRow } from '../identity';
import type { LedgerAccountRow } from '../ledger';
import type { PaymentRow } from '../payments';
import { PayoutAccounts, type PayoutAccountStatusView } from './payout-accounts';
import { DEFAULT_CURRENCY, WalletAccounts, type WalletBalances } from './wallet-accounts';
import { WalletDeposits, type DepositInput } from './wallet-deposits';
import { PAYOUT_RETRY_AFTER_MS, WithdrawalRetries, type SettleReport } from './withdrawal-retries';
import { Withdrawals } from './withdrawals';
import type { WithdrawalRow } from './wallet.schema';
import type { Page, PageQuery } from '../platform/http/pagination';

export { DEFAULT_CURRENCY, type WalletBalances } from './wallet-accounts';
export { DEPOSIT_PAYABLE, type DepositInput } from './wallet-deposits';
export { SETTLE_PAYOUTS_QUEUE, type SettleReport } from './withdrawal-retries';

/**
 * The wallet module's facade: wallets on the ledger (WalletAccounts), deposits as a payable of the
 * payments core (WalletDeposits), withdrawals (Withdrawals) and their payouts at the provider
 * (Payouts, retried by WithdrawalRetries). Each does one job; this only delegates.
 */
@Injectable()
export class WalletService {
  /** A PENDING withdrawal older than this has its payout sent again by the settle job. */
  static readonly PAYOUT_RETRY_AFTER_MS = PAYOUT_RETRY_AFTER_MS;

  constructor(
    private readonly accounts: WalletAccounts,
    private readonly deposits: WalletDeposits,
    private readonly withdrawals: Withdrawals,
    private readonly payoutAccounts: PayoutAccounts,
    private readonly retries: WithdrawalRetries,
  ) {}

  account(user: Pick<UserRow, 'id' | 'role'>, currency = DEFAULT_CURRENCY) {
    return this.accounts.account(user, currency);
  }

  balances(user: Pick<UserRow, 'id' | 'role'>, currency = DEFAULT_CURRENCY) {
    return this.accounts.balances(user, currency);
  }

  deposit(user: UserRow, input: DepositInput): Promise<PaymentRow> {
    return this.deposits.deposit(user, input);
  }

  payoutAccount(userId: string): Promise<PayoutAccountStatusView> {
    return this.payoutAccounts.status(userId);
  }

  createPayoutAccount(user: UserRow): Promise<{ accountId: string; created: boolean }> {
    return this.payoutAccounts.createAccount(user);
  }

  payoutOnboardingLink(user: UserRow): Promise<{ url: string; expiresAt: Date }> {
    return this.payoutAccounts.onboardingLink(user);
  }

  withdraw(
    user: UserRow,
    amount: bigint,
    currency: string,
    requested?: string,
    idempotencyKey?: string,
  ): Promise<WithdrawalRow> {
    return this.withdrawals.withdraw(user, amount, currency, requested, idempotencyKey);
  }

  withdrawalsOf(
    userId: string,
    q: PageQuery & { currency?: string },
  ): Promise<Page<WithdrawalRow>> {
    return this.withdrawals.list(userId, q);
  }

  settlePending(now?: Date): Promise<SettleReport> {
    return this.retries.settlePending(now);
  }

  setLocked(accountId: string, locked: boolean): Promise<void> {
    return this.accounts.setLocked(accountId, locked);
  }

  walletsOf(ownerId: string, limit: number, startingAfter?: string): Promise<WalletBalances[]> {
    return this.accounts.ofOwner(ownerId, limit, startingAfter);
  }

  inDebt(limit: number, startingAfter?: string): Promise<LedgerAccountRow[]> {
    return this.accounts.inDebt(limit, startingAfter);
  }
}
