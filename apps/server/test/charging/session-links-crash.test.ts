import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RPCClient } from 'ocpp-rpc';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestDatabase, register } from '../helpers';
import { eventually } from '../payments/harness';
import { RealServers, sigkill, type RealServer } from '../real-server';
import { STATION, TARIFF } from './fixture';

/**
 * A SIGKILL of the real server between a link-paid session's StopTransaction and its payment
 * link: the stop is committed with the link's sequence claimed and the link job queued (the
 * first server runs no job workers, so the job waits as it would for a server killed right after
 * the commit), and the server restarted on the same database and sandbox state makes exactly one
 * link — also when the payer asks for it again (stop, recreate) at the same time.
 */
describe('seed 000: a crash between the stop and the payment link', () => {
  const servers = new RealServers();
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let dataDir: string;
  let cp: RPCClient | undefined;

  beforeAll(() => servers.setUp(), 180_000);
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    dataDir = await mkdtemp(join(tmpdir(), 'tender-link-crash-'));
  });
  afterAll(async () => {
    await cp?.close({ force: true }).catch(() => undefined);
    await servers.tearDown();
    await pool?.end();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = (workers: boolean): Promise<RealServer> =>
    servers.start({
      databaseUrl: db.url,
      dataDir,
      env: { JOBS_WORKERS: workers ? '1' : '0', JOBS_POLL_INTERVAL_SECONDS: '0.5' },
    });
  const row = async <T>(sql: string, params: unknown[] = []) =>
    (await pool.query<T & Record<string, unknown>>(sql, params)).rows[0]!;

  it('makes exactly one link after the restart', async () => {
    const first = await start(false);
    const api = client(first.url);
    const admin = await register(api);
    await pool.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [admin.user.id]);
    const company = await api.post(
      '/api/v1/companies',
      { name: 'Link Crash Co' },
      admin.accessToken,
    );
    const tariff = await api.post(
      '/api/v1/tariffs',
      {
        ...TARIFF,
        energyPricePerKwh: 300_000,
        timePricePerMinute: 0,
        sessionFee: 0,
        companyId: company.body.id,
      },
      admin.accessToken,
    );
    const station = await api.post(
      '/api/v1/stations',
      { ...STATION, tariffId: tariff.body.id, companyId: company.body.id },
      admin.accessToken,
    );
    const charger = await api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'CP-LINK-CRASH-1' },
      admin.accessToken,
    );
    const connector = await api.post(
      `/api/v1/chargers/${charger.body.id}/connectors`,
      { connectorId: 1, type: 'TYPE_2', maxPowerW: 22_000 },
      admin.accessToken,
    );
    expect(connector.status).toBe(201);

    const tags: string[] = [];
    cp = new RPCClient({
      endpoint: `${first.url.replace('http://', 'ws://')}/ocpp`,
      identity: 'CP-LINK-CRASH-1',
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    cp.handle('RemoteStartTransaction', ({ params }) => {
      tags.push((params as { idTag: string }).idTag);
      return Promise.resolve({ status: 'Accepted' });
    });
    await cp.connect();
    await cp.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Crash' });
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Available',
      timestamp: new Date().toISOString(),
    });

    // A guest paying by link afterwards: no account, no hold.
    const started = await api.call('POST', '/api/v1/session/start', {
      body: { connectorId: connector.body.id, payment: { type: 'link', method: 'card' } },
      headers: { 'idempotency-key': 'link-crash-start' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const sessionId = started.body.sessionId as string;
    const key = started.body.accessKey as string;
    const tx = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: tags[0],
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number; idTagInfo: { status: string } };
    expect(tx.idTagInfo.status).toBe('Accepted');
    // The charger ends the session itself: nobody asks for the link in a request.
    await cp.call('StopTransaction', {
      transactionId: tx.transactionId,
      meterStop: 10_000,
      timestamp: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(
      await row(
        `SELECT s.status, s.capture_status, s.cost::int, p.link_seq FROM charging_sessions s
         JOIN charging_session_payers p ON p.session_id = s.id WHERE s.id = $1`,
        [sessionId],
      ),
    ).toEqual({ status: 'COMPLETED', capture_status: 'PENDING', cost: 3000, link_seq: 1 });
    expect(
      await row(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'charging.create-link'`),
    ).toEqual({ n: 1 });
    expect(
      await row(`SELECT count(*)::int AS n FROM payments WHERE payable_id = $1`, [sessionId]),
    ).toEqual({ n: 0 });

    expect(await sigkill(first)).toBe('SIGKILL');
    await cp.close({ force: true }).catch(() => undefined);

    const second = await start(true);
    const api2 = client(second.url);
    const guest = { headers: { 'x-session-key': key } };
    // The payer asks for it while the job makes it: still one link.
    const [stopped] = await Promise.all([
      api2.call('POST', '/api/v1/session/stop', { body: { sessionId }, ...guest }),
      eventually(
        async () =>
          expect(
            await row(
              `SELECT count(*)::int AS n FROM payments
               WHERE payable_id = $1 AND provider_session_id IS NOT NULL`,
              [sessionId],
            ),
          ).toEqual({ n: 1 }),
        30_000,
      ),
    ]);
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'COMPLETED', amount: 3000 });
    const link = await api2.call('GET', `/api/v1/payment/link/${sessionId}`, guest);
    expect(link.body).toMatchObject({ status: 'PENDING', amount: 3000, method: 'card' });
    expect(link.body.links).toHaveLength(1);
    expect(link.body.paymentUrl).toBe(stopped.body.paymentUrl);
    expect(
      await row(`SELECT count(*)::int AS n FROM payments WHERE payable_id = $1`, [sessionId]),
    ).toEqual({ n: 1 });
  }, 180_000);
});
