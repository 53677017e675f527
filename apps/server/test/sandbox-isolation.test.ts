// The embedded Stripe sandbox serves public, unauthenticated pages beside the platform. Nothing sent
// to it may change the platform: one form POST to its checkout page once rewrote Object.prototype
// in the server process (old access tokens valid again, registrations creating MERCHANTs, every
// strict body refused). Here every sandbox route gets the polluting bodies, then the platform is
// checked to be exactly as it was.
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinsSnapshot,
  pathFor,
  probeEveryRoute,
  PROTOTYPE_NAMES,
  sandboxRoutes,
} from '../../stripe-sandbox/test/pollution';
import { ManualClock } from '../src/platform/clock';
import { bootTestApp, client, PASSWORD, register, uniqueEmail, type TestApp } from './helpers';

const API_KEY = 'sk_test_isolation';

describe('the embedded sandbox cannot change the platform', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let sandboxUrl: string;
  const clock = new ManualClock();
  const before = builtinsSnapshot();

  beforeAll(async () => {
    // debug: the sandbox's info lines arrive at debug (embedded-sandbox.ts).
    app = await bootTestApp({ LOG_LEVEL: 'debug' }, { clock });
    api = client(app.url);
    sandboxUrl = app.running.sandboxUrl!;
  });
  afterAll(() => app?.close());

  it('runs on its own thread', async () => {
    const health = (await (await fetch(`${sandboxUrl}/_sandbox/health`)).json()) as {
      thread_id: number;
    };
    expect(typeof health.thread_id).toBe('number');
    expect(health.thread_id).not.toBe(threadId);
    // Its log lines cross back to the server's logger.
    const listening = app.logs
      .map((line) => JSON.parse(line) as { component?: string; msg?: string; url?: string })
      .find((l) => l.component === 'stripe-sandbox' && l.msg === 'stripe sandbox listening');
    expect(listening?.url).toBe(sandboxUrl);
  });

  it('leaves the platform unchanged after polluting bodies on every sandbox route', async () => {
    // A month-old access token, refused before the probes (so refusing it after means something).
    const old = await register(api);
    clock.advance(31 * 24 * 3600 * 1000);
    expect((await api.get('/api/v1/auth/me', old.accessToken)).status).toBe(401);

    const probes = await probeEveryRoute(sandboxUrl, API_KEY);
    // The checkout page, the 3-D Secure page and the controls are among them.
    const paths = new Set(probes.map((p) => `${p.method} ${p.path}`));
    for (const p of ['POST /c/pay/x', 'POST /_sandbox/3ds/x', 'POST /_sandbox/clock/advance']) {
      expect(paths).toContain(p);
    }
    expect(probes.filter((p) => p.status >= 500)).toEqual([]);
    await fetch(`${sandboxUrl}/_sandbox/webhooks/flush`, { method: 'POST' });

    // This process's built-ins: no key added or removed.
    expect(builtinsSnapshot()).toEqual(before);
    const plain = {} as Record<string, unknown>;
    expect([plain.clockTolerance, plain.role, plain.polluted_a]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);

    // The old token is still refused.
    const stale = await api.get('/api/v1/auth/me', old.accessToken);
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('token_expired');

    // A plain registration creates a USER, and a strict body still validates both ways.
    const email = uniqueEmail('after-probe');
    const created = await api.post('/api/v1/auth/register', { email, password: PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body.user.role).toBe('USER');
    expect((await api.get('/api/v1/auth/me', created.body.accessToken)).body.role).toBe('USER');
    const unknownField = await api.post('/api/v1/auth/register', {
      email: uniqueEmail('strict'),
      password: PASSWORD,
      admin: true,
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.type).toBe('invalid_request_error');
  });

  it('answers prototype-named ids with 404 resource_missing', async () => {
    const routes = (await sandboxRoutes(sandboxUrl)).filter(
      (r) => r.method === 'GET' && r.url.startsWith('/v1/') && r.url.includes(':'),
    );
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/v1/payment_methods/:id',
        '/v1/customers/:id',
        '/v1/payment_intents/:id',
      ]),
    );
    for (const route of routes) {
      for (const id of PROTOTYPE_NAMES) {
        const res = await fetch(`${sandboxUrl}${pathFor(route, id)}`, {
          headers: { authorization: `Bearer ${API_KEY}` },
        });
        const body = (await res.json()) as { error?: { code?: string } };
        expect({ url: route.url, id, status: res.status, code: body.error?.code }).toEqual({
          url: route.url,
          id,
          status: 404,
          code: 'resource_missing',
        });
      }
    }
  });

  it("refuses __proto__ and constructor.prototype in the platform's own JSON bodies (400, error shape)", async () => {
    for (const raw of [
      `{"email":"${uniqueEmail('proto')}","password":"${PASSWORD}","__proto__":{"role":"MERCHANT"}}`,
      `{"email":"${uniqueEmail('ctor')}","password":"${PASSWORD}","constructor":{"prototype":{"role":"MERCHANT"}}}`,
    ]) {
      const res = await api.call('POST', '/api/v1/auth/register', {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error' });
      expect(typeof res.body.error.code).toBe('string');
    }
    expect(builtinsSnapshot()).toEqual(before);
  });
});
