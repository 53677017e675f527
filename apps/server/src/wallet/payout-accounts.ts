import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import {
  ConnectEvents,
  PAYOUT_PROVIDER,
  PUBLIC_URL,
  type ConnectFact,
  type PayoutProvider,
  type PublicUrl,
} from '../payments';
import { Clock } from '../platform/clock';
import { Database, type Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { payoutAccounts, type PayoutAccountRow } from './wallet.schema';

export type PayoutAccountState = 'not_started' | 'pending' | 'active';

export interface PayoutAccountStatusView {
  accountId: string | null;
  status: PayoutAccountState;
  currentlyDue: string[];
}

/** Where the provider's hosted onboarding sends the user back: our own wallet page only. */
const RETURN_PATH = '/wallet?payouts=return';
const REFRESH_PATH = '/wallet?payouts=refresh';

export function payoutAccountNotReady(): AppError {
  return new AppError(
    'conflict',
    'payout_account_not_ready',
    'Finish setting up your payout account before withdrawing: on the Wallet page choose "Set up payouts" (POST /api/v1/wallet/payout-account/onboarding-link) and complete the form',
  );
}

/**
 * Each user's payout account (`acct_…`): created by the platform for that user (never named by a
 * client), onboarded by the user on the provider's hosted page, and usable for withdrawals once
 * the provider says so (account.updated, or asked directly before a withdrawal).
 */
@Injectable()
export class PayoutAccounts implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    @Inject(PAYOUT_PROVIDER) private readonly provider: PayoutProvider,
    @Inject(PUBLIC_URL) private readonly publicUrl: PublicUrl,
    private readonly connect: ConnectEvents,
  ) {}

  onModuleInit(): void {
    this.connect.register((tx, fact) => this.onFact(tx, fact));
  }

  async row(userId: string): Promise<PayoutAccountRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(payoutAccounts)
      .where(eq(payoutAccounts.userId, userId));
    return row;
  }

  /** The user's connected account id, or null before they have one. */
  async account(userId: string): Promise<string | null> {
    return (await this.row(userId))?.providerAccountId ?? null;
  }

  async status(userId: string): Promise<PayoutAccountStatusView> {
    const row = await this.row(userId);
    if (!row) return { accountId: null, status: 'not_started', currentlyDue: [] };
    return {
      accountId: row.providerAccountId,
      status: row.ready ? 'active' : 'pending',
      currentlyDue: row.currentlyDue,
    };
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

  /**
   * A fresh onboarding link (they are single use and short-lived) for the user's account, created
   * first if needed. Its return and refresh URLs are fixed pages of this app, never the client's.
   */
  async onboardingLink(user: UserRow): Promise<{ url: string; expiresAt: Date }> {
    const { accountId } = await this.createAccount(user);
    const base = this.publicUrl.value.replace(/\/+$/, '');
    return this.provider.onboardingLink(accountId, {
      returnUrl: `${base}${RETURN_PATH}`,
      refreshUrl: `${base}${REFRESH_PATH}`,
    });
  }

  /**
   * The account a withdrawal may go to, or 409 `payout_account_not_ready`. An account not yet
   * known ready is asked about at the provider (the account.updated event may not be here yet).
   */
  async requireReady(userId: string): Promise<string> {
    const row = await this.row(userId);
    if (!row) throw payoutAccountNotReady();
    if (row.ready) return row.providerAccountId;
    const now = await this.provider.accountStatus(row.providerAccountId);
    await this.database.db
      .update(payoutAccounts)
      .set({ ready: now.ready, currentlyDue: now.due })
      .where(eq(payoutAccounts.userId, userId));
    if (!now.ready) throw payoutAccountNotReady();
    return row.providerAccountId;
  }

  private async onFact(tx: Tx, fact: ConnectFact): Promise<void> {
    if (fact.kind !== 'account') return;
    await tx
      .update(payoutAccounts)
      .set({ ready: fact.ready, currentlyDue: fact.due })
      .where(eq(payoutAccounts.providerAccountId, fact.accountId));
  }
}
