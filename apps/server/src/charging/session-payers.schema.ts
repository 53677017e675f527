import { sql } from 'drizzle-orm';
import { check, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from '../platform/database/columns';
import { chargingSessions } from './charging.schema';

/**
 * How a session is paid: CARD_HOLD, a hold on a card at the start (seed 001, and every session
 * of POST /sessions/start, which has no payer row); LINK_CARD / LINK_CRYPTO, a hosted checkout
 * page for the final cost after the stop (seed 000), card or USDC.
 */
export const PAYMENT_MODES = ['CARD_HOLD', 'LINK_CARD', 'LINK_CRYPTO'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];
export const paymentMode = pgEnum('charging_payment_mode', PAYMENT_MODES);

/**
 * Who pays a session started through POST /session/start (seed 000 and ad-hoc payers), one row
 * per such session, written in the session's insert transaction. A guest has no account: the
 * session's user is null and the payer proves ownership with an access key, of which only the
 * sha256 is stored. Payment links are the payments core's rows for the session's payable; the
 * link sequence is claimed here (`link_seq`, under a guarded update) so each link's provider call
 * carries a key derived from (session, sequence), and a crash or a race makes one link, not two.
 */
export const chargingSessionPayers = pgTable(
  'charging_session_payers',
  {
    sessionId: text('session_id')
      .primaryKey()
      .references(() => chargingSessions.id),
    paymentMode: paymentMode('payment_mode').notNull(),
    /** Where the receipt goes (a guest's address, or a signed-in driver's chosen one). */
    email: text('email'),
    /** sha256 (hex) of a guest's access key; null for signed-in drivers. */
    accessKeyHash: text('access_key_hash'),
    /** A USDC payer's wallet and chain, pre-checked at the start (a switch to USDC later has none). */
    walletAddress: text('wallet_address'),
    chain: text('chain'),
    /** The start's Idempotency-Key, unique per scope (the user's id, or `guest`). */
    requestScope: text('request_scope').notNull(),
    requestKey: text('request_key'),
    /** The sequence number of the session's latest payment link (0: none yet). */
    linkSeq: integer('link_seq').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('charging_session_payers_access_key').on(t.accessKeyHash),
    uniqueIndex('charging_session_payers_request_key').on(t.requestScope, t.requestKey),
    check('charging_session_payers_link_seq', sql`${t.linkSeq} >= 0`),
  ],
);
export type SessionPayerRow = typeof chargingSessionPayers.$inferSelect;
