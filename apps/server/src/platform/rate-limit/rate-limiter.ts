import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import { AppError } from '../errors/app-error';

/**
 * Fixed-window counters: `hit` counts one attempt against `key` and says whether it is within
 * `limit` for the current window. In-memory on one node; Redis when REDIS_URL is set so every node
 * shares the same counts.
 */
export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetsAt: number }>();

  constructor(private readonly clock: Clock) {}

  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = this.clock.now().getTime();
    let w = this.windows.get(key);
    if (!w || w.resetsAt <= now) {
      w = { count: 0, resetsAt: now + windowSeconds * 1000 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    w.count += 1;
    return Promise.resolve({
      allowed: w.count <= limit,
      retryAfterSeconds: Math.max(1, Math.ceil((w.resetsAt - now) / 1000)),
    });
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetsAt <= now) this.windows.delete(k);
  }
}

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tender:rl:',
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const k = this.prefix + key;
    const res = await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').ttl(k).exec();
    const count = Number(res?.[0]?.[1] ?? 0);
    const ttl = Number(res?.[2]?.[1] ?? windowSeconds);
    return { allowed: count <= limit, retryAfterSeconds: Math.max(1, ttl) };
  }
}

/** Counts a hit on every key and throws a 429 (with Retry-After) if any is over its limit. */
export async function enforceRateLimits(
  limiter: RateLimiter,
  checks: { key: string; limit: number; windowSeconds: number }[],
): Promise<void> {
  const results = await Promise.all(
    checks.map((c) => limiter.hit(c.key, c.limit, c.windowSeconds)),
  );
  const denied = results.filter((r) => !r.allowed);
  if (denied.length > 0) {
    throw new AppError('rate_limited', 'rate_limited', 'Too many requests; retry later', {
      retryAfterSeconds: Math.max(...denied.map((r) => r.retryAfterSeconds)),
    });
  }
}
