import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue, type JobQueueOptions } from '../src/platform/jobs/jobs';
import { createLogger } from '../src/platform/logging/logger';
import { Metrics } from '../src/platform/metrics/metrics';
import { createTestDatabase } from './helpers';

/** JOBS_WORKERS=0: an API-only node creates queues and queues jobs, but runs no job and no cron. */
describe('JobQueue with workers off (an API-only node)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Client;
  const open: JobQueue[] = [];
  const options = { retryLimit: 1, retryDelaySeconds: 1 };

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

  async function queue(o: Partial<JobQueueOptions>): Promise<JobQueue> {
    const q = new JobQueue(
      { url: db.url, pollIntervalSeconds: 0.5, stopTimeoutMs: 5_000, ...o },
      { logger: createLogger('silent'), metrics: new Metrics() },
    );
    open.push(q);
    await q.start();
    return q;
  }
  const jobsOf = async (name: string) =>
    (
      await sql.query<{ id: string; state: string }>(
        'SELECT id, state FROM pgboss.job WHERE name = $1 ORDER BY created_on',
        [name],
      )
    ).rows;
  async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
      await sleep(50);
    }
  }

  it('creates the queue and keeps a sent job queued; a node with workers on runs it', async () => {
    const api = await queue({ workers: false });
    expect(api.workers).toBe(false);
    const ranOnApi: unknown[] = [];
    // Defined both before and after start(): neither registers a worker.
    await api.define('test.api-only', (job) => void ranOnApi.push(job.data), options);
    const id = await api.send('test.api-only', { n: 1 });
    // Several poll intervals (and the local wake-up a send does on a worker node) pass.
    await sleep(2_000);
    expect(ranOnApi).toEqual([]);
    expect(await jobsOf('test.api-only')).toEqual([{ id, state: 'created' }]);

    const worker = await queue({ workers: true });
    const ranOnWorker: { id: string; data: unknown }[] = [];
    await worker.define(
      'test.api-only',
      (job) => void ranOnWorker.push({ id: job.id, data: job.data }),
      options,
    );
    await until(async () => (await jobsOf('test.api-only'))[0]?.state === 'completed');
    expect(ranOnWorker).toEqual([{ id, data: { n: 1 } }]);
    expect(ranOnApi).toEqual([]);
  });

  it('stores cron schedules but does not fire them; a node with workers on does', async () => {
    const api = await queue({ workers: false, cronIntervalSeconds: 1 });
    await api.define('test.cron', () => undefined, options);
    await api.schedule('test.cron', '* * * * *');
    const { rows } = await sql.query('SELECT cron FROM pgboss.schedule WHERE name = $1', [
      'test.cron',
    ]);
    expect(rows).toEqual([{ cron: '* * * * *' }]);
    // An every-minute schedule fires as soon as a cron monitor looks (every second here).
    await sleep(3_000);
    expect(await jobsOf('test.cron')).toEqual([]);
    expect(
      (await sql.query(`SELECT 1 FROM pgboss.job WHERE name = '__pgboss__send-it'`)).rowCount,
    ).toBe(0);

    const worker = await queue({ workers: true, cronIntervalSeconds: 1 });
    let ran = 0;
    await worker.define('test.cron', () => void (ran += 1), options);
    await until(() => ran > 0, 15_000);
    expect((await jobsOf('test.cron')).length).toBeGreaterThan(0);
  });
});
