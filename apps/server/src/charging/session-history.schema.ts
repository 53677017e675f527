import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from '../platform/database/columns';
import { chargingSessions, connectorStatus, ocppTransactions } from './charging.schema';

/**
 * What happened during a session that its price depends on beyond the start and the last
 * reading: every status change of its connector (idle time: Finishing, SuspendedEV) and every
 * energy reading of its transaction (energy split across tariff periods). Kept apart from
 * charging.schema.ts: append-only history, read only by the pricing of its session.
 */

/**
 * A StatusNotification of a session's connector while the session was live, at the charger's
 * time (normalised to UTC). Chargers resend and reorder them: one row per (session, instant,
 * status), and the order is the charger's time, then arrival (`seq`) for one instant.
 */
export const chargingSessionStatuses = pgTable(
  'charging_session_statuses',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => chargingSessions.id),
    at: ts('at').notNull(),
    status: connectorStatus('status').notNull(),
    seq: integer('seq').notNull().generatedAlwaysAsIdentity(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.at, t.status] }),
    index('charging_session_statuses_order_idx').on(t.sessionId, t.at, t.seq),
  ],
);

/**
 * An Energy.Active.Import.Register reading of an active transaction (MeterValues and a stop's
 * transactionData), at the charger's time. A reading resent for the same instant is one row.
 */
export const ocppMeterReadings = pgTable(
  'ocpp_meter_readings',
  {
    transactionId: integer('transaction_id')
      .notNull()
      .references(() => ocppTransactions.id),
    at: ts('at').notNull(),
    wh: bigint('wh', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.transactionId, t.at] })],
);

export type SessionStatusRow = typeof chargingSessionStatuses.$inferSelect;
export type MeterReadingRow = typeof ocppMeterReadings.$inferSelect;
