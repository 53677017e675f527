import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RPCClient } from 'ocpp-rpc';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { client, createTestDatabase, register } from '../helpers';
import { eventually } from '../payments/harness';
import { RealServers, sigkill, type RealServer } from '../real-server';
import { STATION, TARIFF } from './fixture';

/**
 * A SIGKILL of the real server between a session's StopTransaction and its capture: the stop is
 * committed with the capture job in it (the first server runs no job workers, so the job waits as
 * it would for a server killed right after the commit), and the server restarted on the same
 * database and sandbox state captures the cost exactly once — one capture at the provider, one
 * PAYMENT entry, the company credited once.
 */
describe('charging sessions: a crash between the stop and the capture', () => {
  const servers = new RealServers();
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let dataDir: string;
  let cp: RPCClient | undefined;

  beforeAll(() => servers.setUp(), 180_000);
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    dataDir = await mkdtemp(join(tmpdir(), 'tender-session-crash-'));
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

  it('captures exactly once after the restart', async () => {
    const first = await start(false);
    const api = client(first.url);
    const admin = await register(api);
    await pool.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [admin.user.id]);
    const company = await api.post('/api/v1/companies', { name: 'Crash Co' }, admin.accessToken);
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
      { stationId: station.body.id, ocppId: 'CP-CRASH-1' },
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
      identity: 'CP-CRASH-1',
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

    const driver = await register(api);
    await api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_visa' },
      driver.accessToken,
    );
    const started = await api.call('POST', '/api/v1/sessions/start', {
      body: { connectorId: connector.body.id },
      token: driver.accessToken,
      headers: { 'idempotency-key': 'crash-start' },
    });
    expect(started.status).toBe(201);
    const sessionId = started.body.id as string;
    const tx = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: tags[0],
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number; idTagInfo: { status: string } };
    expect(tx.idTagInfo.status).toBe('Accepted');
    await cp.call('StopTransaction', {
      transactionId: tx.transactionId,
      meterStop: 10_000,
      timestamp: new Date(Date.now() + 60_000).toISOString(),
    });
    // Committed with its job, which no worker of this server runs.
    expect(
      await row(`SELECT status, capture_status, cost::int FROM charging_sessions WHERE id = $1`, [
        sessionId,
      ]),
    ).toEqual({ status: 'COMPLETED', capture_status: 'PENDING', cost: 3000 });
    expect(
      await row(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'charging.capture-session'`,
      ),
    ).toEqual({ n: 1 });

    expect(await sigkill(first)).toBe('SIGKILL');
    await cp.close({ force: true }).catch(() => undefined);

    const second = await start(true);
    await eventually(
      async () =>
        expect(
          await row(
            `SELECT capture_status, captured_amount::int FROM charging_sessions WHERE id = $1`,
            [sessionId],
          ),
        ).toEqual({ capture_status: 'CAPTURED', captured_amount: 3000 }),
      30_000,
    );
    const payment = await row<{ status: string; amount_captured: number }>(
      `SELECT status, amount_captured::int FROM payments WHERE payable_id = $1`,
      [sessionId],
    );
    expect(payment).toEqual({ status: 'SUCCEEDED', amount_captured: 3000 });
    expect(
      await row(
        `SELECT count(*)::int AS n FROM journal_entries
         WHERE reference_type = 'charging_session' AND reference_id = $1 AND kind = 'PAYMENT'`,
        [sessionId],
      ),
    ).toEqual({ n: 1 });
    // 3,000 less the default 5 % fee.
    expect(
      await row(
        `SELECT balance::int FROM ledger_accounts WHERE type = 'COMPANY_REVENUE' AND company_id = $1`,
        [company.body.id],
      ),
    ).toEqual({ balance: 2850 });
    // A replay of the start's key answers the same session (its first answer, replayed).
    const replay = await client(second.url).call('POST', '/api/v1/sessions/start', {
      body: { connectorId: connector.body.id },
      token: driver.accessToken,
      headers: { 'idempotency-key': 'crash-start' },
    });
    expect(replay.body).toMatchObject({ id: sessionId });
    expect(await verifyLedger(pool)).toEqual([]);
  }, 180_000);
});
