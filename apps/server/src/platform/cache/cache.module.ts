import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../clock';
import { REDIS } from '../platform.module';
import { MemoryCache, RedisCache, type Cache } from './cache';

export const CACHE = Symbol('CACHE');

/**
 * The shared cache: Redis when the runtime connected one (REDIS_URL), else in memory. Built here
 * from the platform's REDIS and Clock rather than in the runtime, since it holds no connection of
 * its own. Nest instantiates a module once, so every importer shares the same cache.
 */
@Module({
  providers: [
    {
      provide: CACHE,
      inject: [REDIS, Clock],
      useFactory: (redis: Redis | null, clock: Clock): Cache =>
        redis ? new RedisCache(redis) : new MemoryCache(clock),
    },
  ],
  exports: [CACHE],
})
export class CacheModule {}
