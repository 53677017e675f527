import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/database/database';
import {
  chargingSessions,
  LIVE_SESSION_STATUSES,
  ocppTransactions,
  type ChargingSessionRow,
  type ConnectorStatus,
  type OcppTransactionRow,
} from './charging.schema';
import { chargingSessionStatuses, ocppMeterReadings } from './session-history.schema';
import { NO_HISTORY, type SessionHistory } from './session-pricing';

/**
 * The history a session's price reads (session-history.schema.ts): written as the charger reports
 * it, read back for the live cost, the hold guard, the bill and the receipt.
 */

/**
 * A StatusNotification of a connector: recorded for the session live on it (if any), in the
 * caller's transaction, which is the one that stores the connector's status. Recorded even when
 * older than the status stored (a queued notification resent after a reconnect): the history is
 * ordered by the charger's time, not by arrival. A resend of the same one changes nothing.
 * FOR SHARE on the session: a stop being committed (it holds the row FOR UPDATE) is waited for and
 * then seen as COMPLETED, so nothing is added to a history after its bill was computed from it.
 */
export async function recordStatus(
  tx: DbOrTx,
  connectorId: string,
  status: ConnectorStatus,
  at: Date,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO ${chargingSessionStatuses} (session_id, at, status)
    SELECT ${chargingSessions.id}, ${at.toISOString()}::timestamptz, ${status}::connector_status
    FROM ${chargingSessions}
    WHERE ${and(
      eq(chargingSessions.connectorId, connectorId),
      inArray(chargingSessions.status, [...LIVE_SESSION_STATUSES]),
    )}
    FOR SHARE
    ON CONFLICT DO NOTHING`);
}

/**
 * An energy reading of an active transaction of this charger (any instant, even one older than
 * the latest: it still says when the energy flowed). Once stopped, nothing is recorded, so a late
 * MeterValues never changes a bill (FOR SHARE: a stop in flight is waited for, as for statuses).
 */
export async function recordReading(
  tx: DbOrTx,
  chargerId: string,
  transactionId: number,
  at: Date,
  wh: bigint,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO ${ocppMeterReadings} (transaction_id, at, wh)
    SELECT ${ocppTransactions.id}, ${at.toISOString()}::timestamptz, ${wh.toString()}::bigint
    FROM ${ocppTransactions}
    WHERE ${and(
      eq(ocppTransactions.id, transactionId),
      eq(ocppTransactions.chargerId, chargerId),
      eq(ocppTransactions.status, 'ACTIVE'),
    )}
    FOR SHARE
    ON CONFLICT DO NOTHING`);
}

type Priced = Pick<ChargingSessionRow, 'id'>;
type Metered = Pick<OcppTransactionRow, 'id' | 'meterStartWh'>;

/** The history of one session (its transaction's readings, its connector's statuses). */
export async function historyOf(
  db: DbOrTx,
  session: Priced,
  tx: Metered | null | undefined,
): Promise<SessionHistory> {
  const all = await historiesOf(db, [{ session, tx: tx ?? null }]);
  return all.get(session.id) ?? NO_HISTORY;
}

/** The history of a session whose transaction was not loaded with it. */
export async function sessionHistory(
  db: DbOrTx,
  session: Pick<ChargingSessionRow, 'id' | 'ocppTransactionId'>,
): Promise<SessionHistory> {
  const [tx] =
    session.ocppTransactionId === null
      ? []
      : await db
          .select({ id: ocppTransactions.id, meterStartWh: ocppTransactions.meterStartWh })
          .from(ocppTransactions)
          .where(eq(ocppTransactions.id, session.ocppTransactionId));
  return historyOf(db, session, tx);
}

/** The histories of many sessions in two queries (a page of sessions with live costs). */
export async function historiesOf(
  db: DbOrTx,
  rows: readonly { session: Priced; tx: Metered | null }[],
): Promise<Map<string, SessionHistory>> {
  const out = new Map<string, SessionHistory>();
  if (rows.length === 0) return out;
  const sessionIds = rows.map((r) => r.session.id);
  const txIds = rows.flatMap((r) => (r.tx ? [r.tx.id] : []));
  // One after the other: `db` may be a transaction, one connection.
  const statuses = await db
    .select({
      sessionId: chargingSessionStatuses.sessionId,
      at: chargingSessionStatuses.at,
      status: chargingSessionStatuses.status,
    })
    .from(chargingSessionStatuses)
    .where(inArray(chargingSessionStatuses.sessionId, sessionIds))
    .orderBy(asc(chargingSessionStatuses.at), asc(chargingSessionStatuses.seq));
  const readings =
    txIds.length === 0
      ? []
      : await db
          .select()
          .from(ocppMeterReadings)
          .where(inArray(ocppMeterReadings.transactionId, txIds))
          .orderBy(asc(ocppMeterReadings.at));
  for (const { session, tx } of rows) {
    out.set(session.id, {
      meterStartWh: tx?.meterStartWh ?? 0n,
      readings: tx
        ? readings.filter((r) => r.transactionId === tx.id).map((r) => ({ at: r.at, wh: r.wh }))
        : [],
      statuses: statuses
        .filter((s) => s.sessionId === session.id)
        .map((s) => ({ at: s.at, status: s.status })),
    });
  }
  return out;
}
