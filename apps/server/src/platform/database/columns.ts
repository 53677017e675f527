import { sql, type SQLWrapper } from 'drizzle-orm';
import { bigint, check, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The column conventions every module's tables follow, in one place so a new table cannot drift
 * from them (and `npm run db:generate` shows no change when a table switches to them).
 */

/** An amount in integer minor units: `bigint` in SQL and in code, never a float. */
export const money = (name: string) => bigint(name, { mode: 'bigint' });

/** A running total that starts at zero (captured, refunded, a balance). */
export const moneyFromZero = (name: string) =>
  money(name)
    .notNull()
    .default(sql`0`);

/** A point in time, always with its time zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true });

/** The row's id: a prefixed text id from platform/ids. */
export const primaryId = () => text('id').primaryKey();

/** A required reference to another row, by its text id. */
export const ref = (name: string, to: () => AnyPgColumn) => text(name).notNull().references(to);

/** A lower-case ISO 4217 code; the table checks its form with `currencyCheck`. */
export const currencyCode = () => text('currency').notNull();

/** When the row was inserted. */
export const createdAt = () => ts('created_at').notNull().defaultNow();

/** When the row was inserted and last changed (the writer sets `updatedAt`). */
export const timestamps = () => ({
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** `<table>_currency_iso`: three lower-case letters. */
export const currencyCheck = (table: string, column: SQLWrapper) =>
  check(`${table}_currency_iso`, sql`${column} ~ '^[a-z]{3}$'`);

/** `<table>_amount_positive` (or another column's name): strictly above zero. */
export const positiveCheck = (table: string, column: SQLWrapper, what = 'amount') =>
  check(`${table}_${what}_positive`, sql`${column} > 0`);
