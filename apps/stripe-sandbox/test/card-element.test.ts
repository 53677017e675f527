// The framed card field (`/_sandbox/elements/card`) and the publishable key it creates payment
// methods with. Driving it in a real browser is the web app's test (apps/web/test/cards.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/index';
import { SANDBOX_PUBLISHABLE_KEY } from '../src/pages/card-element';

describe('the card element page', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const form = (key: string, path: string, body: string) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
    });

  it('is framed only by the origin it names, and talks only to the sandbox', async () => {
    const res = await fetch(
      `${sandbox.url}/_sandbox/elements/card?origin=${encodeURIComponent('http://127.0.0.1:3000')}`,
    );
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors http://127.0.0.1:3000;');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('autocomplete="cc-number"');
    // The number goes to the sandbox's own endpoint; the parent hears of the pm id only.
    expect(html).toContain("fetch('/v1/payment_methods'");
    expect(html).toContain('postMessage(msg, parentOrigin)');
    // A parent that listened late asks again.
    expect(html).toContain("e.data.type === 'tender:card-ping'");
    expect(html).toContain('const parentOrigin = "http://127.0.0.1:3000"');
  });

  it('refuses an origin that is not exactly an http(s) origin', async () => {
    for (const origin of [
      '',
      '*',
      'javascript:alert(1)',
      'http://a.test/path',
      'http://a.test/"</script>',
    ]) {
      const res = await fetch(
        `${sandbox.url}/_sandbox/elements/card?origin=${encodeURIComponent(origin)}`,
      );
      expect({ origin, status: res.status }).toEqual({ origin, status: 400 });
    }
    expect((await fetch(`${sandbox.url}/_sandbox/elements/card`)).status).toBe(400);
  });

  it('creates payment methods with a publishable key, and nothing else', async () => {
    const year = new Date().getFullYear() + 2;
    const created = await form(
      SANDBOX_PUBLISHABLE_KEY,
      '/v1/payment_methods',
      `type=card&card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=${year}&card[cvc]=123`,
    );
    expect(created.status).toBe(200);
    const pm = (await created.json()) as { id: string; card: { last4: string } };
    expect(pm.id).toMatch(/^pm_/);
    expect(pm.card.last4).toBe('4242');

    const bad = await form(
      SANDBOX_PUBLISHABLE_KEY,
      '/v1/payment_methods',
      `type=card&card[number]=4242424242424241&card[exp_month]=12&card[exp_year]=${year}`,
    );
    expect(bad.status).toBe(402);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('incorrect_number');

    // A publishable key reads nothing and creates nothing else.
    expect((await form(SANDBOX_PUBLISHABLE_KEY, '/v1/customers', 'email=a@b.test')).status).toBe(
      401,
    );
    const read = await fetch(`${sandbox.url}/v1/payment_methods/${pm.id}`, {
      headers: { authorization: `Bearer ${SANDBOX_PUBLISHABLE_KEY}` },
    });
    expect(read.status).toBe(401);
    // Live publishable keys are refused like live secret keys.
    expect((await form('pk_live_abc', '/v1/payment_methods', 'type=card')).status).toBe(401);
  });
});
