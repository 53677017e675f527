import { Client, type Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChargePoints } from '../../src/charging/charge-points';
import { OcppLog } from '../../src/charging/ocpp-log';
import { bootTestApp, type TestApp } from '../helpers';
import { chargerAt, chargingActors } from './fixture';

const frame = (i: number) => JSON.stringify([2, `m${i}`, 'Heartbeat', {}]);

interface Rigging {
  /** Refuse the first n runs, as a lost connection would. */
  fail?: number;
  /** Hold each run back this long (a write still in flight). */
  delayMs?: number;
}

/** Counts the pool's runs of the named prepared statements, rigged as asked. */
function statements<N extends string>(pool: Pool, rig: Record<N, Rigging>) {
  const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const counters = {} as Record<N, { runs: number; refused: number }>;
  for (const name of Object.keys(rig) as N[]) counters[name] = { runs: 0, refused: 0 };
  // pg's overloads include a callback form returning void: spy on the promise form only.
  const promised = pool as unknown as { query: (...args: unknown[]) => Promise<unknown> };
  vi.spyOn(promised, 'query').mockImplementation((...args: unknown[]) => {
    const name = (args[0] as { name?: string } | undefined)?.name as N | undefined;
    const counter = name !== undefined ? counters[name] : undefined;
    if (!counter || name === undefined) return original(...args);
    counter.runs += 1;
    const { fail = 0, delayMs = 0 } = rig[name];
    if (counter.refused < fail) {
      counter.refused += 1;
      return Promise.reject(new Error('Connection terminated unexpectedly'));
    }
    if (!delayMs) return original(...args);
    return new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => original(...args));
  });
  return counters;
}

describe('OCPP log and heartbeats, written in batches', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let chargerId: string;
  let otherId: string;

  /** The whole paged log of a charger as the operator reads it, newest first. */
  async function wholeLog(id: string) {
    const frames: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { data: { frame: unknown[] }[]; nextCursor: string | null };
      } = await a.api.get(
        `/api/v1/chargers/${id}/ocpp-messages?limit=100${cursor ? `&startingAfter=${cursor}` : ''}`,
        a.volt.operator,
      );
      expect(page.status).toBe(200);
      frames.push(...page.body.data.map((m) => m.frame[1]));
      cursor = page.body.nextCursor;
    } while (cursor);
    return frames;
  }

  beforeAll(async () => {
    app = await bootTestApp();
    a = await chargingActors(app);
    chargerId = (await chargerAt(a.api, a.volt.operator, 'CP-BATCH-1')).chargerId;
    otherId = (await chargerAt(a.api, a.volt.operator, 'CP-BATCH-2')).chargerId;
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await app?.close();
  });

  it('writes a burst of frames in a few multi-row INSERTs, every one, in order per charger', async () => {
    const inserts = statements(app.runtime.database.pool, { ocpp_log_insert: {} }).ocpp_log_insert;
    const log = app.running.app.get(OcppLog);
    for (let i = 0; i < 1200; i++) {
      log.record(i % 3 ? chargerId : otherId, i % 2 ? 'OUT' : 'IN', frame(i));
    }
    const mine = Array.from({ length: 1200 }, (_, i) => i)
      .filter((i) => i % 3)
      .map((i) => `m${i}`)
      .reverse();
    const others = Array.from({ length: 1200 }, (_, i) => i)
      .filter((i) => i % 3 === 0)
      .map((i) => `m${i}`)
      .reverse();
    await expect.poll(() => wholeLog(chargerId), { timeout: 10_000 }).toHaveLength(mine.length);
    expect(await wholeLog(chargerId)).toEqual(mine);
    expect(await wholeLog(otherId)).toEqual(others);
    // The first frame goes alone, the rest in batches of at most 500: not one INSERT per frame.
    expect(inserts.runs).toBeLessThanOrEqual(4);
  });

  it('tries a failed write again, and loses only a row PostgreSQL refuses, reporting it', async () => {
    const { chargerId: id } = await chargerAt(a.api, a.volt.operator, 'CP-BATCH-3');
    const inserts = statements(app.runtime.database.pool, {
      ocpp_log_insert: { fail: 1 },
    }).ocpp_log_insert;
    const log = app.running.app.get(OcppLog);
    for (let i = 0; i < 10; i++) {
      // jsonb refuses \u0000 although it is valid JSON: that row alone cannot be stored.
      log.record(
        id,
        'IN',
        i === 5 ? JSON.stringify([2, 'm5', 'Heartbeat', { x: '\u0000' }]) : frame(i),
      );
    }
    const stored = ['m9', 'm8', 'm7', 'm6', 'm4', 'm3', 'm2', 'm1', 'm0'];
    await expect.poll(() => wholeLog(id), { timeout: 10_000 }).toEqual(stored);
    expect(inserts.refused).toBe(1); // the first write failed, and was written on the retry
    await expect
      .poll(() => app.logs.filter((l) => l.includes('ocpp log write failed')).length)
      .toBe(1);
  });

  it('keeps an incoming frame that is not JSON as the string it was, and each frame at the millisecond it passed', async () => {
    const { chargerId: id } = await chargerAt(a.api, a.volt.operator, 'CP-BATCH-4');
    const log = app.running.app.get(OcppLog);
    const before = Date.now();
    log.record(id, 'IN', Buffer.from('[2,"x", not json'));
    log.record(id, 'OUT', JSON.stringify([3, 'x', { a: 'b,c' }]));
    const after = Date.now();
    const rows = async () =>
      (
        await app.runtime.database.pool.query<{ frame: unknown; received_at: Date }>(
          'SELECT frame, received_at FROM ocpp_messages WHERE charger_id = $1 ORDER BY id',
          [id],
        )
      ).rows;
    await expect.poll(async () => (await rows()).length).toBe(2);
    const [bad, good] = await rows();
    expect(bad!.frame).toBe('[2,"x", not json');
    expect(good!.frame).toEqual([3, 'x', { a: 'b,c' }]);
    for (const row of [bad!, good!]) {
      expect(row.received_at.getTime()).toBeGreaterThanOrEqual(before);
      expect(row.received_at.getTime()).toBeLessThanOrEqual(after);
    }
  });

  /** A ChargePoint as the gateway makes one after authenticating (its socket id made up). */
  const point = (id: string) => ({
    chargerId: id,
    companyId: a.volt.id,
    stationId: 'stn_unused',
    ocppId: 'unused',
    connectionId: `test-${id}`,
  });
  const row = async (id: string) =>
    (await a.api.get(`/api/v1/chargers/${id}`, a.volt.operator)).body as {
      lastHeartbeatAt: string;
    };

  it('coalesces heartbeats per charger into batched UPDATEs, the latest time each', async () => {
    const updates = statements(app.runtime.database.pool, {
      ocpp_heartbeats: { delayMs: 100 },
    }).ocpp_heartbeats;
    const points = app.running.app.get(ChargePoints);
    let last = new Date(0);
    for (let i = 0; i < 50; i++) last = points.heartbeat(point(chargerId));
    const other = points.heartbeat(point(otherId));
    await expect
      .poll(async () => Date.parse((await row(chargerId)).lastHeartbeatAt))
      .toBe(last.getTime());
    await expect
      .poll(async () => Date.parse((await row(otherId)).lastHeartbeatAt))
      .toBe(other.getTime());
    expect(updates.runs).toBeLessThan(10); // not one UPDATE per heartbeat
  });

  it('retries a failed heartbeat write', async () => {
    const updates = statements(app.runtime.database.pool, {
      ocpp_heartbeats: { fail: 1 },
    }).ocpp_heartbeats;
    const points = app.running.app.get(ChargePoints);
    const at = points.heartbeat(point(otherId)); // its write is refused, then tried again
    await expect
      .poll(async () => Date.parse((await row(otherId)).lastHeartbeatAt))
      .toBe(at.getTime());
    expect(updates.refused).toBe(1);
    expect(app.logs.some((l) => l.includes('heartbeat write failed; retrying'))).toBe(true);
  });
});

describe('OCPP log at shutdown', () => {
  it('writes every buffered frame and heartbeat before the pool closes', async () => {
    const app = await bootTestApp();
    try {
      const a = await chargingActors(app);
      const { chargerId } = await chargerAt(a.api, a.volt.operator, 'CP-BATCH-DOWN');
      // Writes still in flight when the sockets are closed: shutdown must wait for them.
      statements(app.runtime.database.pool, {
        ocpp_log_insert: { delayMs: 200 },
        ocpp_heartbeats: { delayMs: 200 },
      });
      const log = app.running.app.get(OcppLog);
      for (let i = 0; i < 3000; i++) log.record(chargerId, 'IN', frame(i));
      const beat = app.running.app.get(ChargePoints).heartbeat({
        chargerId,
        companyId: a.volt.id,
        stationId: 'stn_unused',
        ocppId: 'CP-BATCH-DOWN',
        connectionId: 'test-down',
      });
      await app.running.close();
      const db = new Client({ connectionString: app.databaseUrl });
      await db.connect();
      try {
        const logged = await db.query<{ n: number; last: string }>(
          `SELECT count(*)::int AS n, (array_agg(frame->>1 ORDER BY id DESC))[1] AS last
           FROM ocpp_messages WHERE charger_id = $1`,
          [chargerId],
        );
        expect(logged.rows[0]).toEqual({ n: 3000, last: 'm2999' });
        const charger = await db.query<{ last_heartbeat_at: Date }>(
          'SELECT last_heartbeat_at FROM chargers WHERE id = $1',
          [chargerId],
        );
        expect(charger.rows[0]?.last_heartbeat_at.getTime()).toBe(beat.getTime());
      } finally {
        await db.end();
      }
    } finally {
      vi.restoreAllMocks();
      await app.close();
    }
  });
});
