import { RPCClient } from 'ocpp-rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeLiveness } from '../../src/charging/node-liveness';
import { bootTestApp, type TestApp } from '../helpers';
import { openSse } from '../sse-client';
import { chargerAt, chargingActors } from './fixture';

const NODE = 'node-here';

/**
 * Presence kept by heartbeats (no statement of their own) and node liveness (charging/
 * node-liveness.ts) on one real app: the sweep and the renewal are called directly, their timer
 * set far off so it never runs on its own here. Two real processes: multinode.test.ts.
 */
describe('charger presence: heartbeats and node liveness', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  const clients: RPCClient[] = [];

  async function connect(identity: string) {
    const cp = new RPCClient({
      endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
      identity,
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    clients.push(cp);
    await cp.connect();
    return cp;
  }
  const sql = <R extends object>(text: string, values: unknown[] = []) =>
    app.runtime.database.pool.query<R>(text, values).then((r) => r.rows);
  const presence = async (id: string) =>
    (
      await sql<{ node_id: string | null; connection_id: string | null; online: boolean }>(
        'SELECT node_id, connection_id, online FROM chargers WHERE id = $1',
        [id],
      )
    )[0]!;
  /** What another node's sweep (or a requester's release) leaves: nobody holds it. */
  const clear = (id: string) =>
    sql('UPDATE chargers SET online = false, node_id = NULL, connection_id = NULL WHERE id = $1', [
      id,
    ]);
  const held = async (id: string) => {
    await expect
      .poll(async () => {
        const p = await presence(id);
        return { node_id: p.node_id, online: p.online, claimed: p.connection_id !== null };
      })
      .toEqual({ node_id: NODE, online: true, claimed: true });
  };

  beforeAll(async () => {
    app = await bootTestApp({
      NODE_ID: NODE,
      NODE_HEARTBEAT_SECONDS: '300',
      NODE_DEAD_AFTER_SECONDS: '600',
    });
    a = await chargingActors(app);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app?.close();
  });

  it('answers Heartbeats without a statement of their own: presence and times go in the batched write', async () => {
    const { chargerId } = await chargerAt(a.api, a.volt.operator, 'CP-LIVE-1');
    const cp = await connect('CP-LIVE-1');
    await held(chargerId);
    const pool = app.runtime.database.pool as unknown as {
      query: (...args: unknown[]) => Promise<unknown>;
    };
    const original = pool.query.bind(pool);
    const statements: string[] = [];
    vi.spyOn(pool, 'query').mockImplementation((...args: unknown[]) => {
      const q = args[0] as { name?: string; text?: string } | string;
      statements.push(typeof q === 'string' ? q : (q.name ?? q.text ?? ''));
      return original(...args);
    });
    for (let i = 0; i < 20; i++) await cp.call('Heartbeat', {});
    await expect
      .poll(() => statements.filter((s) => s === 'ocpp_heartbeats').length)
      .toBeGreaterThan(0);
    // Only the two group-committed writers touched the database, each far fewer times than 20.
    expect(statements.filter((s) => s !== 'ocpp_heartbeats' && s !== 'ocpp_log_insert')).toEqual(
      [],
    );
    expect(statements.filter((s) => s === 'ocpp_heartbeats').length).toBeLessThan(20);
  });

  it("claims a swept charger again at its next Heartbeat and says it is online; never over another socket's claim", async () => {
    const { chargerId, stationId } = await chargerAt(a.api, a.volt.operator, 'CP-LIVE-2');
    const cp = await connect('CP-LIVE-2');
    await held(chargerId);
    const events = await openSse(
      `${app.url}/api/v1/chargers/events?stationId=${stationId}`,
      a.volt.operator,
    );
    try {
      await clear(chargerId);
      await cp.call('Heartbeat', {});
      await held(chargerId);
      const online = await events.next(
        (e) => e.event === 'charger.online' && e.data.chargerId === chargerId,
      );
      expect(online.data).toMatchObject({ ocppId: 'CP-LIVE-2', stationId });

      // Another socket (elsewhere) holds it now: this one's Heartbeat only records its time.
      await sql(
        `UPDATE chargers SET node_id = 'node-other', connection_id = 'theirs' WHERE id = $1`,
        [chargerId],
      );
      const before = (
        await sql<{ t: Date }>('SELECT last_heartbeat_at AS t FROM chargers WHERE id = $1', [
          chargerId,
        ])
      )[0]!.t;
      await cp.call('Heartbeat', {});
      await expect
        .poll(
          async () =>
            (
              await sql<{ t: Date }>('SELECT last_heartbeat_at AS t FROM chargers WHERE id = $1', [
                chargerId,
              ])
            )[0]!.t.getTime() > before.getTime(),
        )
        .toBe(true);
      expect(await presence(chargerId)).toEqual({
        node_id: 'node-other',
        connection_id: 'theirs',
        online: true,
      });
    } finally {
      events.close();
      await clear(chargerId); // node-other is no node: not for the sweep below
    }
  });

  it('sweeps the chargers of a node unseen past the window or without a row, once, and drops the dead rows; a live node keeps its own', async () => {
    const liveness = app.running.app.get(NodeLiveness);
    const ids: Record<string, string> = {};
    for (const name of ['dead', 'missing', 'live'])
      ids[name] = (await chargerAt(a.api, a.volt.operator, `CP-SWEEP-${name}`)).chargerId;
    await sql(
      `INSERT INTO nodes (id, started_at, last_seen) VALUES
         ('node-dead', now() - interval '2 hours', now() - interval '1 hour'),
         ('node-live', now() - interval '2 hours', now())`,
    );
    for (const name of ['dead', 'missing', 'live'])
      await sql(
        'UPDATE chargers SET online = true, node_id = $2, connection_id = $3 WHERE id = $1',
        [ids[name], `node-${name}`, `conn-${name}`],
      );

    expect(await liveness.sweep()).toBe(2);
    expect(await presence(ids.dead!)).toEqual({
      node_id: null,
      connection_id: null,
      online: false,
    });
    expect(await presence(ids.missing!)).toEqual({
      node_id: null,
      connection_id: null,
      online: false,
    });
    expect(await presence(ids.live!)).toEqual({
      node_id: 'node-live',
      connection_id: 'conn-live',
      online: true,
    });
    expect(await liveness.sweep()).toBe(0); // idempotent: nothing left to sweep
    const rows = await sql<{ id: string }>('SELECT id FROM nodes ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['node-here', 'node-live']);
    await sql(
      `UPDATE chargers SET online = false, node_id = NULL, connection_id = NULL
               WHERE id = $1`,
      [ids.live],
    );
    await sql(`DELETE FROM nodes WHERE id = 'node-live'`);
  });

  it('a node taken for dead (its row lapsed) claims every socket it holds again at its next renewal', async () => {
    const liveness = app.running.app.get(NodeLiveness);
    const { chargerId } = await chargerAt(a.api, a.volt.operator, 'CP-LIVE-3');
    await connect('CP-LIVE-3');
    await held(chargerId);
    // Another node saw this one's row lapse, swept its chargers and dropped the row.
    await sql(`DELETE FROM nodes WHERE id = $1`, [NODE]);
    await clear(chargerId);
    await liveness.beat();
    await held(chargerId);
    expect(app.logs.some((l) => l.includes('this node was taken for dead'))).toBe(true);
    expect(await sql('SELECT 1 FROM nodes WHERE id = $1', [NODE])).toHaveLength(1);
    // A renewal in time changes nothing.
    const warned = app.logs.filter((l) => l.includes('taken for dead')).length;
    await liveness.beat();
    expect(app.logs.filter((l) => l.includes('taken for dead')).length).toBe(warned);
  });
});
