import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const DAY = 24 * 3600;

async function monthly(amount: number, name = 'Plan'): Promise<Stripe.Price> {
  return h.stripe.prices.create({
    currency: 'eur',
    unit_amount: amount,
    recurring: { interval: 'month' },
    product_data: { name },
  });
}

async function customerWith(
  card: string,
): Promise<{ customer: Stripe.Customer; pm: Stripe.PaymentMethod }> {
  const customer = await h.stripe.customers.create({ email: 'sub@example.com' });
  const pm = await h.stripe.paymentMethods.attach(card, { customer: customer.id });
  await h.stripe.customers.update(customer.id, {
    invoice_settings: { default_payment_method: pm.id },
  });
  return { customer, pm };
}

function typesFor(subId: string): string[] {
  return h.hooks.events
    .filter((e) => {
      const o = e.data.object as { id: string; object: string; subscription?: string };
      return o.id === subId || o.subscription === subId;
    })
    .map((e) => e.type);
}

describe('subscriptions', () => {
  it('default_incomplete exposes latest_invoice.payment_intent.client_secret; confirming activates', async () => {
    const price = await monthly(1200);
    const customer = await h.stripe.customers.create({});
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      expand: ['latest_invoice.payment_intent', 'latest_invoice.confirmation_secret'],
    });
    expect(sub.status).toBe('incomplete');
    const invoice = sub.latest_invoice as Stripe.Invoice & { payment_intent: Stripe.PaymentIntent };
    expect(invoice).toMatchObject({
      status: 'open',
      amount_due: 1200,
      billing_reason: 'subscription_create',
    });
    const pi = invoice.payment_intent;
    expect(pi.client_secret).toMatch(/^pi_.+_secret_/);
    expect(invoice.confirmation_secret?.client_secret).toBe(pi.client_secret);
    const confirmed = await h.stripe.paymentIntents.confirm(pi.id, {
      payment_method: 'pm_card_visa',
    });
    expect(confirmed.status).toBe('succeeded');
    const active = await h.stripe.subscriptions.retrieve(sub.id);
    expect(active.status).toBe('active');
    expect(active.default_payment_method).toBe(confirmed.payment_method);
    const paid = await h.stripe.invoices.retrieve(invoice.id);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 1200, amount_remaining: 0 });
    await h.hooks.waitFor(() => typesFor(sub.id).includes('customer.subscription.updated'));
    expect(typesFor(sub.id)).toEqual([
      'invoice.created',
      'invoice.finalized',
      'customer.subscription.created',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
    ]);
  });

  it('charges the default method at creation and renews when the clock passes the period end', async () => {
    const price = await monthly(2000, 'Renewing');
    const { customer } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
    });
    expect(sub.status).toBe('active');
    const item = sub.items.data[0]!;
    expect(item.price.id).toBe(price.id);
    expect(item.current_period_end).toBeGreaterThan(item.current_period_start + 27 * DAY);
    await h.advance(item.current_period_end - (await h.control<{ now: number }>('/clock')).now + 1);
    const renewed = await h.stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe('active');
    expect(renewed.items.data[0]!.current_period_start).toBe(item.current_period_end);
    const invoices = await h.stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ['subscription_cycle', 'paid', 2000],
      ['subscription_create', 'paid', 2000],
    ]);
    await h.hooks.waitFor(() => typesFor(sub.id).filter((t) => t === 'invoice.paid').length === 2);
  });

  it('a failed renewal emits invoice.payment_failed and makes the subscription past_due', async () => {
    const price = await monthly(1500, 'Failing');
    const { customer, pm } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
    });
    // The card is replaced by one that attaches but always fails.
    const failing = await h.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', {
      customer: customer.id,
    });
    await h.stripe.subscriptions.update(sub.id, { default_payment_method: failing.id });
    await h.stripe.paymentMethods.detach(pm.id);
    await h.advance(32 * DAY);
    const after = await h.stripe.subscriptions.retrieve(sub.id, { expand: ['latest_invoice'] });
    expect(after.status).toBe('past_due');
    const invoice = after.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({
      status: 'open',
      attempted: true,
      attempt_count: 1,
      billing_reason: 'subscription_cycle',
    });
    await h.hooks.waitFor((es) =>
      es.some(
        (e) =>
          e.type === 'invoice.payment_failed' &&
          (e.data.object as { id: string }).id === invoice.id,
      ),
    );
    // Paying it with a working card brings the subscription back.
    const good = await h.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const paid = await h.stripe.invoices.pay(invoice.id, { payment_method: good.id });
    expect(paid.status).toBe('paid');
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
  });

  it('retries a failed renewal 3, 5 and 7 days after each failure, then marks the subscription unpaid', async () => {
    const price = await monthly(1700, 'Retried');
    const { customer, pm } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
    });
    const failing = await h.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', {
      customer: customer.id,
    });
    await h.stripe.subscriptions.update(sub.id, { default_payment_method: failing.id });
    await h.stripe.paymentMethods.detach(pm.id);
    await h.advance(31 * DAY);
    const failedOnce = await h.stripe.subscriptions.retrieve(sub.id, {
      expand: ['latest_invoice'],
    });
    expect(failedOnce.status).toBe('past_due');
    const invoice = failedOnce.latest_invoice as Stripe.Invoice;
    const now = async () => (await h.control<{ now: number }>('/clock')).now;
    expect(invoice.attempt_count).toBe(1);
    expect(invoice.next_payment_attempt).toBe((await now()) + 3 * DAY);
    for (const [days, attempts] of [
      [3, 2],
      [5, 3],
    ] as const) {
      await h.advance(days * DAY + 1);
      const i = await h.stripe.invoices.retrieve(invoice.id);
      expect(i.attempt_count).toBe(attempts);
      expect(i.status).toBe('open');
      expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe('past_due');
    }
    await h.advance(7 * DAY + 1);
    const last = await h.stripe.invoices.retrieve(invoice.id);
    expect(last).toMatchObject({ attempt_count: 4, next_payment_attempt: null, status: 'open' });
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe('unpaid');
    await h.hooks.waitFor(
      (es) =>
        es.filter(
          (e) =>
            e.type === 'invoice.payment_failed' &&
            (e.data.object as { id: string }).id === invoice.id,
        ).length === 4,
    );
    // Paying the invoice with a working card brings it back.
    const good = await h.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await h.stripe.invoices.pay(invoice.id, { payment_method: good.id });
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
  });

  it('changes price with prorations billed immediately (always_invoice)', async () => {
    const basic = await monthly(1000, 'Basic');
    const pro = await monthly(3000, 'Pro');
    const { customer } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: basic.id }],
    });
    const item = sub.items.data[0]!;
    const period = item.current_period_end - item.current_period_start;
    await h.advance(Math.floor(period / 2));
    const updated = await h.stripe.subscriptions.update(sub.id, {
      items: [{ id: item.id, price: pro.id }],
      proration_behavior: 'always_invoice',
      expand: ['latest_invoice'],
    });
    expect(updated.items.data[0]!.price.id).toBe(pro.id);
    const invoice = updated.latest_invoice as Stripe.Invoice;
    expect(invoice.billing_reason).toBe('subscription_update');
    const lines = invoice.lines.data.map((l) => l.amount);
    // About half a month of credit for Basic and half a month of Pro: integers, net ≈ +1000.
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBeLessThan(0);
    expect(lines[1]).toBeGreaterThan(0);
    expect(lines.every((a) => Number.isInteger(a))).toBe(true);
    expect(invoice.total).toBe(lines[0]! + lines[1]!);
    expect(Math.abs(invoice.total - 1000)).toBeLessThanOrEqual(20);
    expect(invoice.status).toBe('paid');
    const isChange = (e: Stripe.Event) =>
      e.type === 'customer.subscription.updated' && (e.data.object as { id: string }).id === sub.id;
    const changed = (await h.hooks.waitFor((es) => es.some(isChange))).find(isChange);
    expect(changed!.data.previous_attributes).toHaveProperty('items');
  });

  it('adds create_prorations to the next renewal invoice', async () => {
    const basic = await monthly(1000, 'Basic');
    const pro = await monthly(2000, 'Pro');
    const { customer } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: basic.id }],
    });
    await h.stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0]!.id, price: pro.id }],
    });
    await h.advance(32 * DAY);
    const renewal = (await h.stripe.invoices.list({ subscription: sub.id })).data[0]!;
    expect(renewal.billing_reason).toBe('subscription_cycle');
    expect(renewal.lines.data).toHaveLength(3);
    expect(renewal.lines.data.at(-1)!.amount).toBe(2000);
  });

  it('cancels at period end, and immediately', async () => {
    const price = await monthly(500, 'Short');
    const { customer } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
    });
    const pending = await h.stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(pending).toMatchObject({ cancel_at_period_end: true, status: 'active' });
    await h.advance(32 * DAY);
    const ended = await h.stripe.subscriptions.retrieve(sub.id);
    expect(ended.status).toBe('canceled');
    expect((await h.stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
    await h.hooks.waitFor(() => typesFor(sub.id).includes('customer.subscription.deleted'));

    const other = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
    });
    const canceled = await h.stripe.subscriptions.cancel(other.id);
    expect(canceled.status).toBe('canceled');
    const err = await stripeError(() =>
      h.stripe.subscriptions.update(other.id, { items: [{ price: price.id }] }),
    );
    expect(err.statusCode).toBe(400);
  });

  it('trials for the given days, then charges and becomes active', async () => {
    const price = await monthly(1500, 'Trial plan');
    const { customer } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 14,
      expand: ['latest_invoice'],
    });
    expect(sub.status).toBe('trialing');
    expect(sub.trial_end! - sub.trial_start!).toBe(14 * DAY);
    expect(sub.items.data[0]!.current_period_end).toBe(sub.trial_end);
    expect((sub.latest_invoice as Stripe.Invoice).amount_due).toBe(0);
    await h.advance(14 * DAY + 1);
    const after = await h.stripe.subscriptions.retrieve(sub.id, { expand: ['latest_invoice'] });
    expect(after.status).toBe('active');
    expect(after.latest_invoice as Stripe.Invoice).toMatchObject({
      amount_paid: 1500,
      billing_reason: 'subscription_cycle',
    });
  });

  it('deleting the customer cancels its subscriptions', async () => {
    const price = await monthly(600, 'Deleted');
    const { customer, pm } = await customerWith('pm_card_visa');
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
    });
    await h.stripe.customers.del(customer.id);
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe('canceled');
    expect((await h.stripe.paymentMethods.retrieve(pm.id)).customer).toBeNull();
    await h.hooks.waitForObject('customer.subscription.deleted', sub.id);
  });

  it('an unpaid first invoice expires the subscription after 23 hours', async () => {
    const price = await monthly(800, 'Abandoned');
    const customer = await h.stripe.customers.create({});
    const sub = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
    });
    await h.advance(22 * 3600);
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe('incomplete');
    await h.advance(3600 + 1);
    expect((await h.stripe.subscriptions.retrieve(sub.id)).status).toBe('incomplete_expired');
  });

  it('error_if_incomplete refuses a declining card with 402', async () => {
    const price = await monthly(700, 'Strict');
    const { customer } = await customerWith('pm_card_chargeCustomerFail');
    const err = await stripeError(() =>
      h.stripe.subscriptions.create({
        customer: customer.id,
        items: [{ price: price.id }],
        payment_behavior: 'error_if_incomplete',
      }),
    );
    expect(err.statusCode).toBe(402);
    expect(err.code).toBe('card_declined');
  });
});
