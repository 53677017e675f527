// Incremental authorisation, partial capture and hold expiry through the official SDK, with every
// delivered event checked against Stripe's schemas.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, intentEvents, settleDeliveries, stripeError, type Harness } from './helpers';
import { schemaErrors } from './schema';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

const plain = (o: unknown) => JSON.parse(JSON.stringify(o)) as unknown;

/** A manual-capture hold of `amount` on `card`, asking for incremental authorisation. */
function hold(
  amount: number,
  card = 'pm_card_visa',
  request: 'if_available' | 'never' | 'omit' = 'if_available',
  extra: Partial<Stripe.PaymentIntentCreateParams> = {},
): Promise<Stripe.PaymentIntent> {
  return h.stripe.paymentIntents.create({
    amount,
    currency: 'eur',
    capture_method: 'manual',
    payment_method: card,
    confirm: true,
    ...(request !== 'omit'
      ? { payment_method_options: { card: { request_incremental_authorization: request } } }
      : {}),
    ...extra,
  });
}

const chargeOf = (pi: Stripe.PaymentIntent) =>
  h.stripe.charges.retrieve(pi.latest_charge as string);

describe('incremental authorization', () => {
  it('a hold that asked for it can be raised; the charge says available and when it lapses', async () => {
    const { now: before } = await h.control<{ now: number }>('/clock');
    const pi = await hold(2000);
    expect(pi.payment_method_options?.card?.request_incremental_authorization).toBe('if_available');
    const charge = await chargeOf(pi);
    const card = charge.payment_method_details!.card!;
    expect(card.incremental_authorization).toEqual({ status: 'available' });
    // A customer-initiated online hold: 7 days.
    expect(card.capture_before! - before).toBeGreaterThanOrEqual(7 * 86400);
    expect(card.capture_before! - before).toBeLessThanOrEqual(7 * 86400 + 5);
    expect(schemaErrors(plain(charge), 'charge')).toEqual([]);

    const raised = await h.stripe.paymentIntents.incrementAuthorization(pi.id, {
      amount: 3500,
      metadata: { step: '1' },
      description: 'raised',
    });
    expect(raised).toMatchObject({
      status: 'requires_capture',
      amount: 3500,
      amount_capturable: 3500,
      amount_received: 0,
      description: 'raised',
      metadata: { step: '1' },
    });
    expect(schemaErrors(plain(raised), 'payment_intent')).toEqual([]);
    const after = await chargeOf(pi);
    expect(after.amount).toBe(3500);
    expect(after.payment_method_details?.card?.amount_authorized).toBe(3500);
    await settleDeliveries(h);
    expect(intentEvents(h, pi.id).slice(-2)).toEqual([
      'payment_intent.amount_capturable_updated',
      'charge.updated',
    ]);
    const updated = h.hooks.events.filter(
      (e) => e.type === 'charge.updated' && e.data.object.id === after.id,
    );
    expect(updated.at(-1)?.data.previous_attributes).toMatchObject({ amount: 2000 });
  });

  it('refuses a new total at or below the current one', async () => {
    const pi = await hold(2000);
    for (const amount of [2000, 1500]) {
      const err = await stripeError(() =>
        h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount }),
      );
      expect(err.statusCode).toBe(400);
      expect(err.type).toBe('StripeInvalidRequestError');
      expect(err.param).toBe('amount');
    }
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).amount).toBe(2000);
  });

  it('allows 10 attempts and refuses the 11th', async () => {
    const pi = await hold(1000);
    for (let i = 1; i <= 10; i++) {
      await h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount: 1000 + i * 100 });
    }
    const err = await stripeError(() =>
      h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount: 5000 }),
    );
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('payment_intent_unexpected_state');
    const now = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(now).toMatchObject({ amount: 2000, amount_capturable: 2000 });
  });

  it('is unavailable without the request, with `never`, on a brand without it, and off requires_capture', async () => {
    const cases = [
      await hold(1000, 'pm_card_visa', 'omit'),
      await hold(1000, 'pm_card_visa', 'never'),
      await hold(1000, 'pm_card_jcb'),
    ];
    for (const pi of cases) {
      const card = (await chargeOf(pi)).payment_method_details!.card!;
      expect(card.incremental_authorization).toEqual({ status: 'unavailable' });
      const err = await stripeError(() =>
        h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount: 2000 }),
      );
      expect(err.statusCode).toBe(400);
      expect(err.code).toBe('payment_intent_unexpected_state');
    }
    const automatic = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
      payment_method_options: { card: { request_incremental_authorization: 'if_available' } },
    });
    const card = (await chargeOf(automatic)).payment_method_details!.card!;
    expect(card.capture_before).toBeUndefined();
    const err = await stripeError(() =>
      h.stripe.paymentIntents.incrementAuthorization(automatic.id, { amount: 2000 }),
    );
    expect(err.code).toBe('payment_intent_unexpected_state');
  });

  it('the option can be set on update or confirm too', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      capture_method: 'manual',
    });
    await h.stripe.paymentIntents.update(pi.id, {
      payment_method_options: { card: { request_incremental_authorization: 'never' } },
    });
    const confirmed = await h.stripe.paymentIntents.confirm(pi.id, {
      payment_method: 'pm_card_mastercard',
      payment_method_options: { card: { request_incremental_authorization: 'if_available' } },
    });
    expect(confirmed.payment_method_options?.card?.request_incremental_authorization).toBe(
      'if_available',
    );
    const raised = await h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount: 1200 });
    expect(raised.amount).toBe(1200);
    const bad = await stripeError(() =>
      h.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'eur',
        payment_method_options: {
          card: { request_incremental_authorization: 'sometimes' as 'never' },
        },
      }),
    );
    expect(bad.param).toBe('payment_method_options[card][request_incremental_authorization]');
  });

  it('the declining card authorises but its increments are declined, leaving the hold as it was', async () => {
    const pi = await hold(2000, 'pm_card_incrementDeclined');
    expect(pi.status).toBe('requires_capture');
    const err = await stripeError(() =>
      h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount: 3000 }),
    );
    expect(err.statusCode).toBe(402);
    expect(err.type).toBe('StripeCardError');
    expect(err.code).toBe('card_declined');
    expect(err.decline_code).toBe('generic_decline');
    const now = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(now).toMatchObject({
      status: 'requires_capture',
      amount: 2000,
      amount_capturable: 2000,
      last_payment_error: null,
    });
    expect((await chargeOf(pi)).amount).toBe(2000);
    // The previously authorised amount can still be captured.
    expect((await h.stripe.paymentIntents.capture(pi.id)).amount_received).toBe(2000);
    // The card number works as well as the shortcut.
    const pm = await h.stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4000009900000004', exp_month: 12, exp_year: 2040, cvc: '123' },
    });
    const byNumber = await hold(1000, pm.id);
    const again = await stripeError(() =>
      h.stripe.paymentIntents.incrementAuthorization(byNumber.id, { amount: 1500 }),
    );
    expect(again.code).toBe('card_declined');
  });

  it('a replay with the same Idempotency-Key is one increment', async () => {
    const pi = await hold(1000);
    const key = `inc-${pi.id}`;
    const first = await h.stripe.paymentIntents.incrementAuthorization(
      pi.id,
      { amount: 1500 },
      { idempotencyKey: key },
    );
    const replay = await h.stripe.paymentIntents.incrementAuthorization(
      pi.id,
      { amount: 1500 },
      { idempotencyKey: key },
    );
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(replay.amount).toBe(first.amount);
    await settleDeliveries(h);
    expect(
      intentEvents(h, pi.id).filter((t) => t === 'payment_intent.amount_capturable_updated'),
    ).toHaveLength(2); // the authorisation and one increment
    const conflict = await stripeError(() =>
      h.stripe.paymentIntents.incrementAuthorization(
        pi.id,
        { amount: 1600 },
        { idempotencyKey: key },
      ),
    );
    expect(conflict.type).toBe('StripeIdempotencyError');
  });
});

describe('capture after an increment, partial capture, hold expiry', () => {
  it('captures above the original hold once it was raised', async () => {
    const pi = await hold(2000);
    const tooMuch = await stripeError(() =>
      h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2600 }),
    );
    expect(tooMuch.code).toBe('amount_too_large');
    await h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount: 3000 });
    const captured = await h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2600 });
    expect(captured).toMatchObject({
      status: 'succeeded',
      amount: 3000,
      amount_received: 2600,
      amount_capturable: 0,
    });
    // The rest of the raised hold (400) is released.
    expect(await chargeOf(pi)).toMatchObject({
      amount: 3000,
      amount_captured: 2600,
      amount_refunded: 400,
      captured: true,
      refunded: false,
    });
  });

  it('a partial capture reports the released remainder as refunded', async () => {
    const pi = await hold(5000, 'pm_card_visa', 'omit');
    await h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 3250 });
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string, {
      expand: ['refunds'],
    });
    expect(charge).toMatchObject({
      amount: 5000,
      amount_captured: 3250,
      amount_refunded: 1750,
      captured: true,
      refunded: false,
    });
    expect(charge.refunds?.data.map((r) => [r.amount, r.status])).toEqual([[1750, 'succeeded']]);
    expect(schemaErrors(plain(charge), 'charge')).toEqual([]);
    // What was captured can still be refunded in full — the remainder is not part of it.
    const tooMuch = await stripeError(() =>
      h.stripe.refunds.create({ payment_intent: pi.id, amount: 3251 }),
    );
    expect(tooMuch.code).toBe('amount_too_large');
    await h.stripe.refunds.create({ payment_intent: pi.id, amount: 3250 });
    expect(await h.stripe.charges.retrieve(charge.id)).toMatchObject({
      amount_refunded: 5000,
      refunded: true,
    });
  });

  it('capturing after capture_before fails: the hold lapsed and the intent is canceled', async () => {
    const pi = await hold(4000);
    const captureBefore = (await chargeOf(pi)).payment_method_details!.card!.capture_before!;
    await h.control('/clock/advance', { to: captureBefore });
    const err = await stripeError(() => h.stripe.paymentIntents.capture(pi.id));
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('payment_intent_unexpected_state');
    const lapsed = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(lapsed).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'automatic',
      amount_capturable: 0,
    });
    expect(await chargeOf(pi)).toMatchObject({ captured: false, amount_refunded: 4000 });
    const inc = await stripeError(() =>
      h.stripe.paymentIntents.incrementAuthorization(pi.id, { amount: 5000 }),
    );
    expect(inc.code).toBe('payment_intent_unexpected_state');
    await settleDeliveries(h);
    expect(intentEvents(h, pi.id).slice(-2)).toEqual(['charge.expired', 'payment_intent.canceled']);
  });

  it('an off-session Visa hold lapses after 4 days 18 hours (Visa merchant-initiated)', async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    // Sandbox time: earlier tests moved the clock forward.
    const { now } = await h.control<{ now: number }>('/clock');
    const pi = await hold(1000, pm.id, 'if_available', {
      customer: customer.id,
      off_session: true,
    });
    const card = (await chargeOf(pi)).payment_method_details!.card!;
    expect(card.capture_before! - now).toBeGreaterThanOrEqual((4 * 24 + 18) * 3600);
    expect(card.capture_before! - now).toBeLessThanOrEqual((4 * 24 + 18) * 3600 + 5);
  });
});
