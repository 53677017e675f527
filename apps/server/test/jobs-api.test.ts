import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, promote, register, type TestApp } from './helpers';

const BASE = '/api/v1/admin/jobs/dead-letters';

describe('dead letters over HTTP (admin)', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let admin: string;
  let user: string;
  let broken = true;
  const applied: string[] = [];

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5' });
    api = client(app.url);
    const a = await register(api);
    await promote(app, a.user.id, 'ADMIN');
    admin = a.accessToken;
    user = (await register(api)).accessToken;

    const jobs = app.runtime.jobs;
    await jobs.define<{ event: string }>(
      'test.webhook-apply',
      (job) => {
        if (broken) throw new Error(`cannot apply ${job.data.event}`);
        applied.push(job.data.event);
      },
      { retryLimit: 0, retryDelaySeconds: 1 },
    );
    for (const event of ['evt_a', 'evt_b', 'evt_c']) {
      await jobs.send('test.webhook-apply', { event });
    }
    const deadline = Date.now() + 10_000;
    while ((await jobs.listDeadLetters({ limit: 10 })).data.length < 3) {
      if (Date.now() > deadline) throw new Error('jobs were not dead-lettered');
      await sleep(50);
    }
  });
  afterAll(() => app?.close());

  it('is for admins only', async () => {
    expect((await api.get(BASE)).status).toBe(401);
    const list = await api.get(BASE, user);
    expect(list.status).toBe(403);
    expect(list.body.error.type).toBe('permission_error');
    const id = crypto.randomUUID();
    expect((await api.post(`${BASE}/${id}/replay`, undefined, user)).status).toBe(403);
  });

  it('lists dead letters newest first with a cursor', async () => {
    const first = await api.get(`${BASE}?limit=2`, admin);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.hasMore).toBe(true);
    expect(first.body.nextCursor).toBe(first.body.data[1].id);
    expect(first.body.data[0]).toEqual({
      id: expect.any(String),
      queue: 'test.webhook-apply',
      data: { event: 'evt_c' },
      error: { name: 'Error', message: 'cannot apply evt_c' },
      status: 'dead',
      deadAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      replayedAt: null,
      replayJobId: null,
    });
    const rest = await api.get(`${BASE}?limit=2&startingAfter=${first.body.nextCursor}`, admin);
    expect(rest.body).toMatchObject({ hasMore: false, nextCursor: null });
    const events = [...first.body.data, ...rest.body.data].map((d: any) => d.data.event);
    expect(events).toEqual(['evt_c', 'evt_b', 'evt_a']);

    const filtered = await api.get(`${BASE}?queue=some.other-queue`, admin);
    expect(filtered.body.data).toEqual([]);
    const badCursor = await api.get(`${BASE}?startingAfter=nope`, admin);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.param).toBe('startingAfter');
    expect((await api.get(`${BASE}?limit=0`, admin)).status).toBe(400);
  });

  it('replays a dead letter once (200), then refuses (409); unknown ids are 404', async () => {
    const list = await api.get(`${BASE}?queue=test.webhook-apply`, admin);
    const target = list.body.data.find((d: any) => d.data.event === 'evt_b');
    broken = false;
    const res = await api.post(`${BASE}/${target.id}/replay`, undefined, admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: target.id,
      status: 'replayed',
      replayJobId: expect.any(String),
      replayedAt: expect.stringMatching(/^\d{4}-/),
    });
    const deadline = Date.now() + 5_000;
    while (!applied.includes('evt_b') && Date.now() < deadline) await sleep(50);
    expect(applied).toEqual(['evt_b']);

    const again = await api.post(`${BASE}/${target.id}/replay`, undefined, admin);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      type: 'conflict_error',
      code: 'dead_letter_already_replayed',
    });
    const after = await api.get(`${BASE}?queue=test.webhook-apply`, admin);
    expect(after.body.data.find((d: any) => d.id === target.id).status).toBe('replayed');

    const unknown = await api.post(`${BASE}/${crypto.randomUUID()}/replay`, undefined, admin);
    expect(unknown.status).toBe(404);
    expect((await api.post(`${BASE}/not-a-job/replay`, undefined, admin)).status).toBe(404);
  });

  it('counts jobs on /metrics', async () => {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toContain('tender_jobs_dead_lettered_total{queue="test.webhook-apply"} 3');
    expect(text).toContain('tender_jobs_completed_total{queue="test.webhook-apply"} 1');
  });
});
