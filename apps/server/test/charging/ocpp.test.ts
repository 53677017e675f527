import { RPCClient } from 'ocpp-rpc';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdTags } from '../../src/charging/id-tags';
import { bootTestApp, type TestApp } from '../helpers';
import { chargerAt, chargingActors } from './fixture';

const PASSWORD = 'charger-secret-0123';

describe('OCPP 1.6J central system on the API port', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let open: { chargerId: string; connectorId: string };
  let locked: { chargerId: string };
  const clients: RPCClient[] = [];

  /** A real ocpp-rpc charge point, strict like ours, connected to the server. */
  async function charger(identity: string, opts: { password?: string; protocols?: string[] } = {}) {
    const client = new RPCClient({
      endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
      identity,
      protocols: opts.protocols ?? ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
      ...(opts.password !== undefined ? { password: opts.password } : {}),
    } as ConstructorParameters<typeof RPCClient>[0]);
    clients.push(client);
    await client.connect();
    return client;
  }

  /** The HTTP status a refused handshake got. */
  async function refused(identity: string, opts: { password?: string; protocols?: string[] } = {}) {
    try {
      await charger(identity, opts);
    } catch (err) {
      return (err as { code?: number }).code;
    }
    throw new Error('the handshake was accepted');
  }

  const get = (path: string) => a.api.get(path, a.volt.operator);
  const logOf = async (chargerId: string) =>
    (await get(`/api/v1/chargers/${chargerId}/ocpp-messages?limit=100`)).body.data as {
      direction: string;
      frame: unknown[];
    }[];

  beforeAll(async () => {
    app = await bootTestApp();
    a = await chargingActors(app);
    open = await chargerAt(a.api, a.volt.operator, 'CP-OPEN');
    locked = await chargerAt(a.api, a.volt.operator, 'CP-LOCKED', PASSWORD);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true })));
    await app?.close();
  });

  it('boots a known charger: records vendor, model, serial, firmware and marks it online', async () => {
    const cp = await charger('CP-OPEN');
    const answer = (await cp.call('BootNotification', {
      chargePointVendor: 'Tender Labs',
      chargePointModel: 'Sim-22',
      chargePointSerialNumber: 'SN-0042',
      firmwareVersion: '1.2.3',
    })) as { status: string; currentTime: string; interval: number };
    expect(answer.status).toBe('Accepted');
    expect(answer.interval).toBe(300);
    expect(Number.isNaN(Date.parse(answer.currentTime))).toBe(false);
    const c = await get(`/api/v1/chargers/${open.chargerId}`);
    expect(c.body).toMatchObject({
      vendor: 'Tender Labs',
      model: 'Sim-22',
      serialNumber: 'SN-0042',
      firmwareVersion: '1.2.3',
      online: true,
    });
    expect(c.body.lastBootAt).not.toBeNull();

    const beat = (await cp.call('Heartbeat', {})) as { currentTime: string };
    expect(Number.isNaN(Date.parse(beat.currentTime))).toBe(false);
    const after = await get(`/api/v1/chargers/${open.chargerId}`);
    expect(Date.parse(after.body.lastHeartbeatAt)).toBeGreaterThanOrEqual(
      Date.parse(c.body.lastHeartbeatAt),
    );
  });

  it('keeps the latest firmware and diagnostics progress; answers DataTransfer as an unknown vendor', async () => {
    const cp = await charger('CP-OPEN');
    expect(await cp.call('FirmwareStatusNotification', { status: 'Downloading' })).toEqual({});
    expect(await cp.call('FirmwareStatusNotification', { status: 'InstallationFailed' })).toEqual(
      {},
    );
    expect(await cp.call('DiagnosticsStatusNotification', { status: 'Uploaded' })).toEqual({});
    expect(
      await cp.call('DataTransfer', { vendorId: 'com.example', messageId: 'x', data: '{}' }),
    ).toEqual({ status: 'UnknownVendorId' });
    const c = (await get(`/api/v1/chargers/${open.chargerId}`)).body;
    expect(c).toMatchObject({
      firmwareStatus: 'INSTALLATION_FAILED',
      diagnosticsStatus: 'UPLOADED',
    });
    expect(Date.parse(c.firmwareStatusAt)).toBeGreaterThan(0);
    // The history stays in the log, the DataTransfer's payload included (the log is written
    // behind, within a batch of the answer).
    const frames = async () => (await logOf(open.chargerId)).map((m) => JSON.stringify(m.frame));
    await expect
      .poll(async () => (await frames()).some((f) => f.includes('"com.example"')))
      .toBe(true);
    expect((await frames()).some((f) => f.includes('"Downloading"'))).toBe(true);
  });

  it('StatusNotification updates connectors (creating an undescribed one) and the charger itself', async () => {
    const cp = await charger('CP-OPEN');
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Charging',
      timestamp: '2026-12-03T06:00:00Z',
    });
    await cp.call('StatusNotification', {
      connectorId: 2,
      errorCode: 'EVCommunicationError',
      status: 'Faulted',
      vendorErrorCode: 'E42',
      info: 'pilot lost',
    });
    await cp.call('StatusNotification', {
      connectorId: 0,
      errorCode: 'NoError',
      status: 'Available',
    });
    // An older notification (resent after a reconnect) does not overwrite the newer state.
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Preparing',
      timestamp: '2026-12-03T05:59:00Z',
    });
    const list = await get(`/api/v1/chargers/${open.chargerId}/connectors`);
    const byNumber = new Map(
      list.body.data.map((c: { connectorId: number }) => [c.connectorId, c]),
    );
    expect(byNumber.get(1)).toMatchObject({
      id: open.connectorId,
      status: 'CHARGING',
      errorCode: 'NO_ERROR',
      type: 'CCS_2',
      statusAt: '2026-12-03T06:00:00.000Z',
    });
    expect(byNumber.get(2)).toMatchObject({
      status: 'FAULTED',
      errorCode: 'EV_COMMUNICATION_ERROR',
      vendorErrorCode: 'E42',
      info: 'pilot lost',
      type: null,
      maxPowerW: null,
    });
    expect((await get(`/api/v1/chargers/${open.chargerId}`)).body).toMatchObject({
      status: 'AVAILABLE',
      errorCode: 'NO_ERROR',
    });
  });

  it('answers a schema-invalid call with a CallError and keeps the connection', async () => {
    const cp = await charger('CP-OPEN');
    // Our client would refuse to send it in strict mode: send the raw frame.
    const reply = new Promise<unknown>((resolve) =>
      cp.on('message', ({ message, outbound }: { message: Buffer | string; outbound: boolean }) => {
        if (!outbound) resolve(JSON.parse(message.toString()));
      }),
    );
    cp.sendRaw(
      JSON.stringify([2, 'bad-1', 'StatusNotification', { connectorId: 1, status: 'Dancing' }]),
    );
    const frame = (await reply) as unknown[];
    expect(frame[0]).toBe(4);
    expect(frame[1]).toBe('bad-1');
    expect(String(frame[2])).toMatch(/Violation/);
    // A method OCPP 1.6 does not have is a CallError too; the socket still answers afterwards.
    const second = new Promise<unknown[]>((resolve) =>
      cp.on('message', ({ message, outbound }: { message: Buffer | string; outbound: boolean }) => {
        const f = JSON.parse(message.toString()) as unknown[];
        if (!outbound && f[1] === 'bad-2') resolve(f);
      }),
    );
    cp.sendRaw(JSON.stringify([2, 'bad-2', 'SelfDestruct', {}]));
    const unknown = await second;
    expect(unknown[0]).toBe(4);
    expect(String(unknown[2])).toMatch(/NotImplemented|NotSupported/);
    await expect(cp.call('Heartbeat', {})).resolves.toHaveProperty('currentTime');
  });

  it('reads a timestamp without a time zone as UTC (chargers send them; OCPP asks for UTC)', async () => {
    const cp = await charger('CP-OPEN');
    const reply = new Promise<unknown[]>((resolve) =>
      cp.on('message', ({ message, outbound }: { message: Buffer | string; outbound: boolean }) => {
        if (!outbound) resolve(JSON.parse(message.toString()) as unknown[]);
      }),
    );
    cp.sendRaw(
      JSON.stringify([
        2,
        'zoneless-1',
        'StatusNotification',
        {
          connectorId: 1,
          errorCode: 'NoError',
          status: 'Finishing',
          timestamp: '2026-12-03T07:00:00',
        },
      ]),
    );
    expect(await reply).toEqual([3, 'zoneless-1', {}]);
    const c = await get(`/api/v1/connectors/${open.connectorId}`);
    expect(c.body).toMatchObject({ status: 'FINISHING', statusAt: '2026-12-03T07:00:00.000Z' });
  });

  it('refuses unknown charge points, wrong or missing passwords, and other subprotocols', async () => {
    expect(await refused('CP-NOBODY')).toBe(404);
    expect(await refused('CP-LOCKED')).toBe(401);
    expect(await refused('CP-LOCKED', { password: 'not-the-password-x' })).toBe(401);
    expect(await refused('CP-OPEN', { protocols: ['ocpp2.0.1'] })).toBe(400);
    const cp = await charger('CP-LOCKED', { password: PASSWORD });
    await expect(
      cp.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }),
    ).resolves.toMatchObject({ status: 'Accepted' });
    expect((await get(`/api/v1/chargers/${locked.chargerId}`)).body.vendor).toBe('V');
  });

  it('logs every message in and out per charger, for its operator only', async () => {
    const cp = await charger('CP-LOCKED', { password: PASSWORD });
    await cp.call('Heartbeat', {});
    let log: Awaited<ReturnType<typeof logOf>> = [];
    const answerTo = (id: unknown) => log.find((m) => m.direction === 'OUT' && m.frame[1] === id);
    const heartbeat = () => log.find((m) => m.direction === 'IN' && m.frame[2] === 'Heartbeat');
    await expect
      .poll(async () => {
        log = await logOf(locked.chargerId);
        return answerTo(heartbeat()?.frame[1]) !== undefined;
      })
      .toBe(true);
    const call = heartbeat()!;
    const result = answerTo(call.frame[1]);
    expect(call.frame[0]).toBe(2);
    expect(result?.frame[0]).toBe(3);
    // Newest first: the answer comes before its call.
    expect(log.indexOf(result!)).toBeLessThan(log.indexOf(call));
    expect(
      (await a.api.get(`/api/v1/chargers/${locked.chargerId}/ocpp-messages`, a.amp.operator))
        .status,
    ).toBe(404);
  });

  it('sends operators’ commands to the charger and returns its answer, refusals included', async () => {
    const cp = await charger('CP-OPEN');
    cp.handle('GetConfiguration', ({ params }) =>
      Promise.resolve({
        configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }],
        unknownKey: (params as { key?: string[] }).key?.filter((k) => k !== 'HeartbeatInterval'),
      }),
    );
    const path = `/api/v1/chargers/${open.chargerId}/commands`;
    const got = await a.api.post(
      path,
      { action: 'GetConfiguration', payload: { key: ['HeartbeatInterval', 'Nope'] } },
      a.volt.operator,
    );
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      action: 'GetConfiguration',
      result: {
        configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }],
        unknownKey: ['Nope'],
      },
      error: null,
    });
    // A charger without a handler answers NotImplemented: an answer, not our failure.
    const reset = await a.api.post(
      path,
      { action: 'Reset', payload: { type: 'Soft' } },
      a.volt.operator,
    );
    expect(reset.status).toBe(200);
    expect(reset.body.error.code).toBe('NotImplemented');
    // Refused before anything is sent: a payload OCPP's schema refuses, another company's charger,
    // a charger that is not connected, an action that is not a command.
    const bad = await a.api.post(
      path,
      { action: 'Reset', payload: { type: 'Sideways' } },
      a.volt.operator,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_ocpp_payload', param: 'payload' });
    expect((await a.api.post(path, { action: 'ClearCache' }, a.amp.operator)).status).toBe(404);
    expect((await a.api.post(path, { action: 'BootNotification' }, a.volt.operator)).status).toBe(
      400,
    );
    const idle = await chargerAt(a.api, a.volt.operator, 'CP-IDLE');
    const offline = await a.api.post(
      `/api/v1/chargers/${idle.chargerId}/commands`,
      { action: 'ClearCache' },
      a.volt.operator,
    );
    expect(offline.status).toBe(409);
    expect(offline.body.error.code).toBe('charger_offline');
  });

  it('disconnects a charger whose password changed; only the new password connects again', async () => {
    const cp = await charger('CP-LOCKED', { password: PASSWORD });
    const closed = new Promise<number>((resolve) =>
      cp.once('close', ({ code }: { code: number }) => resolve(code)),
    );
    const next = 'charger-secret-4567';
    const patched = await a.api.patch(
      `/api/v1/chargers/${locked.chargerId}`,
      { password: next },
      a.volt.operator,
    );
    expect(patched.status).toBe(200);
    expect(await closed).toBe(1008);
    expect(await refused('CP-LOCKED', { password: PASSWORD })).toBe(401);
    const again = await charger('CP-LOCKED', { password: next });
    await expect(again.call('Heartbeat', {})).resolves.toHaveProperty('currentTime');
  });

  it('records transactions: our ids, resent starts, meter values only forward, stops once', async () => {
    app.running.app
      .get(IdTags)
      .register((_charger, tag) => (tag.startsWith('OK-') ? 'Accepted' : undefined));
    const cp = await charger('CP-OPEN');
    const tx = async (id: number) =>
      (
        await app.runtime.database.pool.query(
          'SELECT status, meter_start_wh, last_meter_wh, meter_stop_wh, energy_wh, stop_reason, id_tag_status FROM ocpp_transactions WHERE id = $1',
          [id],
        )
      ).rows[0] as Record<string, unknown>;
    expect(await cp.call('Authorize', { idTag: 'OK-1' })).toEqual({
      idTagInfo: { status: 'Accepted' },
    });
    expect(await cp.call('Authorize', { idTag: 'STRANGER' })).toEqual({
      idTagInfo: { status: 'Invalid' },
    });

    const start = {
      connectorId: 1,
      idTag: 'OK-1',
      meterStart: 1000,
      timestamp: '2026-12-03T07:00:00Z',
    };
    const started = (await cp.call('StartTransaction', start)) as {
      transactionId: number;
      idTagInfo: { status: string };
    };
    expect(started.idTagInfo.status).toBe('Accepted');
    expect(await cp.call('StartTransaction', start)).toEqual(started); // resent: the same id
    const id = started.transactionId;

    const meter = (timestamp: string, sampledValue: object[]) =>
      cp.call('MeterValues', {
        connectorId: 1,
        transactionId: id,
        meterValue: [{ timestamp, sampledValue }],
      });
    await meter('2026-12-03T07:10:00Z', [
      { value: '7200', measurand: 'Power.Active.Import', unit: 'W' },
      { value: '2.5', measurand: 'Energy.Active.Import.Register', unit: 'kWh' },
      { value: '40', measurand: 'SoC', unit: 'Percent' },
    ]);
    expect((await tx(id)).last_meter_wh).toBe(2500n);
    await meter('2026-12-03T07:05:00Z', [{ value: '1800' }]); // older: ignored
    await meter('2026-12-03T07:11:00Z', [{ value: '99', measurand: 'SoC', unit: 'Percent' }]);
    expect((await tx(id)).last_meter_wh).toBe(2500n);

    const stop = {
      transactionId: id,
      meterStop: 4000,
      timestamp: '2026-12-03T07:20:00Z',
      reason: 'EVDisconnected',
    };
    expect(await cp.call('StopTransaction', stop)).toEqual({});
    expect(await tx(id)).toMatchObject({
      status: 'STOPPED',
      meter_stop_wh: 4000n,
      energy_wh: 3000n,
      stop_reason: 'EV_DISCONNECTED',
      id_tag_status: 'ACCEPTED',
    });
    // Sent twice, late meter values, a stop for a transaction we never gave: acknowledged, no change.
    expect(await cp.call('StopTransaction', { ...stop, meterStop: 9000 })).toEqual({});
    await meter('2026-12-03T07:25:00Z', [{ value: '9999' }]);
    expect(await cp.call('StopTransaction', { ...stop, transactionId: 987_654 })).toEqual({});
    expect(await tx(id)).toMatchObject({
      meter_stop_wh: 4000n,
      energy_wh: 3000n,
      last_meter_wh: 2500n,
    });

    // A meter reset mid-session: the stop reading is below the start, the last reading still counts.
    const reset = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'OK-2',
      meterStart: 50_000,
      timestamp: '2026-12-03T08:00:00',
    })) as { transactionId: number };
    await cp.call('MeterValues', {
      connectorId: 1,
      transactionId: reset.transactionId,
      meterValue: [
        { timestamp: '2026-12-03T08:30:00Z', sampledValue: [{ value: '51.2', unit: 'kWh' }] },
      ],
    });
    await cp.call('StopTransaction', {
      transactionId: reset.transactionId,
      meterStop: 10,
      timestamp: '2026-12-03T09:00:00Z',
    });
    expect((await tx(reset.transactionId)).energy_wh).toBe(1200n);
    // An idTag nobody knows still gets a transaction id, answered Invalid (the charger stops).
    const unknown = (await cp.call('StartTransaction', { ...start, idTag: 'STRANGER' })) as {
      transactionId: number;
      idTagInfo: { status: string };
    };
    expect(unknown.idTagInfo.status).toBe('Invalid');
    expect(unknown.transactionId).toBeGreaterThan(reset.transactionId);
  });

  it('marks a charger offline when it disconnects, but not when a new connection superseded it', async () => {
    const first = await charger('CP-OPEN');
    const second = await charger('CP-OPEN');
    const firstClosed = new Promise((resolve) => first.once('close', resolve));
    await firstClosed; // the new connection pushed the old one out
    await second.call('Heartbeat', {});
    expect((await get(`/api/v1/chargers/${open.chargerId}`)).body.online).toBe(true);
    await second.close();
    await expect
      .poll(async () => (await get(`/api/v1/chargers/${open.chargerId}`)).body.online)
      .toBe(false);
  });
});

describe('OCPP connections at shutdown', () => {
  it('closes chargers’ sockets with 1001 and records them offline before the pool closes', async () => {
    const app = await bootTestApp();
    try {
      const a = await chargingActors(app);
      const { chargerId } = await chargerAt(a.api, a.volt.operator, 'CP-SHUTDOWN');
      const cp = new RPCClient({
        endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
        identity: 'CP-SHUTDOWN',
        protocols: ['ocpp1.6'],
        strictMode: true,
        reconnect: false,
      } as ConstructorParameters<typeof RPCClient>[0]);
      await cp.connect();
      await cp.call('Heartbeat', {});
      const closed = new Promise<number>((resolve) =>
        cp.once('close', ({ code }: { code: number }) => resolve(code)),
      );
      await app.running.close();
      expect(await closed).toBe(1001);
      const db = new Client({ connectionString: app.databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ online: boolean }>(
        'SELECT online FROM chargers WHERE id = $1',
        [chargerId],
      );
      await db.end();
      expect(rows[0]?.online).toBe(false);
    } finally {
      await app.close();
    }
  });
});
