// The operator's reports and failed captures: energy and revenue per station per local day
// (ownership, ranges, sums, the fee's rounding, time zone day boundaries), the sessions list's
// filters, and "retry capture now" after a capture the provider failed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, register, type TestApp } from '../helpers';
import { control } from '../wallet/fixture';
import { chargingActors, STATION } from './fixture';
import { sessionsFixture } from './session-fixture';

describe('charging reports: energy and revenue per station per day', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;

  beforeAll(async () => {
    app = await bootTestApp({
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      CHARGING_FEE_BPS: '1000',
      // One injected provider error fails a capture (no client-side retry hides it).
      STRIPE_MAX_NETWORK_RETRIES: '0',
    });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    await f?.close();
    await app?.close();
  });

  const daily = (token: string, query: Record<string, string>) =>
    a.api.get(`/api/v1/charging/stats/daily?${new URLSearchParams(query).toString()}`, token);
  const berlinToday = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const stationOf = async (chargerId: string) =>
    (await a.api.get(`/api/v1/chargers/${chargerId}`, a.volt.operator)).body.stationId as string;

  /** A session of exactly 4,000 (10 kWh at 4 €/kWh, no fee or time price), through OCPP. */
  async function tenKwh(fault = false) {
    const site = await f.bareSite({
      energyPricePerKwh: 400_000,
      timePricePerMinute: 0,
      sessionFee: 0,
      holdAmount: 5000,
    });
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const started = await site.startTransaction(undefined, 0);
    // The next provider call — the capture, queued by the stop — fails once.
    if (fault) await control(app, 'faults', { type: 'api_error', count: 1 });
    await site.stopTransaction(started.transactionId, 10_000, 0);
    return { site, driver, id: res.body.id as string, stationId: await stationOf(site.chargerId) };
  }

  it('a captured session is counted on its station’s day: energy, gross, fee, net', async () => {
    const { driver, id, stationId } = await tenKwh();
    await f.until(driver, id, { status: 'COMPLETED', captureStatus: 'CAPTURED' });
    // The session ended now: its day is today in Berlin, the station's zone.
    const day = berlinToday();
    const res = await daily(a.volt.operator, { stationId, from: day, to: day });
    expect(res.status).toBe(200);
    expect(res.body.stations).toEqual([
      expect.objectContaining({ id: stationId, timeZone: 'Europe/Berlin', companyId: a.volt.id }),
    ]);
    expect(res.body.days).toEqual([
      {
        stationId,
        day,
        currency: 'eur',
        sessions: 1,
        energyWh: 10_000,
        gross: 4000,
        platformFee: 400,
        net: 3600,
      },
    ]);
  });

  describe('with sessions at known instants', () => {
    let berlin: string;
    let newYork: string;
    let amp: string;
    let user: string;

    /** A completed (or other) session row as the session flow leaves it, at a chosen end time. */
    async function session(
      chargerId: string,
      connectorId: string,
      companyId: string,
      endedAt: string,
      v: {
        energy: number;
        captured: number | null;
        bps?: number;
        currency?: string;
        status?: string;
      },
    ) {
      await app.runtime.database.pool.query(
        `INSERT INTO charging_sessions (id, user_id, company_id, charger_id, connector_id,
           connector_number, tariff, currency, fee_bps, id_tag, status, energy_wh, cost,
           authorized_amount, captured_amount, capture_status, started_at, ended_at)
         VALUES ($1, $2, $3, $4, $5, 1, '{}'::jsonb, $6, $7, $8, $9, $10, $11, $11, $11,
           $12, $13::timestamptz - interval '1 hour', $13)`,
        [
          `ses_t${randomBytes(8).toString('hex')}`,
          user,
          companyId,
          chargerId,
          connectorId,
          v.currency ?? 'eur',
          v.bps ?? 1000,
          `T${randomBytes(6).toString('hex')}`,
          v.status ?? 'COMPLETED',
          v.energy,
          v.captured,
          v.captured === null ? 'RELEASED' : 'CAPTURED',
          endedAt,
        ],
      );
    }

    async function stationWith(token: string, timeZone: string, name: string) {
      const st = await a.api.post('/api/v1/stations', { ...STATION, name, timeZone }, token);
      expect(st.status).toBe(201);
      const ch = await a.api.post(
        '/api/v1/chargers',
        { stationId: st.body.id, ocppId: `CP-STAT-${randomBytes(4).toString('hex')}` },
        token,
      );
      const co = await a.api.post(
        `/api/v1/chargers/${ch.body.id}/connectors`,
        { connectorId: 1, type: 'CCS_2', maxPowerW: 50_000 },
        token,
      );
      expect(co.status).toBe(201);
      return { stationId: st.body.id as string, chargerId: ch.body.id, connectorId: co.body.id };
    }

    beforeAll(async () => {
      user = (await register(a.api)).user.id;
      const b = await stationWith(a.volt.operator, 'Europe/Berlin', 'Berlin Hof');
      const n = await stationWith(a.volt.operator, 'America/New_York', 'Hudson Yard');
      const x = await stationWith(a.amp.operator, 'Europe/Berlin', 'Amp Depot');
      [berlin, newYork, amp] = [b.stationId, n.stationId, x.stationId];
      const at = (
        s: typeof b,
        company: string,
        endedAt: string,
        v: Parameters<typeof session>[4],
      ) => session(s.chargerId, s.connectorId, company, endedAt, v);
      // Berlin, 10 March 2026 (CET, UTC+1): from 9 March 23:00 UTC to 10 March 23:00 UTC.
      await at(b, a.volt.id, '2026-03-09T22:59:59Z', { energy: 1, captured: 1 }); // the 9th
      await at(b, a.volt.id, '2026-03-09T23:00:00Z', { energy: 5000, captured: 1005 }); // 10th
      await at(b, a.volt.id, '2026-03-10T22:59:59Z', { energy: 7000, captured: 1004 }); // 10th
      await at(b, a.volt.id, '2026-03-10T12:00:00Z', { energy: 3000, captured: null }); // free
      await at(b, a.volt.id, '2026-03-10T12:00:00Z', {
        energy: 2000,
        captured: 700,
        currency: 'usd',
        bps: 250,
      });
      await at(b, a.volt.id, '2026-03-10T13:00:00Z', {
        energy: 0,
        captured: null,
        status: 'FAILED',
      });
      await at(b, a.volt.id, '2026-03-10T23:00:00Z', { energy: 9, captured: 9 }); // the 11th
      // New York, 10 March 2026 (EDT since the 8th, UTC−4): until 11 March 04:00 UTC.
      await at(n, a.volt.id, '2026-03-11T03:30:00Z', { energy: 4000, captured: 2000 }); // 10th
      await at(n, a.volt.id, '2026-03-10T03:59:00Z', { energy: 1, captured: 3 }); // the 9th
      // Berlin's spring forward (29 March 2026): the 30th begins at 22:00 UTC on the 29th.
      await at(b, a.volt.id, '2026-03-29T21:59:00Z', { energy: 100, captured: 100 }); // 29th
      await at(b, a.volt.id, '2026-03-29T22:00:00Z', { energy: 200, captured: 200 }); // 30th
      await at(x, a.amp.id, '2026-03-10T12:00:00Z', { energy: 8000, captured: 3000 });
    });

    it('sums a station’s day in its own time zone, per currency; only completed sessions', async () => {
      const res = await daily(a.volt.operator, {
        stationId: berlin,
        from: '2026-03-10',
        to: '2026-03-10',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from: '2026-03-10', to: '2026-03-10' });
      expect(res.body.days).toEqual([
        {
          stationId: berlin,
          day: '2026-03-10',
          currency: 'eur',
          sessions: 3,
          energyWh: 15_000,
          gross: 2009,
          // 100.5 → 101 and 100.4 → 100, per session, as the ledger books each.
          platformFee: 201,
          net: 1808,
        },
        {
          stationId: berlin,
          day: '2026-03-10',
          currency: 'usd',
          sessions: 1,
          energyWh: 2000,
          gross: 700,
          platformFee: 18, // 17.5 → 18
          net: 682,
        },
      ]);
    });

    it('every station of the company over several days, each by its zone; DST days', async () => {
      const res = await daily(a.volt.operator, { from: '2026-03-09', to: '2026-03-30' });
      expect(res.status).toBe(200);
      const names = res.body.stations.map((s: { name: string }) => s.name);
      expect(names).toContain('Berlin Hof');
      expect(names).toContain('Hudson Yard');
      expect(names).not.toContain('Amp Depot');
      const mine = res.body.days.filter(
        (d: { stationId: string }) => d.stationId === berlin || d.stationId === newYork,
      );
      const brief = mine.map(
        (d: {
          stationId: string;
          day: string;
          currency: string;
          sessions: number;
          gross: number;
        }) =>
          `${d.stationId === berlin ? 'BER' : 'NYC'} ${d.day} ${d.currency} ${d.sessions} ${d.gross}`,
      );
      expect(brief).toEqual([
        'BER 2026-03-09 eur 1 1',
        'NYC 2026-03-09 eur 1 3',
        'BER 2026-03-10 eur 3 2009',
        'BER 2026-03-10 usd 1 700',
        'NYC 2026-03-10 eur 1 2000',
        'BER 2026-03-11 eur 1 9',
        'BER 2026-03-29 eur 1 100',
        'BER 2026-03-30 eur 1 200',
      ]);
      // No Amp session leaks into Volt's days.
      expect(res.body.days.some((d: { stationId: string }) => d.stationId === amp)).toBe(false);
    });

    it('ownership: another company’s station is a 404, a driver a 403, an admin sees any', async () => {
      const q = { stationId: amp, from: '2026-03-10', to: '2026-03-10' };
      const other = await daily(a.volt.operator, q);
      expect(other.status).toBe(404);
      expect(other.body.error).toMatchObject({ code: 'station_not_found' });
      expect((await daily(a.user, q)).status).toBe(403);
      const admin = await daily(a.admin, q);
      expect(admin.status).toBe(200);
      expect(admin.body.days).toEqual([
        expect.objectContaining({ stationId: amp, sessions: 1, gross: 3000, platformFee: 300 }),
      ]);
      const narrowed = await daily(a.admin, {
        companyId: a.amp.id,
        from: '2026-03-10',
        to: '2026-03-10',
      });
      expect(narrowed.body.stations.map((s: { id: string }) => s.id)).toEqual([amp]);
      // Amp's operator sees only Amp.
      const ampView = await daily(a.amp.operator, { from: '2026-03-10', to: '2026-03-10' });
      expect(ampView.body.stations.map((s: { id: string }) => s.id)).toEqual([amp]);
    });

    it('ranges: at most 366 days, from before to, real dates, nothing unknown', async () => {
      const ok = await daily(a.volt.operator, { from: '2025-03-10', to: '2026-03-10' });
      expect(ok.status).toBe(200);
      for (const q of <Record<string, string>[]>[
        { from: '2025-03-09', to: '2026-03-10' },
        { from: '2026-03-11', to: '2026-03-10' },
        { from: '2026-02-30', to: '2026-03-10' },
        { from: 'yesterday' },
        { stationId: berlin, extra: '1' },
      ]) {
        const res = await daily(a.volt.operator, q);
        expect(res.status, JSON.stringify(q)).toBe(400);
        expect(res.body.error).toMatchObject({ type: 'invalid_request_error' });
      }
    });
  });

  it('a failed capture: listed as failed, retried now by its operator, captured once', async () => {
    const { driver, id, stationId } = await tenKwh(true);
    const failed = await f.until(driver, id, { status: 'COMPLETED', captureStatus: 'FAILED' });
    expect(failed.captureError).toBeTruthy();
    const list = await a.api.get(
      `/api/v1/sessions?captureStatus=FAILED&stationId=${stationId}`,
      a.volt.operator,
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([id]);
    // Filters: another station, or a window before the session, list none of it.
    const before = new Date(Date.now() - 3_600_000).toISOString();
    for (const q of [`stationId=${stationId}&to=${before}`, `stationId=st_none`])
      expect((await a.api.get(`/api/v1/sessions?${q}`, a.volt.operator)).body.data).toEqual([]);
    for (const q of ['from=yesterday', 'to=2026-13-01T00:00:00Z', 'stationId='])
      expect((await a.api.get(`/api/v1/sessions?${q}`, a.volt.operator)).status, q).toBe(400);
    const from = encodeURIComponent(before);
    expect(
      (await a.api.get(`/api/v1/sessions?stationId=${stationId}&from=${from}`, a.volt.operator))
        .body.data,
    ).toHaveLength(1);

    // Only an operator of its company or an admin may retry.
    const retry = (token: string) => a.api.post(`/api/v1/sessions/${id}/retry-capture`, {}, token);
    expect((await retry(driver)).status).toBe(403);
    expect((await retry(a.amp.operator)).status).toBe(404);
    const asked = await retry(a.volt.operator);
    expect(asked.status).toBe(202);
    expect(asked.body.id).toBe(id);
    const done = await f.until(driver, id, { captureStatus: 'CAPTURED', capturedAmount: 4000 });
    expect(done.captureError).toBeNull();
    const jobs = await app.runtime.database.pool.query<{ state: string }>(
      `SELECT state FROM pgboss.job WHERE name = 'charging.capture-session' AND singleton_key = $1`,
      [`retry:${id}`],
    );
    expect(jobs.rows.map((r) => r.state)).toContain('completed');
    // Asked again once settled: answered as it is, nothing queued, captured once.
    const again = await retry(a.volt.operator);
    expect(again.status).toBe(202);
    expect(again.body.captureStatus).toBe('CAPTURED');
    const after = await app.runtime.database.pool.query(
      `SELECT 1 FROM pgboss.job WHERE name = 'charging.capture-session' AND singleton_key = $1`,
      [`retry:${id}`],
    );
    expect(after.rowCount).toBe(jobs.rowCount);
    const payment = (await a.api.get(`/api/v1/payments/${done.paymentId}`, driver)).body;
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amountCaptured: 4000 });
    const entries = await app.runtime.database.pool.query(
      `SELECT 1 FROM journal_entries WHERE kind = 'PAYMENT' AND reference_id = $1`,
      [id],
    );
    expect(entries.rowCount).toBe(1);
    // The day's report has it now.
    const day = await daily(a.volt.operator, { stationId, to: berlinToday() });
    expect(day.body.days.reduce((n: number, d: { gross: number }) => n + d.gross, 0)).toBe(4000);
  });

  it('many retries at once, beside the job’s own: one capture, one entry', async () => {
    const { driver, id } = await tenKwh(true);
    await f.until(driver, id, { status: 'COMPLETED', captureStatus: 'FAILED' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        a.api.call('POST', `/api/v1/sessions/${id}/retry-capture`, {
          body: {},
          token: i % 2 ? a.admin : a.volt.operator,
          headers: { 'idempotency-key': `retry-${id}-${i}` },
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 202, 202, 202]);
    const done = await f.until(driver, id, { captureStatus: 'CAPTURED', capturedAmount: 4000 });
    const payment = (await a.api.get(`/api/v1/payments/${done.paymentId}`, driver)).body;
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amountCaptured: 4000 });
    const entries = await app.runtime.database.pool.query(
      `SELECT 1 FROM journal_entries WHERE kind = 'PAYMENT' AND reference_id = $1`,
      [id],
    );
    expect(entries.rowCount).toBe(1);
    // Never more than one retry job waiting at a time: the rest reused it, or found it done.
    const jobs = await app.runtime.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job
       WHERE name = 'charging.capture-session' AND singleton_key = $1`,
      [`retry:${id}`],
    );
    expect(jobs.rows[0]!.n).toBeGreaterThanOrEqual(1);
    expect(jobs.rows[0]!.n).toBeLessThan(6);
    // A replay of one request under its key is the same answer, not another job.
    const replay = await a.api.call('POST', `/api/v1/sessions/${id}/retry-capture`, {
      body: {},
      token: a.volt.operator,
      headers: { 'idempotency-key': `retry-${id}-0` },
    });
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('a running session has nothing to capture: 409', async () => {
    const site = await f.bareSite();
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    await site.startTransaction();
    await f.until(driver, res.body.id, { status: 'CHARGING' });
    const r = await a.api.post(`/api/v1/sessions/${res.body.id}/retry-capture`, {}, a.admin);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'capture_not_due' });
  });
});
