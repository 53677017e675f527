import Stripe from 'stripe';
import { AppError } from '../../platform/errors/app-error';
import type {
  PayoutAccountStatus,
  PayoutInput,
  PayoutProvider,
  PayoutResult,
} from './payouts-port';
import { providerUnavailable, toStripeAmount, type StripeApi } from './stripe-api';
import { shouldRetry } from './stripe-retries';

/**
 * Refusals that are the platform's problem, not the user's: the payout must wait (PENDING) rather
 * than bounce the money back. `balance_insufficient`: the platform's Stripe balance cannot cover
 * the transfer yet.
 */
const PLATFORM_SIDE = new Set(['balance_insufficient']);

/** A definitive refusal of this transfer: a 400/402 card or invalid-request error. */
function refusal(err: unknown): string | null {
  // What Stripe says is worth retrying was not a refusal, even once our retries ran out.
  if (!(err instanceof Stripe.errors.StripeError) || shouldRetry(err)) return null;
  // 409 (idempotency key in use: the first attempt is still running) and 401/403 (our keys or
  // permissions) say nothing about the transfer itself.
  if (err.statusCode !== 400 && err.statusCode !== 402) return null;
  if (err.type !== 'StripeInvalidRequestError' && err.type !== 'StripeCardError') return null;
  const code = err.code ?? 'transfer_refused';
  return PLATFORM_SIDE.has(code) ? null : code;
}

const unavailable = (err: unknown) =>
  providerUnavailable(err, 'The payout provider is unavailable; the payout will be retried');

/**
 * Payouts as Stripe Connect transfers from the platform balance to the user's connected account,
 * through the same client and retries (real Stripe or the embedded sandbox) as the payments port.
 */
export class StripePayouts implements PayoutProvider {
  constructor(private readonly api: StripeApi) {}

  async send(
    payout: PayoutInput,
    idempotencyKey: string,
    options: { recovering?: boolean } = {},
  ): Promise<PayoutResult> {
    try {
      // Stripe forgets idempotency keys after 24 h: a payout retried later than that (a long
      // outage) could transfer twice. Its transfer_group is our payout id, so look it up first.
      if (options.recovering) {
        const found = await this.api.call((s) =>
          s.transfers.list({ transfer_group: payout.id, limit: 1 }),
        );
        if (found.data[0]) return { id: found.data[0].id, status: 'PAID' };
      }
      const transfer = await this.api.call((s) =>
        s.transfers.create(
          {
            amount: toStripeAmount(payout.amount),
            currency: payout.currency,
            destination: payout.destination,
            transfer_group: payout.id,
            description: 'Wallet withdrawal',
            metadata: { payout_id: payout.id },
          },
          { idempotencyKey },
        ),
      );
      return { id: transfer.id, status: 'PAID' };
    } catch (err) {
      if (err instanceof Stripe.errors.StripeError && err.code === 'balance_insufficient') {
        // The platform's side: the payout waits (PENDING) and the retry job sends it again.
        throw new AppError(
          'unavailable',
          'balance_insufficient',
          "The platform's available balance cannot cover this payout yet; it will be retried",
          { cause: err },
        );
      }
      const reason = refusal(err);
      if (reason === null) throw unavailable(err);
      return { id: null, status: 'FAILED', failureReason: reason };
    }
  }

  async onboardingLink(
    accountId: string,
    urls: { refreshUrl: string; returnUrl: string },
  ): Promise<{ url: string; expiresAt: Date }> {
    try {
      const link = await this.api.call((s) =>
        s.accountLinks.create({
          account: accountId,
          type: 'account_onboarding',
          refresh_url: urls.refreshUrl,
          return_url: urls.returnUrl,
        }),
      );
      return { url: link.url, expiresAt: new Date(link.expires_at * 1000) };
    } catch (err) {
      throw unavailable(err);
    }
  }

  async accountStatus(accountId: string): Promise<PayoutAccountStatus> {
    try {
      const a = await this.api.call((s) => s.accounts.retrieve(accountId));
      return {
        ready: a.capabilities?.transfers === 'active' && a.payouts_enabled === true,
        due: a.requirements?.currently_due ?? [],
      };
    } catch (err) {
      throw unavailable(err);
    }
  }

  async createAccount(
    input: { userId: string; email: string },
    idempotencyKey: string,
  ): Promise<string> {
    try {
      const account = await this.api.call((s) =>
        s.accounts.create(
          {
            type: 'express',
            email: input.email,
            capabilities: { transfers: { requested: true } },
            metadata: { user_id: input.userId },
          },
          { idempotencyKey },
        ),
      );
      return account.id;
    } catch (err) {
      if (err instanceof Stripe.errors.StripeError && !shouldRetry(err) && err.statusCode === 400) {
        throw new AppError('validation', err.code ?? 'provider_invalid_request', err.message, {
          cause: err,
        });
      }
      throw unavailable(err);
    }
  }
}
