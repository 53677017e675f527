// Error details as Stripe gives them, through the official SDK: the class the SDK picks
// (`StripeCardError` vs `StripeInvalidRequestError`) follows the error's type and status, so a
// wrong one misleads `instanceof` checks in the integration under test.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, stripeError, type Harness } from './helpers';

describe('error details', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h?.close());

  it('error_on_requires_action: a card asking for 3-D Secure is a 402 card_error, the intent back to requires_payment_method', async () => {
    const err = await stripeError(() =>
      h.stripe.paymentIntents.create({
        amount: 2000,
        currency: 'eur',
        payment_method: 'pm_card_threeDSecure2Required',
        confirm: true,
        error_on_requires_action: true,
      }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'authentication_required',
      decline_code: 'authentication_required',
    });
    const pi = err.payment_intent!;
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error?.code).toBe('authentication_required');
    // Without the flag the same card asks for 3-D Secure, as before.
    const asked = await h.stripe.paymentIntents.create({
      amount: 2000,
      currency: 'eur',
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
      return_url: 'http://localhost/back',
    });
    expect(asked.status).toBe('requires_action');
  });

  it('an unknown id passed as a parameter is 400 resource_missing naming it; the URL object is 404', async () => {
    const asParam = await stripeError(() =>
      h.stripe.paymentIntents.create({ amount: 500, currency: 'eur', customer: 'cus_missing' }),
    );
    expect(asParam).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(asParam).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'customer',
      message: "No such customer: 'cus_missing'",
    });
    const refund = await stripeError(() => h.stripe.refunds.create({ charge: 'ch_missing' }));
    expect(refund).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'charge' });
    const inUrl = await stripeError(() => h.stripe.customers.retrieve('cus_missing'));
    expect(inUrl).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });

  it('every error carries a request_log_url that shows the failed request', async () => {
    const err = await stripeError(() => h.stripe.customers.retrieve('cus_nobody'));
    const url = (err.raw as { request_log_url?: string }).request_log_url;
    expect(url).toBe(`${h.sandbox.url}/_sandbox/logs/${err.requestId}`);
    const log = (await (await fetch(url!)).json()) as Record<string, unknown>;
    expect(log).toMatchObject({
      id: err.requestId,
      method: 'GET',
      path: '/v1/customers/cus_nobody',
      status: 404,
      error: { code: 'resource_missing' },
    });
    expect((await fetch(`${h.sandbox.url}/_sandbox/logs/req_unknown`)).status).toBe(404);
  });
});
