import { Injectable } from '@nestjs/common';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { Database } from '../platform/database/database';
import type { ChargePoint } from './charge-points';
import { ocppTransactions, type OcppTransactionRow } from './charging.schema';
import { IdTags, type IdTagStatus } from './id-tags';
import { energyRegisterWh, type SampledValue } from './meter-readings';
import { ocppTime } from './ocpp-schemas';
import { upperSnake } from './ocpp-words';
import { recordReading } from './session-history';
import { SessionLinks } from './session-links';

export interface StartTransaction {
  connectorId: number;
  idTag: string;
  meterStart: number;
  timestamp: string;
  reservationId?: number;
}

export interface MeterValues {
  connectorId: number;
  transactionId?: number;
  meterValue: { timestamp: string; sampledValue: SampledValue[] }[];
}

export interface StopTransaction {
  transactionId: number;
  meterStop: number;
  timestamp: string;
  idTag?: string;
  reason?: string;
  transactionData?: { timestamp: string; sampledValue: SampledValue[] }[];
}

/**
 * OCPP transactions as chargers report them, with what chargers normally do handled as normal:
 * a StartTransaction resent gets the same transactionId; MeterValues only ever move the reading
 * forward and are ignored once stopped; a StopTransaction for an unknown or already stopped
 * transaction is acknowledged and changes nothing, so nothing downstream is billed twice.
 */
@Injectable()
export class OcppTransactions {
  constructor(
    private readonly database: Database,
    private readonly idTags: IdTags,
    private readonly sessions: SessionLinks,
  ) {}

  private get db() {
    return this.database.db;
  }

  async start(
    point: ChargePoint,
    s: StartTransaction,
  ): Promise<{ transactionId: number; status: IdTagStatus }> {
    const checked = await this.idTags.status(point.chargerId, s.idTag);
    const startedAt = ocppTime(s.timestamp);
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(ocppTransactions)
        .values({
          chargerId: point.chargerId,
          companyId: point.companyId,
          connectorId: s.connectorId,
          idTag: s.idTag,
          idTagStatus: upperSnake(checked),
          meterStartWh: BigInt(s.meterStart),
          startedAt,
        })
        // The resent start: same charger, connector, time and idTag → the first row's id.
        .onConflictDoUpdate({
          target: [
            ocppTransactions.chargerId,
            ocppTransactions.connectorId,
            ocppTransactions.startedAt,
            ocppTransactions.idTag,
          ],
          set: { idTag: sql`excluded.id_tag` },
        })
        .returning();
      // A driver's session takes its transaction here, or refuses it (it gave up waiting).
      const status =
        checked === 'Accepted' ? ((await this.sessions.started(tx, row!)) ?? checked) : checked;
      return { transactionId: row!.id, status };
    });
  }

  /** The latest energy reading of an active transaction of this charger (a later one only). */
  async meter(point: ChargePoint, m: MeterValues): Promise<void> {
    if (m.transactionId === undefined) return; // a clock-aligned reading outside a transaction
    for (const value of m.meterValue) await this.reading(point, m.transactionId, value);
    await this.sessions.metered(point.chargerId, m.transactionId);
  }

  async stop(point: ChargePoint, s: StopTransaction): Promise<OcppTransactionRow | undefined> {
    for (const value of s.transactionData ?? []) await this.reading(point, s.transactionId, value);
    const meterStop = BigInt(s.meterStop);
    // A meter that went backwards (replaced or reset mid-session) cannot say what was delivered:
    // the last reading above the start still can, else nothing is billed.
    const stop = sql`${meterStop.toString()}::bigint`;
    const energy = sql`CASE
      WHEN ${stop} >= ${ocppTransactions.meterStartWh} THEN ${stop} - ${ocppTransactions.meterStartWh}
      ELSE GREATEST(COALESCE(${ocppTransactions.lastMeterWh}, 0) - ${ocppTransactions.meterStartWh}, 0)
    END`;
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(ocppTransactions)
        .set({
          status: 'STOPPED',
          meterStopWh: meterStop,
          stoppedAt: ocppTime(s.timestamp),
          stopReason: s.reason ? upperSnake(s.reason) : null,
          energyWh: energy,
        })
        .where(
          and(
            eq(ocppTransactions.id, s.transactionId),
            eq(ocppTransactions.chargerId, point.chargerId),
            eq(ocppTransactions.status, 'ACTIVE'),
          ),
        )
        .returning();
      // The driver's session completes with the stop, and its capture is queued in this commit.
      if (row) await this.sessions.stopped(tx, row);
      return row;
    });
  }

  private async reading(
    point: ChargePoint,
    transactionId: number,
    value: { timestamp: string; sampledValue: SampledValue[] },
  ): Promise<void> {
    const wh = energyRegisterWh(value.sampledValue);
    if (wh === undefined) return;
    const at = ocppTime(value.timestamp);
    // Every reading is kept (the energy between two of them is split across tariff periods); the
    // latest also goes on the transaction, for the live energy.
    await recordReading(this.db, point.chargerId, transactionId, at, wh);
    await this.db
      .update(ocppTransactions)
      .set({ lastMeterWh: wh, lastMeterAt: at })
      .where(
        and(
          eq(ocppTransactions.id, transactionId),
          eq(ocppTransactions.chargerId, point.chargerId),
          eq(ocppTransactions.status, 'ACTIVE'),
          or(isNull(ocppTransactions.lastMeterAt), lte(ocppTransactions.lastMeterAt, at)),
        ),
      );
  }
}
