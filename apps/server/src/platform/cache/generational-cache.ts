import { randomBytes } from 'node:crypto';
import type { Cache } from './cache';

/** How long a generation marker lives; a lost marker only costs one round of cache misses. */
const GENERATION_TTL_SECONDS = 24 * 60 * 60;

/**
 * A namespace of cached JSON values that are all invalidated at once. Every key is prefixed by the
 * namespace's current *generation*, a random marker stored in the cache itself; `invalidate()`
 * replaces the marker, so every earlier entry becomes unreachable in O(1) (no key scans, which
 * Redis cannot do cheaply) and simply expires by its TTL. A random marker rather than a counter:
 * a counter that was evicted would restart and could land on a generation whose entries still live.
 *
 * Invalidate *after* the change commits. A reader that fetched the old generation and then loaded
 * old rows only writes them under that old generation, which nobody reads any more; a reader that
 * sees the new generation loads after the commit.
 *
 * The cache is an optimisation: if the backend fails, reads fall through to `load` and the error
 * goes to `onError` (a Redis outage must not take the listing down).
 */
export class GenerationalCache {
  constructor(
    private readonly cache: Cache,
    private readonly namespace: string,
    private readonly ttlSeconds: number,
    private readonly onError: (err: unknown, op: string) => void = () => undefined,
  ) {}

  private get generationKey(): string {
    return `${this.namespace}:gen`;
  }

  async readThrough<T>(key: string, load: () => Promise<T>): Promise<T> {
    let fullKey: string | undefined;
    try {
      const generation = await this.generation();
      fullKey = `${this.namespace}:${generation}:${key}`;
      const hit = await this.cache.get(fullKey);
      if (hit !== undefined) return JSON.parse(hit) as T;
    } catch (err) {
      this.onError(err, 'read');
    }
    const value = await load();
    if (fullKey !== undefined) {
      try {
        await this.cache.set(fullKey, JSON.stringify(value), this.ttlSeconds);
      } catch (err) {
        this.onError(err, 'write');
      }
    }
    return value;
  }

  /** Makes every entry of the namespace unreachable. Never throws: a failure is reported only. */
  async invalidate(): Promise<void> {
    try {
      await this.cache.set(this.generationKey, freshMarker(), GENERATION_TTL_SECONDS);
    } catch (err) {
      this.onError(err, 'invalidate');
    }
  }

  private async generation(): Promise<string> {
    const current = await this.cache.get(this.generationKey);
    if (current !== undefined) return current;
    // First use (or the marker was evicted): racing nodes agree on whichever marker landed first.
    return this.cache.setIfAbsent(this.generationKey, freshMarker(), GENERATION_TTL_SECONDS);
  }
}

const freshMarker = () => randomBytes(6).toString('hex');
