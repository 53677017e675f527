import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { primaryId, timestamps, ts } from '../platform/database/columns';

/** QUEUED: waiting for (or between) attempts; SENT: accepted by SMTP or written; FAILED: gave up. */
export const MAIL_STATUSES = ['QUEUED', 'SENT', 'FAILED'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
export const mailStatus = pgEnum('mail_status', MAIL_STATUSES);

/**
 * One e-mail, stored by the transaction whose change causes it and sent by a job. The row is the
 * message as sent (a resend after a crash sends the same bytes under the same Message-ID) and
 * holds personal data: the address and the body, which are never logged.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: primaryId(),
    /** The caller's name for the event (`orders.paid:ord_…`): one message per key, ever. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** What kind of message (`orders.paid`, `charging.receipt`), for the admin's filter. */
    kind: text('kind').notNull(),
    /** The id of what caused it (an order, a session). */
    reference: text('reference').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    status: mailStatus('status').notNull().default('QUEUED'),
    /** Delivery attempts so far, over every job (an admin's retry continues the count). */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('mail_messages_idempotency_key').on(t.idempotencyKey),
    index('mail_messages_status_idx').on(t.status, t.id),
    index('mail_messages_kind_idx').on(t.kind, t.id),
    check('mail_messages_attempts_range', sql`${t.attempts} >= 0`),
  ],
);

export type MailMessageRow = typeof mailMessages.$inferSelect;
