import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock';
import {
  bootTestApp,
  client,
  PASSWORD,
  promote,
  register,
  uniqueEmail,
  type TestApp,
} from './helpers';

const OIDC_ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TEST';

describe('identity over HTTP', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  const clock = new ManualClock();
  let jwks: Server;
  type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let oidcKey: PrivateKey;
  let strangerKey: PrivateKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    oidcKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as { port: number }).port;
    app = await bootTestApp(
      {
        OIDC_ISSUER,
        OIDC_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        OIDC_AUDIENCE: 'tender-client',
        AUTH_RATE_LIMIT_PER_EMAIL: '5',
        AUTH_RATE_LIMIT_PER_IP: '1000',
      },
      { clock },
    );
    api = client(app.url);
  });

  afterAll(async () => {
    await app?.close();
    jwks?.close();
  });

  const oidcToken = (
    claims: { sub?: string; [k: string]: unknown },
    key = oidcKey,
    issuer = OIDC_ISSUER,
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('tender-client')
      .setSubject(claims.sub ?? 'sub-1')
      .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
      .setExpirationTime(Math.floor(clock.now().getTime() / 1000) + 300)
      .sign(key);

  it('registers (201) and logs in (200) with { user, accessToken, refreshToken }', async () => {
    const email = uniqueEmail('Mixed.Case');
    const reg = await api.post('/api/v1/auth/register', {
      email,
      password: PASSWORD,
      firstName: 'Ann',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({
      email: email.toLowerCase(),
      role: 'USER',
      firstName: 'Ann',
    });
    expect(reg.body.user.id).toMatch(/^usr_/);
    expect(reg.body.user).not.toHaveProperty('passwordHash');
    expect(typeof reg.body.accessToken).toBe('string');
    expect(typeof reg.body.refreshToken).toBe('string');

    const login = await api.post('/api/v1/auth/login', {
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(reg.body.user.id);
    expect(login.body.user.lastLogin).not.toBeNull();

    const me = await api.get('/api/v1/auth/me', login.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email.toLowerCase());
  });

  it('refuses a second account with the same e-mail (409) and a wrong password (401)', async () => {
    const { user } = await register(api);
    const dup = await api.post('/api/v1/auth/register', { email: user.email, password: PASSWORD });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'email_taken', param: 'email' });
    const bad = await api.post('/api/v1/auth/login', {
      email: user.email,
      password: 'wrong-password',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('invalid_credentials');
    const nobody = await api.post('/api/v1/auth/login', {
      email: uniqueEmail(),
      password: PASSWORD,
    });
    expect(nobody.status).toBe(401);
    expect(nobody.body.error.code).toBe('invalid_credentials');
  });

  it('rotates refresh tokens and revokes the whole family when a spent one is replayed', async () => {
    const s0 = await register(api);
    const r1 = await api.post('/api/v1/auth/refresh', { refreshToken: s0.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(s0.refreshToken);
    const r2 = await api.post('/api/v1/auth/refresh', { refreshToken: r1.body.refreshToken });
    expect(r2.status).toBe(200);

    // s0's token was spent: replaying it means it leaked.
    const replay = await api.post('/api/v1/auth/refresh', { refreshToken: s0.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('refresh_token_reused');
    // ...and the newest token of that family is dead too.
    const after = await api.post('/api/v1/auth/refresh', { refreshToken: r2.body.refreshToken });
    expect(after.status).toBe(401);
    // A different login (another family) is untouched.
    const other = await api.post('/api/v1/auth/login', {
      email: s0.user.email,
      password: PASSWORD,
    });
    expect(
      (await api.post('/api/v1/auth/refresh', { refreshToken: other.body.refreshToken })).status,
    ).toBe(200);
  });

  it('refuses every token of a family with a revoked one, even one issued after the revocation ran', async () => {
    const s = await register(api);
    const r1 = (await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })).body;
    // A revocation that ran while r1 was being issued reached only the rows that existed then.
    await app.runtime.database.pool.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND used_at IS NOT NULL',
      [s.user.id],
    );
    const res = await api.post('/api/v1/auth/refresh', { refreshToken: r1.refreshToken });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_ended');
  });

  it('leaves at most one live refresh token after two concurrent refreshes with the same token', async () => {
    const s = await register(api);
    const results = await Promise.all([
      api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken }),
      api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken }),
    ]);
    // One claims the token. The other is either a lost answer (a new pair, the first one's token
    // spent) or, if it ran before that pair existed, a reuse that ends the session: then no token
    // of the family may be exchanged any more, not even the one the winner was given.
    expect(results.some((r) => r.status === 200)).toBe(true);
    const { rows } = await app.runtime.database.pool.query<{ live: number }>(
      'SELECT count(*)::int AS live FROM refresh_tokens WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL',
      [s.user.id],
    );
    if (results.every((r) => r.status === 200)) {
      expect(rows[0]!.live).toBe(1);
    } else {
      const won = results.find((r) => r.status === 200)!;
      const after = await api.post('/api/v1/auth/refresh', { refreshToken: won.body.refreshToken });
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('session_ended');
    }
  });

  it('refuses unknown and expired refresh tokens', async () => {
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: 'nope' })).body.error.code).toBe(
      'invalid_refresh_token',
    );
    const s = await register(api);
    clock.advance(7 * 24 * 3600 * 1000 + 1000);
    try {
      const res = await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('refresh_token_expired');
    } finally {
      clock.set(new Date());
    }
  });

  it('logout revokes the session of the given refresh token', async () => {
    const s = await register(api);
    // Someone else's refresh token is refused (and revokes nothing).
    const other = await register(api);
    const foreign = await api.post(
      '/api/v1/auth/logout',
      { refreshToken: other.refreshToken },
      s.accessToken,
    );
    expect(foreign.status).toBe(400);
    expect((await api.get('/api/v1/auth/me', other.accessToken)).status).toBe(200);
    const out = await api.post(
      '/api/v1/auth/logout',
      { refreshToken: s.refreshToken },
      s.accessToken,
    );
    expect(out.status).toBe(204);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(
      401,
    );
  });

  it('expires access tokens after 15 minutes', async () => {
    const s = await register(api);
    clock.advance(14 * 60 * 1000);
    expect((await api.get('/api/v1/auth/me', s.accessToken)).status).toBe(200);
    clock.advance(2 * 60 * 1000);
    try {
      const res = await api.get('/api/v1/auth/me', s.accessToken);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('token_expired');
    } finally {
      clock.set(new Date());
    }
  });

  it('refuses tampered, unsigned (alg none), foreign-issuer and missing tokens', async () => {
    const s = await register(api);
    const [h, p, sig] = s.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const cases: [string, string | undefined, string][] = [
      ['tampered payload', `${h}.${forged}.${sig}`, 'invalid_token'],
      ['tampered signature', `${h}.${p}.${sig.slice(0, -2)}AA`, 'invalid_token'],
      ['alg none', `${none}.${p}.`, 'invalid_token'],
      ['garbage', 'not-a-jwt', 'invalid_token'],
      [
        'wrong issuer',
        await oidcToken({ sub: 'x' }, oidcKey, 'https://evil.example'),
        'invalid_token',
      ],
      ['right issuer, wrong key', await oidcToken({ sub: 'x' }, strangerKey), 'invalid_token'],
      [
        'right issuer and key, no exp',
        await new SignJWT({ sub: 'x' })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(OIDC_ISSUER)
          .setAudience('tender-client')
          .setSubject('no-exp')
          .sign(oidcKey),
        'invalid_token',
      ],
      ['no token', undefined, 'missing_token'],
    ];
    for (const [name, token, code] of cases) {
      const res = await api.get('/api/v1/auth/me', token);
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({
        name,
        status: 401,
        code,
      });
    }
  });

  it('accepts a token from the OIDC issuer, verified by its JWKS, and provisions the user once', async () => {
    const token = await oidcToken({
      sub: 'cognito-sub-42',
      email: 'Driver@Example.com',
      name: 'Dee River',
    });
    const first = await api.get('/api/v1/auth/me', token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      email: 'driver@example.com',
      role: 'USER',
      firstName: 'Dee',
    });
    const again = await api.get('/api/v1/auth/me', await oidcToken({ sub: 'cognito-sub-42' }));
    expect(again.body.id).toBe(first.body.id);
  });

  it('enforces roles and ownership', async () => {
    const alice = await register(api);
    const bob = await register(api);
    const admin = await register(api);
    await promote(app, admin.user.id, 'ADMIN');

    // A user cannot read another user, nor list users, nor create companies.
    expect((await api.get(`/api/v1/users/${bob.user.id}`, alice.accessToken)).status).toBe(404);
    expect((await api.get(`/api/v1/users/${alice.user.id}`, alice.accessToken)).status).toBe(200);
    expect((await api.get('/api/v1/users', alice.accessToken)).status).toBe(403);
    expect((await api.post('/api/v1/companies', { name: 'X' }, alice.accessToken)).status).toBe(
      403,
    );
    // A user cannot make themselves admin.
    const self = await api.patch(
      `/api/v1/users/${alice.user.id}`,
      { role: 'ADMIN' },
      alice.accessToken,
    );
    expect(self.status).toBe(403);

    // The role is read from the database on every request, so promotion applies at once.
    expect((await api.get(`/api/v1/users/${bob.user.id}`, admin.accessToken)).status).toBe(200);
    const list = await api.get('/api/v1/users?limit=2', admin.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.hasMore).toBe(true);
    const next = await api.get(
      `/api/v1/users?limit=2&startingAfter=${list.body.nextCursor}`,
      admin.accessToken,
    );
    expect(next.body.data[0].id < list.body.data[1].id).toBe(true);
  });

  it('lets an admin create a company and attach operators who see only their company', async () => {
    const admin = await register(api);
    await promote(app, admin.user.id, 'ADMIN');
    const op = await register(api);
    const outsider = await register(api);
    const company = await api.post('/api/v1/companies', { name: 'Volt Co' }, admin.accessToken);
    expect(company.status).toBe(201);
    expect(company.body.id).toMatch(/^cmp_/);
    const other = await api.post('/api/v1/companies', { name: 'Other Co' }, admin.accessToken);

    const attach = await api.post(
      `/api/v1/companies/${company.body.id}/operators`,
      { userId: op.user.id },
      admin.accessToken,
    );
    expect(attach.status).toBe(201);
    expect(attach.body).toMatchObject({ role: 'OPERATOR', companyId: company.body.id });
    // Attaching the same operator to a second company is a conflict.
    const twice = await api.post(
      `/api/v1/companies/${other.body.id}/operators`,
      { userId: op.user.id },
      admin.accessToken,
    );
    expect(twice.status).toBe(409);

    expect((await api.get(`/api/v1/companies/${company.body.id}`, op.accessToken)).status).toBe(
      200,
    );
    expect((await api.get(`/api/v1/companies/${other.body.id}`, op.accessToken)).status).toBe(404);
    expect(
      (await api.get(`/api/v1/companies/${company.body.id}`, outsider.accessToken)).status,
    ).toBe(404);
    const ops = await api.get(`/api/v1/companies/${company.body.id}/operators`, op.accessToken);
    expect(ops.body.map((u: { id: string }) => u.id)).toEqual([op.user.id]);

    const detach = await api.del(
      `/api/v1/companies/${company.body.id}/operators/${op.user.id}`,
      admin.accessToken,
    );
    expect(detach.body).toMatchObject({ role: 'USER', companyId: null });
    expect((await api.get(`/api/v1/companies/${company.body.id}`, op.accessToken)).status).toBe(
      404,
    );
  });

  it('soft-deletes a user: tokens stop working, the e-mail is free again', async () => {
    const s = await register(api);
    expect((await api.del(`/api/v1/users/${s.user.id}`, s.accessToken)).status).toBe(204);
    expect((await api.get('/api/v1/auth/me', s.accessToken)).status).toBe(401);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(
      401,
    );
    const row = await app.runtime.database.pool.query(
      'SELECT deleted_at FROM users WHERE id = $1',
      [s.user.id],
    );
    expect(row.rows[0].deleted_at).toBeInstanceOf(Date);
    const again = await api.post('/api/v1/auth/register', {
      email: s.user.email,
      password: PASSWORD,
    });
    expect(again.status).toBe(201);
  });

  it('rate-limits login per e-mail with 429 and Retry-After', async () => {
    const s = await register(api);
    const responses = [];
    for (let i = 0; i < 7; i++) {
      responses.push(
        await api.post('/api/v1/auth/login', { email: s.user.email, password: 'wrong-password' }),
      );
    }
    const statuses = responses.map((r) => r.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const last = responses[6]!;
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.body.error.type).toBe('rate_limit_error');
  });
});
