import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdTags } from '../../src/charging/id-tags';
import {
  type SentCall,
  type SimulatedCharger,
  startSimulatedCharger,
} from '../../src/charging/simulator/charger';
import { bootTestApp, type TestApp } from '../helpers';
import { chargingActors, STATION, TARIFF } from './fixture';

const PASSWORD = 'sim-secret-0123456';

describe('the simulated charger against the real server', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let chargerId: string;
  let sim: SimulatedCharger | undefined;
  const sent: SentCall[] = [];

  const get = (path: string) => a.api.get(path, a.volt.operator);
  const command = (action: string, payload: object) =>
    a.api.post(`/api/v1/chargers/${chargerId}/commands`, { action, payload }, a.volt.operator);
  const logged = async (direction: 'IN' | 'OUT', action: string) => {
    const log = (await get(`/api/v1/chargers/${chargerId}/ocpp-messages?limit=100`)).body.data as {
      direction: string;
      frame: unknown[];
    }[];
    return log.filter((m) => m.direction === direction && m.frame[2] === action);
  };

  beforeAll(async () => {
    app = await bootTestApp();
    a = await chargingActors(app);
    app.running.app
      .get(IdTags)
      .register((_charger, tag) => (tag.startsWith('SIM-') ? 'Accepted' : undefined));
    const tariff = await a.api.post('/api/v1/tariffs', TARIFF, a.volt.operator);
    const station = await a.api.post(
      '/api/v1/stations',
      { ...STATION, tariffId: tariff.body.id },
      a.volt.operator,
    );
    const charger = await a.api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'CP-SIM-1', password: PASSWORD },
      a.volt.operator,
    );
    chargerId = charger.body.id;
    const connector = await a.api.post(
      `/api/v1/chargers/${chargerId}/connectors`,
      { connectorId: 1, type: 'TYPE_2', maxPowerW: 22_000 },
      a.volt.operator,
    );
    expect(connector.status).toBe(201);
  });
  afterAll(async () => {
    await sim?.stop();
    await app?.close();
  });

  it('boots over Basic auth: vendor and model recorded, online, connector Available, logged', async () => {
    sim = await startSimulatedCharger({
      url: app.url,
      chargePointId: 'CP-SIM-1',
      password: PASSWORD,
      connectors: 1,
      powerKw: 22,
      meterIntervalMs: 200,
    });
    sim.on('sent', (call: SentCall) => sent.push(call));
    expect((await get(`/api/v1/chargers/${chargerId}`)).body).toMatchObject({
      vendor: 'Tender',
      model: 'Simulated Charger',
      serialNumber: 'SIM-CP-SIM-1',
      firmwareVersion: 'sim-1.0.0',
      online: true,
    });
    const connectors = (await get(`/api/v1/chargers/${chargerId}/connectors`)).body.data;
    expect(connectors).toMatchObject([{ connectorId: 1, status: 'AVAILABLE' }]);
    await expect.poll(async () => (await logged('IN', 'BootNotification')).length).toBe(1);
    // The simulator answers operator commands itself.
    const config = await command('GetConfiguration', { key: ['HeartbeatInterval', 'Nope'] });
    expect(config.body).toMatchObject({
      result: {
        configurationKey: [{ key: 'HeartbeatInterval', value: '300', readonly: false }],
        unknownKey: ['Nope'],
      },
      error: null,
    });
  });

  it('charges on a remote start, meters in Wh, and stops on a remote stop', async () => {
    const started = once(sim!, 'started') as Promise<[{ transactionId: number }]>;
    const start = await command('RemoteStartTransaction', {
      connectorId: 1,
      idTag: 'SIM-DRIVER-1',
    });
    expect(start.body).toMatchObject({ result: { status: 'Accepted' }, error: null });
    const [{ transactionId }] = await started;
    const startCall = sent.find((c) => c.action === 'StartTransaction');
    expect(startCall?.payload).toMatchObject({
      connectorId: 1,
      idTag: 'SIM-DRIVER-1',
      meterStart: 0,
    });
    expect(startCall?.result).toMatchObject({ transactionId, idTagInfo: { status: 'Accepted' } });
    expect(sim!.status(1)).toBe('Charging');
    await expect
      .poll(async () => (await get(`/api/v1/chargers/${chargerId}/connectors`)).body.data[0].status)
      .toBe('CHARGING');

    // MeterValues every 200 ms at 22 kW: about 1.2 Wh each, the register only rises.
    await expect
      .poll(async () => (await logged('IN', 'MeterValues')).length)
      .toBeGreaterThanOrEqual(3);
    const meter = (await logged('IN', 'MeterValues'))[0]!.frame[3] as {
      transactionId: number;
      meterValue: { sampledValue: { measurand?: string; unit?: string; value: string }[] }[];
    };
    expect(meter.transactionId).toBe(transactionId);
    expect(meter.meterValue[0]!.sampledValue).toContainEqual(
      expect.objectContaining({ measurand: 'Energy.Active.Import.Register', unit: 'Wh' }),
    );

    const stopped = once(sim!, 'stopped') as Promise<[{ meterStop: number }]>;
    const stop = await command('RemoteStopTransaction', { transactionId });
    expect(stop.body).toMatchObject({ result: { status: 'Accepted' }, error: null });
    const [{ meterStop }] = await stopped;
    expect(meterStop).toBeGreaterThan(0);
    await expect.poll(async () => (await logged('IN', 'StopTransaction')).length).toBe(1);
    const stopFrame = (await logged('IN', 'StopTransaction'))[0]!.frame[3];
    expect(stopFrame).toMatchObject({ transactionId, meterStop, reason: 'Remote' });
    await expect
      .poll(async () => (await get(`/api/v1/chargers/${chargerId}/connectors`)).body.data[0].status)
      .toBe('AVAILABLE');
    const tx = await app.runtime.database.pool.query(
      'SELECT status, energy_wh FROM ocpp_transactions WHERE id = $1',
      [transactionId],
    );
    expect(tx.rows[0]).toMatchObject({ status: 'STOPPED', energy_wh: BigInt(meterStop) });
    // A stop for a transaction it is not running is refused by the charger.
    expect((await command('RemoteStopTransaction', { transactionId })).body.result).toEqual({
      status: 'Rejected',
    });
  });

  it('misbehaves on request: drops and resumes mid-session, stops twice, meters after the stop', async () => {
    await sim!.stop();
    const lines: string[] = [];
    sim = await startSimulatedCharger({
      url: app.url,
      chargePointId: 'CP-SIM-1',
      password: PASSWORD,
      connectors: 1,
      powerKw: 22,
      meterIntervalMs: 200,
      misbehave: { duplicateStop: true, lateMeterValues: true, dropAndReconnect: true },
      log: (line) => lines.push(line),
    });
    const started = once(sim, 'started') as Promise<[{ transactionId: number }]>;
    await command('RemoteStartTransaction', { connectorId: 1, idTag: 'SIM-DRIVER-2' });
    const [{ transactionId }] = await started;
    // Dropped after the first MeterValues, connected again, and metering the same transaction.
    await expect.poll(() => lines.filter((l) => l.startsWith('connected')).length).toBe(2);
    const metered = async () =>
      (await logged('IN', 'MeterValues')).filter(
        (m) => (m.frame[3] as { transactionId?: number }).transactionId === transactionId,
      ).length;
    await expect.poll(metered).toBeGreaterThanOrEqual(3);
    const stopped = once(sim, 'stopped') as Promise<[{ meterStop: number }]>;
    await expect
      .poll(async () => (await command('RemoteStopTransaction', { transactionId })).body.result)
      .toEqual({ status: 'Accepted' });
    const [{ meterStop }] = await stopped;
    // Both stops in the log (written behind, within a batch of their answers).
    const stops = async () =>
      (await logged('IN', 'StopTransaction')).filter(
        (m) => (m.frame[3] as { transactionId: number }).transactionId === transactionId,
      );
    await expect.poll(async () => (await stops()).length).toBe(2);
    const tx = await app.runtime.database.pool.query(
      'SELECT status, energy_wh FROM ocpp_transactions WHERE id = $1',
      [transactionId],
    );
    // The late MeterValues arrived after the stops (the log is newest first)...
    await expect
      .poll(async () => {
        const log = (await get(`/api/v1/chargers/${chargerId}/ocpp-messages?limit=100`)).body
          .data as { direction: string; frame: unknown[] }[];
        const mine = (action: string) =>
          log.findIndex(
            (m) =>
              m.direction === 'IN' &&
              m.frame[2] === action &&
              (m.frame[3] as { transactionId?: number }).transactionId === transactionId,
          );
        return mine('MeterValues') < mine('StopTransaction');
      })
      .toBe(true);
    // ...and billed once, on the first stop; neither the second stop nor it changed anything.
    expect(tx.rows[0]).toMatchObject({ status: 'STOPPED', energy_wh: BigInt(meterStop) });
  });
});
