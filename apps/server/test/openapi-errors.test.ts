import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, type TestApp } from './helpers';

/** The OpenAPI document tells clients the truth about headers, errors and amounts. */
describe('OpenAPI: headers, error responses, amounts', () => {
  let app: TestApp;
  let doc: any;

  beforeAll(async () => {
    app = await bootTestApp();
    doc = (await client(app.url).get('/openapi.json')).body;
  });
  afterAll(() => app?.close());

  const operations = () =>
    Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      Object.entries<any>(item).map(([method, op]) => ({ path, method, op })),
    );

  it('lists each header once, case-insensitively; POST /orders requires one Idempotency-Key', () => {
    for (const { path, method, op } of operations()) {
      const names = (op.parameters ?? [])
        .filter((p: any) => p.in === 'header')
        .map((p: any) => p.name.toLowerCase());
      expect(names, `${method} ${path}`).toEqual([...new Set(names)]);
    }
    const keys = doc.paths['/api/v1/orders'].post.parameters.filter(
      (p: any) => p.name.toLowerCase() === 'idempotency-key',
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: true });
    const optional = doc.paths['/api/v1/wallet/deposit'].post.parameters.find(
      (p: any) => p.name === 'Idempotency-Key',
    );
    expect(optional.required).toBe(false);
  });

  it('documents the error shape and the errors each route can give', () => {
    const error = doc.components.schemas.Error;
    expect(error.properties.error.required).toEqual(['type', 'code', 'message']);
    const ref = { $ref: '#/components/schemas/Error' };
    const seen = new Set<string>();
    for (const { path, method, op } of operations()) {
      const label = `${method.toUpperCase()} ${path}`;
      const expected = ['400', '500'];
      if (op.security.length > 0) expected.push('401');
      if (op['x-roles']) expected.push('403');
      if (path.includes('{')) expected.push('404');
      if (['post', 'patch', 'put'].includes(method)) expected.push('413', '415');
      if ((op.parameters ?? []).some((p: any) => p.name === 'Idempotency-Key'))
        expected.push('409', '422');
      for (const status of expected) expect(Object.keys(op.responses), label).toContain(status);
      for (const [status, res] of Object.entries<any>(op.responses)) {
        seen.add(status);
        if (Number(status) >= 400)
          expect(res.content?.['application/json']?.schema, `${label} ${status}`).toEqual(ref);
      }
    }
    for (const status of ['400', '401', '403', '404', '409', '422', '429'])
      expect([...seen], status).toContain(status);
    expect(Object.keys(doc.paths['/api/v1/orders'].post.responses)).toEqual(
      expect.arrayContaining(['402', '409', '429']),
    );
  });

  it('shows realistic amounts: no 2^53 − 1 anywhere, amounts exemplified as 2000 minor units', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('9007199254740991');
    let amounts = 0;
    const stack: any[] = [doc];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node !== 'object' || node === null) continue;
      for (const [name, prop] of Object.entries<any>(node.properties ?? {})) {
        if (/^(amount|price|balance)/i.test(name) && prop?.type === 'integer') {
          amounts++;
          expect(prop.example, name).toBe(2000);
        }
      }
      stack.push(...Object.values(node));
    }
    expect(amounts).toBeGreaterThan(10);
  });
});
