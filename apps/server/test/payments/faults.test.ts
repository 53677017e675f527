import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reconciler } from '../../src/payments/reconciler';
import { paymentsHarness, type PaymentsHarness } from './harness';

describe('provider faults', () => {
  let h: PaymentsHarness;
  const pay = (amount: number) =>
    h.api.post(
      '/test/payments/card',
      { paymentMethodId: 'pm_card_visa', amount },
      h.user.accessToken,
    );
  const payment = async (id: string) =>
    (await h.api.get(`/api/v1/payments/${id}`, h.admin.accessToken)).body;
  const reconcile = (minutesLater: number) =>
    h.app.running.app.get(Reconciler).run(new Date(Date.now() + minutesLater * 60_000));

  beforeAll(async () => {
    h = await paymentsHarness({ STRIPE_MAX_NETWORK_RETRIES: '3' });
    expect((await pay(100)).status).toBe(201); // creates the customer, so later calls are only create+confirm
  });
  afterAll(() => h?.app.close());

  it('survives injected 429s and 500s: the SDK retries with the same idempotency key', async () => {
    await h.control('faults', { type: 'rate_limit', count: 2 });
    await h.control('faults', { type: 'api_error', count: 1 });
    const res = await pay(1200);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('SUCCEEDED');
    // Exactly one intent was created for the payment despite the retries.
    const intents = await h.app.runtime.database.pool.query(
      'SELECT count(DISTINCT provider_intent_id)::int AS n FROM payments WHERE id = $1',
      [res.body.id],
    );
    expect(intents.rows[0].n).toBe(1);
  });

  it('a provider down for longer: a clear 503, then reconciliation converges the payment', async () => {
    // The intent is created, then the confirm and all its retries fail.
    await h.control('faults', { type: 'delay', count: 1, delay_ms: 0 });
    await h.control('faults', { type: 'api_error', count: 4 });
    const res = await pay(3300);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ type: 'api_error', code: 'provider_unavailable' });
    const { rows } = await h.app.runtime.database.pool.query(
      `SELECT id, status, provider_intent_id FROM payments WHERE amount = 3300`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'CREATED',
      provider_intent_id: expect.stringMatching(/^pi_/),
    });

    // Soon after, reconciliation finds the intent never confirmed and leaves it be…
    await reconcile(2);
    expect((await payment(rows[0].id)).status).toBe('CREATED');
    // …and once it is clearly abandoned, cancels the intent at the provider and fails the payment.
    const report = await reconcile(11);
    expect(report.abandoned).toBeGreaterThanOrEqual(1);
    expect(await payment(rows[0].id)).toMatchObject({
      status: 'FAILED',
      failureCode: 'provider_unavailable',
    });
  });

  it('a payment whose provider never answered at all is failed by reconciliation', async () => {
    await h.control('faults', { type: 'api_error', count: 4 });
    const res = await pay(4400);
    expect(res.status).toBe(503);
    const { rows } = await h.app.runtime.database.pool.query(
      `SELECT id, provider_intent_id FROM payments WHERE amount = 4400`,
    );
    expect(rows[0].provider_intent_id).toBeNull();
    await reconcile(11);
    expect((await payment(rows[0].id)).status).toBe('FAILED');
  });

  it('a link payment whose checkout session was never created is failed by reconciliation', async () => {
    await h.control('faults', { type: 'api_error', count: 4 });
    const res = await h.api.post('/test/payments/link', { amount: 5500 }, h.user.accessToken);
    expect(res.status).toBe(503);
    const { rows } = await h.app.runtime.database.pool.query(
      `SELECT id, status, provider_session_id FROM payments WHERE amount = 5500`,
    );
    expect(rows).toEqual([
      { id: expect.any(String), status: 'CREATED', provider_session_id: null },
    ]);
    // Not yet: the request that made it may still be running.
    await reconcile(2);
    expect((await payment(rows[0].id)).status).toBe('CREATED');
    await reconcile(11);
    expect(await payment(rows[0].id)).toMatchObject({
      status: 'FAILED',
      failureCode: 'provider_unavailable',
    });
    // A link payment whose session exists is left to the session (expiry, payment), not failed.
    const live = await h.api.post('/test/payments/link', { amount: 5600 }, h.user.accessToken);
    expect(live.status).toBe(201);
    await reconcile(11);
    expect((await payment(live.body.id)).status).toBe('CREATED');
  });
});
