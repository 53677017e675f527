import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { AppError } from '../errors/app-error';
import { MemoryRateLimiter, enforceRateLimits } from './rate-limiter';

describe('MemoryRateLimiter', () => {
  it('allows up to the limit per window, then denies until the window resets', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const rl = new MemoryRateLimiter(clock);
    for (let i = 0; i < 3; i++) expect((await rl.hit('k', 3, 60)).allowed).toBe(true);
    const denied = await rl.hit('k', 3, 60);
    expect(denied).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(45_000);
    expect((await rl.hit('k', 3, 60)).retryAfterSeconds).toBe(15);
    clock.advance(15_000);
    expect((await rl.hit('k', 3, 60)).allowed).toBe(true);
    expect((await rl.hit('other', 3, 60)).allowed).toBe(true);
  });

  it('enforceRateLimits throws a 429 carrying the longest wait', async () => {
    const rl = new MemoryRateLimiter(new ManualClock());
    const checks = [
      { key: 'ip', limit: 5, windowSeconds: 60 },
      { key: 'email', limit: 1, windowSeconds: 120 },
    ];
    await enforceRateLimits(rl, checks);
    const err = await enforceRateLimits(rl, checks).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect((err as AppError).retryAfterSeconds).toBe(120);
  });
});
