import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { PreparedStatement } from '../platform/database/compose';
import { Database } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { Logger } from '../platform/logging/logger';
import { chargers, connectors, type ChargerRow } from './charging.schema';
import { ocppTime } from './ocpp-schemas';
import { toConnectorStatus, upperSnake } from './ocpp-words';

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

/** A heartbeat write that failed is tried again with the next ones, this many times at most. */
const HEARTBEAT_ATTEMPTS = 3;
/** Pause after a failed heartbeat write before the next one. */
const HEARTBEAT_RETRY_MS = 500;

/**
 * Many chargers' latest heartbeats in one statement. Never moves a time backwards (a boot written
 * meanwhile is newer); `online`: a charger heartbeating is connected somewhere.
 */
const WRITE_HEARTBEATS = new PreparedStatement(
  'ocpp_heartbeats',
  sql`UPDATE ${chargers} SET ${sql.identifier(chargers.lastHeartbeatAt.name)} =
      GREATEST(${chargers.lastHeartbeatAt}, beat.at), ${sql.identifier(chargers.online.name)} = true
    FROM unnest(${sql.placeholder('ids')}::text[], ${sql.placeholder('times')}::timestamptz[])
      AS beat(id, at)
    WHERE ${chargers.id} = beat.id`,
);

/**
 * What chargers tell the central system about themselves, written to the model: identity from
 * BootNotification, liveness from the connection and Heartbeat, connector states from
 * StatusNotification. Messages arrive already checked against OCPP 1.6's JSON schemas.
 *
 * Heartbeats are answered at once and written behind: the latest time of each charger is kept
 * (coalesced) and written with every other charger's that arrived while the previous write ran,
 * one UPDATE per batch, one in flight at a time. A charger marked online or offline takes its
 * buffered heartbeat into that write, after the batch in flight, so a heartbeat written late never
 * marks a disconnected charger online again. A clean shutdown writes what is buffered; a crash
 * loses at most the heartbeats of the last write (a time that the next heartbeat replaces).
 */
@Injectable()
export class ChargePoints implements OnApplicationShutdown {
  /** Heartbeat times not written yet: the latest of each charger, with its failed attempts. */
  private beats = new Map<string, { at: Date; attempts: number }>();
  /** The heartbeat write in flight, if any. */
  private writing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

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

  async setOnline(chargerId: string, online: boolean): Promise<void> {
    const beat = this.beats.get(chargerId);
    this.beats.delete(chargerId);
    // The write in flight may hold an earlier heartbeat of this charger: ours must come after it.
    await this.writing;
    await this.db
      .update(chargers)
      .set({
        online,
        updatedAt: this.clock.now(),
        ...(beat && {
          lastHeartbeatAt: sql`GREATEST(${chargers.lastHeartbeatAt}, ${beat.at.toISOString()}::timestamptz)`,
        }),
      })
      .where(eq(chargers.id, chargerId));
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

  /** The time to answer with; the heartbeat itself is written behind (see the class). */
  async heartbeat(chargerId: string): Promise<Date> {
    const now = this.clock.now();
    if (this.closed) {
      // After the shutdown flush nothing would write a buffered one.
      await this.writeHeartbeats(new Map([[chargerId, { at: now, attempts: 0 }]]));
      return now;
    }
    this.beats.set(chargerId, { at: now, attempts: 0 });
    this.flushHeartbeats();
    return now;
  }

  /** Starts a write of the buffered heartbeats unless one is running (it starts the next). */
  private flushHeartbeats(): void {
    if (this.writing || this.beats.size === 0) return;
    const batch = this.beats;
    this.beats = new Map();
    this.writing = this.writeHeartbeats(batch)
      .catch(async (err: unknown) => {
        let dropped = 0;
        for (const [id, beat] of batch) {
          if (this.beats.has(id)) continue; // a newer one is buffered
          if (beat.attempts + 1 >= HEARTBEAT_ATTEMPTS) dropped += 1;
          else this.beats.set(id, { at: beat.at, attempts: beat.attempts + 1 });
        }
        this.logger.error(
          { err, chargers: batch.size, dropped },
          dropped
            ? 'heartbeat write failed; dropped the oldest'
            : 'heartbeat write failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_RETRY_MS));
      })
      .finally(() => {
        this.writing = undefined;
        this.flushHeartbeats();
      });
  }

  private async writeHeartbeats(batch: Map<string, { at: Date }>): Promise<void> {
    const ids: string[] = [];
    const times: Date[] = [];
    for (const [id, beat] of batch) {
      ids.push(id);
      times.push(beat.at);
    }
    await WRITE_HEARTBEATS.run(this.database.pool, { ids, times });
  }

  /** Writes the buffered heartbeats before the pool closes (the seam closed the sockets already). */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    // Each write in flight starts the next while heartbeats are buffered (failures retried).
    while (this.writing) await this.writing;
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
