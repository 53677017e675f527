import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/platform/rate-limit/rate-limiter';
import { bootTestApp, client, register, type TestApp } from './helpers';

// Runs where Redis is part of the deployment (CI's services run sets REDIS_URL); the embedded
// default on a bare laptop has no Redis and uses the in-memory limiter tested elsewhere.
const REDIS_URL = process.env.REDIS_URL;

describe.runIf(Boolean(REDIS_URL))('with Redis (REDIS_URL)', () => {
  let redis: Redis;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL!);
    const env = {
      REDIS_URL: REDIS_URL!,
      AUTH_RATE_LIMIT_PER_EMAIL: '5',
      AUTH_RATE_LIMIT_PER_IP: '10000',
    };
    [a, b] = await Promise.all([bootTestApp(env), bootTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.quit();
  });

  it('counts fixed windows in Redis with a TTL', async () => {
    const nameSpace = `tender:test:${Date.now()}:`;
    const limiter = await createRateLimiter({ redis, nameSpace });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit('k', 3, 30));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(30);
    // The count lives in Redis under our namespace, and expires with the window.
    expect(await redis.get(`${nameSpace}k`)).toBe('4');
    const ttl = await redis.pttl(`${nameSpace}k`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    // A second limiter (another node) on the same Redis continues the same count.
    const other = await createRateLimiter({ redis, nameSpace });
    expect((await other.hit('k', 3, 30)).allowed).toBe(false);
    await Promise.all([limiter.close(), other.close()]);
  });

  it('shares login rate limits between two server instances', async () => {
    // Both apps share one database-independent limiter; the account only needs to exist on A.
    const s = await register(client(a.url));
    const attempt = (app: TestApp) =>
      client(app.url).post('/api/v1/auth/login', {
        email: s.user.email,
        password: 'wrong-password',
      });
    const statuses = [];
    for (const app of [a, b, a, b, a, b, a]) statuses.push((await attempt(app)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
