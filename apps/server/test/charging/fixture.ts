import { client, promote, register, type TestApp } from '../helpers';

type Api = ReturnType<typeof client>;

/** An admin, two companies each with an operator, and a plain user, over the real API. */
export async function chargingActors(app: TestApp) {
  const api: Api = client(app.url);
  const admin = await register(api);
  await promote(app, admin.user.id, 'ADMIN');
  const company = async (name: string) => {
    const c = await api.post('/api/v1/companies', { name }, admin.accessToken);
    const op = await register(api);
    await api.post(
      `/api/v1/companies/${c.body.id}/operators`,
      { userId: op.user.id },
      admin.accessToken,
    );
    return { id: c.body.id as string, operator: op.accessToken };
  };
  return {
    api,
    admin: admin.accessToken,
    volt: await company('Volt Co'),
    amp: await company('Amp Co'),
    user: (await register(api)).accessToken,
  };
}

export const TARIFF = {
  name: 'Standard',
  currency: 'eur',
  energyPricePerKwh: 32_490,
  timePricePerMinute: 2_500,
  idlePricePerMinute: 10_000,
  idleGraceMinutes: 15,
  sessionFee: 50,
  taxRateBasisPoints: 1900,
  holdAmount: 5000,
};

export const STATION = {
  name: 'Harbour Car Park',
  address: '1 Quay Street, Hamburg',
  latitude: 53.5461,
  longitude: 9.9661,
  timeZone: 'Europe/Berlin',
};

/** A station with one charger (optionally with a password) and its connector 1, as `token`. */
export async function chargerAt(
  api: Api,
  token: string,
  ocppId: string,
  password?: string,
): Promise<{ stationId: string; chargerId: string; connectorId: string }> {
  const station = await api.post('/api/v1/stations', STATION, token);
  const charger = await api.post(
    '/api/v1/chargers',
    { stationId: station.body.id, ocppId, ...(password ? { password } : {}) },
    token,
  );
  const connector = await api.post(
    `/api/v1/chargers/${charger.body.id}/connectors`,
    { connectorId: 1, type: 'CCS_2', maxPowerW: 150_000 },
    token,
  );
  if (connector.status !== 201)
    throw new Error(`fixture failed: ${JSON.stringify(connector.body)}`);
  return { stationId: station.body.id, chargerId: charger.body.id, connectorId: connector.body.id };
}
