import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, stripeError, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

describe('payment intents', () => {
  it('card payment succeeds and emits created, charge.succeeded, succeeded', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 2000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { order: 'ord_1' },
    });
    expect(pi.status).toBe('succeeded');
    expect(pi.amount_received).toBe(2000);
    expect(pi.id).toMatch(/^pi_/);
    expect(pi.livemode).toBe(false);
    expect(pi.metadata).toEqual({ order: 'ord_1' });
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge.paid).toBe(true);
    expect(charge.amount_captured).toBe(2000);
    const events = await h.hooks.waitForType('payment_intent.succeeded');
    const mine = h.hooks.events.filter(
      (e) =>
        (e.data.object as { id?: string; payment_intent?: string }).id === pi.id ||
        (e.data.object as { payment_intent?: string }).payment_intent === pi.id,
    );
    expect(mine.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
    expect(events[0]!.data.object).toMatchObject({ id: pi.id, status: 'succeeded' });
    expect(h.hooks.verificationErrors).toEqual([]);
  });

  it('declines with generic_decline as a StripeCardError and records the failure', async () => {
    const err = await stripeError(() =>
      h.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_chargeDeclined',
        confirm: true,
      }),
    );
    expect(err.type).toBe('StripeCardError');
    expect(err.statusCode).toBe(402);
    expect(err.code).toBe('card_declined');
    expect(err.decline_code).toBe('generic_decline');
    const pi = err.payment_intent!;
    const stored = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(stored.status).toBe('requires_payment_method');
    expect(stored.last_payment_error?.decline_code).toBe('generic_decline');
  });
});
