import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import type { Clock } from './clock';
import type { Config } from './config/config';
import type { Database } from './database/database';
import type { JobQueue } from './jobs/jobs';
import type { ListenAddress } from './listen/listen-address';
import type { Logger } from './logging/logger';
import type { Metrics } from './metrics/metrics';
import type { RateLimiter } from './rate-limit/rate-limiter';

/** Injection tokens for everything impure; bootstrap builds them, tests may swap any of them. */
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
  secrets: Secrets;
  jobs: JobQueue;
}

@Global()
@Module({})
export class PlatformModule implements OnApplicationBootstrap {
  constructor(@Inject(JOBS) private readonly jobs: JobQueue) {}

  /**
   * Every module's onModuleInit has run: its queues are defined and what their handlers use is
   * registered. Only now may jobs run (a job runs at once at start-up when one was left queued).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.openWorkers();
  }

  static forRoot(deps: PlatformDeps, address: ListenAddress): DynamicModule {
    const providers = [
      { provide: CONFIG, useValue: deps.config },
      { provide: DATABASE, useValue: deps.database },
      { provide: CLOCK, useValue: deps.clock },
      { provide: LOGGER, useValue: deps.logger },
      { provide: METRICS, useValue: deps.metrics },
      { provide: RATE_LIMITER, useValue: deps.rateLimiter },
      { provide: REDIS, useValue: deps.redis ?? null },
      { provide: SECRETS, useValue: deps.secrets },
      { provide: JOBS, useValue: deps.jobs },
      { provide: LISTEN_ADDRESS, useValue: address },
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
