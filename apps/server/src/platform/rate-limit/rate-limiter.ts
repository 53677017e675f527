import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error';

/**
 * Rate limits on @fastify/rate-limit's stores: fixed windows counted in memory on one node (an LRU
 * of `cache` keys), or in Redis when REDIS_URL is set (one Lua script: INCR, PEXPIRE on the first
 * hit), so every node shares the counts. We use the plugin's programmatic `createRateLimit()`
 * rather than its route hooks because our keys are not all per IP, nor all known before the
 * handler: login counts per e-mail after validation, orders per authenticated user. The limiter is
 * therefore registered on a small Fastify instance of its own that never listens, and each check
 * hands it a request-like object carrying the key, the limit and the window.
 */
export abstract class RateLimiter {
  abstract hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
  abstract close(): Promise<void>;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Hits left in the window (0 once it is used up). */
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

export interface RateLimiterOptions {
  /** Shared counters; in memory when absent. */
  redis?: Redis;
  /** Redis key prefix. */
  nameSpace?: string;
  /** In memory: how many keys are kept (least recently used go first). */
  cache?: number;
}

/**
 * The part of a client address a per-IP limit counts: an IPv4 address as it is, an IPv6 one by its
 * /64 (one subscriber's usual allocation: counting single IPv6 addresses would give each client
 * 2^64 budgets), an IPv4-mapped IPv6 address as its IPv4. The plugin's own default keying.
 */
export const ipKey = (ip: string): string => normalizeIP(ip);

/** What a check hands the plugin instead of a real request (it reads only these and `routeOptions`). */
interface Check {
  routeOptions: object;
  tenderKey: string;
  tenderLimit: number;
  tenderWindowMs: number;
}
const check = (req: FastifyRequest) => req as unknown as Check;

export async function createRateLimiter(options: RateLimiterOptions = {}): Promise<RateLimiter> {
  const host = Fastify({ logger: false });
  await host.register(fastifyRateLimit, {
    global: false,
    keyGenerator: (req) => check(req).tenderKey,
    max: (req) => check(req).tenderLimit,
    timeWindow: (req) => check(req).tenderWindowMs,
    // A store that cannot answer (Redis down) fails the request rather than letting it through.
    skipOnError: false,
    ...(options.redis
      ? { redis: options.redis, nameSpace: options.nameSpace ?? 'tender:rl:' }
      : { cache: options.cache ?? 100_000 }),
  });
  await host.ready();
  const limit = host.createRateLimit();
  return {
    async hit(key, max, windowSeconds) {
      const req: Check = {
        routeOptions: {},
        tenderKey: key,
        tenderLimit: max,
        tenderWindowMs: windowSeconds * 1000,
      };
      const r = await limit(req as unknown as FastifyRequest);
      // No allowList is configured, so every check is counted.
      if (r.isAllowed) throw new Error('rate limiter: unexpected allow-list match');
      return {
        allowed: !r.isExceeded,
        limit: max,
        remaining: r.remaining,
        retryAfterSeconds: Math.max(1, r.ttlInSeconds),
      };
    },
    close: () => host.close(),
  };
}

/**
 * Counts a hit on every key and throws a 429 (with Retry-After: the longest wait among the keys
 * over their limit) if any is over.
 */
export async function enforceRateLimits(
  limiter: RateLimiter,
  checks: { key: string; limit: number; windowSeconds: number }[],
): Promise<void> {
  denyIfOver(await Promise.all(checks.map((c) => limiter.hit(c.key, c.limit, c.windowSeconds))));
}

/** Throws the 429 if any result is over its limit. */
export function denyIfOver(results: RateLimitResult[]): void {
  const denied = results.filter((r) => !r.allowed);
  if (denied.length > 0) {
    throw new AppError('rate_limited', 'rate_limited', 'Too many requests; retry later', {
      retryAfterSeconds: Math.max(...denied.map((r) => r.retryAfterSeconds)),
    });
  }
}

/** The IETF draft's RateLimit-* headers (draft-ietf-httpapi-ratelimit-headers), for one limit. */
export function rateLimitHeaders(r: RateLimitResult): Record<string, string> {
  return {
    'RateLimit-Limit': String(r.limit),
    'RateLimit-Remaining': String(r.remaining),
    'RateLimit-Reset': String(r.retryAfterSeconds),
  };
}
