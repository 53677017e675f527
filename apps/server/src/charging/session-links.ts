import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { Database, type Tx } from '../platform/database/database';
import { JobQueue } from '../platform/jobs/jobs';
import {
  chargingSessions,
  ocppTransactions,
  reservations,
  type ChargingSessionRow,
  type OcppTransactionRow,
} from './charging.schema';
import { IdTags, type IdTagStatus } from './id-tags';
import { historyOf } from './session-history';
import { energyOf, priceOf, projectedCost, type SessionHistory } from './session-pricing';
import { CAPTURE_QUEUE, HOLD_GUARD_QUEUE } from './session-queues';

/**
 * What the charger's OCPP messages do to a driver's session. OCPP 1.6 links a transaction to its
 * session only by the one-off idTag of the remote start, so:
 * - the idTag check (registered with IdTags) accepts exactly a session's own tag, on its charger,
 *   while the session waits for its start or charges;
 * - StartTransaction ties the transaction to the waiting session (a guarded STARTING → CHARGING, so
 *   a start racing the start timeout is either tied or refused, never both); a resent start is the
 *   same transaction; a start for a session that gave up is refused (`Invalid`), so the charger
 *   ends it;
 * - MeterValues may bring the cost near the hold: the hold guard job is queued;
 * - StopTransaction completes the session in the transaction that records the stop, and queues the
 *   capture in it — the capture is a provider call, never made here, and exists exactly when the
 *   stop is committed, so a crash between the two still captures once.
 */
@Injectable()
export class SessionLinks implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly jobs: JobQueue,
    private readonly idTags: IdTags,
  ) {}

  onModuleInit(): void {
    this.idTags.register((chargerId, idTag) => this.tagStatus(chargerId, idTag));
  }

  private async tagStatus(chargerId: string, idTag: string): Promise<IdTagStatus | undefined> {
    const [s] = await this.database.db
      .select({ chargerId: chargingSessions.chargerId, status: chargingSessions.status })
      .from(chargingSessions)
      .where(eq(chargingSessions.idTag, idTag));
    if (!s) return undefined; // not one of ours: another check may know it
    const live = s.status === 'STARTING' || s.status === 'CHARGING' || s.status === 'STOPPING';
    return live && s.chargerId === chargerId ? 'Accepted' : 'Invalid';
  }

  /**
   * Ties a StartTransaction to its session. Returns the status to answer instead of the idTag
   * check's when the session can no longer take it (timed out, failed, another connector).
   */
  async started(tx: Tx, t: OcppTransactionRow): Promise<IdTagStatus | undefined> {
    const [tied] = await tx
      .update(chargingSessions)
      .set({
        status: 'CHARGING',
        ocppTransactionId: t.id,
        startedAt: t.startedAt,
        updatedAt: this.clock.now(),
      })
      .where(
        and(
          eq(chargingSessions.idTag, t.idTag),
          eq(chargingSessions.chargerId, t.chargerId),
          eq(chargingSessions.connectorNumber, t.connectorId),
          eq(chargingSessions.status, 'STARTING'),
        ),
      )
      .returning({ id: chargingSessions.id });
    if (tied) {
      // A reservation the session started on is used up (its idTag is the session's).
      await tx
        .update(reservations)
        .set({ status: 'USED', updatedAt: this.clock.now() })
        .where(and(eq(reservations.idTag, t.idTag), eq(reservations.status, 'ACTIVE')));
      return undefined;
    }
    const [s] = await tx.select().from(chargingSessions).where(eq(chargingSessions.idTag, t.idTag));
    if (!s) return undefined;
    if (s.ocppTransactionId === t.id) return undefined; // the same start, resent
    await tx
      .update(ocppTransactions)
      .set({ idTagStatus: 'INVALID' })
      .where(eq(ocppTransactions.id, t.id));
    return 'Invalid';
  }

  /** After a meter reading: queue the hold guard if the cost is nearing what is authorised. */
  async metered(chargerId: string, transactionId: number): Promise<void> {
    const now = this.clock.now();
    const [row] = await this.database.db
      .select({ session: chargingSessions, tx: ocppTransactions })
      .from(chargingSessions)
      .innerJoin(ocppTransactions, eq(ocppTransactions.id, chargingSessions.ocppTransactionId))
      .where(
        and(
          eq(chargingSessions.ocppTransactionId, transactionId),
          eq(chargingSessions.chargerId, chargerId),
          eq(chargingSessions.status, 'CHARGING'),
        ),
      );
    if (!row) return;
    const history = await historyOf(this.database.db, row.session, row.tx);
    if (!this.nearHold(row.session, energyOf(row.tx), now, history)) return;
    await this.jobs.send(
      HOLD_GUARD_QUEUE,
      { sessionId: row.session.id },
      { singletonKey: row.session.id },
    );
  }

  /** The injected clock's now (the guard and the watch judge by the same time). */
  now(): Date {
    return this.clock.now();
  }

  /** True when the cost a little ahead (CHARGING_HOLD_HEADROOM_SECONDS) reaches the authorisation. */
  nearHold(
    session: ChargingSessionRow,
    energyWh: bigint,
    now: Date,
    history: SessionHistory,
  ): boolean {
    if (session.authorizedAmount === null) return false;
    const ahead = projectedCost(
      session,
      energyWh,
      now,
      this.config.charging.holdHeadroomSeconds,
      history,
    );
    return ahead >= session.authorizedAmount;
  }

  /** Completes the session of a stopped transaction and queues its capture, in the stop's transaction. */
  async stopped(tx: Tx, t: OcppTransactionRow): Promise<void> {
    const [s] = await tx
      .select()
      .from(chargingSessions)
      .where(
        and(
          eq(chargingSessions.ocppTransactionId, t.id),
          inArray(chargingSessions.status, ['CHARGING', 'STOPPING']),
        ),
      )
      .for('update');
    if (!s) return;
    const energyWh = t.energyWh ?? 0n;
    const endedAt = t.stoppedAt ?? t.startedAt;
    const history = await historyOf(tx, s, t);
    const price = priceOf({ ...s, endedAt }, energyWh, endedAt, endedAt, history);
    await tx
      .update(chargingSessions)
      .set({
        status: 'COMPLETED',
        energyWh,
        cost: price.total.minor,
        endedAt,
        captureStatus: 'PENDING',
        updatedAt: this.clock.now(),
      })
      .where(eq(chargingSessions.id, s.id));
    await this.jobs.send(CAPTURE_QUEUE, { sessionId: s.id }, { tx, singletonKey: s.id });
  }
}
