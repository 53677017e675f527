import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Tx } from '../src/platform/database/database';
import { JobQueue, type JobQueueOptions } from '../src/platform/jobs/jobs';
import { createLogger } from '../src/platform/logging/logger';
import { Metrics } from '../src/platform/metrics/metrics';
import { createTestDatabase } from './helpers';
import { until } from './jobs-fixture';

/**
 * `send(…, { tx })`: a job caused by a state change is inserted by the transaction that makes the
 * change, on the application's drizzle transaction (not the queue's own pool).
 */
describe('JobQueue.send inside a caller transaction', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let sql: Client;
  const open: JobQueue[] = [];
  const options = { retryLimit: 0, retryDelaySeconds: 1 };

  beforeAll(async () => {
    db = await createTestDatabase();
    database = openDatabase(db.url, 4);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterEach(async () => {
    for (const q of open.splice(0)) await q.stop();
  });
  afterAll(async () => {
    await sql?.end();
    await database?.close();
    await db?.drop();
  });

  async function queue(o: Partial<JobQueueOptions> = {}): Promise<JobQueue> {
    const q = new JobQueue(
      { url: db.url, pollIntervalSeconds: 0.5, stopTimeoutMs: 5_000, ...o },
      { logger: createLogger('silent'), metrics: new Metrics() },
    );
    open.push(q);
    await q.start();
    return q;
  }
  /** Seen from another connection: what is committed. */
  const committed = async (id: string) =>
    (await sql.query('SELECT 1 FROM pgboss.job WHERE id = $1', [id])).rowCount === 1;

  it('a job sent in a transaction that rolls back never exists and never runs', async () => {
    const q = await queue();
    const ran: string[] = [];
    await q.define<{ v: string }>('tx.rollback', (job) => void ran.push(job.data.v), options);
    let id = '';
    const rolledBack = database.db.transaction(async (tx) => {
      id = await q.send('tx.rollback', { v: 'never' }, { tx });
      // Inside the transaction the job is there; outside it is not.
      const inside = await tx.execute(`SELECT 1 FROM pgboss.job WHERE id = '${id}'`);
      expect(inside.rowCount).toBe(1);
      expect(await committed(id)).toBe(false);
      throw new Error('the state change fails');
    });
    await expect(rolledBack).rejects.toThrow('the state change fails');
    expect(id).not.toBe('');
    expect(await committed(id)).toBe(false);
    await sleep(1_500); // three polls
    expect(ran).toEqual([]);
  });

  it('a committed one becomes visible at the commit and runs then, woken without a poll', async () => {
    // Polling every 30 s: only the commit's wake-up (NOTIFY) can make it run within seconds.
    const q = await queue({ pollIntervalSeconds: 30 });
    const ran: string[] = [];
    await q.define<{ v: string }>('tx.commit', (job) => void ran.push(job.data.v), options);
    await sleep(300); // the worker's first fetch (empty) is behind it
    let id = '';
    await database.db.transaction(async (tx) => {
      id = await q.send('tx.commit', { v: 'after commit' }, { tx });
      await sleep(1_000); // the transaction stays open: nothing may see or run the job yet
      expect(await committed(id)).toBe(false);
      expect(ran).toEqual([]);
    });
    expect(await committed(id)).toBe(true);
    await until(() => ran.length === 1, 5_000);
    expect(ran).toEqual(['after commit']);
  });

  it('dedupes a singletonKey across transactions: the second waits for the first to commit', async () => {
    const q = await queue();
    await q.define('tx.single', () => undefined, options);
    const later = { startAfter: 60, singletonKey: 'pay_1' };
    let releaseFirst!: () => void;
    const held = new Promise<void>((r) => (releaseFirst = r));
    let firstSent!: () => void;
    const sent = new Promise<void>((r) => (firstSent = r));
    const first = database.db.transaction(async (tx) => {
      const id = await q.send('tx.single', {}, { ...later, tx });
      firstSent();
      await held;
      return id;
    });
    await sent;
    let secondDone = false;
    const second = database.db
      .transaction((tx) => q.send('tx.single', {}, { ...later, tx }))
      .finally(() => (secondDone = true));
    await sleep(500);
    expect(secondDone).toBe(false); // waiting on the key's lock, not inserting a second job
    releaseFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(b).toBe(a);
    const { rows } = await sql.query(
      `SELECT id FROM pgboss.job WHERE name = 'tx.single' AND singleton_key = 'pay_1'`,
    );
    expect(rows).toEqual([{ id: a }]);
  });

  it('a key whose transaction rolled back is free for the next send', async () => {
    const q = await queue();
    await q.define('tx.single-rb', () => undefined, options);
    const keyed = { startAfter: 60, singletonKey: 'pay_2' };
    let lost = '';
    await database.db
      .transaction(async (tx) => {
        lost = await q.send('tx.single-rb', {}, { ...keyed, tx });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const kept = await database.db.transaction((tx) =>
      q.send('tx.single-rb', {}, { ...keyed, tx }),
    );
    expect(kept).not.toBe(lost);
    expect(await committed(kept)).toBe(true);
  });

  describe('sendMany in a caller transaction, with the state change that causes the jobs', () => {
    const events = async (ids: string[]) =>
      (await sql.query('SELECT id FROM tx_events WHERE id = ANY($1) ORDER BY id', [ids])).rows.map(
        (r: { id: string }) => r.id,
      );
    const jobsOf = async (name: string) =>
      (
        await sql.query(`SELECT data->>'e' AS e FROM pgboss.job WHERE name = $1 ORDER BY 1`, [name])
      ).rows.map((r: { e: string }) => r.e);
    /** The event rows and their jobs in one transaction, as the webhook intake stores them. */
    const storeWithJobs = (q: JobQueue, name: string, ids: string[], fail: boolean) =>
      database.db.transaction(async (tx) => {
        for (const id of ids) await tx.execute(`INSERT INTO tx_events (id) VALUES ('${id}')`);
        await q.sendMany(
          name,
          ids.map((e) => ({ e })),
          { tx },
        );
        // Inside the transaction both are there; from outside, neither yet.
        expect((await tx.execute(`SELECT 1 FROM pgboss.job WHERE name = '${name}'`)).rowCount).toBe(
          ids.length,
        );
        expect(await jobsOf(name)).toEqual([]);
        expect(await events(ids)).toEqual([]);
        if (fail) throw new Error('the batch fails');
      });

    beforeAll(async () => {
      await sql.query('CREATE TABLE IF NOT EXISTS tx_events (id text PRIMARY KEY)');
    });

    it('a rolled-back transaction leaves neither the events nor their jobs, and nothing runs', async () => {
      const q = await queue();
      const ran: string[] = [];
      await q.define<{ e: string }>('tx.many-rb', (job) => void ran.push(job.data.e), options);
      await expect(storeWithJobs(q, 'tx.many-rb', ['rb_1', 'rb_2'], true)).rejects.toThrow(
        'the batch fails',
      );
      expect(await events(['rb_1', 'rb_2'])).toEqual([]);
      expect(await jobsOf('tx.many-rb')).toEqual([]);
      await sleep(1_500); // three polls
      expect(ran).toEqual([]);
    });

    it('a committed one leaves both, and the jobs run woken by the commit', async () => {
      // Polling every 30 s: only the commit's wake-up can make them run within seconds.
      const q = await queue({ pollIntervalSeconds: 30 });
      const ran: string[] = [];
      await q.define<{ e: string }>('tx.many-ok', (job) => void ran.push(job.data.e), {
        ...options,
        batchSize: 10,
      });
      await sleep(300); // the worker's first fetch (empty) is behind it
      await storeWithJobs(q, 'tx.many-ok', ['ok_1', 'ok_2', 'ok_3'], false);
      expect(await events(['ok_1', 'ok_2', 'ok_3'])).toEqual(['ok_1', 'ok_2', 'ok_3']);
      expect(await jobsOf('tx.many-ok')).toEqual(['ok_1', 'ok_2', 'ok_3']);
      await until(() => ran.length === 3, 5_000);
      expect(ran.sort()).toEqual(['ok_1', 'ok_2', 'ok_3']);
    });

    it('refuses a database handle that is not a transaction', async () => {
      const q = await queue();
      await q.define('tx.many-refused', () => undefined, options);
      await expect(
        q.sendMany('tx.many-refused', [{}], { tx: database.db as unknown as Tx }),
      ).rejects.toThrow(/open drizzle transaction/);
    });
  });

  it('refuses a database handle that is not a transaction', async () => {
    const q = await queue();
    await q.define('tx.refused', () => undefined, options);
    await expect(q.send('tx.refused', {}, { tx: database.db as unknown as Tx })).rejects.toThrow(
      /open drizzle transaction/,
    );
  });
});
