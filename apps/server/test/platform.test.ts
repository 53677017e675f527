import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, PASSWORD, register, uniqueEmail, type TestApp } from './helpers';

describe('platform over HTTP', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    app = await bootTestApp({ CORS_ORIGINS: 'https://app.example' });
    api = client(app.url);
  });
  afterAll(() => app?.close());

  it('answers liveness and readiness (database reachable, migrations applied)', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.migrations.applied).toBe(ready.body.migrations.expected);
    expect(ready.body.migrations.expected).toBeGreaterThan(0);
  });

  it('answers unknown routes with a 404 in the error shape', async () => {
    const res = await api.get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'route_not_found',
        message: expect.any(String),
      },
    });
  });

  it('exposes Prometheus metrics: latency by route and responses by status', async () => {
    const s = await register(api);
    await api.get('/api/v1/auth/me', s.accessToken);
    await api.get('/api/v1/nothing-here');
    const res = await fetch(`${app.url}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(
      /tender_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/auth\/me"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(/tender_http_responses_total\{status="404"\} [1-9]/);
    expect(text).toContain('tender_process_cpu_seconds_total');
  });

  it('sends security headers and a request id, honouring a sane incoming one', async () => {
    const res = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
    const junk = await fetch(`${app.url}/health`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(junk.headers.get('x-request-id')).toMatch(/^req_[0-9A-Z]{26}$/);
  });

  it('allows CORS only from the allow-list', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/api/v1/auth/login`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect(
      (await preflight('https://app.example')).headers.get('access-control-allow-origin'),
    ).toBe('https://app.example');
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('publishes OpenAPI 3 with every route, its auth, and request schemas from zod', async () => {
    const res = await api.get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        expect(op.security, `${method} ${path}`).toBeDefined();
      }
    }
    const served = app.running.routes
      .filter(
        (r) => r.url.startsWith('/api/') || r.url.startsWith('/health') || r.url === '/metrics',
      )
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(10);
    for (const route of served) expect(documented, route).toContain(route);

    const registerOp = doc.paths['/api/v1/auth/register'].post;
    expect(registerOp.security).toEqual([]);
    const body = registerOp.requestBody.content['application/json'].schema;
    const resolved = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    expect(resolved.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(doc.paths['/api/v1/auth/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/v1/companies'].post['x-roles']).toEqual(['ADMIN']);

    const ui = await fetch(`${app.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui-bundle.js');
    const bundle = await fetch(`${app.url}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${app.url}/docs/init.js`)).status).toBe(200);
  });

  it('serves only the files it means to: no traversal, no stray package files', async () => {
    for (const path of [
      '/docs/package.json',
      '/docs/%2e%2e/%2e%2e/package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2f..%2fpackage.json',
      '/nothing.js',
    ]) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('route_not_found');
    }
  });

  it('serves the web app at /', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Tender');
  });

  it('never logs passwords, tokens or secrets', async () => {
    const email = uniqueEmail();
    const password = 'Sup3r-Secret-Passw0rd!';
    const reg = await api.post('/api/v1/auth/register', { email, password });
    const login = await api.post('/api/v1/auth/login', { email, password });
    const refreshed = await api.post('/api/v1/auth/refresh', {
      refreshToken: login.body.refreshToken,
    });
    await api.get(
      '/api/v1/auth/me?token=' + refreshed.body.accessToken,
      refreshed.body.accessToken,
    );
    await api.post('/api/v1/auth/login', { email, password: `${password}-wrong` });
    await api.call('POST', '/api/v1/auth/login', {
      raw: `{"email":"${email}","password":"${password}"`,
      headers: { 'content-type': 'application/json' },
    });
    await api.post(
      '/api/v1/auth/logout',
      { refreshToken: refreshed.body.refreshToken },
      refreshed.body.accessToken,
    );

    const secrets = [
      password,
      reg.body.accessToken,
      reg.body.refreshToken,
      login.body.accessToken,
      login.body.refreshToken,
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
      app.runtime.secrets.jwt,
    ];
    const all = app.logs.join('\n');
    expect(app.logs.length).toBeGreaterThan(10);
    for (const s of secrets) expect(all).not.toContain(s);
  });

  it('drains in-flight requests on shutdown', async () => {
    const other = await bootTestApp();
    const otherApi = client(other.url);
    const inFlight = Array.from({ length: 8 }, () =>
      otherApi.post('/api/v1/auth/register', { email: uniqueEmail(), password: PASSWORD }),
    );
    // Close once every request has reached the server.
    const arrived = () =>
      other.logs.filter((l) => l.includes('/api/v1/auth/register') && l.includes('incoming'))
        .length;
    while (arrived() < 8) await new Promise((r) => setTimeout(r, 5));
    const closing = other.running.close();
    const results = await Promise.all(inFlight);
    await closing;
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    await other.close();
  });

  it('answers an unexpected failure with a bare 500 and logs it with the request id', async () => {
    const broken = await bootTestApp();
    const s = await register(client(broken.url));
    await broken.runtime.database.pool.end(); // the database "goes away"
    const res = await fetch(`${broken.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${s.accessToken}`, 'x-request-id': 'trace-500' },
    });
    const body = (await res.json()) as { error: Record<string, string> };
    expect(res.status).toBe(500);
    expect(body).toEqual({
      error: { type: 'api_error', code: 'internal_error', message: 'An unexpected error occurred' },
    });
    const line = broken.logs.find((l) => l.includes('unhandled error'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ reqId: 'trace-500', level: 50 });
    expect(JSON.parse(line!).err).toBeDefined();
    expect((await fetch(`${broken.url}/health/ready`)).status).toBe(503);
    await broken.running.app.close();
  });
});
