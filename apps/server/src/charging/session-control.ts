import { Injectable } from '@nestjs/common';
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { PaymentRow } from '../payments';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { JobQueue } from '../platform/jobs/jobs';
import { chargingSessions, type ChargingSessionRow, type SessionStatus } from './charging.schema';
import { ChargerCalls } from './charger-calls';
import { SessionNews } from './session-news';
import { CAPTURE_QUEUE, START_TIMEOUT_QUEUE } from './session-queues';

/** Why Tender asked a charger to stop a session. */
export type StopCause = 'DRIVER' | 'HOLD_LIMIT' | 'HOLD_EXPIRY';

/**
 * The steps of a session that talk to its charger, each a guarded status change committed before
 * or after the call (never a charger or provider call inside a transaction):
 * - launch: AUTHORIZING → STARTING with the hold, the start timeout queued in that commit, then
 *   RemoteStartTransaction; a refusal abandons the start;
 * - abandon: STARTING → FAILED | START_TIMED_OUT and the hold's release queued in that commit (the
 *   capture job releases a hold whose session has nothing to bill);
 * - stop: CHARGING → STOPPING, then RemoteStopTransaction; a refusal puts it back to CHARGING.
 * Concurrent callers race on the guards, so of two stops exactly one reaches the charger.
 */
@Injectable()
export class SessionControl {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly chargers: ChargerCalls,
    private readonly jobs: JobQueue,
    private readonly news: SessionNews,
  ) {}

  async find(id: string): Promise<ChargingSessionRow> {
    const [s] = await this.database.db
      .select()
      .from(chargingSessions)
      .where(eq(chargingSessions.id, id));
    if (!s) throw AppError.notFound('session', id);
    return s;
  }

  /** The hold is placed: wait for the charger's start (timeout queued), then ask it to start. */
  launch(
    s: ChargingSessionRow,
    payment: PaymentRow,
    startTimeoutSeconds: number,
  ): Promise<ChargingSessionRow> {
    return this.launchWith(
      s,
      {
        paymentId: payment.id,
        authorizedAmount: payment.amountCapturable > 0n ? payment.amountCapturable : payment.amount,
        captureBefore: payment.captureBefore,
      },
      startTimeoutSeconds,
    );
  }

  /**
   * The same with what the session may cost: a hold's, or — a session paid by link afterwards,
   * with no hold — the tariff's hold amount as a cap the hold guard stops it at.
   */
  async launchWith(
    s: ChargingSessionRow,
    limit: { paymentId: string | null; authorizedAmount: bigint; captureBefore: Date | null },
    startTimeoutSeconds: number,
  ): Promise<ChargingSessionRow> {
    const now = this.clock.now();
    const launched = await this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .update(chargingSessions)
        .set({
          status: 'STARTING',
          paymentId: limit.paymentId,
          authorizedAmount: limit.authorizedAmount,
          captureBefore: limit.captureBefore,
          updatedAt: now,
        })
        .where(and(eq(chargingSessions.id, s.id), eq(chargingSessions.status, 'AUTHORIZING')))
        .returning();
      if (row)
        await this.jobs.send(
          START_TIMEOUT_QUEUE,
          { sessionId: s.id },
          { tx, startAfter: startTimeoutSeconds },
        );
      return row;
    });
    if (!launched) return this.find(s.id); // a replay that got here first
    await this.news.changed(s.id);
    try {
      const ok = await this.chargers.accepted(s.chargerId, 'RemoteStartTransaction', {
        connectorId: s.connectorNumber,
        idTag: s.idTag,
      });
      if (ok) return this.find(s.id);
      await this.abandon(s.id, 'FAILED', 'remote_start_rejected', 'The charger refused to start');
      throw new AppError('conflict', 'remote_start_rejected', 'The charger refused to start');
    } catch (err) {
      if (err instanceof AppError && err.code !== 'remote_start_rejected')
        await this.abandon(s.id, 'FAILED', err.code, err.message);
      throw err;
    }
  }

  /**
   * Gives up a start that never became a transaction; the hold's release is queued with it. False
   * when the session had moved on (its StartTransaction came first).
   */
  async abandon(
    id: string,
    status: Extract<SessionStatus, 'FAILED' | 'START_TIMED_OUT'>,
    code: string,
    message: string,
  ): Promise<boolean> {
    const now = this.clock.now();
    const done = await this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .update(chargingSessions)
        .set({
          status,
          failureCode: code,
          failureMessage: message,
          captureStatus: 'PENDING',
          endedAt: now,
          updatedAt: now,
        })
        .where(and(eq(chargingSessions.id, id), eq(chargingSessions.status, 'STARTING')))
        .returning({ id: chargingSessions.id });
      if (row) await this.jobs.send(CAPTURE_QUEUE, { sessionId: id }, { tx, singletonKey: id });
      return row !== undefined;
    });
    if (done) await this.news.changed(id);
    return done;
  }

  /** Asks the charger to stop a charging session; a session already stopping or ended is as is. */
  async stop(s: ChargingSessionRow, cause: StopCause): Promise<ChargingSessionRow> {
    if (s.status === 'STARTING' || s.status === 'AUTHORIZING')
      throw new AppError('conflict', 'session_not_started', 'The charger has not started yet');
    const now = this.clock.now();
    const [stopping] = await this.database.db
      .update(chargingSessions)
      .set({ status: 'STOPPING', stopCause: cause, stopRequestedAt: now, updatedAt: now })
      .where(and(eq(chargingSessions.id, s.id), eq(chargingSessions.status, 'CHARGING')))
      .returning();
    if (!stopping) return this.find(s.id); // stopping or ended already: one stop reaches the charger
    await this.news.changed(s.id);
    try {
      const ok = await this.chargers.accepted(s.chargerId, 'RemoteStopTransaction', {
        transactionId: stopping.ocppTransactionId,
      });
      if (!ok)
        throw new AppError('conflict', 'remote_stop_rejected', 'The charger refused to stop');
    } catch (err) {
      await this.database.db
        .update(chargingSessions)
        .set({ status: 'CHARGING', stopCause: null, stopRequestedAt: null, updatedAt: now })
        .where(and(eq(chargingSessions.id, s.id), eq(chargingSessions.status, 'STOPPING')));
      await this.news.changed(s.id);
      throw err;
    }
    return this.find(s.id);
  }

  /**
   * A start whose request died while placing the hold (a crash): FAILED, and whatever hold it got
   * released by the settlement job, which finds the payment by its payable.
   */
  async abandonAuthorizing(id: string): Promise<boolean> {
    const now = this.clock.now();
    const done = await this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .update(chargingSessions)
        .set({
          status: 'FAILED',
          failureCode: 'start_interrupted',
          failureMessage: 'The start was interrupted before the charger was asked',
          captureStatus: 'PENDING',
          endedAt: now,
          updatedAt: now,
        })
        .where(and(eq(chargingSessions.id, id), eq(chargingSessions.status, 'AUTHORIZING')))
        .returning({ id: chargingSessions.id });
      if (row) await this.jobs.send(CAPTURE_QUEUE, { sessionId: id }, { tx, singletonKey: id });
      return row !== undefined;
    });
    if (done) await this.news.changed(id);
    return done;
  }

  /** Ended sessions whose hold is still to settle, untouched since `before`. */
  pendingSettlements(before: Date, limit: number): Promise<ChargingSessionRow[]> {
    return this.database.db
      .select()
      .from(chargingSessions)
      .where(
        and(eq(chargingSessions.captureStatus, 'PENDING'), lt(chargingSessions.updatedAt, before)),
      )
      .orderBy(chargingSessions.updatedAt)
      .limit(limit);
  }

  /** Sessions with these statuses (the watch's sweeps). */
  inStatus(statuses: SessionStatus[], limit: number): Promise<ChargingSessionRow[]> {
    return this.database.db
      .select()
      .from(chargingSessions)
      .where(inArray(chargingSessions.status, statuses))
      .orderBy(chargingSessions.updatedAt)
      .limit(limit);
  }
}
