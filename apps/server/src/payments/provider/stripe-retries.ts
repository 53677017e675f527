import Stripe from 'stripe';

/** Worth retrying with the same idempotency key: rate limits, provider errors, lost connections. */
export function transient(err: unknown): boolean {
  if (!(err instanceof Stripe.errors.StripeError)) return false;
  return (
    err.type === 'StripeRateLimitError' ||
    err.type === 'StripeAPIError' ||
    err.type === 'StripeConnectionError' ||
    (err.statusCode !== undefined && err.statusCode >= 500)
  );
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; doubled each retry, with jitter. */
  baseDelayMs: number;
}

/**
 * Every provider call goes through here: transient failures (429 included — the SDK itself does not
 * retry those) are retried with exponential backoff, resending the same idempotency key, so a retry
 * can never act twice. What remains is translated into an AppError.
 */
export async function withRetries<T>(policy: RetryPolicy, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.retries || !transient(err)) throw err;
      const delay = policy.baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
