import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threeDSecure } from '../../../stripe-sandbox/test/browser';
import { register } from '../helpers';
import { paymentsHarness, told, type PaymentsHarness } from './harness';

describe('saved cards', () => {
  let h: PaymentsHarness;
  beforeAll(async () => {
    h = await paymentsHarness();
  });
  afterAll(() => h?.app.close());

  it('saves a card on a lazily created customer, lists it, and charges it off-session', async () => {
    const me = await register(h.api);
    expect((await h.api.get('/api/v1/payments/methods', me.accessToken)).body).toEqual({
      data: [],
    });
    const saved = await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_visa' },
      me.accessToken,
    );
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      status: 'SUCCEEDED',
      setupIntentId: expect.stringMatching(/^seti_/),
    });
    const cards = (await h.api.get('/api/v1/payments/methods', me.accessToken)).body.data;
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      brand: 'visa',
      last4: '4242',
      id: expect.stringMatching(/^pm_/),
    });

    // One provider customer per user, however many cards.
    await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_mastercard' },
      me.accessToken,
    );
    const customers = await h.app.runtime.database.pool.query(
      'SELECT count(*)::int AS n FROM provider_customers WHERE user_id = $1',
      [me.user.id],
    );
    expect(customers.rows[0].n).toBe(1);

    told.length = 0;
    const paid = await h.api.post(
      '/test/payments/card',
      { paymentMethodId: cards[0].id, amount: 1800, offSession: true },
      me.accessToken,
    );
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'SUCCEEDED', amountCaptured: 1800 });
    expect(told.map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('a card that needs authentication on setup: authenticated once, then charged off-session', async () => {
    const me = await register(h.api);
    const saved = await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_authenticationRequiredOnSetup' },
      me.accessToken,
    );
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      status: 'REQUIRES_ACTION',
      nextActionUrl: expect.stringMatching(/^http/),
    });
    await threeDSecure(saved.body.nextActionUrl, 'approve');
    const cards = (await h.api.get('/api/v1/payments/methods', me.accessToken)).body.data;
    expect(cards).toHaveLength(1);
    const paid = await h.api.post(
      '/test/payments/card',
      { paymentMethodId: cards[0].id, amount: 900, offSession: true },
      me.accessToken,
    );
    expect(paid.body.status).toBe('SUCCEEDED');
  });

  it('a saved card that attaches but fails every charge ends in a 402', async () => {
    const me = await register(h.api);
    await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_chargeCustomerFail' },
      me.accessToken,
    );
    const [card] = (await h.api.get('/api/v1/payments/methods', me.accessToken)).body.data;
    const res = await h.api.post(
      '/test/payments/card',
      { paymentMethodId: card.id, amount: 500, offSession: true },
      me.accessToken,
    );
    expect(res.status).toBe(402);
    expect(res.body.error.type).toBe('card_error');
  });

  it("removes only the caller's own cards", async () => {
    const alice = await register(h.api);
    const bob = await register(h.api);
    await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_visa' },
      alice.accessToken,
    );
    const [card] = (await h.api.get('/api/v1/payments/methods', alice.accessToken)).body.data;
    expect((await h.api.del(`/api/v1/payments/methods/${card.id}`, bob.accessToken)).status).toBe(
      404,
    );
    expect(
      (await h.api.del(`/api/v1/payments/methods/pm_nonexistent`, alice.accessToken)).status,
    ).toBe(404);
    expect((await h.api.del(`/api/v1/payments/methods/${card.id}`, alice.accessToken)).status).toBe(
      204,
    );
    expect((await h.api.get('/api/v1/payments/methods', alice.accessToken)).body.data).toEqual([]);
  });

  it('refuses what is not a card token', async () => {
    const res = await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: '4242424242424242' },
      h.user.accessToken,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('paymentMethodId');
  });

  it('exposes payment and webhook metrics', async () => {
    const text = await (await fetch(`${h.app.url}/metrics`)).text();
    expect(text).toMatch(
      /tender_payment_transitions_total\{method="CARD",status="SUCCEEDED"\} [1-9]/,
    );
    expect(text).toMatch(/tender_payment_transitions_total\{method="CARD",status="FAILED"\} [1-9]/);
    expect(text).toMatch(
      /tender_provider_call_duration_seconds_count\{operation="intents.confirm",outcome="ok"\} [1-9]/,
    );
    expect(text).toContain('tender_webhooks_total');
  });
});
