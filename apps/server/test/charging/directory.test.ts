import { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, type TestApp } from '../helpers';
import { chargerAt, chargingActors, STATION, TARIFF } from './fixture';

describe('the drivers’ directory: stations near a point and a connector’s public page', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let hamburg: { stationId: string; chargerId: string; connectorId: string };
  let berlin: { stationId: string; chargerId: string; connectorId: string };
  let cp: RPCClient;
  const anon = () => client(app.url);

  beforeAll(async () => {
    app = await bootTestApp({ RETURN_RATE_LIMIT_PER_MINUTE: '40' });
    a = await chargingActors(app);
    const tariff = await a.api.post(
      '/api/v1/tariffs',
      {
        ...TARIFF,
        taxInclusive: false,
        periods: [
          {
            name: 'night',
            days: [1, 2, 3, 4, 5, 6, 7],
            start: '22:00',
            end: '06:00',
            energyPricePerKwh: 20_000,
          },
        ],
      },
      a.volt.operator,
    );
    hamburg = await chargerAt(a.api, a.volt.operator, 'DIR-HH');
    await a.api.patch(
      `/api/v1/stations/${hamburg.stationId}`,
      { tariffId: tariff.body.id },
      a.volt.operator,
    );
    berlin = await chargerAt(a.api, a.amp.operator, 'DIR-BER');
    await a.api.patch(
      `/api/v1/stations/${berlin.stationId}`,
      { name: 'Alexanderplatz', latitude: 52.5219, longitude: 13.4132 },
      a.amp.operator,
    );
    // Hamburg's charger online with connector 1 Available.
    cp = new RPCClient({
      endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
      identity: 'DIR-HH',
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    await cp.connect();
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Available',
    });
  });
  afterAll(async () => {
    await cp?.close({ force: true });
    await app?.close();
  });

  it('lists stations nearest first without an account, with free connectors and prices tax included', async () => {
    // From Potsdam, Berlin is nearer than Hamburg.
    const res = await anon().get('/api/v1/charging/stations?lat=52.3906&lng=13.0645');
    expect(res.status).toBe(200);
    const names = (res.body.data as { name: string }[]).map((s) => s.name);
    expect(names.indexOf('Alexanderplatz')).toBeLessThan(names.indexOf(STATION.name));
    const hh = (res.body.data as Record<string, unknown>[]).find(
      (s) => s.id === hamburg.stationId,
    )!;
    expect(hh).toMatchObject({ connectors: 1, available: 1 });
    expect(hh.distanceMeters as number).toBeGreaterThan(200_000);
    expect(hh.distanceMeters as number).toBeLessThan(300_000);
    // Exclusive tax shown included: 32 490 × 1.19 = 38 663.1 → 38 663.
    expect(hh.price).toMatchObject({
      currency: 'eur',
      energyPricePerKwh: 38_663,
      holdAmount: 5000,
    });
    // The periods too (they were shown net): 20 000 × 1.19 = 23 800; a time price of 0 stays 0.
    expect((hh.price as { periods: unknown[] }).periods).toEqual([
      {
        name: 'night',
        days: [1, 2, 3, 4, 5, 6, 7],
        start: '22:00',
        end: '06:00',
        energyPricePerKwh: 23_800,
        timePricePerMinute: 0,
      },
    ]);
    // Berlin's connector has no status report yet and no tariff: listed, not available, no price.
    const ber = (res.body.data as Record<string, unknown>[]).find(
      (s) => s.id === berlin.stationId,
    )!;
    expect(ber).toMatchObject({ available: 0, price: null });
    // Nothing an operator keeps to themselves.
    expect(JSON.stringify(res.body)).not.toMatch(/DIR-HH|companyId|cmp_/);
  });

  it('shows a connector’s page to anyone holding its link, and 404 for an unknown one', async () => {
    const res = await anon().get(`/api/v1/charging/connectors/${hamburg.connectorId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: hamburg.connectorId,
      connectorNumber: 1,
      type: 'CCS_2',
      status: 'AVAILABLE',
      chargerOnline: true,
      available: true,
      station: { id: hamburg.stationId, name: STATION.name, timeZone: 'Europe/Berlin' },
    });
    expect(res.body.price.sessionFee).toBe(60); // 50 + 19 %, rounded once
    expect(JSON.stringify(res.body)).not.toMatch(/DIR-HH|companyId/);
    const missing = await anon().get('/api/v1/charging/connectors/cnr_nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('connector_not_found');
  });

  it('refuses half a position and out-of-range coordinates', async () => {
    for (const q of ['lat=52', 'lat=91&lng=0', 'lng=181&lat=0', 'limit=0', 'limit=101', 'x=1']) {
      const res = await anon().get(`/api/v1/charging/stations?${q}`);
      expect(res.status, q).toBe(400);
    }
  });

  it('rate-limits the directory per address', async () => {
    let last = 200;
    for (let i = 0; i < 45 && last !== 429; i++)
      last = (await anon().get('/api/v1/charging/stations')).status;
    expect(last).toBe(429);
  });
});
