import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { JobQueue, type JobQueueOptions } from '../src/platform/jobs/jobs';
import { createLogger } from '../src/platform/logging/logger';
import { Metrics } from '../src/platform/metrics/metrics';
import { createTestDatabase } from './helpers';

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function until<T>(
  check: () => T | Promise<T>,
  ms = 10_000,
): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(50);
  }
}

/**
 * For a describe block: a fresh database, `queue()` for started queues with fast polling (stopped
 * after each test), and `stateOf()` to read a job's state straight from pg-boss's table.
 */
export function jobQueueFixture() {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Client;
  const open: JobQueue[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterEach(async () => {
    for (const q of open.splice(0)) await q.stop();
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  return {
    sql: () => sql,
    async queue(options: Partial<JobQueueOptions> = {}, metrics = new Metrics()) {
      const q = new JobQueue(
        { url: db.url, pollIntervalSeconds: 0.5, stopTimeoutMs: 5_000, ...options },
        { logger: createLogger('silent'), metrics },
      );
      open.push(q);
      await q.start();
      return q;
    },
    async stateOf(queueName: string, id: string) {
      const { rows } = await sql.query<{ state: string }>(
        'SELECT state FROM pgboss.job WHERE name = $1 AND id = $2',
        [queueName, id],
      );
      return rows[0]?.state;
    },
  };
}
