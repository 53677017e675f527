// Keys and ids named like Object.prototype's members are data: nothing a client sends can write
// onto a prototype or read an inherited member. The sandbox runs in this test's own process, so a
// pollution would show up in this process's built-ins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/index';
import { API_KEY, sdk } from './helpers';
import {
  builtinsSnapshot,
  pathFor,
  probeEveryRoute,
  PROTOTYPE_NAMES,
  sandboxRoutes,
} from './pollution';

describe('prototype-named keys and ids', () => {
  let sandbox: RunningSandbox;
  const before = builtinsSnapshot();

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const api = async (method: string, path: string, form?: string) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${API_KEY}`,
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('lists its routes, pages and controls included', async () => {
    const routes = (await sandboxRoutes(sandbox.url)).map((r) => `${r.method} ${r.url}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /v1/customers',
        'GET /v1/payment_methods/:id',
        'POST /c/pay/:id',
        'POST /_sandbox/3ds/:id',
        'POST /_sandbox/clock/advance',
        'GET /_sandbox/routes',
      ]),
    );
  });

  it('polluting bodies and query strings on every route: no 5xx, no built-in changed', async () => {
    const probes = await probeEveryRoute(sandbox.url, API_KEY);
    expect(probes.length).toBeGreaterThan(300);
    expect(probes.filter((p) => p.status >= 500)).toEqual([]);
    expect(builtinsSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted_a).toBeUndefined();
    await fetch(`${sandbox.url}/_sandbox/webhooks/flush`, { method: 'POST' });
  });

  it('answers an unknown `__proto__` / `constructor` parameter as Stripe does: parameter_unknown', async () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const res = await api('POST', '/v1/customers', `${name}[role]=MERCHANT`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        param: name,
      });
    }
  });

  it('answers every route with a prototype-named id 404 resource_missing, never a 500', async () => {
    const routes = (await sandboxRoutes(sandbox.url)).filter(
      (r) => r.url.startsWith('/v1/') && r.url.includes(':'),
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      for (const id of PROTOTYPE_NAMES) {
        const res = await api(
          route.method,
          pathFor(route, id),
          route.method === 'GET' ? undefined : '',
        );
        expect({ route: `${route.method} ${route.url}`, id, status: res.status }).toEqual({
          route: `${route.method} ${route.url}`,
          id,
          status: 404,
        });
        expect(res.body.error.code).toBe('resource_missing');
      }
    }
    // The pages and controls that take an id too.
    for (const path of [
      '/c/pay/',
      '/_sandbox/3ds/',
      '/_sandbox/invoices/',
      '/_sandbox/receipts/',
    ]) {
      for (const id of PROTOTYPE_NAMES) {
        expect((await fetch(`${sandbox.url}${path}${id}`)).status).toBe(404);
      }
    }
  });

  it('keeps a metadata key named `__proto__` as data', async () => {
    const stripe = sdk(sandbox);
    const metadata: Record<string, string> = JSON.parse(
      '{"__proto__":"kept","constructor":"also"}',
    ) as Record<string, string>;
    const customer = await stripe.customers.create({ metadata });
    const read = await stripe.customers.retrieve(customer.id);
    expect(Object.hasOwn(customer.metadata, '__proto__')).toBe(true);
    expect(JSON.stringify((read as typeof customer).metadata)).toBe(
      '{"__proto__":"kept","constructor":"also"}',
    );
  });

  it('refuses to expand inherited members and ignores unknown card shortcuts', async () => {
    const customer = await api('POST', '/v1/customers', 'email=a@example.com');
    for (const field of ['constructor', '__proto__', 'toString']) {
      const res = await api('GET', `/v1/customers/${customer.body.id}?expand[]=${field}`);
      expect(res.status).toBe(400);
      expect(res.body.error.param).toBe('expand');
    }
    const pm = await api(
      'POST',
      '/v1/payment_intents',
      'amount=100&currency=eur&payment_method=pm_card_constructor&confirm=true',
    );
    // An id passed as a parameter that names nothing: Stripe's 400, not the 404 of a URL.
    expect(pm.status).toBe(400);
    expect(pm.body.error).toMatchObject({ code: 'resource_missing', param: 'payment_method' });
  });

  it('treats prototype-named idempotency keys as ordinary keys', async () => {
    for (const key of PROTOTYPE_NAMES) {
      const send = () =>
        fetch(`${sandbox.url}/v1/products`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${API_KEY}`,
            'content-type': 'application/x-www-form-urlencoded',
            'idempotency-key': key,
          },
          body: `name=${key}`,
        });
      const first = await send();
      const second = await send();
      expect(first.status).toBe(200);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(await first.json());
    }
  });
});
