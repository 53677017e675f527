import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { AppError } from '../errors/app-error';

/** A message as it arrived: text frames as strings, binary frames as Buffers. */
export type WsMessage = string | Buffer;

/** One accepted WebSocket, as a route sees it: who it is, what the path named, how to talk back. */
export interface WsConnection<P = unknown> {
  readonly principal: P;
  /** The path's `:name` segments, decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The subprotocol agreed in the handshake (one of the route's). */
  readonly protocol: string;
  readonly remoteAddress: string;
  send(message: WsMessage): void;
  close(code?: number, reason?: string): void;
}

export interface UpgradeLimits {
  /** Largest frame accepted; a bigger one closes the socket with 1009. */
  maxPayloadBytes: number;
  /** How long authentication may take before the handshake is refused with a 408. */
  handshakeTimeoutMs: number;
  /** Open sockets per client address (IPv6 by /64) on this route. */
  maxConnectionsPerIp: number;
  /** Handshakes per client address per minute on this route (the platform rate limiter). */
  handshakesPerIpPerMinute: number;
}

export const DEFAULT_UPGRADE_LIMITS: UpgradeLimits = {
  maxPayloadBytes: 64 * 1024,
  handshakeTimeoutMs: 10_000,
  maxConnectionsPerIp: 20,
  handshakesPerIpPerMinute: 60,
};

/**
 * A WebSocket entry point on the HTTP port. The platform matches the path, negotiates the
 * subprotocol, runs `authenticate` and refuses with a plain HTTP error response (the one error
 * shape) before any upgrade; after it, whatever `onMessage` throws goes through `mapError` and is
 * sent as the protocol's own error frame. The global guard, filter and validation pipe are HTTP
 * only: a route validates its messages itself.
 */
export interface UpgradeRoute<P = unknown> {
  /** `/ocpp/:chargePointId`: literal segments and `:name` segments (one non-empty segment each). */
  path: string;
  /** Offered by the client in Sec-WebSocket-Protocol; the first of the client's that is here wins. */
  subprotocols: readonly string[];
  /** The principal, or an AppError (returned or thrown) whose status refuses the handshake. */
  authenticate(
    request: IncomingMessage,
    params: Readonly<Record<string, string>>,
  ): P | AppError | Promise<P | AppError>;
  /** Called once the socket is open, before its first message is handled. */
  onConnection?(connection: WsConnection<P>): void | Promise<void>;
  /**
   * One message; a string or Buffer returned is sent back. Messages are handled in order. A route
   * has either this (with `mapError`) or `adopt`.
   */
  onMessage?(connection: WsConnection<P>, message: WsMessage): unknown;
  /**
   * The protocol's error frame for an error of `message` (undefined: of `onConnection`). Unknown
   * errors arrive here as the generic `internal_error` AppError, their details only in the log.
   */
  mapError?(error: AppError, message: WsMessage | undefined): WsMessage;
  /**
   * For a protocol with its own engine (OCPP's RPC library): the accepted socket is handed over
   * whole, and `onConnection`/`onMessage` are not called; the engine frames, orders and answers
   * messages itself, and maps errors to its own error frames. The platform still did the
   * handshake (path, subprotocol, limits, `authenticate`), counts the socket, calls `onClose`, and
   * closes it on shutdown. A throw here closes the socket with 1011.
   */
  adopt?(socket: WebSocket, connection: WsConnection<P>): void;
  onClose?(connection: WsConnection<P>, code: number): void;
  limits?: Partial<UpgradeLimits>;
}

/**
 * What a module's provider implements to serve upgrade routes; bootstrap discovers every such
 * provider once the app is initialised, the way Nest discovers lifecycle hooks.
 */
export interface ProvidesUpgradeRoutes {
  // Each route has its own principal type; the registry only passes it from authenticate on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  upgradeRoutes(): UpgradeRoute<any>[];
}
