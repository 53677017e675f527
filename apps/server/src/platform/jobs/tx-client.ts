import { Pool } from 'pg';
import type { Tx } from '../database/database';

/** The part of a `pg` client the job queue needs: text with `$n` placeholders and their values. */
export interface SqlClient {
  query<R = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * The connection a drizzle transaction runs on, so a job is inserted by the transaction that
 * causes it: it becomes visible when that commits and never exists if it rolls back. pg-boss
 * speaks `(text, values)`, which drizzle's `tx.execute` cannot take (it builds SQL from its own
 * template), so we use the client drizzle holds for the transaction (`session.client`, the pool's
 * checked-out `PoolClient`; test/jobs-tx.test.ts fails if a drizzle upgrade moves it). The pool
 * itself is refused: a statement on it would run outside the transaction, silently.
 */
export function clientOf(tx: Tx): SqlClient {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof Pool || typeof (client as SqlClient | undefined)?.query !== 'function')
    throw new Error('jobs: send({ tx }) needs an open drizzle transaction');
  return client as SqlClient;
}
