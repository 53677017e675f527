import { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reservations } from '../../src/charging/reservations';
import { type SimulatedCharger, startSimulatedCharger } from '../../src/charging/simulator/charger';
import { ManualClock } from '../../src/platform/clock';
import { bootTestApp, register, type TestApp } from '../helpers';
import { chargingActors, STATION } from './fixture';

/** Polls until `check` holds (a charger's StatusNotification arrives after its answer). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

describe('reservations: a driver holds a connector for some minutes (ReserveNow)', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  const clock = new ManualClock();
  let sim: SimulatedCharger;
  let bare: RPCClient | undefined;
  let connectors: string[];
  let driver: string;
  let other: string;

  const status = async (id: string) =>
    (await a.api.get(`/api/v1/connectors/${id}`, a.volt.operator)).body.status as string;
  const reserve = (token: string, connectorId: string, key?: string, minutes = 15) =>
    a.api.call('POST', '/api/v1/reservations', {
      body: { connectorId, minutes },
      token,
      headers: key ? { 'Idempotency-Key': key } : {},
    });

  beforeAll(async () => {
    app = await bootTestApp({}, { clock });
    a = await chargingActors(app);
    driver = (await register(a.api)).accessToken;
    other = (await register(a.api)).accessToken;
    const station = await a.api.post('/api/v1/stations', STATION, a.volt.operator);
    const charger = await a.api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'CP-RSV' },
      a.volt.operator,
    );
    sim = await startSimulatedCharger({
      url: app.url,
      chargePointId: 'CP-RSV',
      connectors: 2,
      powerKw: 11,
      meterIntervalMs: 60_000,
    });
    const list = await a.api.get(`/api/v1/chargers/${charger.body.id}/connectors`, a.volt.operator);
    connectors = (list.body.data as { id: string; connectorId: number }[])
      .sort((x, y) => x.connectorId - y.connectorId)
      .map((c) => c.id);
    expect(connectors).toHaveLength(2);
    await eventually(async () => (await status(connectors[0]!)) === 'AVAILABLE', 'available');
  });
  afterAll(async () => {
    await sim?.stop();
    await bare?.close({ force: true });
    await app?.close();
  });

  it('reserves an available connector: ACTIVE, the charger shows it Reserved, nobody else may take it', async () => {
    const res = await reserve(driver, connectors[0]!, 'rsv-1');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'ACTIVE',
      connectorId: connectors[0],
      failureCode: null,
    });
    expect(Date.parse(res.body.expiresAt) - clock.now().getTime()).toBe(15 * 60_000);
    expect(sim.status(1)).toBe('Reserved');
    await eventually(async () => (await status(connectors[0]!)) === 'RESERVED', 'reserved');
    // The same request again is the same reservation, nothing more asked of the charger.
    const replay = await reserve(driver, connectors[0]!, 'rsv-1');
    expect(replay.body.id).toBe(res.body.id);
    // Another driver: the connector is taken (it is not Available any more, or held).
    expect((await reserve(other, connectors[0]!)).status).toBe(409);
    // The same driver: one live reservation at a time.
    const second = await reserve(driver, connectors[1]!);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('connector_reserved');
    // Only its driver, the company's operator and admins see it.
    expect((await a.api.get(`/api/v1/reservations/${res.body.id}`, other)).status).toBe(404);
    expect((await a.api.get(`/api/v1/reservations/${res.body.id}`, a.amp.operator)).status).toBe(
      404,
    );
    expect((await a.api.get(`/api/v1/reservations/${res.body.id}`, a.volt.operator)).status).toBe(
      200,
    );
    const mine = await a.api.get('/api/v1/reservations', driver);
    expect((mine.body.data as { id: string }[]).map((r) => r.id)).toEqual([res.body.id]);

    const cancelled = await a.api.del(`/api/v1/reservations/${res.body.id}`, driver);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    await eventually(
      () => Promise.resolve(sim.status(1) === 'Available'),
      'released at the charger',
    );
    expect((await a.api.del(`/api/v1/reservations/${res.body.id}`, driver)).status).toBe(409);
  });

  it('expires a reservation at its time', async () => {
    const res = await reserve(driver, connectors[1]!, undefined, 5);
    expect(res.body.status).toBe('ACTIVE');
    await app.running.app.get(Reservations).sweep();
    expect((await a.api.get(`/api/v1/reservations/${res.body.id}`, driver)).body.status).toBe(
      'ACTIVE',
    );
    clock.advance(5 * 60_000);
    await app.running.app.get(Reservations).sweep();
    expect((await a.api.get(`/api/v1/reservations/${res.body.id}`, driver)).body.status).toBe(
      'EXPIRED',
    );
  });

  it('records a refusal by the charger and answers 409 naming it; an offline charger is 409', async () => {
    const station = await a.api.post('/api/v1/stations', STATION, a.volt.operator);
    const charger = await a.api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'CP-RSV-BUSY' },
      a.volt.operator,
    );
    bare = new RPCClient({
      endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
      identity: 'CP-RSV-BUSY',
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    bare.handle('ReserveNow', () => Promise.resolve({ status: 'Occupied' }));
    await bare.connect();
    await bare.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Available',
    });
    const list = await a.api.get(`/api/v1/chargers/${charger.body.id}/connectors`, a.volt.operator);
    const connectorId = (list.body.data as { id: string }[])[0]!.id;
    const refused = await reserve(other, connectorId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('reservation_refused');
    const [failed] = (await a.api.get('/api/v1/reservations?status=FAILED', other)).body.data as {
      failureCode: string;
    }[];
    expect(failed!.failureCode).toBe('OCCUPIED');
    await bare.close({ force: true });
    await eventually(
      async () =>
        !(await a.api.get(`/api/v1/chargers/${charger.body.id}`, a.volt.operator)).body.online,
      'offline',
    );
    expect((await reserve(other, connectorId)).body.error.code).toBe('connector_unavailable');
  });

  it('refuses bad input', async () => {
    for (const body of [
      {},
      { connectorId: connectors[0], minutes: 4 },
      { connectorId: connectors[0], minutes: 61 },
      { connectorId: connectors[0], x: 1 },
    ]) {
      expect(
        (await a.api.post('/api/v1/reservations', body, driver)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect((await reserve(driver, 'cnr_missing')).status).toBe(404);
  });
});
