import type { Redis } from 'ioredis';
import type { Clock } from '../clock';

/**
 * A small string cache with a TTL per entry: in memory on one node, Redis when REDIS_URL is set so
 * every node sees the same entries (and the same invalidations). Values are strings — callers
 * serialise — so both backends behave identically. A cache is an optimisation only: callers must
 * stay correct when any entry is missing, and a backend failure must not fail a request (see
 * `readThrough`).
 */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Stores only if the key is absent; returns the value now stored (ours or the winner's). */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<string>;
  delete(key: string): Promise<void>;
}

/**
 * In-memory, bounded: at most `maxEntries` keys, least recently used evicted first (a Map keeps
 * insertion order, and a hit re-inserts its key), expired entries dropped when read. Time comes
 * from the injected clock so tests can expire entries without sleeping.
 */
export class MemoryCache implements Cache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.read(key));
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.write(key, value, ttlSeconds);
    return Promise.resolve();
  }

  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<string> {
    const existing = this.read(key);
    if (existing !== undefined) return Promise.resolve(existing);
    this.write(key, value, ttlSeconds);
    return Promise.resolve(value);
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  private read(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert so the Map's order stays least-recently-used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  private write(key: string, value: string, ttlSeconds: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now().getTime() + ttlSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

/** Redis: `SET … EX`, so Redis expires entries itself; every key is under one prefix. */
export class RedisCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tender:cache:',
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'EX', ttlSeconds);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<string> {
    const k = this.prefix + key;
    // SET NX then GET rather than SET NX GET, which needs Redis 7; this path is rare (a missing key).
    if ((await this.redis.set(k, value, 'EX', ttlSeconds, 'NX')) === 'OK') return value;
    return (await this.redis.get(k)) ?? value;
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
