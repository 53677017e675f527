import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOK_INVARIANTS } from '../src/books';
import { LEDGER_CHECKS_PER_MINUTE } from '../src/books.controller';
import { register } from './helpers';
import { allWebhooksApplied, paymentsHarness, type PaymentsHarness } from './payments/harness';

/**
 * The admin dashboard's reads: per-day payment and webhook series, the webhook events list and
 * detail, queue depth, and the ledger check. Real app, real sandbox, real PostgreSQL.
 */
describe('admin: dashboard reads', () => {
  let h: PaymentsHarness;
  let admin: string;
  let paid: { id: string };
  const today = new Date().toISOString().slice(0, 10);
  const stats = (path: string, q = '') =>
    h.api.get(`/api/v1/admin/${path}?from=${today}&to=${today}${q}`, admin);

  beforeAll(async () => {
    h = await paymentsHarness();
    admin = h.admin.accessToken;
    const card = (paymentMethodId: string, amount: number, currency = 'eur') =>
      h.api.post('/test/payments/card', { paymentMethodId, amount, currency }, h.user.accessToken);
    paid = (await card('pm_card_visa', 2500)).body;
    await card('pm_card_visa', 1000, 'usd');
    expect((await card('pm_card_chargeDeclined', 700)).status).toBe(402);
    // A wallet top-up, so the books have accounts for the ledger check to find broken.
    const deposit = await h.api.call('POST', '/api/v1/wallet/deposit', {
      body: { amount: 500, currency: 'usd', paymentMethodId: 'pm_card_visa' },
      token: h.user.accessToken,
      headers: { 'idempotency-key': 'dashboard-deposit' },
    });
    expect(deposit.status).toBe(201);
    await allWebhooksApplied(h.app);
  });
  afterAll(() => h?.app.close());

  it('counts payments per day by status, with the success rate and the captured volume', async () => {
    const res = await stats('payments/stats');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: today, to: today, timeZone: 'UTC' });
    expect(res.body.days).toHaveLength(1);
    const [day] = res.body.days;
    expect(day).toMatchObject({ day: today, succeeded: 3, unsuccessful: 1 });
    expect(day.byStatus).toMatchObject({ SUCCEEDED: 3, FAILED: 1, CREATED: 0 });
    expect(day.successRate).toBeCloseTo(3 / 4);
    expect(res.body.volume).toEqual([
      { day: today, currency: 'eur', captured: 2500, payments: 1 },
      { day: today, currency: 'usd', captured: 1500, payments: 2 },
    ]);

    // Thirty days by default, one point each, zeros included; yesterday had nothing.
    const month = await h.api.get('/api/v1/admin/payments/stats', admin);
    expect(month.body.days).toHaveLength(30);
    expect(month.body.days[28]).toMatchObject({ succeeded: 0, successRate: null });
  });

  it('puts a payment on the day it was made in the asked time zone', async () => {
    // 14 hours ahead: a payment made now falls today or tomorrow there, never yesterday.
    const ahead = await h.api.get(
      '/api/v1/admin/payments/stats?timeZone=Pacific/Kiritimati',
      admin,
    );
    expect(ahead.status).toBe(200);
    const kiritimatiToday = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Pacific/Kiritimati',
    }).format(new Date());
    expect(ahead.body.to).toBe(kiritimatiToday);
    const last = ahead.body.days.at(-1);
    expect(last).toMatchObject({ day: kiritimatiToday, succeeded: 3 });
  });

  it('refuses a bad range or time zone with a 400 naming the field', async () => {
    const bad = async (q: string, param: string) => {
      const res = await h.api.get(`/api/v1/admin/payments/stats?${q}`, admin);
      expect(res.status).toBe(400);
      expect(res.body.error.param).toBe(param);
    };
    await bad('timeZone=Mars%2FOlympus', 'timeZone');
    await bad('timeZone=%2B01:00', 'timeZone');
    await bad('from=2026-02-30', 'from');
    await bad('from=yesterday', 'from');
    await bad('from=2026-03-02&to=2026-03-01', 'from');
    await bad('from=2024-01-01&to=2026-01-01', 'from');
    expect((await h.api.get('/api/v1/admin/payments/stats?unknown=1', admin)).status).toBe(400);
    const webhooks = await h.api.get('/api/v1/admin/webhooks/stats?to=nope', admin);
    expect(webhooks.status).toBe(400);
  });

  it('lists webhook events newest first, filtered by state, type and payment', async () => {
    const all = await h.api.get('/api/v1/admin/webhooks/events?limit=100', admin);
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThan(2);
    const times = all.body.data.map((e: any) => e.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.body.data.every((e: any) => e.state === 'APPLIED')).toBe(true);

    const mine = await h.api.get(`/api/v1/admin/webhooks/events?paymentId=${paid.id}`, admin);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.length).toBeLessThan(all.body.data.length);
    const detail = await h.api.get(`/api/v1/admin/webhooks/events/${mine.body.data[0].id}`, admin);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ state: 'APPLIED', paymentId: paid.id, lastError: null });
    expect(detail.body.payload).toMatchObject({ id: detail.body.id, type: detail.body.type });

    const type = all.body.data[0].type;
    const typed = await h.api.get(`/api/v1/admin/webhooks/events?type=${type}`, admin);
    expect(typed.body.data.every((e: any) => e.type === type)).toBe(true);
    expect(
      (await h.api.get('/api/v1/admin/webhooks/events?state=FAILED', admin)).body.data,
    ).toEqual([]);

    // The cursor walks the same list.
    const first = await h.api.get('/api/v1/admin/webhooks/events?limit=2', admin);
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: first.body.data[1].id });
    const next = await h.api.get(
      `/api/v1/admin/webhooks/events?limit=2&startingAfter=${first.body.nextCursor}`,
      admin,
    );
    expect(next.body.data.map((e: any) => e.id)).toEqual(
      all.body.data.slice(2, 4).map((e: any) => e.id),
    );
  });

  it('shows a failed event as FAILED with its error, and counts it per day', async () => {
    await h.app.runtime.database.pool.query(
      `INSERT INTO webhook_events (id, type, payload, attempts, last_error)
       VALUES ('evt_admin_failed', 'charge.dispute.created', '{"id":"evt_admin_failed"}', 3, 'Error: boom')`,
    );
    const failed = await h.api.get('/api/v1/admin/webhooks/events?state=FAILED', admin);
    expect(failed.body.data).toEqual([
      expect.objectContaining({ id: 'evt_admin_failed', state: 'FAILED', attempts: 3 }),
    ]);
    const detail = await h.api.get('/api/v1/admin/webhooks/events/evt_admin_failed', admin);
    expect(detail.body).toMatchObject({ lastError: 'Error: boom', paymentId: null });

    const perDay = await stats('webhooks/stats');
    expect(perDay.status).toBe(200);
    const [day] = perDay.body.days;
    const total = (await h.api.get('/api/v1/admin/webhooks/events?limit=100', admin)).body.data
      .length;
    expect(day).toEqual({ day: today, received: total, applied: total - 1, failed: 1 });
  });

  it('answers 404 for an unknown event or payment, 400 for an unknown cursor', async () => {
    expect((await h.api.get('/api/v1/admin/webhooks/events/evt_nope', admin)).status).toBe(404);
    expect(
      (await h.api.get('/api/v1/admin/webhooks/events?paymentId=pay_nope', admin)).status,
    ).toBe(404);
    const cursor = await h.api.get('/api/v1/admin/webhooks/events?startingAfter=evt_nope', admin);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.param).toBe('startingAfter');
    expect(
      (await h.api.get('/api/v1/admin/webhooks/events?state=DONE', admin)).body.error.param,
    ).toBe('state');
  });

  it('shows queue depth per queue, dead letters included', async () => {
    const jobs = h.app.runtime.jobs;
    await jobs.define('test.dashboard', () => Promise.reject(new Error('no')), {
      retryLimit: 0,
      retryDelaySeconds: 1,
    });
    await jobs.send('test.dashboard', {});
    const deadline = Date.now() + 10_000;
    let row: any;
    while (!row?.deadLetters) {
      if (Date.now() > deadline) throw new Error(`not dead-lettered: ${JSON.stringify(row)}`);
      await sleep(100);
      const res = await h.api.get('/api/v1/admin/jobs/stats', admin);
      expect(res.status).toBe(200);
      row = res.body.data.find((q: any) => q.queue === 'test.dashboard');
    }
    expect(row).toEqual({
      queue: 'test.dashboard',
      created: 0,
      active: 0,
      retry: 0,
      failed: 1,
      deadLetters: 1,
    });
    const res = await h.api.get('/api/v1/admin/jobs/stats', admin);
    const names = res.body.data.map((q: any) => q.queue);
    expect(names).toContain('payments.webhook');
    expect(names.some((n: string) => n.endsWith('.dead'))).toBe(false);
  });

  it('runs the ledger check: every invariant named, a broken one with its rows, then a 429', async () => {
    const ok = await h.api.post('/api/v1/admin/ledger/check', undefined, admin);
    expect(ok.status).toBe(200);
    expect(ok.body.passed).toBe(true);
    expect(ok.body.invariants.map((i: any) => i.invariant)).toEqual(
      BOOK_INVARIANTS.map((i) => i.invariant),
    );
    expect(ok.body.invariants.every((i: any) => i.passed && i.violationCount === 0)).toBe(true);

    const pool = h.app.runtime.database.pool;
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM ledger_accounts LIMIT 1');
    const account = rows[0]!.id;
    await pool.query('UPDATE ledger_accounts SET balance = balance + 1 WHERE id = $1', [account]);
    try {
      const broken = await h.api.post('/api/v1/admin/ledger/check', undefined, admin);
      expect(broken.body.passed).toBe(false);
      const sums = broken.body.invariants.find(
        (i: any) => i.invariant === 'every account balance equals the sum of its postings',
      );
      expect(sums).toMatchObject({ passed: false, violationCount: 1 });
      expect(sums.violations[0]).toContain(account);
    } finally {
      await pool.query('UPDATE ledger_accounts SET balance = balance - 1 WHERE id = $1', [account]);
    }
    for (let i = 2; i < LEDGER_CHECKS_PER_MINUTE; i++)
      expect((await h.api.post('/api/v1/admin/ledger/check', undefined, admin)).status).toBe(200);
    const limited = await h.api.post('/api/v1/admin/ledger/check', undefined, admin);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('is for admins only', async () => {
    const user = (await register(h.api)).accessToken;
    for (const path of [
      '/api/v1/admin/payments/stats',
      '/api/v1/admin/webhooks/stats',
      '/api/v1/admin/webhooks/events',
      '/api/v1/admin/webhooks/events/evt_x',
      '/api/v1/admin/jobs/stats',
    ]) {
      expect((await h.api.get(path, user)).status).toBe(403);
      expect((await h.api.get(path)).status).toBe(401);
    }
    expect((await h.api.post('/api/v1/admin/ledger/check', undefined, user)).status).toBe(403);
  });

  it('filters the payments list by user and currency', async () => {
    const eur = await h.api.get(`/api/v1/payments?userId=${h.user.user.id}&currency=EUR`, admin);
    expect(eur.status).toBe(200);
    expect(eur.body.data.map((p: any) => p.currency)).toEqual(['eur', 'eur']);
    const none = await h.api.get('/api/v1/payments?userId=usr_nobody', admin);
    expect(none.body.data).toEqual([]);
  });
});
