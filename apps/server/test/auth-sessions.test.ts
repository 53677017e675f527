import { createSecretKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, PASSWORD, register, type TestApp } from './helpers';

/** Access tokens end with their session: no token lives forever, and logout means now. */
describe('identity: sessions and token lifetimes', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  const me = (token: string) => api.get('/api/v1/auth/me', token);
  const login = async (email: string) =>
    (await api.post('/api/v1/auth/login', { email, password: PASSWORD })).body as {
      accessToken: string;
      refreshToken: string;
    };

  beforeAll(async () => {
    app = await bootTestApp({ AUTH_RATE_LIMIT_PER_IP: '1000', AUTH_RATE_LIMIT_PER_EMAIL: '1000' });
    api = client(app.url);
  });
  afterAll(() => app?.close());

  it('refuses a correctly signed token without `exp` (it would never expire), or without a session', async () => {
    const s = await register(api);
    const key = createSecretKey(Buffer.from(app.runtime.secrets.jwt, 'utf8'));
    const now = Math.floor(Date.now() / 1000);
    const { sid } = JSON.parse(Buffer.from(s.accessToken.split('.')[1]!, 'base64url').toString());
    expect(sid).toEqual(expect.any(String));
    const signed = (claims: Record<string, unknown>, exp?: number) => {
      const jwt = new SignJWT({ role: 'USER', ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(s.user.id)
        .setIssuer('tender')
        .setAudience('tender-api')
        .setIssuedAt(now);
      return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(key);
    };
    // The same claims with an expiry are accepted: only the missing claim is refused.
    expect((await me(await signed({ sid }, now + 60))).status).toBe(200);
    for (const token of [await signed({ sid }), await signed({}, now + 60)]) {
      const res = await me(token);
      expect({ status: res.status, code: res.body.error.code }).toEqual({
        status: 401,
        code: 'invalid_token',
      });
    }
  });

  it("logout ends the session's access tokens at once (also ones this node remembers), not 15 minutes later", async () => {
    const s = await register(api);
    const other = await login(s.user.email); // a second session of the same user
    expect((await me(s.accessToken)).status).toBe(200); // verified and remembered
    const out = await api.post(
      '/api/v1/auth/logout',
      { refreshToken: s.refreshToken },
      s.accessToken,
    );
    expect(out.status).toBe(204);
    const after = await me(s.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_ended');
    // Every other route too, not only /me.
    expect((await api.get('/api/v1/wallet', s.accessToken)).status).toBe(401);
    // The other session is another session.
    expect((await me(other.accessToken)).status).toBe(200);
    expect(
      (await api.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status,
    ).toBe(200);
  });

  it('logout without a refresh token ends every session of the user', async () => {
    const s = await register(api);
    const other = await login(s.user.email);
    expect((await api.post('/api/v1/auth/logout', undefined, s.accessToken)).status).toBe(204);
    for (const token of [s.accessToken, other.accessToken]) {
      expect((await me(token)).body.error.code).toBe('session_ended');
    }
    for (const refreshToken of [s.refreshToken, other.refreshToken]) {
      const res = await api.post('/api/v1/auth/refresh', { refreshToken });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('session_ended');
    }
  });

  it('refresh after logout is a clear session_ended, not a reuse alarm; a spent token still is one', async () => {
    const s = await register(api);
    const rotated = (await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })).body;
    // The access token of the rotated pair belongs to the same session.
    expect((await me(rotated.accessToken)).status).toBe(200);
    await api.post(
      '/api/v1/auth/logout',
      { refreshToken: rotated.refreshToken },
      rotated.accessToken,
    );
    const res = await api.post('/api/v1/auth/refresh', { refreshToken: rotated.refreshToken });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({
      type: 'authentication_error',
      code: 'session_ended',
    });
    expect((await me(s.accessToken)).body.error.code).toBe('session_ended');
    // The first token was spent by a rotation: presenting it is still reuse.
    const spent = await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken });
    expect(spent.body.error.code).toBe('refresh_token_reused');
  });

  it('a detected reuse ends the access tokens of the family too', async () => {
    const s = await register(api);
    const rotated = (await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })).body;
    // The rotated token is used, so presenting the first one again cannot be a lost answer.
    const next = (await api.post('/api/v1/auth/refresh', { refreshToken: rotated.refreshToken }))
      .body;
    expect((await me(next.accessToken)).status).toBe(200);
    const replay = await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken });
    expect(replay.body.error.code).toBe('refresh_token_reused');
    expect((await me(next.accessToken)).body.error.code).toBe('session_ended');
  });
});

/**
 * A browser reloaded while its refresh was in flight never stores the rotated token, and presents
 * the spent one again. That must not sign the user out everywhere; a replay after the window, or
 * of a token whose successor was used, still is a theft.
 */
describe('identity: a refresh answer lost in flight', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  const refresh = (refreshToken: string) => api.post('/api/v1/auth/refresh', { refreshToken });
  const me = (token: string) => api.get('/api/v1/auth/me', token);

  beforeAll(async () => {
    app = await bootTestApp({
      AUTH_RATE_LIMIT_PER_IP: '1000',
      AUTH_RATE_LIMIT_PER_EMAIL: '1000',
      REFRESH_REUSE_GRACE_SECONDS: '2',
    });
    api = client(app.url);
  });
  afterAll(() => app?.close());

  it('within the window: a new pair in the same session, and the lost one is spent', async () => {
    const s = await register(api);
    const lost = (await refresh(s.refreshToken)).body; // the answer the browser never stored
    const again = await refresh(s.refreshToken);
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).not.toBe(lost.refreshToken);
    expect((await me(again.body.accessToken)).status).toBe(200);
    expect((await me(s.accessToken)).status).toBe(200); // the session did not end
    // The new token rotates normally.
    const next = await refresh(again.body.refreshToken);
    expect(next.status).toBe(200);
    // The first token now has a used successor chain: presenting it again is a reuse.
    const replay = await refresh(s.refreshToken);
    expect(replay.body.error.code).toBe('refresh_token_reused');
    expect((await me(next.body.accessToken)).body.error.code).toBe('session_ended');
  });

  it('after the window the same replay is a reuse and ends the session', async () => {
    const s = await register(api);
    const lost = (await refresh(s.refreshToken)).body;
    await new Promise((r) => setTimeout(r, 2_200));
    const replay = await refresh(s.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('refresh_token_reused');
    expect((await refresh(lost.refreshToken)).body.error.code).toBe('session_ended');
  });
});
