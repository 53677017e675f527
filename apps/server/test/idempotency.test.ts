import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock';
import { IdempotencyStore } from '../src/platform/idempotency/idempotency.store';
import { requestFingerprint } from '../src/platform/idempotency/json';
import { bootTestApp, client, PASSWORD, register, type TestApp } from './helpers';
import { PROBE_TABLE_SQL, ProbeGate, probeModule } from './idempotency-probe';

const HOUR = 60 * 60 * 1000;

describe('Idempotency-Key on money-moving POSTs', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  const clock = new ManualClock();
  const gate = new ProbeGate();

  beforeAll(async () => {
    app = await bootTestApp({}, { clock, extraModules: [probeModule(gate)] });
    api = client(app.url);
    await app.runtime.database.pool.query(PROBE_TABLE_SQL);
  });
  afterEach(() => {
    // Never leave a handler parked (it would hold the app's shutdown open).
    gate.release();
    gate.close();
  });
  afterAll(() => app?.close());

  /** A POST with the raw response text, so replays can be compared byte for byte. */
  async function post(path: string, body: unknown, token?: string, key?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (key !== undefined) headers['idempotency-key'] = key;
    const res = await fetch(app.url + path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : undefined, res };
  }
  const charge = (token: string, key: string | undefined, body: Record<string, unknown>) =>
    post('/test/probe/charges', body, token, key);

  async function runs(scope: string): Promise<number> {
    const { rows } = await app.runtime.database.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM probe_runs WHERE scope = $1',
      [scope],
    );
    return rows[0]!.n;
  }

  async function session() {
    const s = await register(api);
    return { token: s.accessToken, id: s.user.id as string, email: s.user.email as string };
  }

  it('replays the first response, byte for byte, without running the handler again', async () => {
    const u = await session();
    const key = randomUUID();
    const first = await charge(u.token, key, { amount: 7 });
    expect(first.status).toBe(201);
    // The bigint is written exactly; the handler's key order is kept.
    expect(first.text).toMatch(
      /^\{"run":\d+,"scope":"usr_\w+","amountMinor":7000000000000000000,"at":"1970-01-01T00:00:00.000Z"\}$/,
    );
    expect(first.res.headers.get('idempotent-replayed')).toBeNull();

    // Same body with other key order and spacing is the same request.
    const again = await post('/test/probe/charges', JSON.parse('{ "amount" : 7 }'), u.token, key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(again.res.headers.get('content-type')).toContain('application/json');
    for (const r of [first, again]) {
      expect(r.res.headers.get('content-length')).toBe(String(Buffer.byteLength(first.text)));
    }
    expect(await runs(u.id)).toBe(1);
  });

  it('answers 422 when the key is reused with another body or path', async () => {
    const u = await session();
    const key = randomUUID();
    expect((await charge(u.token, key, { amount: 1 })).status).toBe(201);
    const other = await charge(u.token, key, { amount: 2 });
    expect(other.status).toBe(422);
    expect(other.json.error).toMatchObject({
      type: 'idempotency_error',
      code: 'idempotency_key_reused',
      param: 'Idempotency-Key',
    });
    const otherPath = await post('/test/probe/captures', { amount: 1 }, u.token, key);
    expect(otherPath.status).toBe(422);
    expect(await runs(u.id)).toBe(1);
  });

  it('answers 409 to a duplicate while the first is in flight, then replays it', async () => {
    const u = await session();
    const key = randomUUID();
    const entered = gate.nextEntered();
    const first = charge(u.token, key, { amount: 3, hold: true });
    await entered;
    const dup = await charge(u.token, key, { amount: 3, hold: true });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({
      type: 'conflict_error',
      code: 'idempotency_request_in_flight',
    });
    gate.release();
    expect((await first).status).toBe(201);
    const retry = await charge(u.token, key, { amount: 3, hold: true });
    expect(retry.status).toBe(201);
    expect(retry.text).toBe((await first).text);
    expect(await runs(u.id)).toBe(1);
  });

  it('runs the handler exactly once for 20 identical concurrent requests', async () => {
    const u = await session();
    const key = randomUUID();
    const all = await Promise.all(
      Array.from({ length: 20 }, () => charge(u.token, key, { amount: 5, delayMs: 100 })),
    );
    expect(await runs(u.id)).toBe(1);
    const results = all.filter((r) => r.status === 201);
    const conflicts = all.filter((r) => r.status === 409);
    expect(results.length + conflicts.length).toBe(20);
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(results.filter((r) => !r.res.headers.get('idempotent-replayed'))).toHaveLength(1);
  });

  it('keeps two users with the same key apart', async () => {
    const a = await session();
    const b = await session();
    const key = 'order-1';
    const ra = await charge(a.token, key, { amount: 9 });
    const rb = await charge(b.token, key, { amount: 9 });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(rb.res.headers.get('idempotent-replayed')).toBeNull();
    expect(ra.json.scope).toBe(a.id);
    expect(rb.json.scope).toBe(b.id);
    expect([await runs(a.id), await runs(b.id)]).toEqual([1, 1]);
  });

  it('stores and replays a 4xx the handler decided (a decline)', async () => {
    const u = await session();
    const key = randomUUID();
    const first = await charge(u.token, key, { amount: 4, outcome: 'declined' });
    expect(first.status).toBe(402);
    expect(first.json.error).toMatchObject({
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    const again = await charge(u.token, key, { amount: 4, outcome: 'declined' });
    expect(again.status).toBe(402);
    expect(again.text).toBe(first.text);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await runs(u.id)).toBe(1);
  });

  it('does not store a 5xx: the retry runs again', async () => {
    const u = await session();
    const key = randomUUID();
    const first = await charge(u.token, key, { amount: 6, outcome: 'crash' });
    expect(first.status).toBe(500);
    const again = await charge(u.token, key, { amount: 6, outcome: 'crash' });
    expect(again.status).toBe(500);
    expect(again.res.headers.get('idempotent-replayed')).toBeNull();
    expect(await runs(u.id)).toBe(2);
  });

  it('does not store a body validation failure: the corrected request may use the key', async () => {
    const u = await session();
    const key = randomUUID();
    const bad = await charge(u.token, key, { amount: 'ten' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
    const good = await charge(u.token, key, { amount: 10 });
    expect(good.status).toBe(201);
    expect(good.res.headers.get('idempotent-replayed')).toBeNull();
    expect(await runs(u.id)).toBe(1);
  });

  it('validates the header and enforces it where required', async () => {
    const u = await session();
    for (const key of ['', 'x'.repeat(256), 'caf\u00e9', 'tab\there']) {
      const res = await charge(u.token, key, { amount: 1 });
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(res.json.error).toMatchObject({
        code: 'invalid_idempotency_key',
        param: 'Idempotency-Key',
      });
    }
    expect((await charge(u.token, 'x'.repeat(255), { amount: 1 })).status).toBe(201);
    // Optional: without a key every request runs.
    expect((await charge(u.token, undefined, { amount: 1 })).status).toBe(201);
    expect((await charge(u.token, undefined, { amount: 1 })).status).toBe(201);
    expect(await runs(u.id)).toBe(3);

    const missing = await post('/test/probe/captures', { amount: 1 }, u.token);
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({
      code: 'idempotency_key_required',
      param: 'Idempotency-Key',
    });
    // @HttpCode(200) is kept for the first answer and the replay.
    const key = randomUUID();
    const first = await post('/test/probe/captures', { amount: 1 }, u.token, key);
    const again = await post('/test/probe/captures', { amount: 1 }, u.token, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await runs(u.id)).toBe(4);
  });

  it('scopes keys on a public route to "anon"', async () => {
    const key = randomUUID();
    const first = await post('/test/probe/donations', { amount: 2 }, undefined, key);
    const again = await post('/test/probe/donations', { amount: 2 }, undefined, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    const { rows } = await app.runtime.database.pool.query(
      'SELECT scope FROM idempotency_keys WHERE key = $1',
      [key],
    );
    expect(rows).toEqual([{ scope: 'anon' }]);
  });

  it('takes over a claim abandoned in flight (a crash), but not a live one', async () => {
    const u = await session();
    const body = { amount: 8 };
    const hash = requestFingerprint('POST', '/test/probe/charges', body);
    const insert = (key: string, requestHash: string, lockedUntil: Date) =>
      app.runtime.database.pool.query(
        `INSERT INTO idempotency_keys (scope, key, method, path, request_hash, locked_until, created_at, expires_at)
         VALUES ($1, $2, 'POST', '/test/probe/charges', $3, $4, $5, $6)`,
        [
          u.id,
          key,
          requestHash,
          lockedUntil,
          clock.now(),
          new Date(clock.now().getTime() + 24 * HOUR),
        ],
      );
    // The crashed request may even have had another body: it never produced a result.
    await insert('crashed', 'another-request', new Date(clock.now().getTime() - 1000));
    await insert('live', hash, new Date(clock.now().getTime() + 60_000));

    const live = await charge(u.token, 'live', body);
    expect(live.status).toBe(409);
    expect(live.json.error.code).toBe('idempotency_request_in_flight');
    const crashed = await charge(u.token, 'crashed', body);
    expect(crashed.status).toBe(201);
    expect(crashed.res.headers.get('idempotent-replayed')).toBeNull();
    const replay = await charge(u.token, 'crashed', body);
    expect(replay.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await runs(u.id)).toBe(1);
  });

  // Last: it moves the shared clock a day forward.
  it('forgets a key after 24 hours, and purges expired keys', async () => {
    const u = await session();
    const key = randomUUID();
    expect((await charge(u.token, key, { amount: 11 })).status).toBe(201);
    clock.advance(23 * HOUR);
    const login = async () =>
      (await api.post('/api/v1/auth/login', { email: u.email, password: PASSWORD })).body
        .accessToken as string;
    const stillKept = await charge(await login(), key, { amount: 11 });
    expect(stillKept.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await runs(u.id)).toBe(1);

    clock.advance(HOUR + 1000);
    const after = await charge(await login(), key, { amount: 11 });
    expect(after.status).toBe(201);
    expect(after.res.headers.get('idempotent-replayed')).toBeNull();
    expect(await runs(u.id)).toBe(2);

    // Everything from the tests above is now older than 24 h; this last key is not.
    const count = async () =>
      (await app.runtime.database.pool.query('SELECT key FROM idempotency_keys')).rows.map(
        (r) => r.key as string,
      );
    expect((await count()).length).toBeGreaterThan(1);
    const purged = await app.running.app.get(IdempotencyStore).purgeExpired(2);
    expect(purged).toBeGreaterThan(2); // several batches
    expect(await count()).toEqual([key]);
  });
});
