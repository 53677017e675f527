import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, sdk, stripeError, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

describe('authentication', () => {
  it('rejects a missing, live or malformed key with 401 as StripeAuthenticationError', async () => {
    for (const key of ['sk_live_abc123', 'pk_test_abc', 'nonsense']) {
      const err = await stripeError(() => sdk(h.sandbox, key).customers.list());
      expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect(err.statusCode).toBe(401);
      expect(err.raw).toMatchObject({ type: 'invalid_request_error' });
      expect(err.message).toMatch(/Invalid API Key/);
    }
    const res = await fetch(`${h.sandbox.url}/v1/customers`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /did not provide an API key/,
    );
  });
});

describe('responses', () => {
  it('carries Request-Id, Stripe shapes and metadata semantics', async () => {
    const c = await h.stripe.customers.create({
      email: 'a@example.com',
      metadata: { a: '1', b: '2' },
    });
    expect(c.lastResponse.requestId).toMatch(/^req_/);
    expect(c).toMatchObject({ object: 'customer', livemode: false, email: 'a@example.com' });
    expect(c.id).toMatch(/^cus_/);
    expect(Number.isInteger(c.created)).toBe(true);
    const updated = await h.stripe.customers.update(c.id, { metadata: { a: '', c: '3' } });
    expect(updated.metadata).toEqual({ b: '2', c: '3' });
  });

  it('answers unknown ids with 404 resource_missing', async () => {
    const err = await stripeError(() => h.stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('resource_missing');
    expect(err.param).toBe('intent');
  });

  it('rejects unknown parameters and missing required ones with 400', async () => {
    const unknown = await stripeError(() =>
      h.stripe.paymentIntents.create({
        amount: 100,
        currency: 'usd',
        colour: 'red',
      } as Stripe.PaymentIntentCreateParams),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.code).toBe('parameter_unknown');
    expect(unknown.param).toBe('colour');
    const missing = await stripeError(() =>
      h.stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams),
    );
    expect(missing.code).toBe('parameter_missing');
    expect(missing.param).toBe('amount');
  });
});

describe('lists', () => {
  it('paginates newest first with has_more, starting_after and ending_before', async () => {
    const email = `page-${Date.now()}@example.com`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await h.stripe.customers.create({ email })).id);
    const newestFirst = [...ids].reverse();
    const first = await h.stripe.customers.list({ email, limit: 2 });
    expect(first.object).toBe('list');
    expect(first.url).toBe('/v1/customers');
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    const second = await h.stripe.customers.list({
      email,
      limit: 2,
      starting_after: first.data[1]!.id,
    });
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    const last = await h.stripe.customers.list({
      email,
      limit: 2,
      starting_after: second.data[1]!.id,
    });
    expect(last.data.map((c) => c.id)).toEqual(newestFirst.slice(4));
    expect(last.has_more).toBe(false);
    const back = await h.stripe.customers.list({
      email,
      limit: 2,
      ending_before: second.data[0]!.id,
    });
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    const all = await h.stripe.customers.list({ email, limit: 2 }).autoPagingToArray({ limit: 10 });
    expect(all.map((c) => c.id)).toEqual(newestFirst);
  });
});

describe('expand', () => {
  it('expands ids, nested paths and list items', async () => {
    const customer = await h.stripe.customers.create({ name: 'Exp' });
    const pi = await h.stripe.paymentIntents.create({
      amount: 1500,
      currency: 'eur',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      expand: ['latest_charge.customer', 'payment_method'],
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.object).toBe('charge');
    expect((charge.customer as Stripe.Customer).name).toBe('Exp');
    expect((pi.payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242');
    const list = await h.stripe.paymentIntents.list({
      customer: customer.id,
      expand: ['data.customer'],
    });
    expect((list.data[0]!.customer as Stripe.Customer).id).toBe(customer.id);
    const withRefunds = await h.stripe.charges.retrieve(charge.id, { expand: ['refunds'] });
    expect(withRefunds.refunds?.object).toBe('list');
  });
});

describe('idempotency', () => {
  it('replays the first response with Idempotent-Replayed', async () => {
    const key = `idem-${Date.now()}`;
    const first = await h.stripe.customers.create(
      { email: 'idem@example.com' },
      { idempotencyKey: key },
    );
    const again = await h.stripe.customers.create(
      { email: 'idem@example.com' },
      { idempotencyKey: key },
    );
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const count = (await h.stripe.customers.list({ email: 'idem@example.com' })).data.length;
    expect(count).toBe(1);
  });

  it('replays declines too (the endpoint ran)', async () => {
    const key = `idem-decline-${Date.now()}`;
    const params = {
      amount: 900,
      currency: 'usd',
      payment_method: 'pm_card_chargeDeclined',
      confirm: true,
    };
    const a = await stripeError(() =>
      h.stripe.paymentIntents.create(params, { idempotencyKey: key }),
    );
    const b = await stripeError(() =>
      h.stripe.paymentIntents.create(params, { idempotencyKey: key }),
    );
    expect(b.payment_intent?.id).toBe(a.payment_intent?.id);
    expect(b.headers?.['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with other parameters as StripeIdempotencyError', async () => {
    const key = `idem-mismatch-${Date.now()}`;
    await h.stripe.customers.create({ email: 'one@example.com' }, { idempotencyKey: key });
    const err = await stripeError(() =>
      h.stripe.customers.create({ email: 'two@example.com' }, { idempotencyKey: key }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.statusCode).toBe(400);
    expect(err.rawType).toBe('idempotency_error');
  });

  it('answers a concurrent duplicate with 409 while the first is in flight', async () => {
    const key = `idem-concurrent-${Date.now()}`;
    await h.control('/faults', { type: 'delay', count: 1, delay_ms: 300 });
    const params = { amount: 700, currency: 'usd', payment_method: 'pm_card_visa', confirm: true };
    const first = h.stripe.paymentIntents.create(params, { idempotencyKey: key });
    await new Promise((r) => setTimeout(r, 50));
    const err = await stripeError(() =>
      h.stripe.paymentIntents.create(params, { idempotencyKey: key }),
    );
    expect(err.statusCode).toBe(409);
    expect(err.code).toBe('idempotency_key_in_use');
    const pi = await first;
    expect(pi.status).toBe('succeeded');
    const replay = await h.stripe.paymentIntents.create(params, { idempotencyKey: key });
    expect(replay.id).toBe(pi.id);
  });

  it('forgets keys after 24 hours of sandbox time', async () => {
    const key = `idem-ttl-${Date.now()}`;
    const first = await h.stripe.customers.create(
      { email: 'ttl@example.com' },
      { idempotencyKey: key },
    );
    await h.advance(24 * 3600 + 1);
    const second = await h.stripe.customers.create(
      { email: 'ttl@example.com' },
      { idempotencyKey: key },
    );
    expect(second.id).not.toBe(first.id);
  });
});

describe('injected faults', () => {
  it('surfaces 429 as StripeRateLimitError and 500 as StripeAPIError, then recovers', async () => {
    await h.control('/faults', { type: 'rate_limit', count: 1 });
    const limited = await stripeError(() => h.stripe.customers.list());
    expect(limited).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(limited.statusCode).toBe(429);
    await h.control('/faults', { type: 'api_error', count: 2 });
    for (let i = 0; i < 2; i++) {
      const broken = await stripeError(() => h.stripe.customers.create({}));
      expect(broken).toBeInstanceOf(Stripe.errors.StripeAPIError);
      expect(broken.statusCode).toBe(500);
    }
    await expect(h.stripe.customers.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
  });

  it('does not save an injected failure against the idempotency key', async () => {
    const key = `idem-fault-${Date.now()}`;
    await h.control('/faults', { type: 'api_error', count: 1 });
    await stripeError(() =>
      h.stripe.customers.create({ email: 'f@example.com' }, { idempotencyKey: key }),
    );
    const ok = await h.stripe.customers.create({ email: 'f@example.com' }, { idempotencyKey: key });
    expect(ok.id).toMatch(/^cus_/);
  });
});
