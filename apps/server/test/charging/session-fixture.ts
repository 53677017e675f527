import { RPCClient } from 'ocpp-rpc';
import { expect } from 'vitest';
import { startSimulatedCharger, type SimulatedCharger } from '../../src/charging/simulator/charger';
import { register, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';
import { chargingActors, STATION, TARIFF } from './fixture';

type Actors = Awaited<ReturnType<typeof chargingActors>>;

/**
 * The driver flow's setting, over the real API: companies and operators (chargingActors), a site
 * per test (tariff, station, charger, connector 1) run by the simulated charger or by a bare
 * ocpp-rpc charge point the test drives message by message, and drivers with saved cards.
 */
export function sessionsFixture(app: TestApp, a: Actors) {
  let sites = 0;
  const sims: SimulatedCharger[] = [];
  const raws: RPCClient[] = [];

  async function site(tariff: Partial<typeof TARIFF> = {}) {
    const ocppId = `CP-SES-${process.pid}-${++sites}`;
    const t = await a.api.post('/api/v1/tariffs', { ...TARIFF, ...tariff }, a.volt.operator);
    expect(t.status).toBe(201);
    const station = await a.api.post(
      '/api/v1/stations',
      { ...STATION, tariffId: t.body.id },
      a.volt.operator,
    );
    const charger = await a.api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId },
      a.volt.operator,
    );
    const connector = await a.api.post(
      `/api/v1/chargers/${charger.body.id}/connectors`,
      { connectorId: 1, type: 'TYPE_2', maxPowerW: 22_000 },
      a.volt.operator,
    );
    expect(connector.status).toBe(201);
    return {
      ocppId,
      tariffId: t.body.id as string,
      chargerId: charger.body.id as string,
      connectorId: connector.body.id as string,
    };
  }

  /** A site whose charger is the simulator (it charges on RemoteStart, stops on RemoteStop). */
  async function simulatedSite(
    tariff: Partial<typeof TARIFF> = {},
    sim: { powerKw?: number; meterIntervalMs?: number; evFullAfterWh?: number } = {},
  ) {
    const s = await site(tariff);
    const charger = await startSimulatedCharger({
      url: app.url,
      chargePointId: s.ocppId,
      connectors: 1,
      powerKw: sim.powerKw ?? 22,
      meterIntervalMs: sim.meterIntervalMs ?? 200,
      ...(sim.evFullAfterWh !== undefined ? { evFullAfterWh: sim.evFullAfterWh } : {}),
    });
    sims.push(charger);
    await connectorIs(s.connectorId, 'AVAILABLE');
    return { ...s, sim: charger };
  }

  /**
   * A site whose charger is a bare charge point: it accepts remote starts and stops and does
   * nothing more unless the test sends StartTransaction, MeterValues, StopTransaction itself.
   */
  async function bareSite(tariff: Partial<typeof TARIFF> = {}) {
    const s = await site(tariff);
    const cp = new RPCClient({
      endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
      identity: s.ocppId,
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    raws.push(cp);
    const starts: { connectorId?: number; idTag: string }[] = [];
    const stops: { transactionId: number }[] = [];
    cp.handle('RemoteStartTransaction', ({ params }) => {
      starts.push(params as { idTag: string });
      return Promise.resolve({ status: 'Accepted' });
    });
    cp.handle('RemoteStopTransaction', ({ params }) => {
      stops.push(params as { transactionId: number });
      return Promise.resolve({ status: 'Accepted' });
    });
    await cp.connect();
    await cp.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Bare' });
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Available',
      timestamp: new Date().toISOString(),
    });
    await connectorIs(s.connectorId, 'AVAILABLE');
    const at = (offsetS = 0) => new Date(Date.now() + offsetS * 1000).toISOString();
    return {
      ...s,
      cp,
      starts,
      stops,
      /** The charger starts the transaction of the last remote start (or of `idTag`). */
      async startTransaction(idTag = starts.at(-1)!.idTag, meterStart = 1000) {
        return (await cp.call('StartTransaction', {
          connectorId: 1,
          idTag,
          meterStart,
          timestamp: at(),
        })) as { transactionId: number; idTagInfo: { status: string } };
      },
      /** A meter reading of the register, in Wh, now. */
      async meter(transactionId: number, wh: number) {
        await cp.call('MeterValues', {
          connectorId: 1,
          transactionId,
          meterValue: [
            {
              timestamp: at(),
              sampledValue: [
                { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
              ],
            },
          ],
        });
      },
      async stopTransaction(transactionId: number, meterStop: number, afterSeconds = 60) {
        await cp.call('StopTransaction', {
          transactionId,
          meterStop,
          timestamp: at(afterSeconds),
          reason: 'Remote',
        });
      },
    };
  }

  async function connectorIs(connectorId: string, status: string) {
    await eventually(async () => {
      const c = await a.api.get(`/api/v1/connectors/${connectorId}`, a.volt.operator);
      expect(c.body.status).toBe(status);
    });
  }

  /** A driver with a saved card (a Stripe test card token). */
  async function driver(card = 'pm_card_visa') {
    const me = await register(a.api);
    const saved = await a.api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: card },
      me.accessToken,
    );
    expect(saved.status).toBeLessThan(300);
    return me.accessToken;
  }

  let keys = 0;
  const start = (token: string, body: object, key = `start-${process.pid}-${++keys}`) =>
    a.api.call('POST', '/api/v1/sessions/start', {
      body,
      token,
      headers: { 'idempotency-key': key },
    });
  const stop = (token: string, sessionId: string) =>
    a.api.post('/api/v1/sessions/stop', { sessionId }, token);
  const get = async (token: string, id: string) =>
    (await a.api.get(`/api/v1/sessions/${id}`, token)).body;
  const until = (token: string, id: string, expected: Record<string, unknown>, ms = 20_000) =>
    eventually(async () => {
      const s = await get(token, id);
      expect(s).toMatchObject(expected);
      return s;
    }, ms);

  /** Balance of the company's revenue account (0 when it has none yet). */
  async function companyRevenue(companyId: string, currency = 'eur'): Promise<number> {
    const { rows } = await app.runtime.database.pool.query<{ balance: string }>(
      `SELECT balance::text FROM ledger_accounts
       WHERE type = 'COMPANY_REVENUE' AND company_id = $1 AND currency = $2`,
      [companyId, currency],
    );
    return Number(rows[0]?.balance ?? 0);
  }

  return {
    site,
    connectorIs,
    simulatedSite,
    bareSite,
    driver,
    start,
    stop,
    get,
    until,
    companyRevenue,
    async close() {
      for (const s of sims) await s.stop();
      for (const c of raws) await c.close({ force: true }).catch(() => undefined);
    },
  };
}
