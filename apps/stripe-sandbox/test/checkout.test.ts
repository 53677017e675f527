import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, submit, threeDSecure } from './browser';
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

const SUCCESS = 'https://shop.example/success?session_id={CHECKOUT_SESSION_ID}';

async function paymentSession(
  extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Promise<Stripe.Checkout.Session> {
  const price = await h.stripe.prices.create({
    currency: 'usd',
    unit_amount: 1500,
    product_data: { name: 'Charging session' },
  });
  return h.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      { price: price.id, quantity: 2 },
      {
        price_data: { currency: 'usd', unit_amount: 250, product_data: { name: 'Idle fee' } },
        quantity: 1,
      },
    ],
    success_url: SUCCESS,
    cancel_url: 'https://shop.example/cancel',
    metadata: { order: 'o-42' },
    ...extra,
  });
}

function sessionEvents(id: string): string[] {
  return h.hooks.events
    .filter((e) => (e.data.object as { id: string }).id === id)
    .map((e) => e.type);
}

describe('checkout: payment mode', () => {
  it('is paid through the hosted page with a card', async () => {
    const session = await paymentSession({ customer_email: 'buyer@example.com' });
    expect(session).toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 3250,
      currency: 'usd',
      payment_intent: null,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url!.startsWith(`${h.sandbox.url}/`)).toBe(true);
    expect(session.expires_at - session.created).toBe(24 * 3600);
    const items = await h.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data.map((li) => li.amount_total)).toEqual([3000, 250]);

    const page = await load(session.url!);
    expect(page.status).toBe(200);
    expect(page.html).toContain('32.50 USD');
    const paid = await submit(
      session.url!,
      page.html,
      { id: 'card-form' },
      { card_number: '4242 4242 4242 4242' },
    );
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(`https://shop.example/success?session_id=${session.id}`);

    const done = await h.stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent', 'line_items'],
    });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(done.customer_details?.email).toBe('buyer@example.com');
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: 'succeeded', amount_received: 3250 });
    expect(done.line_items?.data).toHaveLength(2);
    const completed = await h.hooks.waitForObject('checkout.session.completed', session.id);
    expect((completed.data.object as Stripe.Checkout.Session).payment_status).toBe('paid');
    const again = await load(session.url!);
    expect(again.html).toContain('complete');
  });

  it('shows a decline on the page and lets the customer retry with another card', async () => {
    const session = await paymentSession();
    const page = await load(session.url!);
    const declined = await submit(
      session.url!,
      page.html,
      { id: 'card-form' },
      { card_number: '4000000000009995' },
    );
    expect(declined.status).toBe(402);
    expect(declined.html).toContain('insufficient funds');
    const ok = await submit(
      session.url!,
      declined.html,
      { id: 'card-form' },
      { card_number: '4242424242424242' },
    );
    expect(ok.status).toBe(303);
    const done = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(done.payment_status).toBe('paid');
    // The same payment intent carried both attempts.
    const charges = await h.stripe.charges.list({ payment_intent: done.payment_intent as string });
    expect(charges.data.map((c) => c.status)).toEqual(['succeeded', 'failed']);
  });

  it('sends a 3-D Secure card through the challenge and back to success_url', async () => {
    const session = await paymentSession();
    const page = await load(session.url!);
    const challenge = await submit(
      session.url!,
      page.html,
      { id: 'card-form' },
      { card_number: '4000002760003184' },
    );
    expect(challenge.status).toBe(303);
    expect(challenge.location).toContain('/_sandbox/3ds/');
    const back = await threeDSecure(challenge.location!, 'approve');
    const final = await load(back.location!);
    expect(final.status).toBe(303);
    expect(final.location).toBe(`https://shop.example/success?session_id=${session.id}`);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
  });

  it('completes a manual-capture session as unpaid with the authorisation held', async () => {
    const session = await paymentSession({ payment_intent_data: { capture_method: 'manual' } });
    const page = await load(session.url!);
    await submit(session.url!, page.html, { id: 'card-form' }, { card_number: '4242424242424242' });
    const done = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(done).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    const pi = await h.stripe.paymentIntents.capture(done.payment_intent as string, {
      amount_to_capture: 1000,
    });
    expect(pi).toMatchObject({ status: 'succeeded', amount_received: 1000 });
    await h.hooks.waitFor(() => sessionEvents(session.id).includes('checkout.session.completed'));
    expect(sessionEvents(session.id)).toEqual(['checkout.session.completed']);
  });

  it('expires via the API and when the clock passes expires_at', async () => {
    const now = (await h.control<{ now: number }>('/clock')).now;
    const tooSoon = await stripeError(() => paymentSession({ expires_at: now + 60 }));
    expect(tooSoon.param).toBe('expires_at');
    const a = await paymentSession();
    const expired = await h.stripe.checkout.sessions.expire(a.id);
    expect(expired.status).toBe('expired');
    const twice = await stripeError(() => h.stripe.checkout.sessions.expire(a.id));
    expect(twice.statusCode).toBe(400);
    const b = await paymentSession({ expires_at: now + 45 * 60 });
    await h.advance(46 * 60);
    expect((await h.stripe.checkout.sessions.retrieve(b.id)).status).toBe('expired');
    await h.hooks.waitFor(() => sessionEvents(b.id).includes('checkout.session.expired'));
    expect(sessionEvents(a.id)).toEqual(['checkout.session.expired']);
    const page = await load(a.url!);
    expect(page.html).toContain('expired');
  });
});

describe('checkout: crypto', () => {
  it('pays in USDC through the simulated wallet; settles asynchronously', async () => {
    const session = await paymentSession({ allowed_payment_method_types: ['card', 'crypto'] });
    const page = await load(session.url!);
    expect(page.html).toContain('USDC');
    const approved = await submit(
      session.url!,
      page.html,
      { id: 'crypto-form' },
      { crypto_outcome: 'succeed' },
    );
    expect(approved.status).toBe(303);
    const pending = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(pending).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect((await h.stripe.paymentIntents.retrieve(pending.payment_intent as string)).status).toBe(
      'processing',
    );
    await h.advance(60);
    const settled = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(settled.payment_status).toBe('paid');
    await h.hooks.waitFor(() => sessionEvents(session.id).length === 2);
    expect(sessionEvents(session.id)).toEqual([
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
    ]);
    const charge = await h.stripe.charges.retrieve(
      (await h.stripe.paymentIntents.retrieve(settled.payment_intent as string))
        .latest_charge as string,
    );
    expect(charge.payment_method_details?.type).toBe('crypto');
  });

  it('reports an on-chain failure as async_payment_failed', async () => {
    // The older `payment_method_types` spelling (not in today's SDK types) is accepted too.
    const session = await paymentSession({
      payment_method_types: ['crypto'],
    } as Partial<Stripe.Checkout.SessionCreateParams>);
    const page = await load(session.url!);
    await submit(session.url!, page.html, { id: 'crypto-form' }, { crypto_outcome: 'fail' });
    await h.advance(60);
    await h.hooks.waitFor(() => sessionEvents(session.id).length === 2);
    expect(sessionEvents(session.id)).toEqual([
      'checkout.session.completed',
      'checkout.session.async_payment_failed',
    ]);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('unpaid');
  });

  it('refuses crypto outside USD payment mode', async () => {
    const err = await stripeError(() =>
      h.stripe.checkout.sessions.create({
        mode: 'payment',
        allowed_payment_method_types: ['crypto'],
        line_items: [
          {
            price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'x' } },
            quantity: 1,
          },
        ],
        success_url: SUCCESS,
      }),
    );
    expect(err.param).toBe('allowed_payment_method_types');
  });
});

describe('checkout: setup and subscription modes', () => {
  it('saves a card in setup mode', async () => {
    const customer = await h.stripe.customers.create({});
    const session = await h.stripe.checkout.sessions.create({
      mode: 'setup',
      currency: 'eur',
      customer: customer.id,
      success_url: SUCCESS,
    });
    expect(session.payment_status).toBe('no_payment_required');
    const page = await load(session.url!);
    const done = await submit(
      session.url!,
      page.html,
      { id: 'card-form' },
      { card_number: '4242424242424242' },
    );
    expect(done.status).toBe(303);
    const after = await h.stripe.checkout.sessions.retrieve(session.id, {
      expand: ['setup_intent'],
    });
    expect(after.status).toBe('complete');
    const si = after.setup_intent as Stripe.SetupIntent;
    expect(si.status).toBe('succeeded');
    expect((await h.stripe.paymentMethods.retrieve(si.payment_method as string)).customer).toBe(
      customer.id,
    );
  });

  it('retries a declined first subscription payment on the same subscription', async () => {
    const price = await h.stripe.prices.create({
      currency: 'eur',
      unit_amount: 1990,
      recurring: { interval: 'month' },
      product_data: { name: 'Retry plan' },
    });
    const session = await h.stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS,
    });
    const page = await load(session.url!);
    const declined = await submit(
      session.url!,
      page.html,
      { id: 'card-form' },
      { card_number: '4000000000000341' },
    );
    expect(declined.status).toBe(402);
    const ok = await submit(
      session.url!,
      declined.html,
      { id: 'card-form' },
      { card_number: '4242424242424242' },
    );
    expect(ok.status).toBe(303);
    const after = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(after.status).toBe('complete');
    const subs = await h.stripe.subscriptions.list({
      customer: after.customer as string,
      status: 'all',
    });
    expect(subs.data.map((x) => x.status)).toEqual(['active']);
  });

  it('starts a subscription in subscription mode', async () => {
    const price = await h.stripe.prices.create({
      currency: 'eur',
      unit_amount: 990,
      recurring: { interval: 'month' },
      product_data: { name: 'Membership' },
    });
    const session = await h.stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS,
      customer_email: 'member@example.com',
    });
    const page = await load(session.url!);
    const done = await submit(
      session.url!,
      page.html,
      { id: 'card-form' },
      { card_number: '4242424242424242' },
    );
    expect(done.status).toBe(303);
    const after = await h.stripe.checkout.sessions.retrieve(session.id, {
      expand: ['subscription'],
    });
    expect(after).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const sub = after.subscription as Stripe.Subscription;
    expect(sub.status).toBe('active');
    expect(after.customer).toBe(sub.customer);
    expect(after.invoice).toBe(sub.latest_invoice);
  });
});
