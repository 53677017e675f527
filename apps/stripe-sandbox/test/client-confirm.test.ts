import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, intentEvents, sdk, settleDeliveries, stripeError, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

/**
 * Confirmation by the payer's browser, as Stripe.js does it: the publishable key and the intent's
 * client secret, nothing else. The server made the intent (amount, capture) with its secret key.
 */
describe('client-side confirmation with a publishable key and the client secret', () => {
  const browser = () => sdk(h.sandbox, 'pk_test_browser');

  async function serverIntent(amount = 3_100) {
    return h.stripe.paymentIntents.create({
      amount,
      currency: 'eur',
      metadata: { booking: 'bkg_1' },
    });
  }

  it('confirms with the secret: the intent succeeds and its events go out', async () => {
    const pi = await serverIntent();
    expect(pi.status).toBe('requires_payment_method');
    const read = await browser().paymentIntents.retrieve(pi.id, {
      client_secret: pi.client_secret!,
    });
    expect(read.amount).toBe(3_100);
    const done = await browser().paymentIntents.confirm(pi.id, {
      client_secret: pi.client_secret!,
      payment_method: 'pm_card_visa',
    } as never);
    expect(done).toMatchObject({ status: 'succeeded', amount_received: 3_100 });
    await settleDeliveries(h);
    expect(intentEvents(h, pi.id)).toContain('payment_intent.succeeded');
  });

  it('a wrong or missing secret is a 404 that reveals nothing, and changes nothing', async () => {
    const pi = await serverIntent();
    for (const secret of [undefined, `${pi.id}_secret_wrong`]) {
      const err = await stripeError(() =>
        browser().paymentIntents.confirm(pi.id, {
          ...(secret ? { client_secret: secret } : {}),
          payment_method: 'pm_card_visa',
        }),
      );
      expect(err.statusCode).toBe(404);
      expect(err.code).toBe('resource_missing');
    }
    const err = await stripeError(() => browser().paymentIntents.retrieve(pi.id));
    expect(err.statusCode).toBe(404);
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method');
  });

  it('the browser cannot change what the server decided (amount, capture)', async () => {
    const pi = await serverIntent();
    const err = await stripeError(() =>
      browser().paymentIntents.confirm(pi.id, {
        client_secret: pi.client_secret!,
        payment_method: 'pm_card_visa',
        capture_method: 'manual',
      } as never),
    );
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('parameter_unknown');
    // Every other route still wants a secret key.
    const create = await stripeError(() =>
      browser().paymentIntents.create({ amount: 100, currency: 'eur' }),
    );
    expect(create.statusCode).toBe(401);
  });

  it('a declined card at the browser leaves the decline on the intent', async () => {
    const pi = await serverIntent();
    const err = await stripeError(() =>
      browser().paymentIntents.confirm(pi.id, {
        client_secret: pi.client_secret!,
        payment_method: 'pm_card_chargeDeclined',
      } as never),
    );
    expect(err.code).toBe('card_declined');
    const after = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.decline_code).toBe('generic_decline');
  });
});
