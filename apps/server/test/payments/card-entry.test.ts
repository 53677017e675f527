import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardEntryCsp, cardEntryOf } from '../../src/payments/card-entry';
import type { ProviderSetup } from '../../src/payments/provider/stripe-client';
import { loadConfig } from '../../src/platform/config/config';
import { bootTestApp, type TestApp } from '../helpers';

/**
 * GET /config tells the web app how to take a card; the CSP allows that card entry's origins and
 * no other.
 */
describe('card entry: the public config and the CSP that goes with it', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp({ RETURN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => app?.close());

  it("names the sandbox's framed card form, and the CSP frames exactly that origin", async () => {
    const res = await fetch(`${app.url}/api/v1/config`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cardEntry: string; sandboxUrl: string };
    expect(body).toEqual({ cardEntry: 'sandbox', sandboxUrl: app.running.sandboxUrl });
    // The card form is served there.
    const form = await fetch(
      `${body.sandboxUrl}/_sandbox/elements/card?origin=${encodeURIComponent(app.url)}`,
    );
    expect(form.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').find((d) => d.startsWith(`${name} `));
    expect(directive('frame-src')).toBe(`frame-src 'self' ${body.sandboxUrl}`);
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('stripe.com');
  });

  it('is rate-limited per IP, in its own window', async () => {
    // One call above; the limit is 3 per minute.
    for (let i = 0; i < 2; i++) expect((await fetch(`${app.url}/api/v1/config`)).status).toBe(200);
    const over = await fetch(`${app.url}/api/v1/config`);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { type: string } }).error.type).toBe(
      'rate_limit_error',
    );
  });

  it('with real Stripe: Elements with the publishable key, and only Stripe.js origins in the CSP', () => {
    const env = { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' };
    const real = {} as ProviderSetup;
    const withKey = cardEntryOf(loadConfig({ ...env, STRIPE_PUBLISHABLE_KEY: 'pk_test_x' }), real);
    expect(withKey).toEqual({ cardEntry: 'stripe', publishableKey: 'pk_test_x' });
    expect(cardEntryCsp(withKey)).toEqual({
      scriptSrc: ['https://js.stripe.com'],
      frameSrc: ['https://js.stripe.com'],
      connectSrc: ['https://api.stripe.com'],
    });
    const without = cardEntryOf(loadConfig(env), real);
    expect(without).toEqual({ cardEntry: 'stripe' });
    expect(cardEntryCsp(without)).toEqual({ scriptSrc: [], frameSrc: [], connectSrc: [] });
  });
});
