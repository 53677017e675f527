// The driver flow (seed 001) end to end: a hold on a saved card, a remote start tied to the OCPP
// transaction by a one-off idTag, live energy and cost, a remote stop, the capture of the cost and
// the operator company's revenue in the ledger; and every way a start fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { SessionWatch } from '../../src/charging/session-watch';
import { bootTestApp, register, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';
import { sandboxSdk } from '../wallet/fixture';
import { chargingActors } from './fixture';
import { sessionsFixture } from './session-fixture';

describe('charging sessions paid by a card hold', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;

  beforeAll(async () => {
    app = await bootTestApp({
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      CHARGING_FEE_BPS: '1000',
      CHARGING_HOLD_HEADROOM_SECONDS: '10',
    });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    await f?.close();
    await app?.close();
  });

  const payment = async (token: string, id: string) =>
    (await a.api.get(`/api/v1/payments/${id}`, token)).body;
  const outbound = async (chargerId: string, action: string) => {
    const log = (
      await a.api.get(`/api/v1/chargers/${chargerId}/ocpp-messages?limit=100`, a.volt.operator)
    ).body.data as { direction: string; frame: unknown[] }[];
    return log.filter((m) => m.direction === 'OUT' && m.frame[2] === action).length;
  };

  it('hold → remote start → live cost → remote stop → capture below the hold, revenue less the fee', async () => {
    const site = await f.simulatedSite();
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    // The simulator answers the remote start with its StartTransaction at once: by the time the
    // answer is read the session may already be CHARGING.
    expect(['STARTING', 'CHARGING']).toContain(res.body.status);
    expect(res.body).toMatchObject({
      connectorId: site.connectorId,
      authorizedAmount: 5000,
      captureStatus: 'NONE',
      tariff: { holdAmount: 5000, energyPricePerKwh: 32_490 },
    });
    const hold = await payment(driver, res.body.paymentId);
    expect(hold).toMatchObject({ status: 'AUTHORIZED', amount: 5000, captureMethod: 'MANUAL' });

    const charging = await f.until(driver, res.body.id, { status: 'CHARGING' });
    expect(charging.ocppTransactionId).toEqual(expect.any(Number));
    // MeterValues move the live energy and cost forward.
    const live = await eventually(async () => {
      const s = await f.get(driver, res.body.id);
      expect(s.energyWh).toBeGreaterThan(0);
      return s;
    });
    expect(live.cost).toBeGreaterThanOrEqual(50); // the session fee at least
    const liveReceipt = await a.api.get(`/api/v1/sessions/${res.body.id}/receipt`, driver);
    expect(liveReceipt.body.final).toBe(false);

    const stopped = await f.stop(driver, res.body.id);
    expect(stopped.status).toBe(200);
    expect(['STOPPING', 'COMPLETED']).toContain(stopped.body.status);
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
      stopCause: 'DRIVER',
    });
    expect(done.cost).toBeLessThan(5000);
    expect(done.capturedAmount).toBe(done.cost);
    expect(await payment(driver, res.body.paymentId)).toMatchObject({
      status: 'SUCCEEDED',
      amountCaptured: done.cost,
    });
    const intent = await sandboxSdk(app).paymentIntents.retrieve(hold.providerIntentId);
    expect(intent.amount_received).toBe(done.cost);

    const receipt = (await a.api.get(`/api/v1/sessions/${res.body.id}/receipt`, driver)).body;
    expect(receipt.final).toBe(true);
    expect(receipt.total).toBe(done.cost);
    expect(receipt.captured).toBe(done.cost);
    expect(receipt.lines.reduce((n: number, l: { amount: number }) => n + l.amount, 0)).toBe(
      done.cost,
    );
    expect(receipt.lines.find((l: { kind: string }) => l.kind === 'energy').quantity).toBe(
      done.energyWh,
    );
    // 10 % fee (CHARGING_FEE_BPS=1000), half up.
    const fee = Math.floor((done.cost * 1000 + 5000) / 10_000);
    expect(await f.companyRevenue(a.volt.id)).toBe(done.cost - fee);
    // The receipt by e-mail, queued with the capture, once.
    const mails = await app.runtime.database.pool.query<{ subject: string }>(
      `SELECT subject FROM mail_messages WHERE kind = 'charging.receipt' AND reference = $1`,
      [res.body.id],
    );
    expect(mails.rows).toHaveLength(1);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('shows sessions to their driver, their company’s operators and admins only', async () => {
    const site = await f.simulatedSite();
    const driver = await f.driver();
    const other = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect((await a.api.get(`/api/v1/sessions/${id}`, other)).status).toBe(404);
    expect((await a.api.get(`/api/v1/sessions/${id}`, a.amp.operator)).status).toBe(404);
    expect((await a.api.get(`/api/v1/sessions/${id}`, a.volt.operator)).status).toBe(200);
    expect((await a.api.get(`/api/v1/sessions/${id}`, a.admin)).status).toBe(200);
    const ids = async (token: string) =>
      ((await a.api.get('/api/v1/sessions?limit=100', token)).body.data as { id: string }[]).map(
        (s) => s.id,
      );
    expect(await ids(driver)).toEqual([id]);
    expect(await ids(other)).toEqual([]);
    expect(await ids(a.volt.operator)).toContain(id);
    expect(await ids(a.amp.operator)).not.toContain(id);
    expect(await ids(a.admin)).toContain(id);
    expect((await f.stop(other, id)).status).toBe(404);
    await f.until(driver, id, { status: 'CHARGING' });
    expect((await f.stop(a.volt.operator, id)).status).toBe(200);
    await f.until(driver, id, { status: 'COMPLETED', captureStatus: 'CAPTURED' });
  });

  it('a declined card fails the start with a 402 and nothing reaches the charger', async () => {
    const site = await f.simulatedSite();
    const driver = await f.driver('pm_card_chargeCustomerFail');
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(402);
    expect(res.body.error.type).toBe('card_error');
    expect(await outbound(site.chargerId, 'RemoteStartTransaction')).toBe(0);
    const [s] = (await a.api.get('/api/v1/sessions', driver)).body.data;
    expect(s).toMatchObject({ status: 'FAILED', connectorId: site.connectorId });
    // The connector is free again for the next driver.
    const next = await f.start(await f.driver(), { connectorId: site.connectorId });
    expect(next.status).toBe(201);
  });

  it('refuses a connector that is not available, unknown, or without a saved card', async () => {
    const site = await f.bareSite();
    const driver = await f.driver();
    await site.cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Faulted',
      timestamp: new Date().toISOString(),
    });
    await eventually(async () =>
      expect((await f.start(driver, { connectorId: site.connectorId })).body.error.code).toBe(
        'connector_unavailable',
      ),
    );
    expect((await f.start(driver, { connectorId: 'cnr_nope' })).status).toBe(404);
    const site2 = await f.bareSite();
    const cardless = await register(a.api);
    const noCard = await f.start(cardless.accessToken, { connectorId: site2.connectorId });
    expect(noCard.status).toBe(402);
    expect(noCard.body.error.code).toBe('no_saved_card');
    expect(site2.starts).toHaveLength(0);
  });

  it('a start that never comes times out and releases the hold; a late start is refused', async () => {
    const site = await f.bareSite();
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    expect(site.starts).toHaveLength(1);
    expect(site.starts[0]!.idTag.length).toBeLessThanOrEqual(20);
    const watch = app.running.app.get(SessionWatch);
    expect((await watch.run(new Date(Date.now() + 60_000))).timedOut).toBe(0);
    expect((await watch.run(new Date(Date.now() + 121_000))).timedOut).toBe(1);
    await f.until(driver, res.body.id, { status: 'START_TIMED_OUT', captureStatus: 'RELEASED' });
    expect((await payment(driver, res.body.paymentId)).status).toBe('CANCELLED');
    const late = await site.startTransaction();
    expect(late.idTagInfo.status).toBe('Invalid');
    expect((await f.get(driver, res.body.id)).status).toBe('START_TIMED_OUT');
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('a cost above the hold captures at most the hold', async () => {
    // 5 €/kWh with a 50 € hold: 20 kWh cost 100 €.
    const site = await f.bareSite({ energyPricePerKwh: 500_000, sessionFee: 0 });
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    const started = await site.startTransaction(undefined, 1_000);
    expect(started.idTagInfo.status).toBe('Accepted');
    await f.until(driver, res.body.id, { status: 'CHARGING' });
    await site.stopTransaction(started.transactionId, 21_000);
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
      energyWh: 20_000,
    });
    expect(done.cost).toBeGreaterThan(5000);
    expect(done.capturedAmount).toBe(5000);
    expect((await payment(driver, res.body.paymentId)).amountCaptured).toBe(5000);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('bills a tariff period in force (frozen at the start) with its own line on the receipt', async () => {
    const site = await f.bareSite({
      sessionFee: 0,
      periods: [
        {
          name: 'am',
          days: [1, 2, 3, 4, 5, 6, 7],
          start: '00:00',
          end: '12:00',
          energyPricePerKwh: 100_000,
        },
        {
          name: 'pm',
          days: [1, 2, 3, 4, 5, 6, 7],
          start: '12:00',
          end: '24:00',
          energyPricePerKwh: 100_000,
        },
      ],
    } as never);
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    // A later edit of the tariff never reprices a running session.
    await a.api.call('PATCH', `/api/v1/tariffs/${site.tariffId}`, {
      body: { energyPricePerKwh: 1 },
      token: a.volt.operator,
    });
    const started = await site.startTransaction(undefined, 0);
    await site.stopTransaction(started.transactionId, 10_000, 60);
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
    });
    const receipt = (await a.api.get(`/api/v1/sessions/${res.body.id}/receipt`, driver)).body;
    const energy = receipt.lines.filter((l: { kind: string }) => l.kind === 'energy');
    // 10 kWh at 1 €/kWh in the periods (am and pm: a minute may straddle noon).
    expect(energy.every((l: { period?: string }) => l.period === 'am' || l.period === 'pm')).toBe(
      true,
    );
    expect(energy.reduce((n: number, l: { quantity: number }) => n + l.quantity, 0)).toBe(10_000);
    expect(
      energy.reduce((n: number, l: { amount: number }) => n + l.amount, 0),
    ).toBeGreaterThanOrEqual(999);
    expect(receipt.total).toBe(done.cost);
  });

  it('a zero-cost session cancels the hold', async () => {
    const site = await f.bareSite({
      energyPricePerKwh: 0,
      timePricePerMinute: 0,
      idlePricePerMinute: 0,
      sessionFee: 0,
    });
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    const started = await site.startTransaction();
    await site.stopTransaction(started.transactionId, 1_500);
    await f.until(driver, res.body.id, { status: 'COMPLETED', cost: 0, captureStatus: 'RELEASED' });
    expect((await payment(driver, res.body.paymentId)).status).toBe('CANCELLED');
  });

  it('with the simulator: a card that declines increments is stopped remotely before its hold', async () => {
    // 10 €/kWh and a 10 € hold at 360 kW: the hold's kWh in 10 s; with 10 s of headroom the
    // guard stops it at about 5 s.
    const site = await f.simulatedSite(
      { energyPricePerKwh: 1_000_000, sessionFee: 0, holdAmount: 1000 },
      { powerKw: 360, meterIntervalMs: 250 },
    );
    const driver = await f.driver('pm_card_incrementDeclined');
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const done = await f.until(
      driver,
      res.body.id,
      { status: 'COMPLETED', stopCause: 'HOLD_LIMIT', captureStatus: 'CAPTURED' },
      60_000,
    );
    expect(done.cost).toBeLessThanOrEqual(1000);
    expect(done.capturedAmount).toBe(done.cost);
  }, 90_000);

  it('one key, one session and one hold; two drivers on one connector: one wins', async () => {
    const site = await f.simulatedSite();
    const driver = await f.driver();
    const first = await f.start(driver, { connectorId: site.connectorId }, 'same-key');
    const again = await f.start(driver, { connectorId: site.connectorId }, 'same-key');
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.paymentId).toBe(first.body.paymentId);
    await f.until(driver, first.body.id, { status: 'CHARGING' });
    await f.stop(driver, first.body.id);
    await f.until(driver, first.body.id, { status: 'COMPLETED' });

    const racer = await f.simulatedSite();
    const [d1, d2] = [await f.driver(), await f.driver()];
    const results = await Promise.all([
      f.start(d1, { connectorId: racer.connectorId }),
      f.start(d2, { connectorId: racer.connectorId }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.code).toBe('connector_busy');
    // The OCPP log is written behind (within a batch of the frame): polled, not read once.
    await expect.poll(() => outbound(racer.chargerId, 'RemoteStartTransaction')).toBe(1);
    const { rows } = await app.runtime.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payments p JOIN charging_sessions s ON s.id = p.payable_id
       WHERE s.connector_id = $1`,
      [racer.connectorId],
    );
    expect(rows[0]!.n).toBe(1);

    // A double stop: one RemoteStop reaches the charger, both answers are the session.
    const winner = results.find((r) => r.status === 201)!;
    const token = winner === results[0] ? d1 : d2;
    await f.until(token, winner.body.id, { status: 'CHARGING' });
    const stops = await Promise.all([f.stop(token, winner.body.id), f.stop(token, winner.body.id)]);
    expect(stops.map((s) => s.status)).toEqual([200, 200]);
    expect(stops.map((s) => s.body.id)).toEqual([winner.body.id, winner.body.id]);
    await f.until(token, winner.body.id, { status: 'COMPLETED', captureStatus: 'CAPTURED' });
    await expect.poll(() => outbound(racer.chargerId, 'RemoteStopTransaction')).toBe(1);
    expect(await outbound(racer.chargerId, 'RemoteStartTransaction')).toBe(1);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });
});

describe('charging sessions: raising the hold, stopping at it, its expiry', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;

  beforeAll(async () => {
    app = await bootTestApp({
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      CHARGING_HOLD_HEADROOM_SECONDS: '60',
    });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    await f?.close();
    await app?.close();
  });

  // 10 €/kWh (1 cent a Wh), a 10 € hold, no other price: the cost is the Wh delivered in cents.
  const PRICEY = {
    energyPricePerKwh: 1_000_000,
    timePricePerMinute: 0,
    sessionFee: 0,
    holdAmount: 1000,
  };
  const payment = async (token: string, id: string) =>
    (await a.api.get(`/api/v1/payments/${id}`, token)).body;

  it('cost nearing the hold → increment accepted → capture above the original hold', async () => {
    const site = await f.bareSite(PRICEY);
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const tx = await site.startTransaction(undefined, 0);
    await f.until(driver, res.body.id, { status: 'CHARGING' });
    await site.meter(tx.transactionId, 900);
    await f.until(driver, res.body.id, { authorizedAmount: 2000 });
    expect(await payment(driver, res.body.paymentId)).toMatchObject({
      status: 'AUTHORIZED',
      amount: 2000,
    });
    expect(site.stops).toHaveLength(0);
    await site.stopTransaction(tx.transactionId, 1500);
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
    });
    expect(done).toMatchObject({ cost: 1500, capturedAmount: 1500, authorizedAmount: 2000 });
    expect((await payment(driver, res.body.paymentId)).amountCaptured).toBe(1500);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('increment declined → remote stop → capture at most the hold', async () => {
    const site = await f.bareSite(PRICEY);
    const driver = await f.driver('pm_card_incrementDeclined');
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const tx = await site.startTransaction(undefined, 0);
    await f.until(driver, res.body.id, { status: 'CHARGING' });
    await site.meter(tx.transactionId, 900);
    await f.until(driver, res.body.id, { status: 'STOPPING', stopCause: 'HOLD_LIMIT' });
    expect(site.stops).toEqual([{ transactionId: tx.transactionId }]);
    // The car drew a little more before the charger stopped: the capture stays at the hold.
    await site.stopTransaction(tx.transactionId, 1200);
    const done = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
    });
    expect(done).toMatchObject({ cost: 1200, capturedAmount: 1000, authorizedAmount: 1000 });
    expect((await payment(driver, res.body.paymentId)).amountCaptured).toBe(1000);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('a session still open near its hold’s expiry (captureBefore) is stopped', async () => {
    const site = await f.bareSite();
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    const tx = await site.startTransaction(undefined, 0);
    const s = await f.until(driver, res.body.id, { status: 'CHARGING' });
    expect(s.captureBefore).toEqual(expect.any(String));
    const expiry = Date.parse(s.captureBefore);
    const watch = app.running.app.get(SessionWatch);
    // CHARGING_HOLD_EXPIRY_MARGIN_SECONDS: an hour by default.
    expect((await watch.run(new Date(expiry - 3_700_000))).expiring).toBe(0);
    expect((await watch.run(new Date(expiry - 3_500_000))).expiring).toBe(1);
    await f.until(driver, res.body.id, { status: 'STOPPING', stopCause: 'HOLD_EXPIRY' });
    expect(site.stops).toEqual([{ transactionId: tx.transactionId }]);
    await site.stopTransaction(tx.transactionId, 500);
    await f.until(driver, res.body.id, { status: 'COMPLETED', captureStatus: 'CAPTURED' });
  });
});
