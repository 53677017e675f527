import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type RPCServerClient from 'ocpp-rpc/lib/server-client';
import { WebSocket } from 'ws';
import { Logger } from '../platform/logging/logger';
import { PubSub } from '../platform/pubsub/pubsub';
import type { ChargePoint } from './charge-points';
import { ChargerPresence } from './charger-presence';
import { ChargingEvents } from './charging-events';
import { requestChannel, type NodeRequest } from './node-messages';
import type { HeartbeatSockets } from './heartbeat-writer';
import { OcppLog } from './ocpp-log';

/** A new id per socket: what presence records, so only that socket's close clears it. */
export const newConnectionId = (): string => randomUUID();

interface Held {
  client: RPCServerClient;
  point: ChargePoint;
}

/**
 * The OCPP sockets this node holds, one per charger, and what opening and closing one means:
 * every frame logged, presence claimed and released (charger-presence.ts), the charger's
 * online/offline event published, and a socket the charger replaced — here or on another node —
 * closed as superseded.
 */
@Injectable()
export class ChargerConnections implements OnApplicationShutdown, HeartbeatSockets {
  private readonly held = new Map<string, Held>();
  private readonly log: Logger;
  /** Presence writes in flight: the seam closes sockets before the app, these end before the pool. */
  private readonly writes = new Set<Promise<void>>();
  /** Each socket's claim: its release waits for it, or could run first and be undone by it. */
  private readonly claims = new WeakMap<RPCServerClient, Promise<void>>();

  constructor(
    private readonly presence: ChargerPresence,
    private readonly ocppLog: OcppLog,
    private readonly events: ChargingEvents,
    private readonly pubsub: PubSub,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'ocpp' });
  }

  /** The open socket of this charger on this node, if any. */
  clientFor(chargerId: string): RPCServerClient | undefined {
    const client = this.held.get(chargerId)?.client;
    return client && client.state === WebSocket.OPEN ? client : undefined;
  }

  /** Whether `point`'s socket is this charger's current one here, and open. */
  isOpen(point: ChargePoint): boolean {
    const here = this.held.get(point.chargerId);
    return here?.point.connectionId === point.connectionId && here.client.state === WebSocket.OPEN;
  }

  /** Every socket open here (to claim them all again: node-liveness.ts). */
  openPoints(): ChargePoint[] {
    const points: ChargePoint[] = [];
    for (const { client, point } of this.held.values())
      if (client.state === WebSocket.OPEN) points.push(point);
    return points;
  }

  /** Their presence was swept or released while their sockets lived; claimed again now. */
  reclaimed(points: ChargePoint[]): void {
    for (const point of points)
      void this.track(point, 'announcing', () =>
        this.events.publish({ type: 'charger.online', ...where(point) }),
      );
  }

  /** A heartbeat re-claimed presence for a socket whose close was written meanwhile: undone. */
  closedMeanwhile(points: ChargePoint[]): void {
    for (const point of points)
      void this.track(point, 'releasing', () =>
        this.presence.release(point.chargerId, point.connectionId).then(() => undefined),
      );
  }

  opened(point: ChargePoint, client: RPCServerClient): void {
    client.on('message', ({ message, outbound }: { message: string | Buffer; outbound: boolean }) =>
      this.ocppLog.record(point.chargerId, outbound ? 'OUT' : 'IN', message),
    );
    const previous = this.held.get(point.chargerId);
    this.held.set(point.chargerId, { client, point });
    if (previous)
      void previous.client.close({ code: 1000, reason: 'superseded by a new connection' });
    const claim = this.track(point, 'claiming', async () => {
      const before = await this.presence.claim(point.chargerId, point.connectionId);
      if (before && before.nodeId !== this.presence.nodeId) {
        const supersede: NodeRequest = {
          type: 'supersede',
          chargerId: point.chargerId,
          connectionId: point.connectionId,
        };
        await this.pubsub.publish(requestChannel(before.nodeId), supersede);
      }
      await this.events.publish({ type: 'charger.online', ...where(point) });
    });
    this.claims.set(client, claim);
  }

  closed(point: ChargePoint, client: RPCServerClient): void {
    // A superseded socket closing must not mark the charger that reconnected as offline.
    if (this.held.get(point.chargerId)?.client === client) this.held.delete(point.chargerId);
    const claimed = this.claims.get(client);
    void this.track(point, 'releasing', async () => {
      await claimed;
      if (await this.presence.release(point.chargerId, point.connectionId))
        await this.events.publish({ type: 'charger.offline', ...where(point) });
    });
  }

  /** The charger connected to another node as `connectionId`: a socket of it here is stale. */
  supersede(chargerId: string, connectionId: string): void {
    const here = this.held.get(chargerId);
    if (here && here.point.connectionId !== connectionId)
      void here.client.close({ code: 1000, reason: 'superseded by a connection on another node' });
  }

  /** Ends the charger's socket on this node, if any (it must connect and authenticate again). */
  async disconnect(chargerId: string, reason: string): Promise<void> {
    await this.held.get(chargerId)?.client.close({ code: 1008, reason });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** Once every presence write in flight has ended (the sockets' closes included). */
  async settled(): Promise<void> {
    while (this.writes.size) await Promise.all(this.writes);
  }

  private track(point: ChargePoint, what: string, work: () => Promise<void>): Promise<void> {
    const write = work().catch((err: unknown) => {
      this.log.error({ err, ocppId: point.ocppId }, `${what} the charger's presence failed`);
    });
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
    return write;
  }
}

const where = (p: ChargePoint) => ({
  chargerId: p.chargerId,
  stationId: p.stationId,
  companyId: p.companyId,
  ocppId: p.ocppId,
});
