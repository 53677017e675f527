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

  it("holds strings to the spec's maxLength, and every other string to 5000", async () => {
    // name 256, email 512, phone 20 (spec3 maxLength); description has no entry: Stripe's 5000.
    const at = await h.stripe.customers.create({
      name: 'n'.repeat(256),
      phone: '1'.repeat(20),
      email: `${'e'.repeat(500)}@example.com`,
      description: 'd'.repeat(5000),
    });
    expect(at.name).toHaveLength(256);
    for (const [params, param, max] of [
      [{ name: 'n'.repeat(257) }, 'name', 256],
      [{ phone: '1'.repeat(21) }, 'phone', 20],
      [{ email: `${'e'.repeat(501)}@example.com` }, 'email', 512],
      [{ description: 'd'.repeat(5001) }, 'description', 5000],
      [{ address: { line1: 'l'.repeat(5001) } }, 'address[line1]', 5000],
    ] as const) {
      const err = await stripeError(() => h.stripe.customers.create(params));
      expect({ param, status: err.statusCode, errParam: err.param }).toEqual({
        param,
        status: 400,
        errParam: param,
      });
      expect(err.message).toMatch(
        new RegExp(`^Invalid string: .*; must be at most ${max} characters$`),
      );
    }
    // Per-route: a payment intent's description allows 1000, an update the same.
    const pi = await intent(1000, 'usd');
    const long = await stripeError(() =>
      h.stripe.paymentIntents.update(pi.id, { description: 'x'.repeat(1001) }),
    );
    expect(long).toMatchObject({ statusCode: 400, param: 'description' });
    expect(long.message).toMatch(/must be at most 1000 characters/);
    // Arrays are checked item by item, with the item's index in `param`.
    const items = await stripeError(() =>
      h.stripe.customers.create({ preferred_locales: ['en', 'x'.repeat(5001)] }),
    );
    expect(items).toMatchObject({ statusCode: 400, param: 'preferred_locales[1]' });
  });

  it('refuses an e-mail address that is not one, as Stripe does', async () => {
    for (const bad of ['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com']) {
      const err = await stripeError(() => h.stripe.customers.create({ email: bad }));
      expect({
        bad,
        status: err.statusCode,
        code: err.code,
        param: err.param,
        message: err.message,
      }).toEqual({
        bad,
        status: 400,
        code: 'email_invalid',
        param: 'email',
        message: `Invalid email address: ${bad}`,
      });
    }
    const c = await h.stripe.customers.create({ email: 'ada+tender@mail.example.co.uk' });
    expect(c.email).toBe('ada+tender@mail.example.co.uk');
    const upd = await stripeError(() => h.stripe.customers.update(c.id, { email: 'nope' }));
    expect(upd).toMatchObject({ statusCode: 400, code: 'email_invalid' });
    // '' unsets it, as before.
    expect((await h.stripe.customers.update(c.id, { email: '' })).email).toBeNull();
    const receipt = await stripeError(() =>
      h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', receipt_email: 'x@y' }),
    );
    expect(receipt).toMatchObject({
      statusCode: 400,
      code: 'email_invalid',
      param: 'receipt_email',
    });
  });
});
