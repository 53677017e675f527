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

describe('refunds', () => {
  it('refunds partially, then fully, and refuses to refund more than was captured', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 10000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const first = await h.stripe.refunds.create({
      payment_intent: pi.id,
      amount: 2500,
      reason: 'requested_by_customer',
    });
    expect(first).toMatchObject({
      object: 'refund',
      amount: 2500,
      status: 'succeeded',
      charge: pi.latest_charge,
      payment_intent: pi.id,
    });
    const second = await h.stripe.refunds.create({
      charge: pi.latest_charge as string,
      amount: 5000,
    });
    let charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 7500, refunded: false });
    const over = await stripeError(() =>
      h.stripe.refunds.create({ payment_intent: pi.id, amount: 2501 }),
    );
    expect(over.statusCode).toBe(400);
    expect(over.code).toBe('amount_too_large');
    const rest = await h.stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(2500);
    charge = await h.stripe.charges.retrieve(pi.latest_charge as string, { expand: ['refunds'] });
    expect(charge).toMatchObject({ amount_refunded: 10000, refunded: true });
    expect(charge.refunds?.data.map((r) => r.id).sort()).toEqual(
      [first.id, second.id, rest.id].sort(),
    );
    const again = await stripeError(() =>
      h.stripe.refunds.create({ payment_intent: pi.id, amount: 1 }),
    );
    expect(again.code).toBe('charge_already_refunded');
    const listed = await h.stripe.refunds.list({ payment_intent: pi.id });
    expect(listed.data).toHaveLength(3);
    const refunded = await h.hooks.waitFor(
      (es) => es.filter((e) => e.type === 'charge.refunded').length >= 3,
    );
    const last = refunded.filter((e) => e.type === 'charge.refunded').at(-1)!.data.object;
    expect(last.amount_refunded).toBe(10000);
    expect(refunded.filter((e) => e.type === 'refund.created')).toHaveLength(3);
  });

  it('bounds refunds by the captured part of a partial capture', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 5000,
      currency: 'eur',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const notYet = await stripeError(() => h.stripe.refunds.create({ payment_intent: pi.id }));
    expect(notYet.code).toBe('charge_not_refundable');
    await h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 3000 });
    const over = await stripeError(() =>
      h.stripe.refunds.create({ payment_intent: pi.id, amount: 3001 }),
    );
    expect(over.code).toBe('amount_too_large');
    const ok = await h.stripe.refunds.create({ payment_intent: pi.id });
    expect(ok.amount).toBe(3000);
  });

  it('concurrent refunds never add up to more than was captured', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 10000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        h.stripe.refunds.create({ payment_intent: pi.id, amount: 3000 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as { code: string }).code)).toEqual([
      'amount_too_large',
      'amount_too_large',
    ]);
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge.amount_refunded).toBe(9000);
  });

  it('concurrent captures capture once', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 4000,
      currency: 'eur',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const results = await Promise.allSettled([
      h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 1000 }),
      h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2000 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const after = await h.stripe.paymentIntents.retrieve(pi.id);
    expect([1000, 2000]).toContain(after.amount_received);
  });

  it('updates refund metadata with refund.updated', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 700,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const r = await h.stripe.refunds.create({ payment_intent: pi.id });
    const updated = await h.stripe.refunds.update(r.id, { metadata: { ticket: 'T-1' } });
    expect(updated.metadata).toEqual({ ticket: 'T-1' });
    const event = await h.hooks.waitForObject('refund.updated', r.id);
    expect(event.data.previous_attributes).toEqual({ metadata: {} });
  });
});
