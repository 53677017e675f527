import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/error-mapper';
import type { Logger } from '../logging/logger';
import { ipKey, type RateLimiter } from '../rate-limit/rate-limiter';
import { compilePath, type PathPattern } from './path-pattern';
import {
  DEFAULT_UPGRADE_LIMITS,
  type UpgradeLimits,
  type UpgradeRoute,
  type WsConnection,
  type WsMessage,
} from './upgrade-route';

/** Messages received but not yet handled on one socket; a client flooding past it is cut off. */
const MAX_PENDING_MESSAGES = 32;

interface Mounted {
  route: UpgradeRoute<unknown>;
  pattern: PathPattern;
  limits: UpgradeLimits;
  wss: WebSocketServer;
  perIp: Map<string, number>;
}

export interface UpgradeServer {
  /** Open sockets, all routes. */
  readonly open: number;
  /** Refuses new handshakes (503), closes open sockets with 1001, terminates any left after `graceMs`. */
  close(graceMs: number): Promise<void>;
}

/**
 * The one `upgrade` listener on the HTTP server: every WebSocket route of every module goes
 * through it. Refusals are written as a raw HTTP response on the socket before the upgrade, in the
 * one error shape, so a client sees the same 401/404 an HTTP call would.
 */
export function attachUpgradeRoutes(
  server: Server,
  routes: readonly UpgradeRoute<unknown>[],
  deps: { logger: Logger; rateLimiter: RateLimiter },
): UpgradeServer {
  const log = deps.logger.child({ component: 'websocket' });
  const agreed = new WeakMap<IncomingMessage, string>();
  const mounted: Mounted[] = routes.map((route) => {
    const limits = { ...DEFAULT_UPGRADE_LIMITS, ...route.limits };
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: limits.maxPayloadBytes,
      // Chosen before the upgrade (refusing with a 400 if none fits); ws only echoes it.
      handleProtocols: (_offered, req) => agreed.get(req) ?? false,
    });
    return { route, pattern: compilePath(route.path), limits, wss, perIp: new Map() };
  });
  const open = new Set<WebSocket>();
  let closing = false;

  async function handshake(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (closing) return refuse(socket, shuttingDown());
    const pathname = (req.url ?? '/').split('?')[0]!;
    let params: Record<string, string> | undefined;
    const target = mounted.find((m) => (params = m.pattern.match(pathname)) !== undefined);
    if (!target || !params) {
      return refuse(
        socket,
        new AppError('not_found', 'route_not_found', 'No WebSocket route here'),
      );
    }
    const { route, limits } = target;
    const protocol = offeredProtocols(req).find((p) => route.subprotocols.includes(p));
    if (!protocol) {
      return refuse(
        socket,
        AppError.validation(
          `Offer one of these subprotocols: ${route.subprotocols.join(', ')}`,
          'Sec-WebSocket-Protocol',
          'unsupported_subprotocol',
        ),
      );
    }
    const ip = ipKey(req.socket.remoteAddress ?? '');
    const hit = await deps.rateLimiter.hit(
      `ws:${route.path}:${ip}`,
      limits.handshakesPerIpPerMinute,
      60,
    );
    if (!hit.allowed) {
      return refuse(
        socket,
        new AppError('rate_limited', 'rate_limited', 'Too many connection attempts', {
          retryAfterSeconds: hit.retryAfterSeconds,
        }),
      );
    }
    if ((target.perIp.get(ip) ?? 0) >= limits.maxConnectionsPerIp) {
      return refuse(
        socket,
        new AppError('rate_limited', 'too_many_connections', 'Too many open connections'),
      );
    }
    let principal: unknown;
    try {
      const result = await withTimeout(
        Promise.resolve().then(() => route.authenticate(req, params!)),
        limits.handshakeTimeoutMs,
      );
      if (result instanceof AppError) return refuse(socket, result);
      principal = result;
    } catch (err) {
      const error = toAppError(err);
      if (error.kind === 'internal') log.error({ err, route: route.path }, 'authentication failed');
      return refuse(socket, error);
    }
    if (socket.destroyed) return;
    if (closing) return refuse(socket, shuttingDown());
    agreed.set(req, protocol);
    target.wss.handleUpgrade(req, socket, head, (ws) => {
      accept(target, ws, { principal, params: params!, protocol, ip, req });
    });
  }

  function accept(
    target: Mounted,
    ws: WebSocket,
    at: {
      principal: unknown;
      params: Record<string, string>;
      protocol: string;
      ip: string;
      req: IncomingMessage;
    },
  ): void {
    const { route, perIp } = target;
    const connection: WsConnection = {
      principal: at.principal,
      params: at.params,
      protocol: at.protocol,
      remoteAddress: at.req.socket.remoteAddress ?? '',
      send: (message) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(message);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    open.add(ws);
    perIp.set(at.ip, (perIp.get(at.ip) ?? 0) + 1);
    ws.on('close', (code) => {
      open.delete(ws);
      const left = (perIp.get(at.ip) ?? 1) - 1;
      if (left > 0) perIp.set(at.ip, left);
      else perIp.delete(at.ip);
      try {
        route.onClose?.(connection, code);
      } catch (err) {
        log.error({ err, route: route.path }, 'onClose failed');
      }
    });
    // ws closes the socket itself (1009 too big, 1002 bad frame): only worth a line in the log.
    ws.on('error', (err) => log.warn({ err, route: route.path }, 'websocket error'));

    if (route.adopt) {
      try {
        route.adopt(ws, connection);
      } catch (err) {
        log.error({ err, route: route.path }, 'adopting the socket failed');
        ws.close(1011, 'connection setup failed');
      }
      return;
    }
    // discoverUpgradeRoutes checked that a route without adopt has both.
    const onMessage = (m: WsMessage) => route.onMessage?.(connection, m);
    const mapError = (e: AppError, m: WsMessage | undefined) => route.mapError?.(e, m) ?? '';

    // In order, one at a time: a protocol's state follows its messages, as over HTTP per request.
    let chain: Promise<void> = Promise.resolve();
    let pending = 0;
    const run = (message: WsMessage | undefined, handle: () => unknown) => {
      pending += 1;
      chain = chain.then(async () => {
        try {
          const reply = await handle();
          if (typeof reply === 'string' || Buffer.isBuffer(reply)) connection.send(reply);
        } catch (err) {
          fail(err, message);
        } finally {
          pending -= 1;
        }
      });
    };
    const fail = (err: unknown, message: WsMessage | undefined) => {
      const error = toAppError(err);
      // Details of an unexpected error stay here; the client gets the generic internal error.
      if (error.kind === 'internal')
        log.error({ err, route: route.path }, 'websocket handler failed');
      try {
        connection.send(mapError(error, message));
      } catch (mapErr) {
        log.error({ err: mapErr, route: route.path }, 'mapError failed');
        ws.close(1011, 'internal error');
        return;
      }
      if (message === undefined) ws.close(1011, 'connection setup failed');
    };

    run(undefined, () => route.onConnection?.(connection));
    ws.on('message', (data, isBinary) => {
      if (pending >= MAX_PENDING_MESSAGES) return ws.close(1008, 'too many messages in flight');
      const message = isBinary ? toBuffer(data) : toBuffer(data).toString();
      run(message, () => onMessage(message));
    });
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client resetting mid-handshake must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    handshake(req, socket, head).catch((err: unknown) => {
      log.error({ err }, 'upgrade failed');
      refuse(socket, toAppError(err));
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    get open() {
      return open.size;
    },
    async close(graceMs) {
      closing = true;
      const closed = [...open].map(
        (ws) =>
          new Promise<void>((done) =>
            ws.readyState === WebSocket.CLOSED ? done() : ws.once('close', () => done()),
          ),
      );
      for (const ws of open) ws.close(1001, 'server shutting down');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(closed),
        new Promise<void>((done) => (timer = setTimeout(done, graceMs))),
      ]);
      clearTimeout(timer);
      for (const ws of open) ws.terminate();
      for (const m of mounted) m.wss.close();
      server.off('upgrade', onUpgrade);
    },
  };
}

function shuttingDown(): AppError {
  return new AppError('unavailable', 'shutting_down', 'The server is shutting down');
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError('request_timeout', 'handshake_timeout', 'Authentication took too long'),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The refusal as a complete HTTP/1.1 response, then the socket is gone: no upgrade happened. */
function refuse(socket: Duplex, error: AppError): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(error.toBody());
  const head = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(error.retryAfterSeconds !== undefined ? [`Retry-After: ${error.retryAfterSeconds}`] : []),
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}
