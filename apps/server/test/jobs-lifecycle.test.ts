import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Job } from '../src/platform/jobs/jobs';
import { jobQueueFixture, until } from './jobs-fixture';

describe('JobQueue on PostgreSQL (pg-boss): shutdown, restart, schedules, paging', () => {
  const { queue, stateOf } = jobQueueFixture();

  it('stop() lets a running handler finish', async () => {
    const q = await queue();
    let started = false;
    let finished = false;
    await q.define(
      'test.slow',
      async () => {
        started = true;
        await sleep(1500);
        finished = true;
      },
      { retryLimit: 1, retryDelaySeconds: 1 },
    );
    const id = await q.send('test.slow', {});
    await until(() => started);
    await q.stop();
    expect(finished).toBe(true);
    expect(await stateOf('test.slow', id)).toBe('completed');
  });

  it('stop() gives up after its timeout and the unfinished job is retried later', async () => {
    const q = await queue({ stopTimeoutMs: 1000 });
    let started = false;
    await q.define(
      'test.stuck',
      async () => {
        started = true;
        await sleep(4000);
      },
      { retryLimit: 1, retryDelaySeconds: 1 },
    );
    const id = await q.send('test.stuck', {});
    await until(() => started);
    const t0 = Date.now();
    await q.stop();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(await stateOf('test.stuck', id)).toBe('retry');
  });

  it('keeps a queued job across a restart and runs it after', async () => {
    const first = await queue();
    const ranBefore: unknown[] = [];
    const options = { retryLimit: 1, retryDelaySeconds: 1 };
    await first.define('test.durable', (job) => void ranBefore.push(job.data), options);
    const id = await first.send('test.durable', { payment: 'pay_1' }, { startAfter: 1 });
    await first.stop();
    expect(ranBefore).toEqual([]);
    expect(await stateOf('test.durable', id)).toBe('created');

    const second = await queue();
    const ranAfter: Job<unknown>[] = [];
    await second.define('test.durable', (job) => void ranAfter.push(job), options);
    await until(() => ranAfter.length === 1);
    expect(ranAfter[0]).toMatchObject({ id, data: { payment: 'pay_1' }, attempt: 1 });
    expect(ranBefore).toEqual([]);
  });

  it('sends scheduled jobs on their cron schedule', async () => {
    const q = await queue({ cronIntervalSeconds: 1 });
    const ran: unknown[] = [];
    await q.define('test.cron', (job) => void ran.push(job.data), {
      retryLimit: 0,
      retryDelaySeconds: 1,
    });
    await q.schedule('test.cron', '* * * * *', { sweep: true });
    await until(() => ran.length >= 1, 10_000);
    expect(ran[0]).toEqual({ sweep: true });
    await q.unschedule('test.cron');
  });

  it('pages dead letters newest first by a cursor', async () => {
    const q = await queue();
    await q.define<{ i: number }>(
      'test.page',
      () => {
        throw new Error('no');
      },
      { retryLimit: 0, retryDelaySeconds: 1 },
    );
    for (let i = 0; i < 5; i++) await q.send('test.page', { i });
    const all = await until(async () => {
      const p = await q.listDeadLetters({ limit: 100 });
      const mine = p.data.filter((d) => d.queue === 'test.page');
      return mine.length === 5 && p.data;
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const p = await q.listDeadLetters({ limit: 2, startingAfter: cursor });
      seen.push(...p.data.map((d) => d.id));
      expect(p.data.length).toBeLessThanOrEqual(2);
      if (!p.hasMore) {
        expect(p.nextCursor).toBeNull();
        break;
      }
      cursor = p.nextCursor!;
    }
    expect(seen).toEqual(all.map((d) => d.id));
    const times = all.map((d) => d.deadAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await expect(q.listDeadLetters({ limit: 2, startingAfter: 'nope' })).rejects.toMatchObject({
      kind: 'validation',
      param: 'startingAfter',
    });
  });
});
