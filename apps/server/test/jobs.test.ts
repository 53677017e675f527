import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/platform/errors/app-error';
import type { Job } from '../src/platform/jobs/jobs';
import { Metrics } from '../src/platform/metrics/metrics';
import { jobQueueFixture, until } from './jobs-fixture';

describe('JobQueue on PostgreSQL (pg-boss): running, retrying, dead letters, dedupe', () => {
  const { queue, stateOf, sql } = jobQueueFixture();

  it('runs a job with its data and counts it', async () => {
    const metrics = new Metrics();
    const q = await queue({}, metrics);
    const seen: Job<{ n: number }>[] = [];
    await q.define<{ n: number }>('test.run', (job) => void seen.push(job), {
      retryLimit: 1,
      retryDelaySeconds: 1,
    });
    const id = await q.send('test.run', { n: 7 });
    await until(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ id, queue: 'test.run', data: { n: 7 }, attempt: 1 });
    await until(async () => (await stateOf('test.run', id)) === 'completed');
    const text = await metrics.registry.metrics();
    expect(text).toContain('tender_jobs_completed_total{queue="test.run"} 1');
    expect(text).toMatch(
      /tender_job_duration_seconds_count\{queue="test.run",outcome="completed"\} 1/,
    );
  });

  it('refuses to send to a queue nobody defined, and bad definitions', async () => {
    const q = await queue();
    await expect(q.send('test.nowhere', {})).rejects.toThrow(/does not exist/);
    const ok = { retryLimit: 1, retryDelaySeconds: 1 };
    await expect(q.define('Bad Name', () => {}, ok)).rejects.toThrow(/name must match/);
    await expect(q.define('x.dead', () => {}, ok)).rejects.toThrow(/\.dead/);
    await expect(q.define('test.bad', () => {}, { ...ok, retryDelaySeconds: 0 })).rejects.toThrow(
      /retryDelaySeconds/,
    );
  });

  it('retries a failing job with exponential backoff, then dead-letters it', async () => {
    const metrics = new Metrics();
    const q = await queue({}, metrics);
    const attempts: { attempt: number; at: number }[] = [];
    await q.define<{ order: string }>(
      'test.flaky',
      (job) => {
        attempts.push({ attempt: job.attempt, at: Date.now() });
        throw new Error(`boom ${job.attempt}`);
      },
      { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true },
    );
    await q.send('test.flaky', { order: 'ord_1' });
    const page = await until(async () => {
      const p = await q.listDeadLetters({ limit: 10, queue: 'test.flaky' });
      return p.data.length === 1 && p;
    }, 15_000);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // Retry n waits 1 s × 2^(n-1) × (1 to 2): at least 1 s, then at least 2 s.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2000);
    expect(page.data[0]).toMatchObject({
      queue: 'test.flaky',
      data: { order: 'ord_1' },
      error: { name: 'Error', message: 'boom 3' },
      replayedAt: null,
      replayJobId: null,
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('tender_jobs_failed_total{queue="test.flaky"} 3');
    expect(text).toContain('tender_jobs_dead_lettered_total{queue="test.flaky"} 1');
    expect(text).not.toContain('tender_jobs_completed_total{queue="test.flaky"}');
  }, 20_000);

  it('hands a batch over one job at a time and fails only the job that failed', async () => {
    const q = await queue();
    const handled: number[] = [];
    await q.define<{ n: number }>(
      'test.batch',
      (job) => {
        handled.push(job.data.n);
        if (job.data.n === 2) throw new Error('two is bad');
      },
      { retryLimit: 0, retryDelaySeconds: 1, batchSize: 3 },
    );
    // One start time for all three, so a single poll fetches them together.
    const at = new Date(Date.now() + 800);
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await q.send('test.batch', { n }, { startAfter: at }));
    await until(
      async () => (await q.listDeadLetters({ limit: 10, queue: 'test.batch' })).data.length === 1,
    );
    expect(handled.sort()).toEqual([1, 2, 3]);
    // One fetch (one UPDATE, one now()) claimed all three: it really was one batch.
    const started = await sql().query(
      'SELECT DISTINCT started_on FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[])',
      ['test.batch', ids],
    );
    expect(started.rowCount).toBe(1);
    expect(await stateOf('test.batch', ids[0]!)).toBe('completed');
    expect(await stateOf('test.batch', ids[1]!)).toBe('failed');
    expect(await stateOf('test.batch', ids[2]!)).toBe('completed');
    const dead = (await q.listDeadLetters({ limit: 10, queue: 'test.batch' })).data;
    expect(dead.map((d) => d.data)).toEqual([{ n: 2 }]);
  });

  it('replays a dead letter to its queue once; a second replay is refused', async () => {
    const q = await queue();
    let broken = true;
    const done: string[] = [];
    await q.define<{ event: string }>(
      'test.replay',
      (job) => {
        if (broken) throw new Error('downstream down');
        done.push(job.data.event);
      },
      { retryLimit: 0, retryDelaySeconds: 1 },
    );
    await q.send('test.replay', { event: 'evt_1' });
    const dead = await until(
      async () => (await q.listDeadLetters({ limit: 10, queue: 'test.replay' })).data[0],
    );
    expect(dead.error?.message).toBe('downstream down');

    broken = false;
    const { deadLetter, jobId } = await q.replayDeadLetter(dead.id);
    expect(deadLetter).toMatchObject({ id: dead.id, replayJobId: jobId });
    expect(deadLetter.replayedAt).toBeInstanceOf(Date);
    await until(() => done.length === 1);
    expect(done).toEqual(['evt_1']);
    expect(await stateOf('test.replay', jobId)).toBeDefined();

    const again = await q.replayDeadLetter(dead.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ kind: 'conflict', code: 'dead_letter_already_replayed' });
    const unknown = await q.replayDeadLetter(crypto.randomUUID()).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ kind: 'not_found' });
    expect(await q.replayDeadLetter('not-a-uuid').catch((e: unknown) => e)).toMatchObject({
      kind: 'not_found',
    });
    // Concurrent replays of one dead letter: exactly one sends.
    broken = true;
    await q.send('test.replay', { event: 'evt_2' });
    const second = await until(async () =>
      (await q.listDeadLetters({ limit: 10, queue: 'test.replay' })).data.find(
        (d) => d.replayJobId === null,
      ),
    );
    broken = false;
    const results = await Promise.allSettled([1, 2, 3].map(() => q.replayDeadLetter(second.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await until(() => done.length === 2);
    await sleep(700); // one more poll: nothing else runs
    expect(done).toEqual(['evt_1', 'evt_2']);
  });

  it('dedupes sends by singletonKey while a job of that key waits to run', async () => {
    const q = await queue();
    const ran: string[] = [];
    await q.define<{ v: string }>('test.single', (job) => void ran.push(job.data.v), {
      retryLimit: 0,
      retryDelaySeconds: 1,
    });
    const later = { startAfter: 60 };
    const first = await q.send('test.single', { v: 'a' }, { ...later, singletonKey: 'k' });
    const concurrent = await Promise.all(
      [1, 2, 3, 4].map(() => q.send('test.single', { v: 'b' }, { ...later, singletonKey: 'k' })),
    );
    expect(new Set([first, ...concurrent])).toEqual(new Set([first]));
    expect(await q.send('test.single', { v: 'c' }, { ...later, singletonKey: 'k2' })).not.toBe(
      first,
    );
    const plain = [
      await q.send('test.single', { v: 'd' }, later),
      await q.send('test.single', { v: 'd' }, later),
    ];
    expect(plain[0]).not.toBe(plain[1]);

    // Once the keyed job has run, the key is free again.
    const now1 = await q.send('test.single', { v: 'x1' }, { singletonKey: 'x' });
    await until(() => ran.includes('x1'));
    await until(async () => (await stateOf('test.single', now1)) === 'completed');
    const now2 = await q.send('test.single', { v: 'x2' }, { singletonKey: 'x' });
    expect(now2).not.toBe(now1);
    await until(() => ran.includes('x2'));
  });
});
