import {
  getTableColumns,
  getTableName,
  is,
  Param,
  Placeholder,
  sql,
  type SQL,
  type SQLChunk,
} from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import type { Pool, QueryResultRow } from 'pg';

/*
 * Statements composed from parts that different modules own (the catalog's reservation, the
 * orders' insert, the ledger's posting), built once with named placeholders and then run as a
 * prepared statement with values. For hot paths where one round trip must do several modules'
 * work and building the SQL on every call would cost more than running it.
 */

const dialect = new PgDialect();

/** A placeholder for a composed statement; the caller supplies `name` in the values. */
export const slot = (name: string) => sql.placeholder(name);

/**
 * `INSERT INTO <table> (…) SELECT <slots> FROM <source>`: one row written for each row `source`
 * yields (in practice 0 or 1). `source` is a CTE of the same statement, so one statement can chain
 * steps — reserve stock, then insert the order, then post its money — and do nothing at all once a
 * step matches nothing. The value of column `key` is slot `<prefix><key>`, filled by `rowValues`.
 */
export function insertFrom<T extends PgTable>(
  table: T,
  keys: readonly (keyof T['$inferInsert'] & string)[],
  source: string,
  prefix: string,
): SQL {
  const columns = getTableColumns(table);
  const names: SQLChunk[] = [];
  const values: SQL[] = [];
  for (const key of keys) {
    const column = columns[key]!;
    names.push(sql.identifier(column.name));
    values.push(sql`${slot(prefix + key)}::${sql.raw(column.getSQLType())}`);
  }
  return sql`INSERT INTO ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)})
    SELECT ${sql.join(values, sql`, `)} FROM ${sql.identifier(source)}`;
}

/** The slot values of `insertFrom` for `row`: each encoded as its column encodes it. */
export function rowValues<T extends PgTable>(
  table: T,
  keys: readonly (keyof T['$inferInsert'] & string)[],
  row: T['$inferInsert'],
  prefix: string,
): Record<string, unknown> {
  const columns = getTableColumns(table);
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    const value: unknown = (row as Record<string, unknown>)[key];
    values[prefix + key] =
      value === null || value === undefined ? null : columns[key]!.mapToDriverValue(value);
  }
  return values;
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

/**
 * A composed statement, built once: its text is fixed, each run sends only values, under `name`
 * so PostgreSQL parses and plans it once per connection.
 */
export class PreparedStatement {
  private readonly text: string;
  private readonly fill: ((values: Record<string, unknown>) => unknown)[];

  constructor(
    private readonly name: string,
    shape: SQL,
  ) {
    const query = dialect.sqlToQuery(shape);
    this.text = query.sql;
    this.fill = query.params.map((p): ((values: Record<string, unknown>) => unknown) => {
      if (is(p, Placeholder)) return (values) => valueOf(values, p.name);
      if (is(p, Param) && is(p.value, Placeholder)) {
        const { encoder, value } = p;
        return (values) => encoder.mapToDriverValue(valueOf(values, value.name));
      }
      return () => p;
    });
  }

  async run<R extends QueryResultRow>(pool: Pool, values: Record<string, unknown>): Promise<R[]> {
    const result = await pool.query<R>({
      name: this.name,
      text: this.text,
      values: this.fill.map((f) => f(values)),
    });
    return result.rows;
  }
}

function valueOf(values: Record<string, unknown>, name: string): unknown {
  if (!(name in values)) throw new Error(`no value for slot "${name}"`);
  return values[name];
}
