import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threeDSecure } from './browser';
import { harness, stripeError, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

describe('customers', () => {
  it('creates, updates, lists and deletes with customer.* events', async () => {
    const c = await h.stripe.customers.create({
      email: 'ada@example.com',
      name: 'Ada',
      metadata: { plan: 'pro' },
    });
    const u = await h.stripe.customers.update(c.id, { name: 'Ada L.' });
    expect(u.name).toBe('Ada L.');
    const listed = await h.stripe.customers.list({ email: 'ada@example.com' });
    expect(listed.data.map((x) => x.id)).toContain(c.id);
    const deleted = await h.stripe.customers.del(c.id);
    expect(deleted).toMatchObject({ id: c.id, deleted: true });
    const retrieved = await h.stripe.customers.retrieve(c.id);
    expect(retrieved.deleted).toBe(true);
    const events = await h.hooks.waitFor((es) => es.some((e) => e.type === 'customer.deleted'));
    const mine = events.filter((e) => (e.data.object as { id: string }).id === c.id);
    expect(mine.map((e) => e.type)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.deleted',
    ]);
    expect(mine[1]!.data.previous_attributes).toEqual({ name: 'Ada' });
  });
});

describe('payment methods', () => {
  it('attaches, lists by customer, sets the default and detaches', async () => {
    const c = await h.stripe.customers.create({});
    const a = await h.stripe.paymentMethods.attach('pm_card_visa', { customer: c.id });
    const b = await h.stripe.paymentMethods.attach('pm_card_mastercard', { customer: c.id });
    expect(a.id).not.toBe(b.id);
    const updated = await h.stripe.customers.update(c.id, {
      invoice_settings: { default_payment_method: b.id },
    });
    expect(updated.invoice_settings.default_payment_method).toBe(b.id);
    const list = await h.stripe.customers.listPaymentMethods(c.id, { type: 'card' });
    expect(list.data.map((pm) => pm.id)).toEqual([b.id, a.id]);
    const viaPm = await h.stripe.paymentMethods.list({ customer: c.id });
    expect(viaPm.data).toHaveLength(2);
    const detached = await h.stripe.paymentMethods.detach(b.id);
    expect(detached.customer).toBeNull();
    const after = (await h.stripe.customers.retrieve(c.id)) as Stripe.Customer;
    expect(after.invoice_settings.default_payment_method).toBeNull();
    const types = (
      await h.hooks.waitFor((es) => es.some((e) => e.type === 'payment_method.detached'))
    ).map((e) => e.type);
    expect(types.filter((t) => t === 'payment_method.attached').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses to attach a card the issuer declines', async () => {
    const c = await h.stripe.customers.create({});
    const err = await stripeError(() =>
      h.stripe.paymentMethods.attach('pm_card_chargeDeclinedInsufficientFunds', { customer: c.id }),
    );
    expect(err.type).toBe('StripeCardError');
    expect(err.decline_code).toBe('insufficient_funds');
  });
});

describe('setup intents', () => {
  it('saves a card for off-session use (setup_intent.succeeded, payment_method.attached)', async () => {
    const c = await h.stripe.customers.create({});
    const si = await h.stripe.setupIntents.create({ customer: c.id });
    expect(si).toMatchObject({ status: 'requires_payment_method', usage: 'off_session' });
    expect(si.client_secret).toMatch(/^seti_.+_secret_/);
    const confirmed = await h.stripe.setupIntents.confirm(si.id, {
      payment_method: 'pm_card_visa',
    });
    expect(confirmed.status).toBe('succeeded');
    const pm = await h.stripe.paymentMethods.retrieve(confirmed.payment_method as string);
    expect(pm.customer).toBe(c.id);
    const events = await h.hooks.waitFor((es) =>
      es.some(
        (e) =>
          e.type === 'setup_intent.succeeded' && (e.data.object as { id: string }).id === si.id,
      ),
    );
    expect(
      events.some(
        (e) =>
          e.type === 'payment_method.attached' && (e.data.object as { id: string }).id === pm.id,
      ),
    ).toBe(true);
  });

  it('fails setup for a declining card and on a failed challenge', async () => {
    const c = await h.stripe.customers.create({});
    const err = await stripeError(() =>
      h.stripe.setupIntents.create({
        customer: c.id,
        payment_method: 'pm_card_chargeDeclined',
        confirm: true,
      }),
    );
    expect(err.code).toBe('card_declined');
    expect(err.setup_intent?.status).toBe('requires_payment_method');
    const si = await h.stripe.setupIntents.create({
      customer: c.id,
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
    });
    expect(si.status).toBe('requires_action');
    // No return_url: Stripe hands the challenge to Stripe.js (`use_stripe_sdk`).
    expect(si.next_action?.type).toBe('use_stripe_sdk');
    const sdkAction = si.next_action!.use_stripe_sdk as { stripe_js: string };
    await threeDSecure(sdkAction.stripe_js, 'fail');
    const after = await h.stripe.setupIntents.retrieve(si.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_setup_error?.code).toBe('setup_intent_authentication_failure');
    await h.hooks.waitForType('setup_intent.setup_failed', 2);
    const canceled = await h.stripe.setupIntents.cancel(si.id);
    expect(canceled.status).toBe('canceled');
  });
});
