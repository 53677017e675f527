// Every object kind the sandbox returns, fetched through the SDK, validated against Stripe's
// OpenAPI schemas (see scripts/extract-spec.mjs for the documented relaxations).
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, submit } from './browser';
import { harness, stripeError, type Harness } from './helpers';
import { errorBodyErrors, missingCurrentKeys, schemaErrors } from './schema';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  await h.close();
});

/** Drops what the SDK adds to objects (`lastResponse`) before validating. */
function plain(obj: unknown): unknown {
  return JSON.parse(JSON.stringify(obj)) as unknown;
}

describe('schema fidelity', () => {
  it('the validator rejects malformed objects (so passing means something)', () => {
    const broken = { id: 'pi_x', object: 'payment_intent', amount: '12' };
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
    expect(errorBodyErrors({ error: { message: 5 } }).length).toBeGreaterThan(0);
  });

  it('validates every object kind returned by the API', async () => {
    const s = h.stripe;
    const objects: Record<string, unknown> = {};
    const customer = await s.customers.create({
      email: 'f@example.com',
      name: 'F',
      address: { country: 'DE', city: 'Berlin' },
    });
    objects.customer = customer;
    const pm = await s.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    objects.payment_method = pm;
    objects.setup_intent = await s.setupIntents.create({
      customer: customer.id,
      payment_method: pm.id,
      confirm: true,
    });
    const pi = await s.paymentIntents.create({
      amount: 2500,
      currency: 'eur',
      customer: customer.id,
      payment_method: pm.id,
      confirm: true,
      expand: ['latest_charge', 'payment_method', 'customer'],
    });
    objects.payment_intent_expanded = pi;
    objects.charge = await s.charges.retrieve((pi.latest_charge as Stripe.Charge).id, {
      expand: ['refunds'],
    });
    objects.refund = await s.refunds.create({ payment_intent: pi.id, amount: 100 });
    const disputed = await s.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      payment_method: 'pm_card_createDispute',
      confirm: true,
    });
    objects.disputes = await s.disputes.list({ charge: disputed.latest_charge as string });
    const product = await s.products.create({ name: 'Thing' });
    objects.product = product;
    const price = await s.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 500,
      recurring: { interval: 'month' },
    });
    objects.price = price;
    objects.one_off_price = await s.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 700,
    });
    await s.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    const sub = await s.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id, quantity: 2 }],
      expand: ['latest_invoice.payment_intent', 'latest_invoice.payments', 'customer'],
    });
    objects.subscription_expanded = sub;
    objects.subscription_item = await s.subscriptionItems.retrieve(sub.items.data[0]!.id);
    const invoice = await s.invoices.retrieve((sub.latest_invoice as Stripe.Invoice).id);
    objects.invoice = invoice;
    objects.invoice_lines = await s.invoices.listLineItems(invoice.id);
    const session = await s.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          price: objects.one_off_price ? (objects.one_off_price as Stripe.Price).id : '',
          quantity: 1,
        },
      ],
      success_url: 'https://x.example/ok',
    });
    objects.checkout_open = session;
    objects.checkout_items = await s.checkout.sessions.listLineItems(session.id);
    const page = await load(session.url!);
    await submit(session.url!, page.html, { id: 'card-form' }, { card_number: '4242424242424242' });
    objects.checkout_complete = await s.checkout.sessions.retrieve(session.id, {
      expand: ['line_items', 'payment_intent'],
    });
    const endpoint = await s.webhookEndpoints.create({
      url: 'https://hooks.example/x',
      enabled_events: ['*'],
    });
    objects.webhook_endpoint = endpoint;
    objects.webhook_endpoint_deleted = await s.webhookEndpoints.del(endpoint.id);
    objects.events = await s.events.list({ limit: 100 });
    objects.product_deleted = await s.products.del((await s.products.create({ name: 'Gone' })).id);
    objects.customer_deleted = await s.customers.del((await s.customers.create({})).id);
    objects.lists = await s.paymentIntents.list({ limit: 5 });

    const problems = Object.entries(objects).flatMap(([name, obj]) =>
      schemaErrors(plain(obj), name),
    );
    expect(problems).toEqual([]);
    // And they carry every field today's objects have (the 2023 schema cannot say that).
    const missing = Object.entries(objects).flatMap(([name, obj]) => {
      const o = plain(obj) as {
        object: string;
        data?: Array<Record<string, unknown>>;
        deleted?: boolean;
      };
      if (o.deleted === true) return [];
      const items =
        o.object === 'list' ? (o.data ?? []) : [o as unknown as Record<string, unknown>];
      return items.flatMap((item) => missingCurrentKeys(item).map((k) => `${name}.${k}`));
    });
    expect(missing).toEqual([]);
  });

  it('error bodies match Stripe error schema', async () => {
    const err = await stripeError(() =>
      h.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_chargeDeclined',
        confirm: true,
      }),
    );
    const raw = err.raw as Record<string, unknown>;
    const body = Object.fromEntries(
      Object.entries(raw).filter(([k]) => !['headers', 'statusCode', 'requestId'].includes(k)),
    );
    expect(errorBodyErrors(plain({ error: body }))).toEqual([]);
    expect(body).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect(body.doc_url).toBe('https://stripe.com/docs/error-codes/card-declined');
  });

  it('all delivered webhooks validate', async () => {
    await h.hooks.waitFor((es) => es.some((e) => e.type === 'checkout.session.completed'));
    expect(h.hooks.schemaProblems()).toEqual([]);
  });
});

describe('documents', () => {
  it('serves the hosted invoice and receipt pages the objects link to', async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const price = await h.stripe.prices.create({
      currency: 'eur',
      unit_amount: 1234,
      recurring: { interval: 'month' },
      product_data: { name: 'Doc plan' },
    });
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_payment_method: pm.id,
      expand: ['latest_invoice.payment_intent.latest_charge'],
    });
    const invoice = sub.latest_invoice as Stripe.Invoice & { payment_intent: Stripe.PaymentIntent };
    const invoicePage = await load(invoice.hosted_invoice_url!);
    expect(invoicePage.status).toBe(200);
    expect(invoicePage.html).toContain('12.34 EUR');
    const charge = invoice.payment_intent.latest_charge as Stripe.Charge;
    const receipt = await load(charge.receipt_url!);
    expect(receipt.status).toBe(200);
    expect(receipt.html).toContain('•••• 4242');
  });
});

describe('controls', () => {
  it('reset empties the sandbox', async () => {
    await h.stripe.customers.create({});
    await h.control('/reset', {});
    expect((await h.stripe.customers.list()).data).toEqual([]);
    expect((await h.control<{ offset_seconds: number }>('/clock')).offset_seconds).toBe(0);
  });

  it('rejects a clock that would move backwards', async () => {
    await expect(h.control('/clock/advance', { seconds: -5 })).rejects.toThrow(/400/);
  });
});
