/**
 * The payouts port: what the wallet needs to pay a user out. Exported by the payments module under
 * PAYOUT_PROVIDER; the wallet never sees the Stripe client behind it.
 */
export interface PayoutResult {
  /** The provider's transfer id (`tr_…`); null when it refused to create one. */
  id: string | null;
  status: 'PAID' | 'FAILED';
  failureReason?: string;
}

export interface PayoutInput {
  id: string;
  amount: bigint;
  currency: string;
  /** The user's connected account (`acct_…`), which pays out to their bank on its own schedule. */
  destination: string;
}

/**
 * Sends a withdrawal to the user's connected account. `send` resolves `FAILED` only when the
 * provider definitively refused it; anything that leaves the outcome unknown (rate limit, outage,
 * lost connection) throws, so the payout stays PENDING and is sent again with the same key.
 */
export interface PayoutProvider {
  send(
    payout: PayoutInput,
    idempotencyKey: string,
    options?: { recovering?: boolean },
  ): Promise<PayoutResult>;
  /** Creates a connected account for a user; it needs onboarding (onboardingLink) before use. */
  createAccount(input: { userId: string; email: string }, idempotencyKey: string): Promise<string>;
  /** A short-lived, single-use link to the provider's hosted onboarding for the account. */
  onboardingLink(
    accountId: string,
    urls: { refreshUrl: string; returnUrl: string },
  ): Promise<{ url: string; expiresAt: Date }>;
  /** Whether the account can receive transfers now, and what its owner still has to provide. */
  accountStatus(accountId: string): Promise<PayoutAccountStatus>;
}

export interface PayoutAccountStatus {
  ready: boolean;
  due: string[];
}

export const PAYOUT_PROVIDER = Symbol('PAYOUT_PROVIDER');
