import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCache } from '../src/platform/cache/cache';
import { bootTestApp, client, register, type TestApp } from './helpers';

// Runs where Redis is part of the deployment (CI's services run sets REDIS_URL), like redis.test.ts;
// the in-memory cache is covered by catalog.test.ts and src/platform/cache/cache.test.ts.
const REDIS_URL = process.env.REDIS_URL;

describe.runIf(Boolean(REDIS_URL))('catalog cache with Redis (REDIS_URL)', () => {
  let redis: Redis;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL!);
    a = await bootTestApp({ REDIS_URL: REDIS_URL! });
    // A second node on the same database and the same Redis, as in a real deployment.
    b = await bootTestApp({ REDIS_URL: REDIS_URL!, DATABASE_URL: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.quit();
  });

  it('stores entries in Redis with a TTL; setIfAbsent keeps the first value', async () => {
    const prefix = `tender:test:${Date.now()}:`;
    const cache = new RedisCache(redis, prefix);
    await cache.set('k', 'v', 60);
    expect(await cache.get('k')).toBe('v');
    const ttl = await redis.ttl(`${prefix}k`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    expect(await cache.setIfAbsent('g', 'first', 60)).toBe('first');
    expect(await cache.setIfAbsent('g', 'second', 60)).toBe('first');
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
  });

  it('one node serves the cached listing; an edit on another node invalidates it', async () => {
    const apiA = client(a.url);
    const apiB = client(b.url);
    const seller = await register(apiA, { role: 'MERCHANT' });
    const created = await apiA.post(
      '/api/v1/products',
      { name: 'Original', price: 500, initialUnits: 3 },
      seller.accessToken,
    );
    expect(created.status).toBe(201);
    const listing = `/api/v1/products?merchantId=${seller.user.id}`;
    const names = async (api: ReturnType<typeof client>) =>
      (await api.get(listing)).body.data.map((x: { name: string }) => x.name);
    expect(await names(apiB)).toEqual(['Original']);
    await a.runtime.database.pool.query(`UPDATE products SET name = 'Sneaky' WHERE id = $1`, [
      created.body.id,
    ]);
    // Both nodes read the entry B cached in Redis.
    expect(await names(apiA)).toEqual(['Original']);
    expect(await names(apiB)).toEqual(['Original']);
    await apiA.patch(`/api/v1/products/${created.body.id}`, { price: 600 }, seller.accessToken);
    expect(await names(apiB)).toEqual(['Sneaky']);
  });
});
