import { getTableColumns, getTableName, sql, type SQL, type SQLChunk } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * `INSERT INTO <table> (…) SELECT <row's values> FROM <source>`: the row is written once for each
 * row `source` yields (in practice 0 or 1). `source` is a CTE of the same statement, so one
 * statement can chain steps — reserve stock, then insert the order, then post its money — and do
 * nothing at all once a step matches nothing. Each value is encoded by its column and cast to the
 * column's type, as drizzle would for a plain INSERT.
 */
export function insertFrom<T extends PgTable>(
  table: T,
  row: T['$inferInsert'],
  source: string,
): SQL {
  const names: SQLChunk[] = [];
  const values: SQL[] = [];
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value: unknown = (row as Record<string, unknown>)[key];
    if (value === undefined) continue;
    names.push(sql.identifier(column.name));
    const encoded = value === null ? null : column.mapToDriverValue(value);
    values.push(sql`${encoded}::${sql.raw(column.getSQLType())}`);
  }
  return sql`INSERT INTO ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)})
    SELECT ${sql.join(values, sql`, `)} FROM ${sql.identifier(source)}`;
}

/** A row of `table` read by raw SQL (`RETURNING *`), mapped as drizzle maps its own results. */
export function rowFrom<T extends PgTable>(
  table: T,
  raw: Record<string, unknown>,
): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row;
}
