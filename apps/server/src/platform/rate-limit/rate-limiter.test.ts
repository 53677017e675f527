import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors/app-error';
import { createRateLimiter, enforceRateLimits, ipKey, rateLimitHeaders } from './rate-limiter';

// The in-memory store reads Date.now(); fake timers move it (the Redis store is in test/redis.test.ts).
describe('rate limiter (in memory, @fastify/rate-limit)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('allows up to the limit per window, then denies until the window resets', async () => {
    const rl = await createRateLimiter();
    const first = await rl.hit('k', 3, 60);
    expect(first).toEqual({ allowed: true, limit: 3, remaining: 2, retryAfterSeconds: 60 });
    for (let i = 0; i < 2; i++) expect((await rl.hit('k', 3, 60)).allowed).toBe(true);
    const denied = await rl.hit('k', 3, 60);
    expect(denied).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 60 });
    vi.advanceTimersByTime(45_000);
    expect(await rl.hit('k', 3, 60)).toMatchObject({ allowed: false, retryAfterSeconds: 15 });
    vi.advanceTimersByTime(15_000);
    expect((await rl.hit('k', 3, 60)).allowed).toBe(true);
    expect((await rl.hit('other', 3, 60)).allowed).toBe(true);
    await rl.close();
  });

  it('enforceRateLimits throws a 429 carrying the longest wait', async () => {
    const rl = await createRateLimiter();
    const checks = [
      { key: 'ip', limit: 5, windowSeconds: 60 },
      { key: 'email', limit: 1, windowSeconds: 120 },
    ];
    await enforceRateLimits(rl, checks);
    const err = await enforceRateLimits(rl, checks).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect((err as AppError).retryAfterSeconds).toBe(120);
    await rl.close();
  });

  it('keys IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(ipKey('2001:db8:1:2:aaaa::1')).toBe(ipKey('2001:db8:1:2:bbbb::2'));
    expect(ipKey('2001:db8:1:2::1')).not.toBe(ipKey('2001:db8:1:3::1'));
    expect(ipKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(ipKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('describes a result in the RateLimit-* headers', () => {
    const r = { allowed: true, limit: 60, remaining: 59, retryAfterSeconds: 42 };
    expect(rateLimitHeaders(r)).toEqual({
      'RateLimit-Limit': '60',
      'RateLimit-Remaining': '59',
      'RateLimit-Reset': '42',
    });
  });
});
