import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { Logger } from '../platform/logging/logger';
import {
  chargers,
  chargingSessions,
  ocppTransactions,
  type ChargingSessionRow,
  type OcppTransactionRow,
} from './charging.schema';
import { ChargingEvents, type NewChargingEvent } from './charging-events';
import { historyOf } from './session-history';
import type { SessionHistory } from './session-pricing';
import { toSessionView } from './sessions.view';

export type SessionUpdated = Extract<NewChargingEvent, { type: 'session.updated' }>;

/** What a session's page shows, as the event `session.updated` carries it (the view's numbers). */
export function sessionUpdated(
  s: ChargingSessionRow,
  tx: OcppTransactionRow | null,
  stationId: string,
  now: Date,
  history: SessionHistory,
): SessionUpdated {
  const v = toSessionView(s, tx, now, history);
  return {
    type: 'session.updated',
    sessionId: v.id,
    companyId: v.companyId,
    userId: v.driverId,
    chargerId: v.chargerId,
    stationId,
    connectorId: v.connectorId,
    status: v.status,
    energyWh: v.energyWh,
    cost: v.cost,
    currency: v.currency,
    authorizedAmount: v.authorizedAmount,
    capturedAmount: v.capturedAmount,
    captureStatus: v.captureStatus,
    stopCause: v.stopCause,
    failureMessage: v.failureMessage,
    startedAt: v.startedAt,
    endedAt: v.endedAt,
  };
}

/**
 * Tells every node's pages that a session changed: one read of the session as committed, one
 * `session.updated` event. Called after the commit that made the change, never inside its
 * transaction — a rolled-back change must not reach a page, and a page that reads on hearing the
 * event must find it. Never throws: a lost event leaves a page a little behind (it reads the
 * session afresh when its stream reconnects), never a failed charger message or request.
 */
@Injectable()
export class SessionNews {
  private readonly log: Logger;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly events: ChargingEvents,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'session-news' });
  }

  /** The session `id` changed. */
  changed(id: string): Promise<void> {
    return this.announce(eq(chargingSessions.id, id));
  }

  /** The session of this charger's OCPP transaction changed (its start, readings or stop). */
  ofTransaction(chargerId: string, transactionId: number): Promise<void> {
    return this.announce(
      and(
        eq(chargingSessions.ocppTransactionId, transactionId),
        eq(chargingSessions.chargerId, chargerId),
      ),
    );
  }

  /** When the caller has just read the rows (a meter reading's check): no second read. */
  async publish(
    s: ChargingSessionRow,
    tx: OcppTransactionRow | null,
    stationId: string,
    history: SessionHistory,
  ): Promise<void> {
    await this.events.publish(sessionUpdated(s, tx, stationId, this.clock.now(), history));
  }

  /** The session as its event says it now (a stream's first event), if it exists. */
  async current(id: string): Promise<SessionUpdated | undefined> {
    const [row] = await this.read(eq(chargingSessions.id, id));
    if (!row) return undefined;
    const history = await historyOf(this.database.db, row.session, row.tx);
    return sessionUpdated(row.session, row.tx, row.stationId, this.clock.now(), history);
  }

  private read(where: ReturnType<typeof and>) {
    return this.database.db
      .select({ session: chargingSessions, tx: ocppTransactions, stationId: chargers.stationId })
      .from(chargingSessions)
      .innerJoin(chargers, eq(chargers.id, chargingSessions.chargerId))
      .leftJoin(ocppTransactions, eq(ocppTransactions.id, chargingSessions.ocppTransactionId))
      .where(where);
  }

  private async announce(where: ReturnType<typeof and>): Promise<void> {
    try {
      const [row] = await this.read(where);
      if (!row) return;
      const history = await historyOf(this.database.db, row.session, row.tx);
      await this.publish(row.session, row.tx, row.stationId, history);
    } catch (err) {
      this.log.warn({ err }, 'announcing a session change failed');
    }
  }
}

/**
 * A session nothing will change any more as its page sees it: ended, and its hold settled (a
 * capture that failed is retried, so its stream stays open for the outcome).
 */
export function sessionSettled(e: Pick<SessionUpdated, 'status' | 'captureStatus'>): boolean {
  const ended = e.status === 'COMPLETED' || e.status === 'FAILED' || e.status === 'START_TIMED_OUT';
  return ended && ['NONE', 'CAPTURED', 'RELEASED'].includes(e.captureStatus);
}
