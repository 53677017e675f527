import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { chargers, connectors, type ChargerRow } from './charging.schema';
import { ocppTime } from './ocpp-schemas';
import { toConnectorStatus, upperSnake } from './ocpp-words';
import { PresenceWriter } from './presence-writer';

/** Who is on the other end of an OCPP connection, once authenticated. */
export interface ChargePoint {
  chargerId: string;
  companyId: string;
  ocppId: string;
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
 * Liveness (online marks and heartbeats) is written behind, in batches, by a PresenceWriter: a
 * heartbeat is answered at once; a clean shutdown writes what is buffered; a crash loses at most
 * the last write's heartbeat times (which the next heartbeat replaces) and marks (which the
 * reconnect rewrites).
 */
@Injectable()
export class ChargePoints implements OnApplicationShutdown {
  private readonly presence: PresenceWriter;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    this.presence = new PresenceWriter(database.pool, logger.child({ component: 'ocpp' }));
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

  /** Settles once written, in order with the charger's heartbeats (PresenceWriter). */
  setOnline(chargerId: string, online: boolean): Promise<void> {
    return this.presence.mark(chargerId, online, this.clock.now());
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

  /** The time to answer with; the heartbeat itself is written behind (PresenceWriter). */
  heartbeat(chargerId: string): Promise<Date> {
    const now = this.clock.now();
    this.presence.heartbeat(chargerId, now);
    return Promise.resolve(now);
  }

  /** Writes buffered liveness before the pool closes (the seam closed the sockets already). */
  async onApplicationShutdown(): Promise<void> {
    await this.presence.close();
  }

  /**
   * Connector 0 is the charger itself. A connector nobody described yet is created (type and
   * power unknown). A notification older than the state already stored (chargers resend queued
   * ones after a reconnect) does not overwrite it.
   */
  async status(point: ChargePoint, n: StatusNotification): Promise<void> {
    const now = this.clock.now();
    const status = toConnectorStatus(n.status);
    const errorCode = upperSnake(n.errorCode);
    const at = n.timestamp ? ocppTime(n.timestamp) : now;
    if (n.connectorId === 0) {
      await this.db
        .update(chargers)
        .set({ status, errorCode, updatedAt: now })
        .where(eq(chargers.id, point.chargerId));
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
    await this.db
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
      });
  }
}
