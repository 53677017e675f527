import type Stripe from 'stripe';
import { AppError } from '../../platform/errors/app-error';
import { realTiming, withRetries, type RetryPolicy, type RetryTiming } from './stripe-retries';

/**
 * The one Stripe client and the one retry policy that every Stripe adapter (payments and cards,
 * payouts; subscriptions and invoices next) calls through. Built once, in stripe-client.ts.
 */
export class StripeApi {
  constructor(
    readonly client: Stripe,
    private readonly policy: RetryPolicy,
    private readonly timing: RetryTiming = realTiming,
  ) {}

  /**
   * One provider call with our retries. Untranslated: what a failure means differs by port (a
   * refused card fails a payment; a refused transfer fails a payout unless the platform is short).
   */
  call<T>(fn: (stripe: Stripe) => Promise<T>): Promise<T> {
    return withRetries(this.policy, () => fn(this.client), this.timing);
  }
}

/** The provider could not be reached or answer (after our retries): a 503 that says what happens next. */
export function providerUnavailable(err: unknown, message: string): AppError {
  return new AppError('unavailable', 'provider_unavailable', message, { cause: err });
}

/** Minor units as Stripe's integer amount: positive, and exact in a JS number (Stripe's wire type). */
export function toStripeAmount(amount: bigint): number {
  if (amount <= 0n || amount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw AppError.validation('Amount out of range', 'amount');
  }
  return Number(amount);
}
