import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threeDSecure } from './browser';
import { harness, intentEvents, settleDeliveries, stripeError, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

const eventsFor = (piId: string) => intentEvents(h, piId);
const settle = () => settleDeliveries(h);

describe('card payments', () => {
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
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect(pi.metadata).toEqual({ order: 'ord_1' });
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({
      paid: true,
      captured: true,
      amount_captured: 2000,
      status: 'succeeded',
    });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
    await settle();
    expect(eventsFor(pi.id)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
  });

  it('creates, updates and confirms in separate steps with a card number', async () => {
    const pm = await h.stripe.paymentMethods.create({
      type: 'card',
      card: { number: '5555555555554444', exp_month: 12, exp_year: 2040, cvc: '123' },
    });
    expect(pm.card).toMatchObject({ brand: 'mastercard', last4: '4444', exp_year: 2040 });
    const pi = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'gbp' });
    expect(pi.status).toBe('requires_payment_method');
    const updated = await h.stripe.paymentIntents.update(pi.id, {
      amount: 1200,
      payment_method: pm.id,
    });
    expect(updated).toMatchObject({ amount: 1200, status: 'requires_confirmation' });
    const confirmed = await h.stripe.paymentIntents.confirm(pi.id);
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 1200 });
    const list = await h.stripe.paymentIntents.list({ limit: 100 });
    expect(list.data.some((x) => x.id === pi.id)).toBe(true);
  });

  it('accepts payment_method_data inline', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 1100,
      currency: 'eur',
      confirm: true,
      payment_method_data: {
        type: 'card',
        card: { token: 'tok_visa' },
      } as Stripe.PaymentIntentCreateParams.PaymentMethodData,
    });
    expect(pi.status).toBe('succeeded');
    expect(pi.payment_method).toMatch(/^pm_/);
  });

  it('rejects an invalid card number when the payment method is created', async () => {
    const err = await stripeError(() =>
      h.stripe.paymentMethods.create({
        type: 'card',
        card: { number: '4242424242424241', exp_month: 1, exp_year: 2040 },
      }),
    );
    expect(err.type).toBe('StripeCardError');
    expect(err.code).toBe('incorrect_number');
  });

  const declines: Array<[string, string, string, string]> = [
    ['4000000000000002', 'pm_card_chargeDeclined', 'card_declined', 'generic_decline'],
    [
      '4000000000009995',
      'pm_card_chargeDeclinedInsufficientFunds',
      'card_declined',
      'insufficient_funds',
    ],
    ['4000000000009987', 'pm_card_chargeDeclinedLostCard', 'card_declined', 'lost_card'],
    ['4000000000000069', 'pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
    ['4000000000000127', 'pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc'],
    [
      '4000000000000119',
      'pm_card_chargeDeclinedProcessingError',
      'processing_error',
      'processing_error',
    ],
  ];

  it.each(declines)(
    'card %s (%s) declines with %s / %s',
    async (number, token, code, declineCode) => {
      const pm = await h.stripe.paymentMethods.create({
        type: 'card',
        card: { number, exp_month: 12, exp_year: 2040, cvc: '123' },
      });
      for (const method of [pm.id, token]) {
        const err = await stripeError(() =>
          h.stripe.paymentIntents.create({
            amount: 1000,
            currency: 'usd',
            payment_method: method,
            confirm: true,
          }),
        );
        expect(err.type).toBe('StripeCardError');
        expect(err.statusCode).toBe(402);
        expect(err.code).toBe(code);
        expect(err.decline_code).toBe(declineCode);
        const pi = await h.stripe.paymentIntents.retrieve(err.payment_intent!.id);
        expect(pi.status).toBe('requires_payment_method');
        expect(pi.last_payment_error).toMatchObject({
          code,
          decline_code: declineCode,
          type: 'card_error',
        });
        const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
        expect(charge).toMatchObject({ status: 'failed', paid: false, failure_code: code });
        await settle();
        expect(eventsFor(pi.id)).toEqual([
          'payment_intent.created',
          'charge.failed',
          'payment_intent.payment_failed',
        ]);
      }
    },
  );

  it('4000000000000341 attaches to a customer, then every charge fails', async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', {
      customer: customer.id,
    });
    expect(pm.customer).toBe(customer.id);
    const err = await stripeError(() =>
      h.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: pm.id,
        confirm: true,
        off_session: true,
      }),
    );
    expect(err.code).toBe('card_declined');
  });

  it('4000000000000259 succeeds and is then disputed', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 3000,
      currency: 'usd',
      payment_method: 'pm_card_createDispute',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    const [event] = await h.hooks.waitForType('charge.dispute.created');
    const dispute = event!.data.object as Stripe.Dispute;
    expect(dispute).toMatchObject({
      object: 'dispute',
      charge: pi.latest_charge,
      amount: 3000,
      status: 'needs_response',
    });
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge.disputed).toBe(true);
  });
});

describe('3-D Secure', () => {
  it('4000002760003184 requires action; approving on the sandbox page completes the payment', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: 'eur',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'https://shop.example/return',
    });
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action?.type).toBe('redirect_to_url');
    const url = pi.next_action!.redirect_to_url!.url!;
    expect(url.startsWith(`${h.sandbox.url}/`)).toBe(true);
    const done = await threeDSecure(url, 'approve');
    expect(done.status).toBe(303);
    const back = new URL(done.location!);
    expect(back.origin + back.pathname).toBe('https://shop.example/return');
    expect(back.searchParams.get('payment_intent')).toBe(pi.id);
    expect(back.searchParams.get('redirect_status')).toBe('succeeded');
    const after = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('succeeded');
    await settle();
    expect(eventsFor(pi.id)).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
  });

  it('without a return_url the challenge is use_stripe_sdk, with one redirect_to_url', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: 'eur',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
    });
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action?.type).toBe('use_stripe_sdk');
    expect(pi.next_action?.redirect_to_url).toBeUndefined();
    const sdkAction = pi.next_action!.use_stripe_sdk as { type: string; stripe_js: string };
    expect(sdkAction.type).toBe('three_d_secure_redirect');
    // The sandbox's challenge page stands in for Stripe.js's: approving completes the payment.
    const done = await threeDSecure(sdkAction.stripe_js, 'approve');
    expect(done.status).toBe(200);
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');

    // Confirming again with a return_url (a fresh intent, separately) redirects instead.
    const later = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: 'eur',
      payment_method: 'pm_card_authenticationRequired',
    });
    const confirmed = await h.stripe.paymentIntents.confirm(later.id, {
      return_url: 'https://shop.example/return',
    });
    expect(confirmed.next_action).toMatchObject({
      type: 'redirect_to_url',
      redirect_to_url: { return_url: 'https://shop.example/return' },
    });
    const si = await h.stripe.setupIntents.create({
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
    });
    expect(si.next_action?.type).toBe('use_stripe_sdk');
  });

  it('failing the challenge returns the intent to requires_payment_method', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: 'eur',
      payment_method: 'pm_card_authenticationRequiredOnSetup',
      confirm: true,
      return_url: 'https://shop.example/return',
    });
    expect(pi.status).toBe('requires_action');
    const done = await threeDSecure(pi.next_action!.redirect_to_url!.url!, 'fail');
    expect(new URL(done.location!).searchParams.get('redirect_status')).toBe('failed');
    const after = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.code).toBe('payment_intent_authentication_failure');
    const failed = await h.hooks.waitForObject('payment_intent.payment_failed', pi.id);
    expect(failed).toBeDefined();
  });

  it('4000002500003155 charges off-session without authentication once set up', async () => {
    const customer = await h.stripe.customers.create({});
    const si = await h.stripe.setupIntents.create({
      customer: customer.id,
      payment_method: 'pm_card_authenticationRequiredOnSetup',
      confirm: true,
      return_url: 'https://shop.example/setup',
    });
    expect(si.status).toBe('requires_action');
    await threeDSecure(si.next_action!.redirect_to_url!.url!, 'approve');
    const done = await h.stripe.setupIntents.retrieve(si.id);
    expect(done.status).toBe('succeeded');
    const pm = done.payment_method as string;
    const off = await h.stripe.paymentIntents.create({
      amount: 999,
      currency: 'eur',
      customer: customer.id,
      payment_method: pm,
      confirm: true,
      off_session: true,
    });
    expect(off.status).toBe('succeeded');
    // On-session it still asks for authentication, as the card's documentation says.
    const on = await h.stripe.paymentIntents.create({
      amount: 999,
      currency: 'eur',
      customer: customer.id,
      payment_method: pm,
      confirm: true,
    });
    expect(on.status).toBe('requires_action');
  });

  it('4000002760003184 off-session fails with authentication_required', async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach('pm_card_authenticationRequired', {
      customer: customer.id,
    });
    const err = await stripeError(() =>
      h.stripe.paymentIntents.create({
        amount: 500,
        currency: 'eur',
        customer: customer.id,
        payment_method: pm.id,
        confirm: true,
        off_session: true,
      }),
    );
    expect(err.code).toBe('authentication_required');
    expect(err.payment_intent?.status).toBe('requires_payment_method');
  });
});

describe('manual capture', () => {
  it('captures part of an authorisation and releases the rest', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 5000,
      currency: 'eur',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(pi).toMatchObject({
      status: 'requires_capture',
      amount_capturable: 5000,
      amount_received: 0,
    });
    const tooMuch = await stripeError(() =>
      h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 5001 }),
    );
    expect(tooMuch.statusCode).toBe(400);
    const captured = await h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 3250 });
    expect(captured).toMatchObject({
      status: 'succeeded',
      amount_received: 3250,
      amount_capturable: 0,
    });
    const charge = await h.stripe.charges.retrieve(captured.latest_charge as string);
    expect(charge).toMatchObject({ captured: true, amount_captured: 3250, amount: 5000 });
    await settle();
    expect(eventsFor(pi.id)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.amount_capturable_updated',
      'charge.captured',
      'payment_intent.succeeded',
    ]);
    const again = await stripeError(() => h.stripe.paymentIntents.capture(pi.id));
    expect(again.code).toBe('payment_intent_unexpected_state');
  });

  it('an uncaptured hold expires after 7 days of sandbox time', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 8000,
      currency: 'eur',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await h.advance(6 * 24 * 3600);
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_capture');
    await h.advance(24 * 3600 + 1);
    const expired = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(expired).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'automatic',
      amount_capturable: 0,
    });
    await settle();
    expect(eventsFor(pi.id).slice(-2)).toEqual(['charge.expired', 'payment_intent.canceled']);
  });

  it('cancel releases an authorisation; a succeeded intent cannot be canceled', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const canceled = await h.stripe.paymentIntents.cancel(pi.id, {
      cancellation_reason: 'requested_by_customer',
    });
    expect(canceled).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'requested_by_customer',
    });
    const done = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const err = await stripeError(() => h.stripe.paymentIntents.cancel(done.id));
    expect(err.code).toBe('payment_intent_unexpected_state');
  });
});
