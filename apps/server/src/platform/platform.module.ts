import {
  type ClassProvider,
  type DynamicModule,
  type ExistingProvider,
  Global,
  Module,
  type OnApplicationBootstrap,
  type ValueProvider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { Clock } from './clock';
import { Config } from './config/config';
import { Database } from './database/database';
import { EventStreams } from './http/event-streams';
import { JobQueue } from './jobs/jobs';
import type { ListenAddress } from './listen/listen-address';
import { Logger } from './logging/logger';
import type { Metrics } from './metrics/metrics';
import { PubSub } from './pubsub/pubsub';
import { RateLimiter } from './rate-limit/rate-limiter';

/**
 * Everything impure is injected; bootstrap builds it, tests may swap any of it. The common
 * dependencies are classes and so their own tokens (Config, Database, Clock, Logger, RateLimiter,
 * JobQueue, PubSub): a constructor parameter of that type needs no `@Inject`. The symbols below that name
 * them are kept only as aliases of those classes (`useExisting`), so code still writing
 * `@Inject(CLOCK)` (another branch) keeps working; new code injects by type. METRICS, REDIS,
 * SECRETS and LISTEN_ADDRESS are symbols still (interfaces or a library type, few users).
 */
export const CONFIG = Symbol('CONFIG');
export const DATABASE = Symbol('DATABASE');
export const CLOCK = Symbol('CLOCK');
export const LOGGER = Symbol('LOGGER');
export const METRICS = Symbol('METRICS');
export const RATE_LIMITER = Symbol('RATE_LIMITER');
export const REDIS = Symbol('REDIS');
export const SECRETS = Symbol('SECRETS');
export const JOBS = Symbol('JOBS');
/** The `ListenAddress`: host, port, own URL and public URL, fixed before the app is built. */
export const LISTEN_ADDRESS = Symbol('LISTEN_ADDRESS');

export interface Secrets {
  jwt: string;
}

export interface PlatformDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  redis?: Redis;
  /** Messages between nodes: Redis pub/sub with REDIS_URL, else PostgreSQL LISTEN/NOTIFY. */
  pubsub: PubSub;
  secrets: Secrets;
  jobs: JobQueue;
}

@Global()
@Module({})
export class PlatformModule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  /**
   * Every module's onModuleInit has run: its queues are defined and what their handlers use is
   * registered. Only now may jobs run (a job runs at once at start-up when one was left queued).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.openWorkers();
  }

  static forRoot(deps: PlatformDeps, address: ListenAddress): DynamicModule {
    const providers: (ValueProvider | ExistingProvider | ClassProvider)[] = [
      { provide: Config, useValue: deps.config },
      { provide: Database, useValue: deps.database },
      { provide: Clock, useValue: deps.clock },
      { provide: Logger, useValue: deps.logger },
      { provide: RateLimiter, useValue: deps.rateLimiter },
      { provide: JobQueue, useValue: deps.jobs },
      { provide: PubSub, useValue: deps.pubsub },
      { provide: METRICS, useValue: deps.metrics },
      { provide: REDIS, useValue: deps.redis ?? null },
      { provide: SECRETS, useValue: deps.secrets },
      { provide: LISTEN_ADDRESS, useValue: address },
      // Server-sent event streams of every module, ended together at shutdown.
      { provide: EventStreams, useClass: EventStreams },
      // Aliases for the old symbol tokens (see above): the same instances, never a second copy.
      { provide: CONFIG, useExisting: Config },
      { provide: DATABASE, useExisting: Database },
      { provide: CLOCK, useExisting: Clock },
      { provide: LOGGER, useExisting: Logger },
      { provide: RATE_LIMITER, useExisting: RateLimiter },
      { provide: JOBS, useExisting: JobQueue },
    ];
    // DiscoveryModule: bootstrap finds the providers that serve upgrade routes or wait for listen.
    return {
      module: PlatformModule,
      imports: [DiscoveryModule],
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}
