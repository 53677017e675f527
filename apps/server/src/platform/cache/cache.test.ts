import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { MemoryCache, type Cache } from './cache';
import { GenerationalCache } from './generational-cache';

describe('MemoryCache', () => {
  it('expires entries after their TTL', async () => {
    const clock = new ManualClock();
    const cache = new MemoryCache(clock);
    await cache.set('k', 'v', 60);
    clock.advance(59_999);
    expect(await cache.get('k')).toBe('v');
    clock.advance(1);
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stays within its bound, evicting the least recently used key', async () => {
    const cache = new MemoryCache(new ManualClock(), 3);
    await cache.set('a', '1', 60);
    await cache.set('b', '2', 60);
    await cache.set('c', '3', 60);
    await cache.get('a'); // a is now the most recently used
    await cache.set('d', '4', 60);
    expect(cache.size).toBe(3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('1');
    expect(await cache.get('d')).toBe('4');
  });

  it('setIfAbsent keeps the first value until it expires', async () => {
    const clock = new ManualClock();
    const cache = new MemoryCache(clock);
    expect(await cache.setIfAbsent('k', 'first', 10)).toBe('first');
    expect(await cache.setIfAbsent('k', 'second', 10)).toBe('first');
    clock.advance(10_000);
    expect(await cache.setIfAbsent('k', 'third', 10)).toBe('third');
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
  });
});

describe('GenerationalCache', () => {
  it('serves from the cache until invalidated, then loads again', async () => {
    const cache = new GenerationalCache(new MemoryCache(new ManualClock()), 'ns', 60);
    let loads = 0;
    const load = () => Promise.resolve({ n: ++loads });
    expect(await cache.readThrough('k', load)).toEqual({ n: 1 });
    expect(await cache.readThrough('k', load)).toEqual({ n: 1 });
    await cache.invalidate();
    expect(await cache.readThrough('k', load)).toEqual({ n: 2 });
    expect(await cache.readThrough('other', load)).toEqual({ n: 3 });
  });

  it('falls through to the loader when the backend fails, and reports it', async () => {
    const broken: Cache = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      setIfAbsent: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    const errors: string[] = [];
    const cache = new GenerationalCache(broken, 'ns', 60, (_err, op) => errors.push(op));
    expect(await cache.readThrough('k', () => Promise.resolve(7))).toBe(7);
    await cache.invalidate();
    expect(errors).toEqual(['read', 'invalidate']);
  });
});
