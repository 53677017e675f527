import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, promote, register, type TestApp } from './helpers';

/**
 * Bad input, table-driven over every route the OpenAPI document lists (so a new route is covered
 * the day it is added): malformed JSON, wrong types, missing and unknown fields, oversize bodies,
 * wrong content types, junk query strings and path ids, U+0000 anywhere, JSON nested too deep,
 * amounts past MAX_AMOUNT, `__proto__` keys. Each must be a 4xx in the error shape; a 500 or a
 * crash fails the test.
 */
describe('bad input on every route', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let token: string;
  let doc: any;

  beforeAll(async () => {
    app = await bootTestApp({
      BODY_LIMIT_BYTES: '65536',
      AUTH_RATE_LIMIT_PER_IP: '100000',
      AUTH_RATE_LIMIT_PER_EMAIL: '100000',
    });
    api = client(app.url);
    const admin = await register(api);
    await promote(app, admin.user.id, 'ADMIN');
    token = admin.accessToken;
    doc = (await api.get('/openapi.json')).body;
  });
  afterAll(() => app?.close());

  const resolve = (schema: any): any =>
    schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;

  function operations() {
    const ops: { method: string; path: string; op: any }[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item))
        ops.push({ method: method.toUpperCase(), path, op });
    }
    return ops;
  }

  const wrongValue = (prop: any): unknown => {
    const type = [resolve(prop)?.type ?? resolve(prop)?.anyOf?.[0]?.type].flat()[0];
    switch (type) {
      case 'string':
        return 12345;
      case 'number':
      case 'integer':
        return 'not-a-number';
      case 'boolean':
        return 'yes';
      case 'array':
        return 'x';
      default:
        return { nested: true };
    }
  };

  const expectClientError = (
    res: { status: number; body: any },
    label: string,
    status?: number,
  ) => {
    expect(
      res.status,
      `${label} → ${res.status} ${JSON.stringify(res.body)}`,
    ).toBeGreaterThanOrEqual(400);
    expect(res.status, `${label} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
    if (status) expect(res.status, label).toBe(status);
    expect(res.body?.error, label).toMatchObject({
      type: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
    });
  };

  const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
  const ID = 'usr_00000000000000000000000000';
  const hasBody = (method: string) => method !== 'GET' && method !== 'DELETE';

  /** The JSON schema of an operation's body and its top-level properties. */
  const bodySchema = (op: any) => {
    const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
    const props: Record<string, any> =
      schema?.properties ?? resolve(schema?.anyOf?.[0])?.properties ?? {};
    return { schema, props };
  };
  const typeOf = (prop: any): string | undefined =>
    [resolve(prop)?.type ?? resolve(prop)?.anyOf?.[0]?.type].flat()[0];
  const isIdempotent = (op: any) =>
    (op.parameters ?? []).some(
      (p: any) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
    );
  /** Raw JSON text nested `depth` levels deep (arrays inside one object). */
  const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
  const sendRaw = (
    method: string,
    url: string,
    raw: string,
    headers: Record<string, string> = {},
  ) =>
    api.call(method, url, {
      raw,
      token,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
    });

  /** A server-sent event route (its 200 is `text/event-stream`): a good request never ends. */
  const isStream = (op: any) => Boolean(op.responses?.['200']?.content?.['text/event-stream']);
  /** As api.call, but a stream that opens is only checked to be one and then dropped. */
  async function callStream(url: string, session?: string): Promise<{ status: number; body: any }> {
    const abort = new AbortController();
    const res = await fetch(`${app.url}${url}`, {
      headers: session ? { authorization: `Bearer ${session}` } : {},
      signal: abort.signal,
    });
    if (res.status !== 200) return { status: res.status, body: await res.json() };
    expect(res.headers.get('content-type'), url).toMatch(/^text\/event-stream/);
    abort.abort();
    return { status: res.status, body: undefined };
  }

  it('opens every server-sent event route as the document says, and refuses a junk parameter first', async () => {
    const streams = operations().filter((o) => isStream(o.op));
    expect(streams.map((o) => o.path)).toContain('/api/v1/chargers/events');
    for (const { method, path } of streams) {
      expect(method).toBe('GET');
      const opened = await callStream(fill(path, ID), token);
      // A stream of one resource (a session's) opens for a real one; this id names none.
      if (path.includes('{')) expectClientError(opened, path, 404);
      else expect(opened.status, path).toBe(200);
      const res = await callStream(`${fill(path, ID)}?zzUnknown=1`, token);
      expectClientError(res, `${path}?zzUnknown=1`, 400);
    }
  });

  it('covers a real set of routes', () => {
    expect(operations().length).toBeGreaterThan(15);
  });

  it('refuses malformed, mistyped, incomplete, unknown, oversize and wrongly typed bodies', async () => {
    const bodyOps = operations().filter((o) => o.op.requestBody);
    expect(bodyOps.length).toBeGreaterThan(5);
    for (const { method, path, op } of bodyOps) {
      const url = fill(path, 'usr_00000000000000000000000000');
      const schema = resolve(op.requestBody.content['application/json'].schema);
      const props: Record<string, any> =
        schema?.properties ?? resolve(schema?.anyOf?.[0])?.properties ?? {};
      const label = (what: string) => `${method} ${path}: ${what}`;
      // A fresh Idempotency-Key on each request, so routes that require one (POST /orders) get to
      // validate their bodies.
      const send = (raw: string, contentType = 'application/json') =>
        api.call(method, url, {
          raw,
          token,
          headers: { 'content-type': contentType, 'idempotency-key': randomUUID() },
        });

      expectClientError(await send('{"email": "a@b.c",'), label('malformed JSON'), 400);
      expectClientError(
        await send('{"a":' + '"x'.padEnd(100_000, 'x') + '"}'),
        label('oversize'),
        413,
      );
      expectClientError(await send('[1,2,3]'), label('array body'), 400);
      expectClientError(
        await send(JSON.stringify({ zzUnknownField: 1 })),
        label('unknown field'),
        400,
      );
      if (Object.keys(props).length > 0) {
        const wrong = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, wrongValue(v)]));
        const res = await send(JSON.stringify(wrong));
        expectClientError(res, label('wrong types'), 400);
        expect(Object.keys(props), label('param names a field')).toContain(
          res.body.error.param?.split('.')[0],
        );
      }
      if ((schema?.required ?? []).length > 0) {
        const res = await send('{}');
        expectClientError(res, label('missing fields'), 400);
        expect(schema.required, label('param names a required field')).toContain(
          res.body.error.param,
        );
      }
    }
  });

  it('refuses junk path ids and query strings without a 500', async () => {
    for (const { method, path, op } of operations()) {
      // Logging out ends the session's access token too: that route gets a throwaway one.
      const session = path.endsWith('/auth/logout') ? (await register(api)).accessToken : token;
      for (const id of ["' OR 1=1 --", 'x'.repeat(500), '../../etc/passwd', '%00']) {
        const res = isStream(op)
          ? await callStream(fill(path, id), session)
          : await api.call(method, fill(path, id), {
              token: session,
              body: method === 'GET' || method === 'DELETE' ? undefined : {},
            });
        expect(res.status, `${method} ${path} id=${id.slice(0, 20)}`).toBeLessThan(500);
      }
      if (method === 'GET') {
        for (const q of [
          '?limit=abc',
          '?limit=-1',
          '?limit=100000',
          '?unknown=1',
          '?startingAfter=',
        ]) {
          const url = fill(path, 'usr_00000000000000000000000000') + q;
          const res = isStream(op)
            ? await callStream(url, token)
            : await api.call(method, url, { token });
          expect(res.status, `${method} ${path}${q}`).toBeLessThan(500);
          if (path.endsWith('/users') || path.endsWith('/companies'))
            expectClientError(res, `${path}${q}`, 400);
        }
      }
    }
  }, 120_000); // nine requests to each of some 150 routes, one after another

  it('refuses every protected route without a token, in the error shape', async () => {
    for (const { method, path, op } of operations()) {
      if (op.security?.length === 0) continue;
      const res = await api.call(method, fill(path, 'usr_00000000000000000000000000'), {
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expectClientError(res, `${method} ${path} without token`, 401);
    }
  });

  it('refuses every content type but JSON (415) and JSON in another charset than UTF-8', async () => {
    const others = [
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-8',
      'multipart/form-data; boundary=x',
      'text/plain',
      'text/json',
      'application/xml',
      'application/octet-stream',
      'application/vnd.api+json',
      'application/json-patch+json',
    ];
    const writes = operations().filter((o) => hasBody(o.method));
    expect(writes.length).toBeGreaterThan(10);
    for (const { method, path } of writes) {
      const url = fill(path, ID);
      for (const type of others) {
        const res = await sendRaw(method, url, 'email=a%40b.c&password=x', {
          'content-type': type,
        });
        expectClientError(res, `${method} ${path} as ${type}`, 415);
        expect(res.body.error.code, `${method} ${path} as ${type}`).toBe(
          'unsupported_content_type',
        );
      }
      for (const charset of ['utf-16', 'iso-8859-1', 'latin1']) {
        const type = `application/json; charset=${charset}`;
        const res = await sendRaw(method, url, '{}', { 'content-type': type });
        expectClientError(res, `${method} ${path} as ${type}`, 415);
        expect(res.body.error.code, `${method} ${path} as ${type}`).toBe('unsupported_charset');
      }
    }
  });

  it('refuses U+0000 in every path parameter, query parameter, body string and key (400)', async () => {
    const nul = 'a\u0000b';
    let cases = 0;
    const expectNul = (res: { status: number; body: any }, label: string, param?: string) => {
      cases++;
      expectClientError(res, label, 400);
      expect(res.body.error.code, `${label} ${JSON.stringify(res.body)}`).toBe(
        'invalid_characters',
      );
      if (param !== undefined) expect(res.body.error.param, label).toBe(param);
    };
    for (const { method, path, op } of operations()) {
      const params: any[] = op.parameters ?? [];
      const body = hasBody(method) ? {} : undefined;
      for (const p of params.filter((x) => x.in === 'path')) {
        const url = path.replace(`{${p.name}}`, encodeURIComponent(nul)).replace(/\{[^}]+\}/g, ID);
        expectNul(await api.call(method, url, { token, body }), `${method} ${url}`, p.name);
      }
      // Every documented query parameter, and one no route knows: the check precedes validation.
      for (const name of [...params.filter((x) => x.in === 'query').map((x) => x.name), 'zz']) {
        const url = `${fill(path, ID)}?${name}=${encodeURIComponent(nul)}`;
        expectNul(await api.call(method, url, { token, body }), `${method} ${url}`, name);
      }
      if (!op.requestBody) continue;
      const { props } = bodySchema(op);
      for (const [name, prop] of Object.entries(props)) {
        if (typeOf(prop) !== 'string') continue;
        const res = await sendRaw(method, fill(path, ID), JSON.stringify({ [name]: nul }));
        expectNul(res, `${method} ${path} body.${name}`, name);
      }
      // In a key, nested, and as an unpaired surrogate (which jsonb refuses too).
      const url = fill(path, ID);
      expectNul(await sendRaw(method, url, '{"a\\u0000": 1}'), `${method} ${path} key`);
      expectNul(
        await sendRaw(method, url, '{"a":{"b":["\\u0000"]}}'),
        `${method} ${path}`,
        'a.b.0',
      );
      expectNul(await sendRaw(method, url, '{"a":"\\ud800"}'), `${method} ${path} surrogate`, 'a');
    }
    expect(cases).toBeGreaterThan(89);
    // The public case from the report.
    expectNul(await api.get('/api/v1/products/%00'), 'GET /api/v1/products/%00', 'id');
  });

  it('refuses JSON nested deeper than 32 levels; 5,000 levels on an Idempotency-Key route store no key', async () => {
    const keys = async () =>
      (await app.runtime.database.pool.query('SELECT count(*)::int AS n FROM idempotency_keys'))
        .rows[0].n as number;
    const bodyOps = operations().filter((o) => o.op.requestBody);
    const idempotent = bodyOps.filter((o) => isIdempotent(o.op));
    expect(idempotent.length).toBeGreaterThanOrEqual(4);
    const before = await keys();
    for (const { method, path } of bodyOps) {
      const url = fill(path, ID);
      for (const depth of [33, 5_000, 20_000]) {
        const res = await sendRaw(method, url, nested(depth));
        expectClientError(res, `${method} ${path} depth ${depth}`, 400);
        expect(res.body.error.code, `${method} ${path} depth ${depth}`).toBe('nesting_too_deep');
      }
      // 32 levels are allowed through to validation (`a` is an unknown field).
      const res = await sendRaw(method, url, nested(32));
      expectClientError(res, `${method} ${path} depth 32`, 400);
      expect(res.body.error.code, `${method} ${path} depth 32`).not.toBe('nesting_too_deep');
    }
    expect(await keys()).toBe(before);
  });

  it('bounds every integer body field: 2^53 − 1 and 10^20 are a 400 about that field', async () => {
    let money = 0;
    for (const { method, path, op } of operations().filter((o) => o.op.requestBody)) {
      const { props } = bodySchema(op);
      for (const [name, prop] of Object.entries(props)) {
        if (typeOf(prop) !== 'integer' && typeOf(prop) !== 'number') continue;
        const schema = resolve(prop);
        if (/amount|price/i.test(name)) {
          money++;
          // Money is bounded by the platform's MAX_AMOUNT (Stripe's per-charge limit), not 2^53.
          expect(schema.maximum, `${method} ${path} ${name}.maximum`).toBeLessThanOrEqual(
            99_999_999,
          );
        }
        for (const big of ['9007199254740991', '100000000000000000000', '1e400']) {
          const res = await sendRaw(method, fill(path, ID), `{"${name}":${big}}`);
          expectClientError(res, `${method} ${path} ${name}=${big}`, 400);
          expect(res.body.error.message, `${method} ${path} ${name}=${big}`).toContain(`${name}:`);
        }
      }
    }
    expect(money).toBeGreaterThanOrEqual(5);
  });

  it('refuses __proto__ and constructor.prototype keys in every body (400 forbidden_property)', async () => {
    for (const { method, path } of operations().filter((o) => o.op.requestBody)) {
      for (const raw of [
        '{"__proto__":{"role":"ADMIN"}}',
        '{"a":{"__proto__":{"x":1}}}',
        '{"constructor":{"prototype":{"x":1}}}',
      ]) {
        const res = await sendRaw(method, fill(path, ID), raw);
        expectClientError(res, `${method} ${path} ${raw}`, 400);
        expect(res.body.error.code, `${method} ${path} ${raw}`).toBe('forbidden_property');
      }
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
