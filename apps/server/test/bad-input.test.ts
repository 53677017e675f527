import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, promote, register, type TestApp } from './helpers';

/**
 * Bad input, table-driven over every route the OpenAPI document lists (so a new route is covered
 * the day it is added): malformed JSON, wrong types, missing and unknown fields, oversize bodies,
 * wrong content types, junk query strings and path ids. Each must be a 4xx in the error shape;
 * a 500 or a crash fails the test.
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
      expectClientError(await send('email=a', 'text/plain'), label('wrong content type'), 415);
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
    for (const { method, path } of operations()) {
      for (const id of ["' OR 1=1 --", 'x'.repeat(500), '../../etc/passwd', '%00']) {
        const res = await api.call(method, fill(path, id), {
          token,
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
          const res = await api.call(method, fill(path, 'usr_00000000000000000000000000') + q, {
            token,
          });
          expect(res.status, `${method} ${path}${q}`).toBeLessThan(500);
          if (path.endsWith('/users') || path.endsWith('/companies'))
            expectClientError(res, `${path}${q}`, 400);
        }
      }
    }
  });

  it('refuses every protected route without a token, in the error shape', async () => {
    for (const { method, path, op } of operations()) {
      if (op.security?.length === 0) continue;
      const res = await api.call(method, fill(path, 'usr_00000000000000000000000000'), {
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expectClientError(res, `${method} ${path} without token`, 401);
    }
  });
});
