import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRPCError, RPCClient } from 'ocpp-rpc';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestDatabase, register, type TestApp } from '../helpers';
import { RealServers, sigkill, type RealServer } from '../real-server';
import { openSse, type SseStream } from '../sse-client';
import { chargerAt, chargingActors, STATION, TARIFF } from './fixture';

/**
 * More than one node: two real server processes (`node apps/server/dist/main.js`) on the same
 * PostgreSQL, once routing over LISTEN/NOTIFY (no Redis) and once over Redis pub/sub. A charger
 * holds its socket on one node; operators' requests land on either.
 */
const REDIS_URL = process.env.REDIS_URL;
const JWT_SECRET = 'multinode-test-secret-0123456789abcdef';
/** Node liveness, fast: renewed every second, dead after 3 s without a renewal. */
const NODE_HEARTBEAT_SECONDS = 1;
const NODE_DEAD_AFTER_SECONDS = 3;

const engines = [
  { engine: 'PostgreSQL LISTEN/NOTIFY', env: {} as Record<string, string> },
  ...(REDIS_URL ? [{ engine: 'Redis pub/sub', env: { REDIS_URL } }] : []),
];

describe.each(engines)('two nodes, routing over $engine', ({ env }) => {
  const servers = new RealServers();
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let a: RealServer;
  let b: RealServer;
  let actors: Awaited<ReturnType<typeof chargingActors>>;
  let one: { chargerId: string; stationId: string };
  let two: { chargerId: string; stationId: string };
  let three: { chargerId: string; stationId: string };
  const dirs: string[] = [];
  const chargers: RPCClient[] = [];

  const start = async (nodeId: string) => {
    const dataDir = await mkdtemp(join(tmpdir(), `tender-${nodeId}-`));
    dirs.push(dataDir);
    return servers.start({
      databaseUrl: db.url,
      dataDir,
      env: {
        ...env,
        NODE_ID: nodeId,
        // One secret for both: a token one node issued is good on the other.
        JWT_SECRET,
        AUTH_RATE_LIMIT_PER_IP: '100000',
        AUTH_RATE_LIMIT_PER_EMAIL: '100000',
        NODE_HEARTBEAT_SECONDS: String(NODE_HEARTBEAT_SECONDS),
        NODE_DEAD_AFTER_SECONDS: String(NODE_DEAD_AFTER_SECONDS),
      },
    });
  };

  /** A real ocpp-rpc charge point on `node`; `calls` records what the central system asked it. */
  async function connect(node: RealServer, identity: string, answer: string) {
    const cp = new RPCClient({
      endpoint: `${node.url.replace('http://', 'ws://')}/ocpp`,
      identity,
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    const calls: { method: string; params: unknown }[] = [];
    cp.handle('GetConfiguration', ({ params }) => {
      calls.push({ method: 'GetConfiguration', params });
      return Promise.resolve({
        configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: answer }],
      });
    });
    cp.handle('UnlockConnector', ({ params }) => {
      calls.push({ method: 'UnlockConnector', params });
      // createRPCError builds an RPCError (an Error); its typings say only Record.
      return Promise.reject(createRPCError('NotSupported', `no unlocking on ${answer}`) as Error);
    });
    chargers.push(cp);
    await cp.connect();
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      cp.once('close', ({ code, reason }: { code: number; reason: Buffer | string }) =>
        done({ code, reason: String(reason) }),
      ),
    );
    return { cp, calls, closed };
  }

  const command = (node: RealServer, chargerId: string, action: string, payload: object) =>
    client(node.url).post(
      `/api/v1/chargers/${chargerId}/commands`,
      { action, payload },
      actors.volt.operator,
    );
  const charger = async (node: RealServer, id: string) =>
    (await client(node.url).get(`/api/v1/chargers/${id}`, actors.volt.operator)).body as {
      online: boolean;
    };
  const presence = async (id: string) =>
    (
      await pool.query<{ node_id: string | null; online: boolean }>(
        'SELECT node_id, online FROM chargers WHERE id = $1',
        [id],
      )
    ).rows[0]!;
  async function until(check: () => Promise<boolean>, what: string, ms = 10_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    await servers.setUp();
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    [a, b] = await Promise.all([start('node-a'), start('node-b')]);
    // chargingActors promotes the admin through a pool, as it does on a test app.
    actors = await chargingActors({ url: a.url, runtime: { database: { pool } } } as TestApp);
    one = await chargerAt(actors.api, actors.volt.operator, 'CP-MULTI-1');
    two = await chargerAt(actors.api, actors.volt.operator, 'CP-MULTI-2');
    three = await chargerAt(actors.api, actors.volt.operator, 'CP-MULTI-3');
  }, 240_000);
  afterAll(async () => {
    await Promise.all(chargers.map((c) => c.close({ force: true }).catch(() => undefined)));
    await servers.tearDown();
    await pool?.end();
    await db?.drop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('a command sent to node B reaches the charger on node A, and its answer comes back', async () => {
    const onA = await connect(a, 'CP-MULTI-1', 'from-A');
    await until(async () => (await presence(one.chargerId)).node_id === 'node-a', 'held by A');
    expect((await charger(b, one.chargerId)).online).toBe(true);

    const res = await command(b, one.chargerId, 'GetConfiguration', { key: ['HeartbeatInterval'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      action: 'GetConfiguration',
      result: {
        configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: 'from-A' }],
      },
      error: null,
    });
    expect(onA.calls).toEqual([
      { method: 'GetConfiguration', params: { key: ['HeartbeatInterval'] } },
    ]);
  });

  it("the charger's CallError comes back across nodes as the answer's error", async () => {
    const res = await command(b, one.chargerId, 'UnlockConnector', { connectorId: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      action: 'UnlockConnector',
      result: null,
      error: { code: 'NotSupported', description: 'no unlocking on from-A' },
    });
  });

  it('a charger connected nowhere is 409 charger_offline from either node', async () => {
    for (const node of [a, b]) {
      const res = await command(node, two.chargerId, 'GetConfiguration', {});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('charger_offline');
    }
  });

  it('a charger moving from node A to node B: A closes its stale socket, the charger stays online, and a command via A reaches it on B', async () => {
    const stale = chargers.at(-1)!;
    const staleClosed = new Promise<number>((done) =>
      stale.once('close', ({ code }: { code: number }) => done(code)),
    );
    const onB = await connect(b, 'CP-MULTI-1', 'from-B');
    // A hears it was superseded and closes the old socket itself (the charger did not).
    expect(await staleClosed).toBe(1000);
    await until(async () => (await presence(one.chargerId)).node_id === 'node-b', 'held by B');
    // A's close of the stale socket did not mark the charger offline.
    await new Promise((r) => setTimeout(r, 500));
    expect(await presence(one.chargerId)).toEqual({ node_id: 'node-b', online: true });
    expect((await charger(a, one.chargerId)).online).toBe(true);

    const res = await command(a, one.chargerId, 'GetConfiguration', { key: ['HeartbeatInterval'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result.configurationKey[0].value).toBe('from-B');
    expect(onB.calls).toHaveLength(1);
  });

  it("an operator's event stream on node B shows a charger on node A come online and change a connector's status; another company's stream does not", async () => {
    const events: SseStream = await openSse(
      `${b.url}/api/v1/chargers/events?stationId=${two.stationId}`,
      actors.volt.operator,
    );
    const others = await openSse(`${b.url}/api/v1/chargers/events`, actors.amp.operator);
    try {
      expect(events.status).toBe(200);
      expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(events.comments).toContain('connected');

      const { cp } = await connect(a, 'CP-MULTI-2', 'two');
      const online = await events.next(
        (e) => e.event === 'charger.online' && e.data.chargerId === two.chargerId,
      );
      expect(online.data).toMatchObject({ type: 'charger.online', ocppId: 'CP-MULTI-2' });

      await cp.call('StatusNotification', {
        connectorId: 1,
        errorCode: 'NoError',
        status: 'Charging',
      });
      const status = await events.next((e) => e.event === 'connector.status');
      expect(status.data).toMatchObject({
        type: 'connector.status',
        chargerId: two.chargerId,
        stationId: two.stationId,
        companyId: actors.volt.id,
        connectorNumber: 1,
        connectorId: expect.stringMatching(/^cnr_/),
        status: 'CHARGING',
        errorCode: 'NO_ERROR',
        info: null,
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(others.events).toEqual([]);
    } finally {
      events.close();
      others.close();
    }
  });

  it("a driver's session stream on node B follows a charger on node A: charging, the energy and cost of its readings", async () => {
    const api = actors.api; // node A
    const op = actors.volt.operator;
    const tariff = await api.post('/api/v1/tariffs', TARIFF, op);
    const station = await api.post(
      '/api/v1/stations',
      { ...STATION, tariffId: tariff.body.id },
      op,
    );
    const made = await api.post(
      '/api/v1/chargers',
      { stationId: station.body.id, ocppId: 'CP-MULTI-SES' },
      op,
    );
    const connector = await api.post(
      `/api/v1/chargers/${made.body.id}/connectors`,
      { connectorId: 1, type: 'TYPE_2', maxPowerW: 22_000 },
      op,
    );
    const cp = new RPCClient({
      endpoint: `${a.url.replace('http://', 'ws://')}/ocpp`,
      identity: 'CP-MULTI-SES',
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    chargers.push(cp);
    const tags: string[] = [];
    cp.handle('RemoteStartTransaction', ({ params }) => {
      tags.push((params as { idTag: string }).idTag);
      return Promise.resolve({ status: 'Accepted' });
    });
    await cp.connect();
    await cp.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Bare' });
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Available',
    });

    const me = await register(api);
    const saved = await api.post(
      '/api/v1/payments/methods',
      { paymentMethodId: 'pm_card_visa' },
      me.accessToken,
    );
    expect(saved.status).toBeLessThan(300);
    const started = await api.call('POST', '/api/v1/sessions/start', {
      body: { connectorId: connector.body.id },
      token: me.accessToken,
      headers: { 'idempotency-key': `multi-${Date.now()}` },
    });
    expect(started.status).toBe(201);
    const events = await openSse(
      `${b.url}/api/v1/sessions/${started.body.id}/events`,
      me.accessToken,
    );
    try {
      expect(events.status).toBe(200);
      await events.next((e) => e.data.status === 'STARTING');
      await until(() => Promise.resolve(tags.length > 0), 'the remote start');
      const t = (await cp.call('StartTransaction', {
        connectorId: 1,
        idTag: tags[0],
        meterStart: 1000,
        timestamp: new Date().toISOString(),
      })) as { transactionId: number };
      await events.next((e) => e.data.status === 'CHARGING');
      await cp.call('MeterValues', {
        connectorId: 1,
        transactionId: t.transactionId,
        meterValue: [
          {
            timestamp: new Date().toISOString(),
            sampledValue: [
              { value: '3500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
            ],
          },
        ],
      });
      const metered = await events.next((e) => e.data.energyWh === 2500);
      expect(metered.data).toMatchObject({
        type: 'session.updated',
        sessionId: started.body.id,
        chargerId: made.body.id,
        stationId: station.body.id,
        status: 'CHARGING',
        currency: 'eur',
      });
      // 2.5 kWh at €0.3249 and the session fee, at least.
      expect(metered.data.cost).toBeGreaterThanOrEqual(50 + 81);
    } finally {
      events.close();
    }
  });

  it('a node alive in its row but deaf to requests: a command via another is 409 charger_offline after the acknowledgement timeout, and the charger is released', async () => {
    // A holder no process answers for, its row kept fresh so no sweep takes it first.
    await pool.query(
      `INSERT INTO nodes (id, started_at, last_seen) VALUES ('node-deaf', now(), now() + interval '1 hour')`,
    );
    await pool.query(
      `UPDATE chargers SET online = true, node_id = 'node-deaf', connection_id = 'gone' WHERE id = $1`,
      [three.chargerId],
    );
    const started = Date.now();
    const res = await command(b, three.chargerId, 'GetConfiguration', {});
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.code).toBe('charger_offline');
    // After the holding node's acknowledgement timeout (5 s), not the charger's 30 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await presence(three.chargerId)).toEqual({ node_id: null, online: false });
    await pool.query(`DELETE FROM nodes WHERE id = 'node-deaf'`);
  }, 30_000);

  it('a node killed (SIGKILL) with a charger on it: the other sweeps it offline within the liveness window, a command is 409 at once, and the charger reconnecting there takes over', async () => {
    expect((await presence(two.chargerId)).node_id).toBe('node-a');
    const events = await openSse(
      `${b.url}/api/v1/chargers/events?stationId=${two.stationId}`,
      actors.volt.operator,
    );
    try {
      expect(await sigkill(a)).toBe('SIGKILL');
      const killed = Date.now();
      const offline = await events.next(
        (e) => e.event === 'charger.offline' && e.data.chargerId === two.chargerId,
        15_000,
      );
      expect(offline.data).toMatchObject({ type: 'charger.offline', ocppId: 'CP-MULTI-2' });
      // Dead after 3 s unseen, swept within a renewal (1 s) of that; slack for a loaded machine.
      const took = Date.now() - killed;
      expect(took).toBeLessThan(
        (NODE_DEAD_AFTER_SECONDS + 2 * NODE_HEARTBEAT_SECONDS) * 1000 + 3_000,
      );
      expect(await presence(two.chargerId)).toEqual({ node_id: null, online: false });
      expect((await charger(b, two.chargerId)).online).toBe(false);
      // Swept once: a second sweep on B (a tick later) publishes nothing more.
      await new Promise((r) => setTimeout(r, 2 * NODE_HEARTBEAT_SECONDS * 1000));
      expect(
        events.events.filter(
          (e) => e.event === 'charger.offline' && e.data.chargerId === two.chargerId,
        ),
      ).toHaveLength(1);
      // Known offline: no wait for a dead node's acknowledgement.
      const before = Date.now();
      const res = await command(b, two.chargerId, 'GetConfiguration', {});
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe('charger_offline');
      expect(Date.now() - before).toBeLessThan(2_000);

      const { calls } = await connect(b, 'CP-MULTI-2', 'two-on-B');
      await until(async () => (await presence(two.chargerId)).node_id === 'node-b', 'held by B');
      expect(await presence(two.chargerId)).toEqual({ node_id: 'node-b', online: true });
      const again = await command(b, two.chargerId, 'GetConfiguration', {});
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(calls).toHaveLength(1);
      // The charger on B all along is untouched.
      expect((await command(b, one.chargerId, 'GetConfiguration', {})).status).toBe(200);
    } finally {
      events.close();
    }
  }, 40_000);
});
