import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { threeDSecure } from '../../../stripe-sandbox/test/browser';
import { PaymentProvider } from '../../src/payments/provider/payment-provider';
import { Reconciler } from '../../src/payments/reconciler';
import { ReturnLinks } from '../../src/payments/return-links';
import { register } from '../helpers';
import { paymentsHarness, type PaymentsHarness } from './harness';

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/**
 * The public return pages and what a client may send the payments core: return links prove
 * themselves with a token and read the provider sparingly; redirect targets are allow-listed;
 * declines and refusals name their payment and end it with the provider's reason; a card setup
 * that needs 3-D Secure comes back to Tender.
 */
describe('payments: public returns, redirects, declines and refusals', () => {
  let h: PaymentsHarness;
  let links: ReturnLinks;
  let provider: PaymentProvider;
  const APP_ORIGIN = 'https://app.example';
  const pay = (body: Record<string, unknown>) =>
    h.api.post('/test/payments/card', body, h.user.accessToken);
  const deposit = (token: string, body: Record<string, unknown>) =>
    h.api.post('/api/v1/wallet/deposit', body, token);
  const row = async (id: string) =>
    (
      await h.app.runtime.database.pool.query(
        'SELECT status, failure_code, failure_message, decline_code FROM payments WHERE id = $1',
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    h = await paymentsHarness({ CORS_ORIGINS: APP_ORIGIN, RETURN_RATE_LIMIT_PER_MINUTE: '100' });
    links = h.app.running.app.get(ReturnLinks);
    provider = h.app.running.app.get(PaymentProvider);
  });
  afterAll(() => h?.app.close());

  it('the 3-D Secure return opens only with its token: anything else is the 404 of an unknown payment', async () => {
    const res = await pay({ paymentMethodId: 'pm_card_authenticationRequired', amount: 4200 });
    expect(res.body.status).toBe('REQUIRES_ACTION');
    const other = await pay({ paymentMethodId: 'pm_card_authenticationRequired', amount: 4300 });
    const id = res.body.id as string;
    const unknown = await h.api.get(`/api/v1/payments/pay_unknown/return?token=x`);
    expect(unknown.status).toBe(404);
    for (const path of [
      `/api/v1/payments/${id}/return`,
      `/api/v1/payments/${id}/return?token=`,
      `/api/v1/payments/${id}/return?token=${'A'.repeat(43)}`,
      // A valid token of another payment, and this payment's token for another purpose.
      `/api/v1/payments/${id}/return?token=${links.token('payment', other.body.id)}`,
      `/api/v1/payments/${id}/return?token=${links.token('order', id)}`,
    ]) {
      const bad = await h.api.get(path);
      expect({ path, status: bad.status, type: bad.body.error?.type }).toEqual({
        path,
        status: 404,
        type: 'invalid_request_error',
      });
      expect(bad.body.error.code).toBe(unknown.body.error.code);
      expect(JSON.stringify(bad.body)).not.toMatch(/requires_action/i);
    }
    // The link the provider was given (the sandbox adds its own parameters) opens it.
    const done = await threeDSecure(res.body.nextActionUrl, 'approve');
    expect(pathOf(done.location!)).toContain(`/api/v1/payments/${id}/return?token=`);
    const back = await h.api.get(pathOf(done.location!));
    expect(back.body).toEqual({ id, status: 'SUCCEEDED' });
  });

  it('reads the provider at most once per payment per few seconds, however often the page is hit', async () => {
    const res = await pay({ paymentMethodId: 'pm_card_authenticationRequired', amount: 4400 });
    const url = pathOf(links.paymentReturn(res.body.id));
    const intents = vi.spyOn(provider, 'retrieveIntent');
    const sessions = vi.spyOn(provider, 'retrieveCheckout');
    try {
      const burst = await Promise.all(Array.from({ length: 10 }, () => h.api.get(url)));
      for (let i = 0; i < 5; i++) burst.push(await h.api.get(url));
      expect(burst.map((r) => r.status)).toEqual(Array(15).fill(200));
      expect(burst.every((r) => r.body.status === 'REQUIRES_ACTION')).toBe(true);
      expect(intents.mock.calls.length).toBe(1);
      expect(sessions.mock.calls.length).toBe(0);
    } finally {
      intents.mockRestore();
      sessions.mockRestore();
    }
  });

  it('a decline answers 402 with the payment id, which its owner can look up', async () => {
    const me = await register(h.api);
    const res = await deposit(me.accessToken, {
      amount: 1500,
      paymentMethodId: 'pm_card_chargeDeclined',
    });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      payment_id: expect.stringMatching(/^pay_/),
    });
    const p = await h.api.get(`/api/v1/payments/${res.body.error.payment_id}`, me.accessToken);
    expect(p.body).toMatchObject({
      status: 'FAILED',
      amount: 1500,
      declineCode: 'generic_decline',
    });
  });

  it("a payment the provider refuses fails at once with the provider's reason, which reconciliation keeps", async () => {
    const me = await register(h.api);
    const res = await deposit(me.accessToken, { amount: 1600, paymentMethodId: 'pm_nosuchcard42' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      type: 'invalid_request_error',
      payment_id: expect.stringMatching(/^pay_/),
    });
    const refused = await row(res.body.error.payment_id);
    expect(refused).toMatchObject({ status: 'FAILED', failure_code: res.body.error.code });
    expect(refused.failure_code).not.toBe('provider_unavailable');
    expect(refused.failure_message).toBe(res.body.error.message);
    // Long after, reconciliation finds nothing to do and says nothing about reaching the provider.
    await h.app.running.app.get(Reconciler).run(new Date(Date.now() + 11 * 60_000));
    expect(await row(res.body.error.payment_id)).toEqual(refused);
  });

  it('a card setup that needs 3-D Secure returns to Tender, which reports it; the card is saved', async () => {
    const me = await register(h.api);
    const saved = await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_authenticationRequiredOnSetup' },
      me.accessToken,
    );
    expect(saved.body.status).toBe('REQUIRES_ACTION');
    const done = await threeDSecure(saved.body.nextActionUrl, 'approve');
    expect(done.status).toBe(303);
    const back = new URL(done.location!);
    expect(back.origin).toBe(new URL(h.app.url).origin);
    expect(back.pathname).toBe('/api/v1/payments/methods/return');
    const outcome = await h.api.get(pathOf(done.location!));
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({
      setupIntentId: saved.body.setupIntentId,
      status: 'SUCCEEDED',
      paymentMethodId: expect.stringMatching(/^pm_/),
      failureCode: null,
    });
    const cards = (await h.api.get('/api/v1/payments/methods', me.accessToken)).body.data;
    expect(cards.map((c: { id: string }) => c.id)).toEqual([outcome.body.paymentMethodId]);

    // The link proves the user: without its token, or with another user's, nothing is shown.
    const stranger = await register(h.api);
    const forged = new URL(done.location!);
    forged.searchParams.set('token', links.token('setup', stranger.user.id));
    expect((await h.api.get(pathOf(forged.toString()))).status).toBe(404);
    forged.searchParams.set('user', stranger.user.id);
    expect((await h.api.get(pathOf(forged.toString()))).status).toBe(404); // not their setup
    forged.searchParams.delete('token');
    expect((await h.api.get(pathOf(forged.toString()))).status).toBe(404);
  });

  it('a failed setup authentication is reported too', async () => {
    const me = await register(h.api);
    const saved = await h.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_authenticationRequiredOnSetup' },
      me.accessToken,
    );
    const done = await threeDSecure(saved.body.nextActionUrl, 'fail');
    const outcome = await h.api.get(pathOf(done.location!));
    expect(outcome.status).toBe(200);
    expect(outcome.body.status).not.toBe('SUCCEEDED');
  });

  it("a browser coming back from 3-D Secure is sent on to the web app's page; an API client gets JSON", async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const res = await pay({ paymentMethodId: 'pm_card_authenticationRequired', amount: 4500 });
    const done = await threeDSecure(res.body.nextActionUrl, 'approve');
    const page = await fetch(`${h.app.url}${pathOf(done.location!)}`, {
      headers: html,
      redirect: 'manual',
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/payments/${res.body.id}`);
    // In the app's own frame: a static page, so the app does not boot inside itself.
    const framed = await fetch(`${h.app.url}${pathOf(done.location!)}`, {
      headers: { ...html, 'sec-fetch-dest': 'iframe' },
      redirect: 'manual',
    });
    expect(framed.status).toBe(200);
    expect(await framed.text()).toContain('Authentication finished');
    expect(framed.headers.get('content-security-policy')).toContain("script-src 'self'");
    // A bad token is still the 404, for browsers too.
    const forged = await fetch(`${h.app.url}/api/v1/payments/${res.body.id}/return?token=x`, {
      headers: html,
      redirect: 'manual',
    });
    expect(forged.status).toBe(404);

    for (const result of ['approve', 'fail'] as const) {
      // One user each: the same card token saved twice by one user is one setup (its key).
      const me = await register(h.api);
      const saved = await h.api.post(
        '/api/v1/payments/methods',
        { paymentMethodId: 'pm_card_authenticationRequiredOnSetup' },
        me.accessToken,
      );
      // While 3-D Secure runs, the app polls the setup as its owner; nobody else sees it.
      const polled = await h.api.get(
        `/api/v1/payments/methods/setups/${saved.body.setupIntentId}`,
        me.accessToken,
      );
      expect(polled.body).toMatchObject({
        status: 'REQUIRES_ACTION',
        paymentMethodId: expect.any(String),
      });
      const stranger = await register(h.api);
      const theirs = await h.api.get(
        `/api/v1/payments/methods/setups/${saved.body.setupIntentId}`,
        stranger.accessToken,
      );
      expect(theirs.status).toBe(404);
      const back = await threeDSecure(saved.body.nextActionUrl, result);
      const landed = await fetch(`${h.app.url}${pathOf(back.location!)}`, {
        headers: html,
        redirect: 'manual',
      });
      expect(landed.status).toBe(303);
      expect(landed.headers.get('location')).toBe(`/cards?setup=${saved.body.setupIntentId}`);
    }
    const bad = await h.api.get('/api/v1/payments/methods/setups/pi_123', h.user.accessToken);
    expect(bad.status).toBe(400);
  });

  it('successUrl and cancelUrl must be http(s) on our own origins: no open redirect', async () => {
    const me = await register(h.api);
    const own = new URL(h.app.url).origin;
    const cases: [Record<string, string>, string][] = [
      [{ successUrl: 'javascript:alert(document.cookie)' }, 'successUrl'],
      [{ successUrl: 'data:text/html,<script>alert(1)</script>' }, 'successUrl'],
      [{ successUrl: 'https://evil.example/phish' }, 'successUrl'],
      [{ successUrl: `${own}/ok`, cancelUrl: 'https://evil.example/phish' }, 'cancelUrl'],
      [{ successUrl: `https://app.example@evil.example/` }, 'successUrl'],
      [{ successUrl: `https://app.example.evil.example/` }, 'successUrl'],
      [{ successUrl: `http://app.example/` }, 'successUrl'], // another scheme is another origin
      [{ cancelUrl: '//evil.example/' }, 'cancelUrl'],
    ];
    for (const [urls, param] of cases) {
      const res = await deposit(me.accessToken, { amount: 1000, ...urls });
      expect({ urls, status: res.status, param: res.body.error?.param }).toEqual({
        urls,
        status: 400,
        param,
      });
    }
    const { rows } = await h.app.runtime.database.pool.query(
      'SELECT count(*)::int AS n FROM payments WHERE user_id = $1',
      [me.user.id],
    );
    expect(rows[0].n).toBe(0); // refused before anything was recorded
    for (const urls of [
      { successUrl: `${own}/wallet?done=1`, cancelUrl: `${own}/wallet` },
      { successUrl: `${APP_ORIGIN}/thanks`, cancelUrl: `${APP_ORIGIN}/cart` },
      {},
    ]) {
      const res = await deposit(me.accessToken, { amount: 1000, ...urls });
      expect({ urls, status: res.status }).toEqual({ urls, status: 201 });
    }
  });

  // Last: it spends this IP's return-page budget for the minute.
  it('rate-limits the public return pages per IP, counting bad tokens too', async () => {
    const statuses: number[] = [];
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 101; i++) {
      const res = await h.api.get(`/api/v1/payments/pay_${i}/return?token=guess${i}`);
      statuses.push(res.status);
      remaining.push(res.headers.get('ratelimit-remaining'));
    }
    expect(statuses.at(-1)).toBe(429);
    // The budget counts down in the standard RateLimit-* headers, to 0 once it is spent.
    expect(remaining.every((r) => r !== null && /^\d+$/.test(r))).toBe(true);
    const left = remaining.map(Number);
    expect(left[0]).toBeGreaterThan(0);
    expect(left.every((n, i) => i === 0 || n <= left[i - 1]!)).toBe(true);
    expect(left.at(-1)).toBe(0);
    expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
    const limited = await h.api.get(`/api/v1/payments/success?order=ord_x&token=y`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-limit')).toBe('100');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  });
});
