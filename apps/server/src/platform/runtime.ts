import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { systemClock, type Clock } from './clock';
import type { Config } from './config/config';
import { openDatabase, runMigrations } from './database/database';
import { startEmbeddedPostgres, type RunningPostgres } from './database/embedded-postgres';
import { JobQueue } from './jobs/jobs';
import { createLogger } from './logging/logger';
import { Metrics } from './metrics/metrics';
import type { PlatformDeps } from './platform.module';
import { PgPubSub } from './pubsub/pg-pubsub';
import type { PubSub } from './pubsub/pubsub';
import { RedisPubSub } from './pubsub/redis-pubsub';
import { createRateLimiter } from './rate-limit/rate-limiter';
import { configuredOrGeneratedSecret } from './secrets';

export interface Runtime extends PlatformDeps {
  /** Set when we started PostgreSQL ourselves (no DATABASE_URL). */
  embedded?: RunningPostgres;
  /** Releases everything in reverse order of acquisition. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logStream?: Writable;
  clock?: Clock;
}

/**
 * Acquires every impure dependency the app needs, from config: database (external or embedded),
 * migrations applied, Redis if configured, secrets. The Nest app is built on top of this.
 */
export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const logger = createLogger(config.logLevel, opts.logStream);
  const clock = opts.clock ?? systemClock;
  await mkdir(config.dataDir, { recursive: true });

  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const fn of cleanups.reverse())
      await fn().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
  };

  try {
    let embedded: RunningPostgres | undefined;
    let url = config.database.url;
    if (!url) {
      embedded = await startEmbeddedPostgres({
        dir: join(config.dataDir, 'postgres'),
        log: (msg) => logger.info({ component: 'embedded-postgres' }, msg),
      });
      cleanups.push(() => embedded!.stop());
      url = embedded.url;
    }
    const database = openDatabase(url, config.database.poolSize);
    cleanups.push(() => database.close());
    await runMigrations(database);

    const metrics = new Metrics();
    const jobs = new JobQueue(
      {
        url,
        pollIntervalSeconds: config.jobs.pollIntervalSeconds,
        // JOBS_WORKERS=0: an API-only node queues jobs (and stores schedules) but runs neither.
        workers: config.jobs.workers,
        // Opened by PlatformModule once every module is initialised (onApplicationBootstrap).
        holdWorkers: true,
        // Half the shutdown grace: requests drain first, and the pool must still close in time.
        stopTimeoutMs: Math.floor(config.http.shutdownGraceMs / 2),
      },
      { logger, metrics },
    );
    // Stopped before the pool closes (cleanups run in reverse): running handlers use the database.
    cleanups.push(() => jobs.stop());
    await jobs.start();

    let redis: Redis | undefined;
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
      await redis.connect();
      cleanups.push(async () => void (await redis!.quit()));
    }
    // Between nodes: Redis pub/sub when configured, else LISTEN/NOTIFY on the same PostgreSQL.
    // Closed before Redis and the pool (cleanups run in reverse).
    let pubsub: PubSub;
    if (redis) {
      const redisPubSub = new RedisPubSub(redis, `tender:${databaseName(url)}:`, logger);
      await redisPubSub.start();
      pubsub = redisPubSub;
    } else {
      const pgPubSub = new PgPubSub(url, database.pool, logger);
      await pgPubSub.start();
      pubsub = pgPubSub;
    }
    cleanups.push(() => pubsub.close());
    // On Redis when configured (counts shared by every node), else in this process's memory.
    const rateLimiter = await createRateLimiter({ redis });
    cleanups.push(() => rateLimiter.close());

    const secrets = {
      jwt: await configuredOrGeneratedSecret(config.auth.jwtSecret, config.dataDir, 'jwt-secret'),
    };
    return {
      config,
      database,
      clock,
      logger,
      metrics,
      jobs,
      rateLimiter,
      redis,
      pubsub,
      secrets,
      embedded,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** NOTIFY is per database; the same database's nodes share Redis channels under its name. */
function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}
