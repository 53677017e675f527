// Stripe's limits on what a request may carry, through the official SDK: per-currency minimum and
// maximum charge amounts, real currency codes, and metadata's 50 keys / 40-character keys /
// 500-character values. Code that passes here is not refused on its first day against Stripe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, stripeError, type Harness } from './helpers';

describe('request limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h?.close());
  const intent = (amount: number, currency: string) =>
    h.stripe.paymentIntents.create({ amount, currency });

  it('holds each currency to its own minimum, and every one to the maximum', async () => {
    // GBP's minimum is 30p, HKD's HK$4.00, JPY's ¥50: the same 50 minor units do not fit all.
    expect((await intent(30, 'gbp')).amount).toBe(30);
    expect((await intent(400, 'hkd')).amount).toBe(400);
    expect((await intent(50, 'jpy')).amount).toBe(50);
    for (const [amount, currency, message] of [
      [29, 'gbp', 'Amount must be at least £0.30 gbp'],
      [399, 'hkd', 'Amount must be at least HK$4.00 hkd'],
      [49, 'jpy', 'Amount must be at least ¥50 jpy'],
      [49, 'eur', 'Amount must be at least €0.50 eur'],
    ] as const) {
      const err = await stripeError(() => intent(amount, currency));
      expect({ currency, status: err.statusCode, code: err.code, message: err.message }).toEqual({
        currency,
        status: 400,
        code: 'amount_too_small',
        message,
      });
    }
    const big = await stripeError(() => intent(100_000_000, 'usd'));
    expect(big).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    expect((await intent(99_999_999, 'usd')).amount).toBe(99_999_999);
  });

  it('refuses a currency code that does not exist', async () => {
    const err = await stripeError(() => intent(1000, 'xyz'));
    expect(err).toMatchObject({ statusCode: 400, param: 'currency' });
    expect(err.message).toMatch(/^Invalid currency: xyz/);
  });

  it('keeps metadata within 50 keys of up to 40 characters with values of up to 500', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const ok = await h.stripe.customers
      .create({
        metadata: { ...fifty, k0: 'x'.repeat(500), ['y'.repeat(40)]: '1' } as Record<
          string,
          string
        >,
      })
      .catch((e: unknown) => e);
    // 51 keys with the 40-character one: over the limit.
    expect(ok).toMatchObject({ statusCode: 400, param: 'metadata' });
    const fits = await h.stripe.customers.create({ metadata: { ...fifty, k0: 'x'.repeat(500) } });
    expect(Object.keys(fits.metadata)).toHaveLength(50);
    const longKey = await stripeError(() =>
      h.stripe.customers.create({ metadata: { ['k'.repeat(41)]: 'v' } }),
    );
    expect(longKey).toMatchObject({ statusCode: 400, param: `metadata[${'k'.repeat(41)}]` });
    const longValue = await stripeError(() =>
      h.stripe.customers.update(fits.id, { metadata: { k1: 'v'.repeat(501) } }),
    );
    expect(longValue).toMatchObject({ statusCode: 400, param: 'metadata[k1]' });
    // Updates count the keys already there: one more on a full customer is the 51st.
    const more = await stripeError(() =>
      h.stripe.customers.update(fits.id, { metadata: { another: 'v' } }),
    );
    expect(more).toMatchObject({ statusCode: 400, param: 'metadata' });
  });
});
