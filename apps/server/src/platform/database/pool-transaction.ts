import type { Pool, PoolClient } from 'pg';

/**
 * A transaction on one client of a plain `pg` pool (for SQL drizzle does not write: pg-boss's
 * tables, the books' invariants): BEGIN (or `begin`, e.g. a read-only snapshot), `fn`, COMMIT; on
 * any error ROLLBACK and rethrow. The client always goes back to the pool.
 */
export async function withTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
