import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Our own Idempotency-Key records for money-moving POSTs. `scope` is the caller (user id), so two
 * users' keys never collide. A row is in flight until `response_status` is set; a crashed request's
 * row stops blocking retries once `locked_until` passes.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    // The exact JSON text sent, held as a jsonb *string* so a replay is byte-identical (jsonb would
    // reorder keys) and bigints keep every digit; read it with `response_body #>> '{}'`.
    responseBody: jsonb('response_body'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
