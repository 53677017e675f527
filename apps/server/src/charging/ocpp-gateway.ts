import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { createRPCError } from 'ocpp-rpc';
import RPCServerClient from 'ocpp-rpc/lib/server-client';
import type { WebSocket } from 'ws';
import { verifyPassword } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { toAppError } from '../platform/errors/error-mapper';
import { Logger } from '../platform/logging/logger';
import type {
  ProvidesUpgradeRoutes,
  UpgradeRoute,
  WsConnection,
} from '../platform/ws/upgrade-route';
import {
  ChargePoints,
  type BootNotification,
  type ChargePoint,
  type StatusNotification,
} from './charge-points';
import { ChargerConnections, newConnectionId } from './charger-connections';
import {
  OcppTransactions,
  type MeterValues,
  type StartTransaction,
  type StopTransaction,
} from './ocpp-transactions';
import { IdTags } from './id-tags';
import { OCPP16_VALIDATOR, OCPP_PROTOCOL } from './ocpp-schemas';

/** Seconds between Heartbeats we ask of a charger in the BootNotification answer. */
export const HEARTBEAT_INTERVAL_S = 300;

/** An AppError as the CallError a charger understands (OCPP 1.6J §4.2.3 error codes). */
export function toOcppError(error: AppError): Error {
  const code =
    error.kind === 'validation'
      ? 'PropertyConstraintViolation'
      : error.kind === 'internal'
        ? 'InternalError'
        : 'GenericError';
  // Only what a client may see: the code; an internal error's message is already generic.
  // createRPCError builds an RPCError (an Error subclass); its typings say only Record.
  return createRPCError(code, error.message, { code: error.code }) as unknown as Error;
}

/** The password of `Authorization: Basic base64(identity:password)`, if the user is the identity. */
function basicPassword(header: string | undefined, identity: string): string | undefined {
  const encoded = /^\s*basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const prefix = `${identity}:`;
  return decoded.startsWith(prefix) ? decoded.slice(prefix.length) : undefined;
}

/**
 * The OCPP 1.6J central system's entry point: `ws://HOST:PORT/ocpp/{chargePointId}` on the API's
 * port, through the platform's WebSocket seam. Only registered chargers may connect, with HTTP
 * Basic auth when they have a password (security profile 1). Each socket is run by ocpp-rpc in
 * strict mode: every call and answer, both ways, is checked against OCPP 1.6's JSON schemas, so a
 * malformed call is answered with a CallError and the connection kept; a method we do not handle
 * is answered NotImplemented.
 */
@Injectable()
export class OcppGateway implements ProvidesUpgradeRoutes {
  private readonly clients = new WeakMap<WsConnection<ChargePoint>, RPCServerClient>();
  private readonly log: Logger;

  constructor(
    private readonly points: ChargePoints,
    /** This node's sockets: the frame log, presence across nodes, superseding (charger-connections.ts). */
    private readonly connections: ChargerConnections,
    private readonly transactions: OcppTransactions,
    private readonly idTags: IdTags,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'ocpp' });
  }

  upgradeRoutes(): UpgradeRoute<ChargePoint>[] {
    return [
      {
        path: '/ocpp/:chargePointId',
        subprotocols: [OCPP_PROTOCOL],
        authenticate: (req, params) => this.authenticate(req, params.chargePointId!),
        adopt: (ws, connection) => this.adopt(ws, connection),
        onClose: (connection) => this.closed(connection),
        // A whole site's chargers often share one address (a 4G router, a NAT): far more sockets
        // per address than a browser would open, and a site rebooting reconnects all at once.
        limits: { maxConnectionsPerIp: 5_000, handshakesPerIpPerMinute: 1_200 },
      },
    ];
  }

  private async authenticate(
    req: IncomingMessage,
    ocppId: string,
  ): Promise<ChargePoint | AppError> {
    const charger = await this.points.byOcppId(ocppId);
    if (!charger) return new AppError('not_found', 'charger_not_found', 'Unknown charge point');
    if (charger.passwordHash) {
      const password = basicPassword(req.headers.authorization, ocppId);
      if (!password || !(await verifyPassword(charger.passwordHash, password)))
        return AppError.unauthenticated(
          'invalid_charger_credentials',
          'Wrong or missing charge point password',
        );
    }
    return {
      chargerId: charger.id,
      companyId: charger.companyId,
      stationId: charger.stationId,
      ocppId,
      connectionId: newConnectionId(),
    };
  }

  private adopt(ws: WebSocket, connection: WsConnection<ChargePoint>): void {
    const point = connection.principal;
    const client = new RPCServerClient(
      {
        identity: point.ocppId,
        reconnect: false,
        protocols: [OCPP_PROTOCOL],
        strictMode: true,
        // The official schemas but for zone-less timestamps (ocpp-schemas.ts).
        strictModeValidators: [OCPP16_VALIDATOR],
        callTimeoutMs: 30_000,
        pingIntervalMs: 30_000,
        deferPingsOnActivity: true,
        respondWithDetailedErrors: false,
        callConcurrency: 1,
        // A charger that keeps sending what is not OCPP is cut off rather than answered forever.
        maxBadMessages: 20,
      } as Partial<ConstructorParameters<typeof RPCServerClient>[0]> as ConstructorParameters<
        typeof RPCServerClient
      >[0],
      { ws, session: point, handshake: {} as never },
    );
    this.clients.set(connection, client);
    this.connections.opened(point, client);

    this.handle(client, 'BootNotification', async (p: BootNotification) => {
      const now = await this.points.boot(point.chargerId, p);
      return { status: 'Accepted', currentTime: now.toISOString(), interval: HEARTBEAT_INTERVAL_S };
    });
    this.handle(client, 'Heartbeat', () =>
      Promise.resolve({ currentTime: this.points.heartbeat(point).toISOString() }),
    );
    this.handle(client, 'StatusNotification', async (p: StatusNotification) => {
      await this.points.status(point, p);
      return {};
    });
    this.handle(client, 'Authorize', async (p: { idTag: string }) => ({
      idTagInfo: { status: await this.idTags.status(point.chargerId, p.idTag) },
    }));
    this.handle(client, 'StartTransaction', async (p: StartTransaction) => {
      const { transactionId, status } = await this.transactions.start(point, p);
      return { transactionId, idTagInfo: { status } };
    });
    this.handle(client, 'MeterValues', async (p: MeterValues) => {
      await this.transactions.meter(point, p);
      return {};
    });
    // Acknowledged whatever happened: a duplicate or unknown stop changes nothing (see stop()).
    this.handle(client, 'StopTransaction', async (p: StopTransaction) => {
      await this.transactions.stop(point, p);
      return {};
    });
    this.handle(client, 'FirmwareStatusNotification', async (p: { status: string }) => {
      await this.points.progress(point.chargerId, 'firmware', p.status);
      return {};
    });
    this.handle(client, 'DiagnosticsStatusNotification', async (p: { status: string }) => {
      await this.points.progress(point.chargerId, 'diagnostics', p.status);
      return {};
    });
    // We define no vendor extensions: every vendor is unknown to us (OCPP 1.6 §4.3), and the
    // message stays in the OCPP log for its operator to read.
    this.handle(client, 'DataTransfer', () => Promise.resolve({ status: 'UnknownVendorId' }));
  }

  /**
   * One method's handler; whatever it throws reaches the charger as a CallError through the
   * AppError mapping, an unexpected error as a bare InternalError (its details only in our log).
   */
  private handle<P>(
    client: RPCServerClient,
    method: string,
    handler: (params: P) => Promise<Record<string, unknown>>,
  ): void {
    client.handle(method, async ({ params }) => {
      try {
        return await handler(params as P);
      } catch (err) {
        const error = toAppError(err);
        if (error.kind === 'internal')
          this.log.error({ err, method, ocppId: client.identity }, 'ocpp handler failed');
        throw toOcppError(error);
      }
    });
  }

  private closed(connection: WsConnection<ChargePoint>): void {
    const client = this.clients.get(connection);
    if (client) this.connections.closed(connection.principal, client);
  }
}
