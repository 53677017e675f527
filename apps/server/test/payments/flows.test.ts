import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { load, submit, threeDSecure } from '../../../stripe-sandbox/test/browser';
import { eventually, paymentsHarness, told, type PaymentsHarness } from './harness';

/** Full flows through the core and the provider adapter against the Stripe sandbox, over HTTP. */
describe('payments core: full flows against the sandbox', () => {
  let h: PaymentsHarness;
  const pay = (body: Record<string, unknown>) =>
    h.api.post('/test/payments/card', body, h.user.accessToken);
  const getPayment = async (id: string) =>
    (await h.api.get(`/api/v1/payments/${id}`, h.user.accessToken)).body;
  const transitions = async (id: string) =>
    (
      await h.app.runtime.database.pool.query(
        'SELECT from_status, to_status, cause FROM payment_transitions WHERE payment_id = $1 ORDER BY id',
        [id],
      )
    ).rows;

  beforeAll(async () => {
    h = await paymentsHarness();
  });
  afterAll(() => h?.app.close());
  beforeEach(() => {
    told.length = 0;
  });

  it('charges a card: succeeded, the payable is told once, webhooks converge to the same state', async () => {
    const res = await pay({ paymentMethodId: 'pm_card_visa', amount: 2500 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'SUCCEEDED',
      amount: 2500,
      amountCaptured: 2500,
      method: 'CARD',
    });
    expect(res.body.id).toMatch(/^pay_/);
    expect(res.body.providerIntentId).toMatch(/^pi_/);
    expect(told.map((e) => e.type)).toEqual(['payment.succeeded']);
    // The provider's webhooks for this payment arrive and are applied, changing nothing.
    await eventually(async () => {
      const { rows } = await h.app.runtime.database.pool.query(
        `SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NOT NULL AND payload->'object'->>'id' = $1`,
        [res.body.providerIntentId],
      );
      expect(rows[0].n).toBeGreaterThan(0);
    });
    expect((await getPayment(res.body.id)).status).toBe('SUCCEEDED');
    expect(await transitions(res.body.id)).toEqual([
      { from_status: 'CREATED', to_status: 'SUCCEEDED', cause: 'api' },
    ]);
    expect(told.filter((e) => e.type === 'payment.succeeded')).toHaveLength(1);
  });

  it.each([
    ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
    ['pm_card_chargeDeclined', 'generic_decline'],
    ['pm_card_chargeDeclinedLostCard', 'lost_card'],
  ])(
    'turns a decline (%s) into a 402 with its decline code, and records the failed payment',
    async (pm, decline) => {
      const res = await pay({ paymentMethodId: pm, amount: 1000 });
      expect(res.status).toBe(402);
      expect(res.body.error).toMatchObject({
        type: 'card_error',
        code: 'card_declined',
        decline_code: decline,
      });
      const { rows } = await h.app.runtime.database.pool.query(
        `SELECT status, decline_code FROM payments WHERE user_id = $1 ORDER BY id DESC LIMIT 1`,
        [h.user.user.id],
      );
      expect(rows[0]).toEqual({ status: 'FAILED', decline_code: decline });
      expect(told.map((e) => e.type)).toEqual(['payment.failed']);
    },
  );

  it('3-D Secure approved: requires_action, then the browser return reads the provider and succeeds', async () => {
    const res = await pay({ paymentMethodId: 'pm_card_authenticationRequired', amount: 4200 });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('REQUIRES_ACTION');
    expect(res.body.nextActionUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const done = await threeDSecure(res.body.nextActionUrl, 'approve');
    // The sandbox sends the browser back to our return URL.
    expect(done.location).toContain(`/api/v1/payments/${res.body.id}/return`);
    // The return link carries its token (the provider adds its own parameters to it).
    const returned = new URL(done.location!);
    const back = await h.api.get(returned.pathname + returned.search);
    expect(back.body).toEqual({ id: res.body.id, status: 'SUCCEEDED' });
    expect(told.map((e) => e.type)).toEqual(['payment.requires_action', 'payment.succeeded']);
  });

  it('3-D Secure failed: the payment ends failed', async () => {
    const res = await pay({ paymentMethodId: 'pm_card_authenticationRequired', amount: 4200 });
    const done = await threeDSecure(res.body.nextActionUrl, 'fail');
    const returned = new URL(done.location!);
    await h.api.get(returned.pathname + returned.search);
    await eventually(async () => expect((await getPayment(res.body.id)).status).toBe('FAILED'));
    expect((await getPayment(res.body.id)).failureCode).toBeTruthy();
  });

  it('manual capture: a hold, part captured, the rest released', async () => {
    const res = await pay({
      paymentMethodId: 'pm_card_visa',
      amount: 5000,
      captureMethod: 'MANUAL',
    });
    expect(res.body).toMatchObject({
      status: 'AUTHORIZED',
      amountCapturable: 5000,
      amountCaptured: 0,
    });
    const captured = await h.api.post(
      `/test/payments/${res.body.id}/capture`,
      { amount: 3200 },
      h.user.accessToken,
    );
    expect(captured.body).toMatchObject({
      status: 'SUCCEEDED',
      amountCaptured: 3200,
      amountCapturable: 0,
    });
    expect(told.map((e) => e.type)).toEqual(['payment.authorized', 'payment.succeeded']);
  });

  it('a hold can be released entirely', async () => {
    const res = await pay({
      paymentMethodId: 'pm_card_visa',
      amount: 5000,
      captureMethod: 'MANUAL',
    });
    const released = await h.api.post(
      `/test/payments/${res.body.id}/cancel`,
      {},
      h.user.accessToken,
    );
    expect(released.body).toMatchObject({
      status: 'CANCELLED',
      amountCaptured: 0,
      amountCapturable: 0,
    });
  });

  it('refunds part, then the rest; never more than captured', async () => {
    const p = (await pay({ paymentMethodId: 'pm_card_visa', amount: 3000 })).body;
    const refund = (body: Record<string, unknown>) =>
      h.api.post(`/api/v1/admin/payments/${p.id}/refund`, body, h.admin.accessToken);
    const first = await refund({ amount: 1000, reason: 'damaged' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: 1000, status: 'SUCCEEDED' });
    expect((await getPayment(p.id)).status).toBe('PARTIALLY_REFUNDED');
    const tooMuch = await refund({ amount: 2001 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.code).toBe('refund_exceeds_captured');
    const rest = await refund({});
    expect(rest.body.amount).toBe(2000);
    expect(await getPayment(p.id)).toMatchObject({ status: 'REFUNDED', amountRefunded: 3000 });
    expect((await refund({ amount: 1 })).status).toBe(409);
    expect(
      (await h.api.post(`/api/v1/admin/payments/${p.id}/refund`, {}, h.user.accessToken)).status,
    ).toBe(403);
  });

  it('concurrent refunds never exceed the captured amount', async () => {
    const p = (await pay({ paymentMethodId: 'pm_card_visa', amount: 1000 })).body;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.api.post(`/api/v1/admin/payments/${p.id}/refund`, { amount: 300 }, h.admin.accessToken),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(3);
    expect(results.every((r) => r.status === 201 || r.status === 400 || r.status === 409)).toBe(
      true,
    );
    expect((await getPayment(p.id)).amountRefunded).toBe(900);
  });

  it('checkout link paid on the hosted page: the webhook completes the payment', async () => {
    const link = await h.api.post('/test/payments/link', { amount: 1999 }, h.user.accessToken);
    expect(link.body).toMatchObject({ status: 'CREATED', method: 'CARD_LINK' });
    expect(link.body.providerSessionId).toMatch(/^cs_/);
    const page = await load(link.body.nextActionUrl);
    expect(page.status).toBe(200);
    const paid = await submit(
      link.body.nextActionUrl,
      page.html,
      { id: 'card-form' },
      { card_number: '4242424242424242', email: 'a@b.co', name: 'A B' },
    );
    expect([200, 302, 303]).toContain(paid.status);
    await eventually(async () => expect((await getPayment(link.body.id)).status).toBe('SUCCEEDED'));
    expect((await getPayment(link.body.id)).amountCaptured).toBe(1999);
  });

  it('checkout link expired: the payment ends expired', async () => {
    const link = await h.api.post('/test/payments/link', { amount: 500 }, h.user.accessToken);
    await h.control('clock/advance', { seconds: 25 * 3600 });
    await eventually(async () => expect((await getPayment(link.body.id)).status).toBe('EXPIRED'));
    expect(told.map((e) => e.type)).toContain('payment.expired');
  });

  it("hides other users' payments and lists all for admins", async () => {
    const p = (await pay({ paymentMethodId: 'pm_card_visa', amount: 700, payableId: 'listed' }))
      .body;
    const stranger = (
      await h.api.post('/api/v1/auth/register', {
        email: `s${Date.now()}@x.io`,
        password: 'correct-horse-battery',
      })
    ).body;
    expect((await h.api.get(`/api/v1/payments/${p.id}`, stranger.accessToken)).status).toBe(404);
    expect((await h.api.get('/api/v1/payments', h.user.accessToken)).status).toBe(403);
    const list = await h.api.get(
      '/api/v1/payments?payableId=listed&status=SUCCEEDED',
      h.admin.accessToken,
    );
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });
});
