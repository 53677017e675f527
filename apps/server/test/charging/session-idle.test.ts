// What a session's price reads beyond its start and last reading, end to end over OCPP: the idle
// time from the connector's StatusNotifications (billed on the receipt after the grace, seen by
// the hold guard) and every meter reading (energy split at a tariff period's boundary).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { HoldGuard } from '../../src/charging/hold-guard';
import { localMinute } from '../../src/charging/tariff-periods';
import { bootTestApp, type TestApp } from '../helpers';
import { chargingActors, STATION } from './fixture';
import { sessionsFixture } from './session-fixture';

type Line = { kind: string; period?: string; quantity: number; amount: number };

describe('charging sessions: idle time and metering intervals', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;

  beforeAll(async () => {
    app = await bootTestApp({
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      CHARGING_HOLD_HEADROOM_SECONDS: '10',
    });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    await f?.close();
    await app?.close();
  });

  const receipt = async (token: string, id: string) =>
    (await a.api.get(`/api/v1/sessions/${id}/receipt`, token)).body as {
      lines: Line[];
      total: number;
      final: boolean;
    };
  const sum = (lines: Line[]) => lines.reduce((n, l) => n + l.amount, 0);
  const statusRows = async (sessionId: string) =>
    (
      await app.runtime.database.pool.query<{ status: string }>(
        `SELECT status FROM charging_session_statuses WHERE session_id = $1 ORDER BY at, seq`,
        [sessionId],
      )
    ).rows.map((r) => r.status);

  it('with the simulator: the car full (SuspendedEV), left plugged in, billed idle minutes after the grace', async () => {
    // 10 ¢ a minute idle after a 10-minute grace; no time price, so the idle line is the story.
    const site = await f.simulatedSite(
      { timePricePerMinute: 0, idlePricePerMinute: 10_000, idleGraceMinutes: 10, sessionFee: 0 },
      { powerKw: 22, meterIntervalMs: 200, evFullAfterWh: 5 },
    );
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    await f.until(driver, res.body.id, { status: 'CHARGING' });
    await f.connectorIs(site.connectorId, 'SUSPENDED_EV');
    // Still within the grace: nothing idle billed yet.
    const live = await receipt(driver, res.body.id);
    expect(live.final).toBe(false);
    expect(live.lines.find((l) => l.kind === 'idle')!.amount).toBe(0);
    // The car stays plugged in 15 minutes (the charger's clock says so), then the driver stops.
    site.sim.advanceClock(15 * 60_000);
    expect((await f.stop(driver, res.body.id)).status).toBe(200);
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
    });
    const bill = await receipt(driver, res.body.id);
    const idle = bill.lines.find((l) => l.kind === 'idle')!;
    // 15 minutes (and the real seconds of the test) idle, 10 of them the grace: 5 min × 10 ¢.
    expect(idle.quantity).toBeGreaterThanOrEqual(300);
    expect(idle.quantity).toBeLessThan(330);
    expect(idle.amount).toBe(Math.round((idle.quantity * 10) / 60));
    expect(idle.amount).toBeGreaterThanOrEqual(50);
    expect(bill.total).toBe(done.cost);
    expect(sum(bill.lines)).toBe(done.cost);
    expect(done.capturedAmount).toBe(done.cost);
    expect(await statusRows(res.body.id)).toEqual(
      expect.arrayContaining(['PREPARING', 'CHARGING', 'SUSPENDED_EV']),
    );
    const mail = await app.runtime.database.pool.query<{ text: string }>(
      `SELECT text_body AS text FROM mail_messages WHERE kind = 'charging.receipt' AND reference = $1`,
      [res.body.id],
    );
    expect(mail.rows[0]?.text).toMatch(/Idle time — 5 min: 0\.\d\d EUR/);
  }, 60_000);

  it('idle time alone reaches the hold: the guard stops the session (increments declined)', async () => {
    // 1 € a minute idle from the first minute, a 10 € hold, nothing else priced.
    const site = await f.bareSite({
      energyPricePerKwh: 0,
      timePricePerMinute: 0,
      idlePricePerMinute: 100_000,
      idleGraceMinutes: 0,
      sessionFee: 0,
      holdAmount: 1000,
    });
    const driver = await f.driver('pm_card_incrementDeclined');
    const res = await f.start(driver, { connectorId: site.connectorId });
    const t0 = Date.now();
    const tx = await site.startTransaction(undefined, 0);
    await f.until(driver, res.body.id, { status: 'CHARGING' });
    const status = (status: string, offsetS: number) =>
      site.cp.call('StatusNotification', {
        connectorId: 1,
        errorCode: 'NoError',
        status,
        timestamp: new Date(t0 + offsetS * 1000).toISOString(),
      });
    // Charging, then idle from 0:10 — sent twice at once, and a stale Charging arrives late.
    await status('Charging', 1);
    await Promise.all([status('SuspendedEV', 10), status('SuspendedEV', 10)]);
    await status('Charging', 5);
    expect(await statusRows(res.body.id)).toEqual(['CHARGING', 'CHARGING', 'SUSPENDED_EV']);
    await f.connectorIs(site.connectorId, 'SUSPENDED_EV');

    const guard = app.running.app.get(HoldGuard);
    // 5 min idle: 5 €, fine. 9 min 55 s (+10 s headroom): past 10 €, stopped.
    expect(await guard.check(res.body.id, new Date(t0 + 5 * 60_000))).toBe('fine');
    expect(await guard.check(res.body.id, new Date(t0 + 10_000 + 9 * 60_000 + 55_000))).toBe(
      'stopped',
    );
    await f.until(driver, res.body.id, { status: 'STOPPING', stopCause: 'HOLD_LIMIT' });
    expect(site.stops).toEqual([{ transactionId: tx.transactionId }]);
    // The charger stops a few seconds later: the capture stays within the hold.
    await site.cp.call('StopTransaction', {
      transactionId: tx.transactionId,
      meterStop: 0,
      timestamp: new Date(t0 + (10 + 9 * 60 + 58) * 1000).toISOString(),
      reason: 'Remote',
    });
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
    });
    const idle = (await receipt(driver, res.body.id)).lines.find((l) => l.kind === 'idle')!;
    // 9 min 58 s × 1 €/min = 996.67 → 997, rounded once.
    expect(idle).toMatchObject({ quantity: 598, amount: 997 });
    expect(done.cost).toBe(997);
    expect(done.cost).toBeLessThanOrEqual(1000);
    expect(done.capturedAmount).toBe(done.cost);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('splits the energy of a metering interval that straddles a period boundary, by time', async () => {
    // A period that begins on a whole minute at least two minutes from now, in the station's zone.
    const boundary = Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 60_000;
    const startMinute = localMinute(new Date(boundary), STATION.timeZone).minute;
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const site = await f.bareSite({
      energyPricePerKwh: 50_000, // 50 ¢/kWh
      timePricePerMinute: 0,
      idlePricePerMinute: 0,
      sessionFee: 0,
      periods: [
        {
          name: 'late',
          days: [1, 2, 3, 4, 5, 6, 7],
          start: hhmm(startMinute),
          end: hhmm((startMinute + 60) % 1440),
          energyPricePerKwh: 100_000, // 1 €/kWh
        },
      ],
    } as never);
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const at = (s: number) => new Date(boundary + s * 1000).toISOString();
    const tx = (await site.cp.call('StartTransaction', {
      connectorId: 1,
      idTag: site.starts.at(-1)!.idTag,
      meterStart: 100_000,
      timestamp: at(-120),
    })) as { transactionId: number };
    await f.until(driver, res.body.id, { status: 'CHARGING' });
    const reading = (s: number, wh: number) =>
      site.cp.call('MeterValues', {
        connectorId: 1,
        transactionId: tx.transactionId,
        meterValue: [{ timestamp: at(s), sampledValue: [{ value: String(wh), unit: 'Wh' }] }],
      });
    // 6 kWh in the first minute; 1 kWh from a minute before the boundary to a minute after it
    // (sent out of order); 1 kWh in the last minute.
    await Promise.all([reading(60, 107_000), reading(60, 107_000)]); // a resend, at once
    await reading(-60, 106_000);
    await site.cp.call('StopTransaction', {
      transactionId: tx.transactionId,
      meterStop: 108_000,
      timestamp: at(120),
      reason: 'Local',
    });
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
      energyWh: 8000,
    });
    const bill = await receipt(driver, res.body.id);
    expect(
      bill.lines.filter((l) => l.kind === 'energy').map((l) => [l.period ?? null, l.quantity]),
    ).toEqual([
      [null, 6500],
      ['late', 1500],
    ]);
    // 6.5 kWh × 50 ¢ = 325; 1.5 kWh × 1 € = 150.
    expect(done.cost).toBe(475);
    expect(sum(bill.lines)).toBe(475);
    // Kept: each reading once (the stop carried no transactionData). A late reading after the
    // stop is not kept, and the receipt does not move.
    const kept = async () =>
      (
        await app.runtime.database.pool.query<{ wh: string }>(
          `SELECT wh::text FROM ocpp_meter_readings WHERE transaction_id = $1 ORDER BY at`,
          [tx.transactionId],
        )
      ).rows.map((r) => Number(r.wh));
    expect(await kept()).toEqual([106_000, 107_000]);
    await reading(0, 107_900);
    expect(await kept()).toEqual([106_000, 107_000]);
    expect((await receipt(driver, res.body.id)).lines).toEqual(bill.lines);
  });
});
