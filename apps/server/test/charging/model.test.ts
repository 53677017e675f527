import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, type TestApp } from '../helpers';
import { chargerAt, chargingActors, STATION, TARIFF } from './fixture';

describe('charging model API: stations, chargers, connectors, tariffs', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;

  beforeAll(async () => {
    app = await bootTestApp();
    a = await chargingActors(app);
  });
  afterAll(async () => app?.close());

  it('lets an operator build a station with a tariff, a charger and a connector in their company', async () => {
    const { api, volt } = a;
    const tariff = await api.post('/api/v1/tariffs', TARIFF, volt.operator);
    expect(tariff.status).toBe(201);
    expect(tariff.body).toMatchObject({
      companyId: volt.id,
      energyPricePerKwh: 32_490,
      taxInclusive: true,
      holdAmount: 5000,
    });
    const station = await api.post(
      '/api/v1/stations',
      { ...STATION, tariffId: tariff.body.id },
      volt.operator,
    );
    expect(station.status).toBe(201);
    expect(station.body).toMatchObject({ companyId: volt.id, timeZone: 'Europe/Berlin' });

    const charger = await api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'VOLT-001', password: 'a-secret-of-16-chars' },
      volt.operator,
    );
    expect(charger.status).toBe(201);
    expect(charger.body).toMatchObject({
      companyId: volt.id,
      ocppId: 'VOLT-001',
      hasPassword: true,
      online: false,
      vendor: null,
    });
    expect(JSON.stringify(charger.body)).not.toContain('a-secret');
    const [stored] = (
      await app.runtime.database.pool.query<{ password_hash: string }>(
        'SELECT password_hash FROM chargers WHERE id = $1',
        [charger.body.id],
      )
    ).rows;
    expect(stored!.password_hash).toMatch(/^\$argon2id\$/);

    const connector = await api.post(
      `/api/v1/chargers/${charger.body.id}/connectors`,
      { connectorId: 1, type: 'TYPE_2', maxPowerW: 22_000 },
      volt.operator,
    );
    expect(connector.status).toBe(201);
    expect(connector.body).toMatchObject({
      connectorId: 1,
      status: 'UNAVAILABLE',
      errorCode: 'NO_ERROR',
    });

    const edited = await api.patch(
      `/api/v1/chargers/${charger.body.id}`,
      { password: null },
      volt.operator,
    );
    expect(edited.body.hasPassword).toBe(false);
    const renamed = await api.patch(
      `/api/v1/stations/${station.body.id}`,
      { name: 'Quay' },
      volt.operator,
    );
    expect(renamed.body).toMatchObject({ name: 'Quay', address: STATION.address });

    // Still in use: neither the tariff nor the station can go; once the charger is gone they can.
    expect(
      (await api.del(`/api/v1/tariffs/${tariff.body.id}`, volt.operator)).body.error.code,
    ).toBe('tariff_in_use');
    expect(
      (await api.del(`/api/v1/stations/${station.body.id}`, volt.operator)).body.error.code,
    ).toBe('station_has_chargers');
    expect((await api.del(`/api/v1/chargers/${charger.body.id}`, volt.operator)).status).toBe(204);
    expect((await api.get(`/api/v1/connectors/${connector.body.id}`, volt.operator)).status).toBe(
      404,
    );
    expect((await api.del(`/api/v1/stations/${station.body.id}`, volt.operator)).status).toBe(204);
    expect((await api.del(`/api/v1/tariffs/${tariff.body.id}`, volt.operator)).status).toBe(204);
  });

  it('hides every company’s resources from the other company’s operator (404) and from users (403)', async () => {
    const { api, volt, amp, user } = a;
    const mine = await chargerAt(api, volt.operator, 'VOLT-ISO');
    for (const path of [
      `/api/v1/stations/${mine.stationId}`,
      `/api/v1/chargers/${mine.chargerId}`,
      `/api/v1/connectors/${mine.connectorId}`,
    ]) {
      expect((await api.get(path, amp.operator)).status).toBe(404);
      expect((await api.patch(path, { name: 'x' }, amp.operator)).status).toBeGreaterThanOrEqual(
        400,
      );
      expect((await api.del(path, amp.operator)).status).toBe(404);
      expect((await api.get(path, user)).status).toBe(403);
      expect((await api.get(path, volt.operator)).status).toBe(200);
    }
    // Building on another company's station, or naming another company, is a 404 too.
    const foreign = await api.post(
      '/api/v1/chargers',
      { stationId: mine.stationId, ocppId: 'AMP-SNEAK' },
      amp.operator,
    );
    expect(foreign.status).toBe(404);
    expect(
      (await api.post('/api/v1/stations', { ...STATION, companyId: volt.id }, amp.operator)).status,
    ).toBe(404);
    const ampTariff = await api.post('/api/v1/tariffs', TARIFF, amp.operator);
    const wrongTariff = await api.patch(
      `/api/v1/stations/${mine.stationId}`,
      { tariffId: ampTariff.body.id },
      volt.operator,
    );
    expect(wrongTariff.status).toBe(404);
    expect(wrongTariff.body.error).toMatchObject({ code: 'tariff_not_found', param: 'tariffId' });
    // Lists show only the operator's company.
    const ampStations = await api.get('/api/v1/stations', amp.operator);
    expect(ampStations.body.data.every((s: { companyId: string }) => s.companyId === amp.id)).toBe(
      true,
    );
    expect((await api.get('/api/v1/chargers', amp.operator)).body.data).toEqual([]);
    expect(
      (await api.get(`/api/v1/chargers/${mine.chargerId}/connectors`, amp.operator)).status,
    ).toBe(404);
  });

  it('lets an admin manage any company, naming it on create', async () => {
    const { api, admin, amp } = a;
    const missing = await api.post('/api/v1/stations', STATION, admin);
    expect(missing.status).toBe(400);
    expect(missing.body.error.param).toBe('companyId');
    expect(
      (await api.post('/api/v1/stations', { ...STATION, companyId: 'cmp_nope' }, admin)).status,
    ).toBe(404);
    const made = await api.post('/api/v1/stations', { ...STATION, companyId: amp.id }, admin);
    expect(made.status).toBe(201);
    expect((await api.get(`/api/v1/stations/${made.body.id}`, amp.operator)).status).toBe(200);
    const onlyAmp = await api.get(`/api/v1/stations?companyId=${amp.id}&limit=100`, admin);
    expect(onlyAmp.body.data.length).toBeGreaterThan(0);
    expect(onlyAmp.body.data.every((s: { companyId: string }) => s.companyId === amp.id)).toBe(
      true,
    );
  });

  it('refuses bad input with a clear 400 and conflicts with a 409', async () => {
    const { api, volt } = a;
    const bad = async (path: string, body: unknown, param: string) => {
      const res = await api.post(path, body, volt.operator);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (param === 'extra') expect(res.body.error.message).toContain('extra');
      else expect(res.body.error.param).toBe(param);
    };
    await bad('/api/v1/stations', { ...STATION, timeZone: 'Mars/Olympus' }, 'timeZone');
    await bad('/api/v1/stations', { ...STATION, latitude: 91 }, 'latitude');
    await bad('/api/v1/stations', { ...STATION, extra: 1 }, 'extra');
    await bad('/api/v1/tariffs', { ...TARIFF, energyPricePerKwh: 0.5 }, 'energyPricePerKwh');
    await bad('/api/v1/tariffs', { ...TARIFF, holdAmount: 0 }, 'holdAmount');
    await bad('/api/v1/tariffs', { ...TARIFF, taxRateBasisPoints: 10_001 }, 'taxRateBasisPoints');
    const station = await api.post('/api/v1/stations', STATION, volt.operator);
    await bad('/api/v1/chargers', { stationId: station.body.id, ocppId: 'has space' }, 'ocppId');
    await bad(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'OK', password: 'short' },
      'password',
    );
    const patchEmpty = await api.patch(`/api/v1/stations/${station.body.id}`, {}, volt.operator);
    expect(patchEmpty.status).toBe(400);
    const patchCurrency = await api.post('/api/v1/tariffs', TARIFF, volt.operator);
    expect(
      (
        await api.patch(
          `/api/v1/tariffs/${patchCurrency.body.id}`,
          { currency: 'usd' },
          volt.operator,
        )
      ).status,
    ).toBe(400);

    const { chargerId } = await chargerAt(api, volt.operator, 'VOLT-DUP');
    const dup = await api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'VOLT-DUP' },
      volt.operator,
    );
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'ocpp_id_taken', param: 'ocppId' });
    const dupConnector = await api.post(
      `/api/v1/chargers/${chargerId}/connectors`,
      { connectorId: 1, type: 'TYPE_2', maxPowerW: 11_000 },
      volt.operator,
    );
    expect(dupConnector.status).toBe(409);
    await bad(
      `/api/v1/chargers/${chargerId}/connectors`,
      { connectorId: 2, type: 'USB', maxPowerW: 1 },
      'type',
    );
  });

  it('keeps time-of-day periods on a tariff, refusing bad times and overlaps', async () => {
    const { api, volt } = a;
    const night = {
      name: 'night',
      days: [1, 2, 3, 4, 5, 6, 7],
      start: '22:00',
      end: '06:00',
      energyPricePerKwh: 20_000,
    };
    const peak = {
      name: 'peak',
      days: [5, 1],
      start: '17:00',
      end: '20:00',
      energyPricePerKwh: 60_000,
      timePricePerMinute: 1_000,
    };
    const created = await api.post(
      '/api/v1/tariffs',
      { ...TARIFF, periods: [night, peak] },
      volt.operator,
    );
    expect(created.status).toBe(201);
    expect(created.body.periods).toEqual([
      { ...night, timePricePerMinute: 0 },
      { ...peak, days: [1, 5] },
    ]);
    const cleared = await api.patch(
      `/api/v1/tariffs/${created.body.id}`,
      { periods: [] },
      volt.operator,
    );
    expect(cleared.body.periods).toEqual([]);
    const refused = async (periods: unknown[], param: string) => {
      const res = await api.post('/api/v1/tariffs', { ...TARIFF, periods }, volt.operator);
      expect(res.status, JSON.stringify(periods)).toBe(400);
      expect(res.body.error.param).toBe(param);
      return res.body.error.message as string;
    };
    await refused([{ ...night, start: '25:00' }], 'periods.0.start');
    await refused([{ ...night, end: '22:00' }], 'periods.0.end');
    await refused([{ ...night, days: [0] }], 'periods.0.days.0');
    expect(await refused([night, { ...peak, start: '05:00' }], 'periods.1')).toContain('overlap');
  });

  it('pages lists newest first with a cursor', async () => {
    const { api, amp } = a;
    for (const name of ['P1', 'P2', 'P3'])
      await api.post('/api/v1/stations', { ...STATION, name }, amp.operator);
    const first = await api.get('/api/v1/stations?limit=2', amp.operator);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.hasMore).toBe(true);
    const second = await api.get(
      `/api/v1/stations?limit=2&startingAfter=${first.body.nextCursor}`,
      amp.operator,
    );
    const ids = [...first.body.data, ...second.body.data].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().reverse()).toEqual(ids);
  });
});
