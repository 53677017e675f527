import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { ChargerPresence } from './charger-presence';
import { ChargingEvents } from './charging-events';
import { chargers, connectors, type ChargerRow } from './charging.schema';
import { ocppTime } from './ocpp-schemas';
import { toConnectorStatus, upperSnake } from './ocpp-words';
import { HeartbeatWriter } from './heartbeat-writer';
import { recordStatus } from './session-history';

/** Who is on the other end of an OCPP connection, once authenticated. */
export interface ChargePoint {
  chargerId: string;
  companyId: string;
  /** The station when it connected (for live events' filters). */
  stationId: string;
  ocppId: string;
  /** This socket's own id (charger-presence.ts). */
  connectionId: string;
}

export interface BootNotification {
  chargePointVendor: string;
  chargePointModel: string;
  chargePointSerialNumber?: string;
  chargeBoxSerialNumber?: string;
  firmwareVersion?: string;
}

export interface StatusNotification {
  connectorId: number;
  errorCode: string;
  status: string;
  info?: string;
  timestamp?: string;
  vendorErrorCode?: string;
}

/**
 * What chargers tell the central system about themselves, written to the model: identity from
 * BootNotification, liveness from the connection and Heartbeat, connector states from
 * StatusNotification. Messages arrive already checked against OCPP 1.6's JSON schemas.
 *
 * `last_heartbeat_at` is written behind, in batches, by a HeartbeatWriter: a clean shutdown writes
 * what is buffered; a crash loses at most the last write's times (the next heartbeat replaces them).
 */
@Injectable()
export class ChargePoints implements OnApplicationShutdown {
  private readonly heartbeats: HeartbeatWriter;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly presence: ChargerPresence,
    private readonly events: ChargingEvents,
    logger: Logger,
  ) {
    this.heartbeats = new HeartbeatWriter(database.pool, logger.child({ component: 'ocpp' }));
  }

  private get db() {
    return this.database.db;
  }

  /** The live charger with this OCPP identity, if any. */
  async byOcppId(ocppId: string): Promise<ChargerRow | undefined> {
    const [row] = await this.db
      .select()
      .from(chargers)
      .where(and(eq(chargers.ocppId, ocppId), isNull(chargers.deletedAt)));
    return row;
  }

  async boot(chargerId: string, boot: BootNotification): Promise<Date> {
    const now = this.clock.now();
    await this.db
      .update(chargers)
      .set({
        vendor: boot.chargePointVendor,
        model: boot.chargePointModel,
        // 1.6 has two serials; the charge point's names the unit, the charge box's is older usage.
        serialNumber: boot.chargePointSerialNumber ?? boot.chargeBoxSerialNumber ?? null,
        firmwareVersion: boot.firmwareVersion ?? null,
        lastBootAt: now,
        lastHeartbeatAt: now,
        online: true,
        updatedAt: now,
      })
      .where(eq(chargers.id, chargerId));
    return now;
  }

  /**
   * A FirmwareStatusNotification or DiagnosticsStatusNotification: the progress of an
   * UpdateFirmware or GetDiagnostics an operator sent, kept as the charger's latest word (the OCPP
   * log holds the history). The words go UPPER_SNAKE as our stored values do (`INSTALL_FAILED`).
   */
  async progress(chargerId: string, of: 'firmware' | 'diagnostics', status: string): Promise<void> {
    const now = this.clock.now();
    const word = upperSnake(status);
    await this.db
      .update(chargers)
      .set(
        of === 'firmware'
          ? { firmwareStatus: word, firmwareStatusAt: now }
          : { diagnosticsStatus: word, diagnosticsStatusAt: now },
      )
      .where(eq(chargers.id, chargerId));
  }

  /**
   * The time to answer with; `last_heartbeat_at` is written behind (HeartbeatWriter). Also claims
   * presence again if it was released while the socket lived (see reassert).
   */
  async heartbeat(point: ChargePoint): Promise<Date> {
    const now = this.clock.now();
    this.heartbeats.heartbeat(point.chargerId, now);
    await this.presence.reassert(point.chargerId, point.connectionId);
    return now;
  }

  /** Writes buffered heartbeats before the pool closes (the seam closed the sockets already). */
  async onApplicationShutdown(): Promise<void> {
    await this.heartbeats.close();
  }

  /**
   * Connector 0 is the charger itself. A connector nobody described yet is created (type and
   * power unknown). A notification older than the state already stored (chargers resend queued
   * ones after a reconnect) does not overwrite it. A state stored is published live.
   */
  async status(point: ChargePoint, n: StatusNotification): Promise<void> {
    const now = this.clock.now();
    const status = toConnectorStatus(n.status);
    const errorCode = upperSnake(n.errorCode);
    const at = n.timestamp ? ocppTime(n.timestamp) : now;
    const where = {
      chargerId: point.chargerId,
      stationId: point.stationId,
      companyId: point.companyId,
    };
    if (n.connectorId === 0) {
      await this.db
        .update(chargers)
        .set({ status, errorCode, updatedAt: now })
        .where(eq(chargers.id, point.chargerId));
      await this.events.publish({ type: 'charger.status', ...where, status, errorCode });
      return;
    }
    const state = {
      status,
      errorCode,
      info: n.info ?? null,
      vendorErrorCode: n.vendorErrorCode ?? null,
      statusAt: at,
      updatedAt: now,
    };
    const stored = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(connectors)
        .values({
          id: newId('connector', now.getTime()),
          chargerId: point.chargerId,
          companyId: point.companyId,
          connectorId: n.connectorId,
          ...state,
          createdAt: now,
        })
        .onConflictDoUpdate({
          target: [connectors.chargerId, connectors.connectorId],
          targetWhere: isNull(connectors.deletedAt),
          set: state,
          setWhere: or(isNull(connectors.statusAt), sql`${connectors.statusAt} <= ${at}`),
        })
        .returning({ id: connectors.id });
      // An older notification leaves the connector's state alone but is still history.
      const [live] = row
        ? [row]
        : await tx
            .select({ id: connectors.id })
            .from(connectors)
            .where(
              and(
                eq(connectors.chargerId, point.chargerId),
                eq(connectors.connectorId, n.connectorId),
                isNull(connectors.deletedAt),
              ),
            );
      // The idle time of the session on this connector, in the commit that stores the status.
      if (live) await recordStatus(tx, live.id, status, at);
      return row;
    });
    if (stored)
      await this.events.publish({
        type: 'connector.status',
        ...where,
        connectorId: stored.id,
        connectorNumber: n.connectorId,
        status,
        errorCode,
        info: n.info ?? null,
        at: at.toISOString(),
      });
  }
}
