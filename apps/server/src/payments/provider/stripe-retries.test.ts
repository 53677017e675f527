// The retry decisions and their timing, with a fake sleep and a fixed random: nothing waits.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error';
import { StripeApi } from './stripe-api';
import { StripePayouts } from './stripe-payouts';
import { StripeProvider } from './stripe-provider';
import {
  backoffMs,
  shouldRetry,
  withRetries,
  type RetryPolicy,
  type RetryTiming,
} from './stripe-retries';

const E = Stripe.errors;
const policy: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 2_000 };

/** Records every sleep instead of sleeping; `random` always answers the same. */
function fakeTiming(random = 0.5): RetryTiming & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    random: () => random,
  };
}

const shouldRetryHeader = (value: string) => ({ 'stripe-should-retry': value });
const serverError = (headers?: Record<string, string>) =>
  new E.StripeAPIError({ statusCode: 500, message: 'boom', ...(headers ? { headers } : {}) });
const badRequest = (headers?: Record<string, string>) =>
  new E.StripeInvalidRequestError({
    statusCode: 400,
    code: 'parameter_invalid',
    message: 'no',
    ...(headers ? { headers } : {}),
  });
const conflict = (code: string, headers?: Record<string, string>) =>
  new E.StripeInvalidRequestError({
    statusCode: 409,
    code,
    message: 'conflict',
    ...(headers ? { headers } : {}),
  });

describe('shouldRetry', () => {
  it('retries rate limits, Stripe-side failures and lost connections', () => {
    expect(shouldRetry(new E.StripeRateLimitError({ statusCode: 429, message: 'slow' }))).toBe(
      true,
    );
    expect(shouldRetry(serverError())).toBe(true);
    expect(shouldRetry(new E.StripeConnectionError({ message: 'ECONNREFUSED' }))).toBe(true);
  });

  it('does not retry refusals, nor what is not a Stripe error', () => {
    expect(shouldRetry(badRequest())).toBe(false);
    expect(shouldRetry(new E.StripeCardError({ statusCode: 402, code: 'card_declined' }))).toBe(
      false,
    );
    expect(shouldRetry(new E.StripeAuthenticationError({ statusCode: 401 }))).toBe(false);
    expect(shouldRetry(new Error('a bug of ours'))).toBe(false);
  });

  it('Stripe-Should-Retry: false wins over a status that would be retried', () => {
    expect(shouldRetry(serverError(shouldRetryHeader('false')))).toBe(false);
    expect(shouldRetry(conflict('lock_timeout', shouldRetryHeader('false')))).toBe(false);
  });

  it('Stripe-Should-Retry: true wins over a status that would not be', () => {
    expect(shouldRetry(badRequest(shouldRetryHeader('true')))).toBe(true);
    expect(shouldRetry(conflict('idempotency_key_in_use', shouldRetryHeader('true')))).toBe(true);
  });

  it('reads the header whatever its case', () => {
    expect(shouldRetry(serverError({ 'Stripe-Should-Retry': 'false' }))).toBe(false);
  });

  it('retries a 409 lock_timeout, and no other 409', () => {
    expect(shouldRetry(conflict('lock_timeout'))).toBe(true);
    expect(shouldRetry(conflict('idempotency_key_in_use'))).toBe(false);
    expect(shouldRetry(new E.StripeIdempotencyError({ statusCode: 409 }))).toBe(false);
  });
});

describe('backoffMs', () => {
  it('doubles from the base up to the cap', () => {
    // random 1 would be the top of the range: the full delay.
    const full = [0, 1, 2, 3, 4, 5].map((n) => backoffMs(policy, n, 1));
    expect(full).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it('jitters between half and all of the delay', () => {
    for (const attempt of [0, 1, 2, 3, 6]) {
      const full = Math.min(250 * 2 ** attempt, 2_000);
      expect(backoffMs(policy, attempt, 0)).toBe(full / 2);
      expect(backoffMs(policy, attempt, 0.25)).toBe(full * 0.625);
      const top = backoffMs(policy, attempt, 0.999_999);
      expect(top).toBeLessThan(full);
      expect(top).toBeGreaterThan(full * 0.999);
    }
  });
});

describe('withRetries', () => {
  /** Fails with each error in turn, then answers 'ok'. */
  const failing = (...errors: Error[]) => {
    let calls = 0;
    const fn = () => {
      const err = errors[calls++];
      return err === undefined ? Promise.resolve('ok') : Promise.reject(err);
    };
    return { fn, calls: () => calls };
  };

  it('retries until it works, sleeping a growing, jittered backoff', async () => {
    const timing = fakeTiming(0.5);
    const f = failing(serverError(), conflict('lock_timeout'), serverError());
    await expect(withRetries(policy, f.fn, timing)).resolves.toBe('ok');
    expect(f.calls()).toBe(4);
    expect(timing.slept).toEqual([187.5, 375, 750]);
  });

  it('gives up after the configured retries with the last error', async () => {
    const timing = fakeTiming();
    const last = serverError();
    const f = failing(serverError(), serverError(), serverError(), last);
    await expect(withRetries(policy, f.fn, timing)).rejects.toBe(last);
    expect(f.calls()).toBe(4);
    expect(timing.slept).toHaveLength(3);
  });

  it('throws at once what is not worth retrying', async () => {
    const timing = fakeTiming();
    for (const err of [
      conflict('idempotency_key_in_use'),
      serverError(shouldRetryHeader('false')),
    ]) {
      const f = failing(err);
      await expect(withRetries(policy, f.fn, timing)).rejects.toBe(err);
      expect(f.calls()).toBe(1);
    }
    expect(timing.slept).toEqual([]);
  });

  it('sends nothing more with no retries configured', async () => {
    const timing = fakeTiming();
    const f = failing(serverError());
    await expect(withRetries({ ...policy, retries: 0 }, f.fn, timing)).rejects.toThrow();
    expect(f.calls()).toBe(1);
  });
});

/** A Stripe client whose `create` calls fail with `errors` in turn, recording their options. */
function fakeClient(errors: Error[]) {
  const keys: (string | undefined)[] = [];
  const create = (params: unknown, options?: { idempotencyKey?: string }) => {
    keys.push(options?.idempotencyKey);
    const err = errors[keys.length - 1];
    return err === undefined
      ? Promise.resolve({ id: 'tr_1', object: 'transfer', ...(params as object) })
      : Promise.reject(err);
  };
  const intent = {
    id: 'pi_1',
    status: 'requires_payment_method',
    client_secret: 's',
    latest_charge: null,
    payment_method: null,
  };
  const client = {
    transfers: { create },
    paymentIntents: {
      create: (params: unknown, options?: { idempotencyKey?: string }) =>
        create(params, options).then(() => intent),
    },
  } as unknown as Stripe;
  return { client, keys };
}

const payout = { id: 'wdr_1', amount: 700n, currency: 'usd', destination: 'acct_1' };

describe('adapters over StripeApi', () => {
  it('a payout resends the same idempotency key on every attempt', async () => {
    const { client, keys } = fakeClient([serverError(), conflict('lock_timeout')]);
    const payouts = new StripePayouts(new StripeApi(client, policy, fakeTiming()));
    await expect(payouts.send(payout, 'wdr_1')).resolves.toEqual({ id: 'tr_1', status: 'PAID' });
    expect(keys).toEqual(['wdr_1', 'wdr_1', 'wdr_1']);
  });

  it('a payment resends the same idempotency key on every attempt', async () => {
    const { client, keys } = fakeClient([new E.StripeConnectionError({ message: 'reset' })]);
    const payments = new StripeProvider(new StripeApi(client, policy, fakeTiming()), 'whsec_x');
    const intent = await payments.createIntent(
      { amount: 100n, currency: 'usd', captureMethod: 'AUTOMATIC', metadata: {} },
      'pay_1:create',
    );
    expect(intent.id).toBe('pi_1');
    expect(keys).toEqual(['pay_1:create', 'pay_1:create']);
  });

  it('a payout still locked after the last retry stays pending; a 400 fails it', async () => {
    const locked = fakeClient(Array.from({ length: 4 }, () => conflict('lock_timeout')));
    const stuck = new StripePayouts(new StripeApi(locked.client, policy, fakeTiming()));
    const err: unknown = await stuck.send(payout, 'wdr_1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('unavailable');
    expect(locked.keys).toHaveLength(4);

    const refused = fakeClient([badRequest()]);
    const failed = new StripePayouts(new StripeApi(refused.client, policy, fakeTiming()));
    await expect(failed.send(payout, 'wdr_1')).resolves.toEqual({
      id: null,
      status: 'FAILED',
      failureReason: 'parameter_invalid',
    });
    expect(refused.keys).toHaveLength(1);
  });

  it('a payment still locked after the last retry is an outage, not a refusal', async () => {
    // A refusal (validation) would fail the payment for good; a lock timeout must not.
    const { client } = fakeClient(Array.from({ length: 4 }, () => conflict('lock_timeout')));
    const payments = new StripeProvider(new StripeApi(client, policy, fakeTiming()), 'whsec_x');
    const err: unknown = await payments
      .createIntent(
        { amount: 100n, currency: 'usd', captureMethod: 'AUTOMATIC', metadata: {} },
        'pay_1:create',
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('unavailable');
    expect((err as AppError).code).toBe('provider_unavailable');
  });
});
