import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool, types } from 'pg';

// int8 (bigint) columns come back as JS bigint, never as a lossy number or a string.
types.setTypeParser(types.builtins.INT8, (v) => BigInt(v));

// No relational-query schema: queries name their tables, which each module owns (`*.schema.ts`),
// so the platform needs to know none of them.
export type Db = NodePgDatabase;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the pool-backed database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

/** The pool and its drizzle face. A class so it is its own Nest injection token (no `@Inject`). */
export class Database {
  constructor(
    readonly db: Db,
    readonly pool: Pool,
  ) {}

  close(): Promise<void> {
    return this.pool.end();
  }
}

export function openDatabase(url: string, poolSize: number): Database {
  const pool = new Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return new Database(drizzle(pool), pool);
}

/** The committed SQL migrations, found from wherever this file runs (src under tests, dist in prod). */
export function migrationsFolder(): string {
  let dir = __dirname;
  while (dir !== dirname(dir)) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('drizzle migrations folder not found');
}

const MIGRATION_LOCK = 7_246_631; // any constant: serialises migrations across instances

export async function runMigrations(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(database.db, { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Number of migrations the code ships and the number the database has applied. */
export async function migrationStatus(
  database: Database,
): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(
    await readFile(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  const res = await database.pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations`,
  );
  return { expected: journal.entries.length, applied: Number(res.rows[0]?.n ?? 0) };
}
