// GET /api/v1/sessions/{id}/events: a driver's session pushed live — energy and cost rising with
// the simulated charger's MeterValues, the stop, the capture — to those who may see it, and to
// nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionWatch } from '../../src/charging/session-watch';
import { MAX_STREAMS_PER_HOLDER } from '../../src/platform/http/event-streams';
import { bootTestApp, register, type TestApp } from '../helpers';
import { openSse, type SseStream } from '../sse-client';
import { chargingActors } from './fixture';
import { sessionsFixture } from './session-fixture';

describe('a session’s live stream (SSE)', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;
  const streams: SseStream[] = [];

  const events = async (id: string, token?: string, headers: Record<string, string> = {}) => {
    const s = await openSse(`${app.url}/api/v1/sessions/${id}/events`, token, headers);
    streams.push(s);
    return s;
  };
  const refused = async (id: string, headers: Record<string, string>) => {
    const res = await fetch(`${app.url}/api/v1/sessions/${id}/events`, { headers });
    expect(res.headers.get('content-type'), JSON.stringify(headers)).toMatch(/json/);
    const body = (await res.json()) as { error: { code: string } };
    return [res.status, body.error.code];
  };
  const updates = (s: SseStream) =>
    s.events.filter((e) => e.event === 'session.updated').map((e) => e.data);

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5' });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await f?.close();
    await app?.close();
  });

  it('pushes the energy and cost rising as the charger meters, the stop and the capture, then ends', async () => {
    const site = await f.simulatedSite({}, { meterIntervalMs: 200 });
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const id = res.body.id as string;

    const mine = await events(id, driver);
    const operator = await events(id, a.volt.operator);
    const admin = await events(id, a.admin);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    // The first event is the session as it is now.
    const first = await mine.next((e) => e.event === 'session.updated');
    expect(first.data).toMatchObject({
      type: 'session.updated',
      sessionId: id,
      companyId: a.volt.id,
      chargerId: site.chargerId,
      connectorId: site.connectorId,
      currency: 'eur',
      authorizedAmount: 5000,
    });
    expect(['STARTING', 'CHARGING']).toContain(first.data.status);

    // Readings arrive by themselves: energy and cost only ever rise, and do rise.
    await mine.next(
      (e) => e.data.status === 'CHARGING' && e.data.energyWh > 0 && updates(mine).length >= 4,
      15_000,
    );
    const charging = updates(mine).filter((u) => u.status === 'CHARGING');
    const energies = charging.map((u) => u.energyWh as number);
    const costs = charging.map((u) => u.cost as number);
    expect(energies).toEqual([...energies].sort((x, y) => x - y));
    expect(costs).toEqual([...costs].sort((x, y) => x - y));
    expect(energies.at(-1)!).toBeGreaterThan(energies[0]!);
    expect(costs.at(-1)!).toBeGreaterThan(0);
    // Nothing was polled for it: what the stream said is what the API says.
    const seen = charging.at(-1)!;
    expect(seen).toMatchObject({ captureStatus: 'NONE', capturedAmount: null, endedAt: null });

    expect((await f.stop(driver, id)).status).toBe(200);
    const captured = await mine.next(
      (e) => e.data.status === 'COMPLETED' && e.data.captureStatus === 'CAPTURED',
      20_000,
    );
    await mine.ended; // the server ends the stream once nothing more can change
    const done = await f.get(driver, id);
    expect(captured.data).toMatchObject({
      status: 'COMPLETED',
      stopCause: 'DRIVER',
      energyWh: done.energyWh,
      cost: done.cost,
      capturedAmount: done.cost,
      endedAt: done.endedAt,
    });
    expect(done.energyWh).toBeGreaterThanOrEqual(seen.energyWh);
    const statuses = [...new Set(updates(mine).map((u) => u.status))];
    expect(statuses.slice(-2)).toEqual(['STOPPING', 'COMPLETED']);
    // The company's operator and an admin heard the same story.
    for (const s of [operator, admin]) {
      await s.ended;
      expect(updates(s).at(-1)).toEqual(captured.data);
    }

    // A settled session's stream says where it stands, then ends at once.
    const late = await events(id, driver);
    await late.ended;
    expect(updates(late)).toEqual([{ ...captured.data, at: expect.any(String) }]);
  });

  it('is 404 to another driver and another company’s operator, 401 without any proof', async () => {
    const site = await f.bareSite();
    const driver = await f.driver();
    const res = await f.start(driver, { connectorId: site.connectorId });
    const id = res.body.id as string;
    const stranger = (await register(a.api)).accessToken;
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    expect(await refused(id, bearer(stranger))).toEqual([404, 'session_not_found']);
    expect(await refused(id, bearer(a.amp.operator))).toEqual([404, 'session_not_found']);
    expect(await refused('cs_nope', bearer(driver))).toEqual([404, 'session_not_found']);
    expect(await refused(id, {})).toEqual([401, 'missing_token']);
    expect(await refused(id, { authorization: 'Bearer nonsense' })).toEqual([401, 'invalid_token']);
    // A key nobody issued (no guest sessions know it) proves nothing.
    expect(await refused(id, { 'x-session-key': 'k'.repeat(43) })).toEqual([
      404,
      'session_not_found',
    ]);
    expect(await refused(id, { 'x-session-key': 'k'.repeat(200) })).toEqual([
      400,
      'validation_failed',
    ]);
    // The same session is open to its driver.
    const s = await events(id, driver);
    expect(s.status).toBe(200);
    s.close();
  });

  it('lets a guest follow by their session key, and only that key', async () => {
    const site = await f.bareSite();
    const started = await a.api.call('POST', '/api/v1/session/start', {
      body: { connectorId: site.connectorId, payment: { type: 'link', method: 'card' } },
      headers: { 'idempotency-key': `guest-stream-${process.pid}` },
    });
    expect(started.status).toBe(201);
    const id = started.body.sessionId as string;
    const key = started.body.accessKey as string;
    const guest = await events(id, undefined, { 'x-session-key': key });
    expect(guest.status).toBe(200);
    expect((await guest.next((e) => e.event === 'session.updated')).data.sessionId).toBe(id);
    guest.close();
    expect(await refused(id, { 'x-session-key': `${key}x` })).toEqual([404, 'session_not_found']);
    // A signed-in stranger holding the key is let in by the key.
    const stranger = (await register(a.api)).accessToken;
    const both = await events(id, stranger, { 'x-session-key': key });
    expect(both.status).toBe(200);
    both.close();
    // The stranger without it is not.
    expect(await refused(id, { authorization: `Bearer ${stranger}` })).toEqual([
      404,
      'session_not_found',
    ]);
  });

  it(`refuses a caller's stream past ${MAX_STREAMS_PER_HOLDER} open at once with a 429`, async () => {
    const site = await f.bareSite();
    const driver = await f.driver();
    const id = (await f.start(driver, { connectorId: site.connectorId })).body.id as string;
    const open: SseStream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_HOLDER; i++) {
      const s = await events(id, driver);
      expect(s.status).toBe(200);
      open.push(s);
    }
    expect(await refused(id, { authorization: `Bearer ${driver}` })).toEqual([
      429,
      'too_many_streams',
    ]);
    // Another user is not held back by this one's streams.
    expect((await events(id, a.volt.operator)).status).toBe(200);
    open[0]!.close();
    await open[0]!.ended;
    const again = await (async () => {
      for (let i = 0; i < 20; i++) {
        const s = await events(id, driver);
        if (s.status === 200) return s;
        await new Promise((r) => setTimeout(r, 100)); // the server hears the close a moment later
      }
      throw new Error('no stream after one closed');
    })();
    expect(again.status).toBe(200);
  });
  it('pushes a charging session’s cost each minute with the watch, readings or not (time prices grow)', async () => {
    const site = await f.bareSite({ timePricePerMinute: 6_000 });
    const driver = await f.driver();
    const id = (await f.start(driver, { connectorId: site.connectorId })).body.id as string;
    await site.startTransaction();
    await f.until(driver, id, { status: 'CHARGING' });
    const s = await events(id, driver);
    const first = await s.next((e) => e.data.status === 'CHARGING');
    await app.running.app.get(SessionWatch).run();
    const next = await s.next((e) => e !== first && e.data.status === 'CHARGING');
    expect(next.data).toMatchObject({ sessionId: id, energyWh: 0 });
    expect(next.data.cost).toBeGreaterThanOrEqual(first.data.cost);
    s.close();
  });
});
