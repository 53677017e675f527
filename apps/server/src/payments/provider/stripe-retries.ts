import Stripe from 'stripe';

/**
 * Worth sending again with the same idempotency key? The same decisions as stripe-node's own
 * `_shouldRetry` (whose retries we turn off, see stripe-client.ts), except that 429s are retried
 * too and a 409 only when it is a lock timeout:
 *
 * - no answer at all (connection refused or reset, timeout): yes — the request may never have
 *   arrived, and the key makes a second arrival a replay;
 * - `Stripe-Should-Retry: true|false`: Stripe knows best (e.g. a replay would be a no-op, or a
 *   lock will be free shortly), so the header wins over the status in both directions;
 * - 409 `lock_timeout`: another request held the object; the next attempt usually gets it. Other
 *   409s (`idempotency_key_in_use`: our first attempt is still running) are answers to act on;
 * - 429 and 5xx: rate limits and Stripe-side failures.
 */
export function shouldRetry(err: unknown): boolean {
  if (!(err instanceof Stripe.errors.StripeError)) return false;
  if (err.type === 'StripeConnectionError') return true;
  const advice = header(err, 'stripe-should-retry');
  if (advice === 'true') return true;
  if (advice === 'false') return false;
  if (err.statusCode === 409) return err.code === 'lock_timeout';
  return (
    err.type === 'StripeRateLimitError' ||
    err.type === 'StripeAPIError' ||
    err.statusCode === 429 ||
    (err.statusCode !== undefined && err.statusCode >= 500)
  );
}

/** Header names are lower-case from Node's HTTP client, but a custom HttpClient may differ. */
function header(err: Stripe.errors.StripeError, name: string): string | undefined {
  const headers = (err.headers ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; doubled each retry, with jitter. */
  baseDelayMs: number;
  /** No single backoff is longer, however many retries are configured. */
  maxDelayMs: number;
}

/** Time and chance, injected so the decisions above can be tested without waiting or luck. */
export interface RetryTiming {
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), as Math.random. */
  random(): number;
}

export const realTiming: RetryTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/**
 * The wait before retry number `attempt` (0 = the first retry): base × 2^attempt, capped, then
 * jittered down to between half and all of it, as stripe-node does — so nodes that failed together
 * do not come back together.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: number): number {
  const full = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return full * (0.5 + random / 2);
}

/**
 * Every provider call goes through here. `fn` must send the same idempotency key each time it is
 * called (the callers close over it), so a retry can never act twice. What is not retried, or still
 * fails after the last retry, is thrown as the SDK threw it: each adapter translates it its way.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  fn: () => Promise<T>,
  timing: RetryTiming = realTiming,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.retries || !shouldRetry(err)) throw err;
      await timing.sleep(backoffMs(policy, attempt, timing.random()));
    }
  }
}
