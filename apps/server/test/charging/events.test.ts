import { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, type TestApp } from '../helpers';
import { openSse, type SseStream } from '../sse-client';
import { chargerAt, chargingActors } from './fixture';

/** GET /api/v1/chargers/events on one node: who may read it, what it carries, how it ends. */
describe('live charger events (SSE)', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let volt: { chargerId: string; stationId: string; connectorId: string };
  let amp: { chargerId: string };
  let closed = false;
  const streams: SseStream[] = [];

  const events = async (token: string, query = '') => {
    const s = await openSse(`${app.url}/api/v1/chargers/events${query}`, token);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    app = await bootTestApp();
    a = await chargingActors(app);
    volt = await chargerAt(a.api, a.volt.operator, 'CP-EVENTS-VOLT');
    amp = await chargerAt(a.api, a.amp.operator, 'CP-EVENTS-AMP');
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    if (!closed) await app?.close();
  });

  it('is refused, in the error shape, without a token, to a plain user, for another company’s charger or station, and with an unknown parameter', async () => {
    const cases: [string | undefined, string, number, string][] = [
      [undefined, '', 401, 'missing_token'],
      [a.user, '', 403, 'forbidden'],
      [a.volt.operator, `?chargerId=${amp.chargerId}`, 404, 'charger_not_found'],
      [a.amp.operator, `?stationId=${volt.stationId}`, 404, 'station_not_found'],
      [a.volt.operator, '?companyId=x', 400, 'validation_failed'],
    ];
    for (const [token, query, status, code] of cases) {
      const res = await fetch(`${app.url}/api/v1/chargers/events${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(res.status, `${query} → ${res.status}`).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code, query).toBe(code);
    }
  });

  it("streams the company's chargers coming online, their statuses and going offline; not other companies'", async () => {
    const op = await events(a.volt.operator);
    const narrowed = await events(a.volt.operator, `?chargerId=${volt.chargerId}`);
    const admin = await events(a.admin);
    const other = await events(a.amp.operator);
    expect(op.status).toBe(200);
    expect(op.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(op.headers.get('cache-control')).toMatch(/no-cache/);
    // Headers set before the stream opened are kept (helmet's, the request id).
    expect(op.headers.get('x-request-id')).toMatch(/^req_/);
    expect(op.headers.get('x-content-type-options')).toBe('nosniff');
    expect(op.comments).toEqual(['connected']);

    const cp = new RPCClient({
      endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
      identity: 'CP-EVENTS-VOLT',
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    await cp.connect();
    const where = { chargerId: volt.chargerId, stationId: volt.stationId, companyId: a.volt.id };
    expect((await op.next((e) => e.event === 'charger.online')).data).toEqual({
      type: 'charger.online',
      ...where,
      ocppId: 'CP-EVENTS-VOLT',
      at: expect.any(String),
    });
    await cp.call('StatusNotification', {
      connectorId: 0,
      errorCode: 'NoError',
      status: 'Available',
    });
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'GroundFailure',
      status: 'Faulted',
      info: 'RCD tripped',
      timestamp: '2026-12-03T10:00:00Z',
    });
    expect((await op.next((e) => e.event === 'charger.status')).data).toMatchObject({
      ...where,
      status: 'AVAILABLE',
      errorCode: 'NO_ERROR',
    });
    expect((await op.next((e) => e.event === 'connector.status')).data).toEqual({
      type: 'connector.status',
      ...where,
      connectorId: volt.connectorId,
      connectorNumber: 1,
      status: 'FAULTED',
      errorCode: 'GROUND_FAILURE',
      info: 'RCD tripped',
      at: '2026-12-03T10:00:00.000Z',
    });
    await cp.close();
    await op.next((e) => e.event === 'charger.offline');

    const names = ['charger.online', 'charger.status', 'connector.status', 'charger.offline'];
    expect(op.events.map((e) => e.event)).toEqual(names);
    await narrowed.next((e) => e.event === 'charger.offline');
    expect(narrowed.events.map((e) => e.event)).toEqual(names);
    await admin.next((e) => e.event === 'charger.offline');
    expect(admin.events.map((e) => e.event)).toEqual(names);
    expect(other.events).toEqual([]);
  });

  it('ends every open stream when the server shuts down, and the shutdown does not wait for them', async () => {
    const s = await events(a.volt.operator);
    const started = Date.now();
    closed = true;
    await app.close();
    await s.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
