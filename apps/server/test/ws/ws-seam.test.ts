import type { IncomingMessage } from 'node:http';
import { Injectable, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AppError } from '../../src/platform/errors/app-error';
import type {
  ProvidesUpgradeRoutes,
  UpgradeRoute,
  WsConnection,
  WsMessage,
} from '../../src/platform/ws/upgrade-route';
import { bootTestApp, client, type TestApp } from '../helpers';

/**
 * A module of the test's own declares a WebSocket route, the way charging's OCPP gateway does:
 * bootstrap knows nothing of it, the seam discovers it. Its credential is a per-room token.
 */
interface Caller {
  room: string;
}

@Injectable()
class EchoRoutes implements ProvidesUpgradeRoutes {
  readonly closed: number[] = [];
  upgradeRoutes(): UpgradeRoute<Caller>[] {
    return [
      {
        path: '/echo/:room',
        subprotocols: ['echo.v1'],
        authenticate: (req: IncomingMessage, params): Caller | AppError => {
          if (params.room === 'explode') throw new Error('secret detail of a broken lookup');
          if (req.headers.authorization !== `Bearer token-for-${params.room}`)
            return new AppError('unauthenticated', 'bad_room_token', 'Wrong token for this room');
          return { room: params.room! };
        },
        onMessage: (c: WsConnection<Caller>, message: WsMessage) => {
          const text = message.toString();
          if (text === 'conflict') throw new AppError('conflict', 'room_busy', 'The room is busy');
          if (text === 'crash') throw new Error('internal detail that must not leak');
          return `${c.principal.room}:${text}`;
        },
        mapError: (error: AppError, message) =>
          JSON.stringify({ fault: error.code, kind: error.kind, in: message?.toString() }),
        onClose: (_c, code) => this.closed.push(code),
      },
    ];
  }
}

@Module({ providers: [EchoRoutes] })
class EchoModule {}

type Outcome =
  | { open: true; ws: WebSocket; protocol: string }
  | { open: false; status: number; body: { error: { code: string; type: string } } };

function connect(
  url: string,
  opts: { token?: string; protocols?: string[] } = {},
): Promise<Outcome> {
  const ws = new WebSocket(url, opts.protocols ?? ['echo.v1'], {
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ open: true, ws, protocol: ws.protocol }));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        resolve({ open: false, status: res.statusCode ?? 0, body: JSON.parse(text) }),
      );
    });
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
}

describe('WebSocket seam (a module registers an upgrade route on the HTTP port)', () => {
  let app: TestApp;
  let wsUrl: string;

  beforeAll(async () => {
    app = await bootTestApp({}, { extraModules: [EchoModule] });
    wsUrl = app.url.replace('http://', 'ws://');
  });
  afterAll(async () => app?.close());

  it('with good credentials, exchanges messages in order on the agreed subprotocol', async () => {
    const c = await connect(`${wsUrl}/echo/lobby`, {
      token: 'token-for-lobby',
      protocols: ['other', 'echo.v1'],
    });
    expect(c.open).toBe(true);
    if (!c.open) return;
    expect(c.protocol).toBe('echo.v1');
    const replies: string[] = [];
    c.ws.on('message', (d: Buffer) => replies.push(d.toString()));
    for (const m of ['one', 'two', 'three']) c.ws.send(m);
    await expect.poll(() => replies).toEqual(['lobby:one', 'lobby:two', 'lobby:three']);
    c.ws.close();
  });

  it('refuses bad credentials with the route’s own AppError as an HTTP 401, before any upgrade', async () => {
    const wrong = await connect(`${wsUrl}/echo/lobby`, { token: 'token-for-kitchen' });
    expect(wrong).toMatchObject({
      open: false,
      status: 401,
      body: { error: { type: 'authentication_error', code: 'bad_room_token' } },
    });
    const none = await connect(`${wsUrl}/echo/lobby`);
    expect(none).toMatchObject({ open: false, status: 401 });
  });

  it('answers an unknown path with a clean 404 in the one error shape', async () => {
    const c = await connect(`${wsUrl}/nowhere/at/all`, { token: 'token-for-lobby' });
    expect(c).toMatchObject({
      open: false,
      status: 404,
      body: { error: { type: 'invalid_request_error', code: 'route_not_found' } },
    });
  });

  it('refuses a handshake offering none of the route’s subprotocols (400)', async () => {
    const c = await connect(`${wsUrl}/echo/lobby`, {
      token: 'token-for-lobby',
      protocols: ['ocpp1.6'],
    });
    expect(c).toMatchObject({
      open: false,
      status: 400,
      body: { error: { code: 'unsupported_subprotocol' } },
    });
  });

  it('an authenticate that throws is a 500 without its details', async () => {
    const c = await connect(`${wsUrl}/echo/explode`, { token: 'token-for-explode' });
    expect(c).toMatchObject({
      open: false,
      status: 500,
      body: { error: { code: 'internal_error' } },
    });
    expect(JSON.stringify(c)).not.toContain('secret detail');
    expect(app.logs.some((l) => l.includes('secret detail'))).toBe(true);
  });

  it('maps an AppError from a message through the route’s protocol error, keeping the socket', async () => {
    const c = await connect(`${wsUrl}/echo/lobby`, { token: 'token-for-lobby' });
    if (!c.open) throw new Error('not open');
    const fault = nextMessage(c.ws);
    c.ws.send('conflict');
    expect(JSON.parse(await fault)).toEqual({
      fault: 'room_busy',
      kind: 'conflict',
      in: 'conflict',
    });

    const crash = nextMessage(c.ws);
    c.ws.send('crash');
    const crashed = await crash;
    expect(JSON.parse(crashed)).toEqual({ fault: 'internal_error', kind: 'internal', in: 'crash' });
    expect(crashed).not.toContain('internal detail');

    // The connection survives both: the next message is answered normally.
    const after = nextMessage(c.ws);
    c.ws.send('still here');
    expect(await after).toBe('lobby:still here');
    c.ws.close();
  });

  it('serves HTTP routes on the same port beside the WebSocket', async () => {
    const c = await connect(`${wsUrl}/echo/lobby`, { token: 'token-for-lobby' });
    expect(c.open).toBe(true);
    const health = await client(app.url).get('/health');
    expect(health.status).toBe(200);
    const missing = await client(app.url).get('/api/v1/no-such-route');
    expect(missing.status).toBe(404);
    if (c.open) c.ws.close();
  });

  it('on shutdown closes open sockets with 1001 and then refuses to serve', async () => {
    const sockets = await Promise.all(
      ['a', 'b'].map((room) => connect(`${wsUrl}/echo/${room}`, { token: `token-for-${room}` })),
    );
    const codes = sockets.map((c) => {
      if (!c.open) throw new Error('not open');
      return new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
    });
    const routes = app.running.app.get(EchoRoutes);
    await app.running.close();
    expect(await Promise.all(codes)).toEqual([1001, 1001]);
    expect(routes.closed.filter((c) => c === 1001).length).toBeGreaterThanOrEqual(2);
    await expect(fetch(`${app.url}/health`)).rejects.toThrow();
  });
});
