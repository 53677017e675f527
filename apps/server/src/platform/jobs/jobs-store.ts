import type { Pool, PoolClient } from 'pg';
import type PgBoss from 'pg-boss';
import { withTransaction } from '../database/pool-transaction';
import { AppError } from '../errors/app-error';
import { toPage, type Page, type PageQuery } from '../http/pagination';
import type { SqlClient } from './tx-client';

/**
 * The few things pg-boss 10 has no API for, as SQL over its own tables (schema `pgboss`): listing
 * dead letters, replaying one exactly once, and singleton-key deduplication. Everything else goes
 * through pg-boss. Kept in this one file so a pg-boss upgrade has one place to check.
 */

export const PGBOSS_SCHEMA = 'pgboss';
const S = PGBOSS_SCHEMA;

/** Every queue `<name>` has its dead letters in `<name>.dead` (pg-boss's `deadLetter` queue option). */
export const DEAD_SUFFIX = '.dead';
export const deadLetterQueue = (queue: string) => `${queue}${DEAD_SUFFIX}`;
const originalQueue = (deadQueue: string) => deadQueue.slice(0, -DEAD_SUFFIX.length);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DeadLetter {
  /** The dead-letter job's id (pg-boss gives the copy a new id). */
  id: string;
  /** The queue the job failed on, and will be replayed to. */
  queue: string;
  data: unknown;
  /** The last attempt's error, as recorded by pg-boss. */
  error: { name: string | null; message: string } | null;
  deadAt: Date;
  replayedAt: Date | null;
  /** The id of the job a replay sent. */
  replayJobId: string | null;
}

interface DeadRow {
  id: string;
  name: string;
  data: unknown;
  output: Record<string, unknown> | null;
  state: string;
  created_on: Date;
  completed_on: Date | null;
}

/** pg-boss stores failures in several shapes: a serialized Error, `{ value: string }`, or `{ value: { message } }`. */
function errorOf(output: Record<string, unknown> | null): DeadLetter['error'] {
  if (!output) return null;
  const value = output.value;
  const source = (typeof value === 'object' && value !== null ? value : output) as Record<
    string,
    unknown
  >;
  const message =
    typeof source.message === 'string'
      ? source.message
      : typeof value === 'string'
        ? value
        : undefined;
  if (message === undefined) return null;
  return { name: typeof source.name === 'string' ? source.name : null, message };
}

function toDeadLetter(row: DeadRow): DeadLetter {
  const replayJobId = typeof row.output?.replayedAs === 'string' ? row.output.replayedAs : null;
  return {
    id: row.id,
    queue: originalQueue(row.name),
    data: row.data,
    error: errorOf(row.output),
    deadAt: row.created_on,
    replayedAt: replayJobId ? row.completed_on : null,
    replayJobId,
  };
}

type Queryable = Pool | PoolClient;

/** pg-boss accepts any `executeSql` for a call, so its inserts can join our (or a caller's) transaction. */
export const bossDb = (client: SqlClient): PgBoss.Db => ({
  executeSql: (text: string, values: unknown[]) => client.query(text, values),
});

/**
 * Serialises sends of one singleton key (until the transaction ends) and finds a job of that key
 * still waiting to run (created, or waiting for a retry). pg-boss's own singleton options do not
 * fit: its `short`/`stately` policies also treat every key-less job as one key, and
 * `singletonSeconds` only dedupes within a clock-aligned time slot. In a caller's transaction the
 * lock is held until that commits, so a second transaction sending the same key waits and then
 * (READ COMMITTED: a new snapshot per statement) finds the first one's job.
 */
export async function lockAndFindPending(
  client: SqlClient,
  queue: string,
  key: string,
): Promise<string | undefined> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `tender.jobs:${queue}:${key}`,
  ]);
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM ${S}.job WHERE name = $1 AND singleton_key = $2 AND state < 'active' LIMIT 1`,
    [queue, key],
  );
  return rows[0]?.id;
}

async function deadQueues(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ dead_letter: string }>(
    `SELECT dead_letter FROM ${S}.queue WHERE dead_letter = name || $1`,
    [DEAD_SUFFIX],
  );
  return rows.map((r) => r.dead_letter);
}

export interface QueueStats {
  queue: string;
  /** Waiting to run (includes jobs scheduled for later). */
  created: number;
  active: number;
  /** Failed an attempt, waiting for the next. */
  retry: number;
  /** Failed their last attempt (each has a dead letter, until pg-boss archives it). */
  failed: number;
  /** Dead letters not yet replayed. */
  deadLetters: number;
}

/** Jobs per state of every queue with a dead-letter queue (every queue `define()` made), by name. */
export async function queueStats(pool: Pool): Promise<QueueStats[]> {
  const { rows } = await pool.query<{ queue: string; state: string | null; n: number }>(
    `SELECT q.name AS queue,
            CASE WHEN j.name = q.dead_letter THEN 'dead' ELSE j.state::text END AS state,
            count(j.id)::int AS n
     FROM ${S}.queue q
     LEFT JOIN ${S}.job j
       ON (j.name = q.name AND j.state IN ('created', 'active', 'retry', 'failed'))
       OR (j.name = q.dead_letter AND j.state = 'created')
     WHERE q.dead_letter = q.name || $1
     GROUP BY 1, 2
     ORDER BY q.name`,
    [DEAD_SUFFIX],
  );
  const byQueue = new Map<string, QueueStats>();
  for (const r of rows) {
    const s = byQueue.get(r.queue) ?? {
      queue: r.queue,
      created: 0,
      active: 0,
      retry: 0,
      failed: 0,
      deadLetters: 0,
    };
    byQueue.set(r.queue, s);
    if (r.state === 'dead') s.deadLetters = r.n;
    else if (r.state !== null) s[r.state as 'created' | 'active' | 'retry' | 'failed'] = r.n;
  }
  return [...byQueue.values()];
}

const COLUMNS = 'id, name, data, output, state, created_on, completed_on';

/**
 * Newest first. pg-boss ids are random UUIDs, so the order is (created_on, id) and the cursor is the
 * last id of the previous page, whose created_on is looked up (in SQL, keeping microseconds).
 */
export async function listDeadLetters(
  pool: Pool,
  query: PageQuery & { queue?: string },
): Promise<Page<DeadLetter>> {
  const all = await deadQueues(pool);
  const only = query.queue;
  const queues = only === undefined ? all : all.filter((q) => q === deadLetterQueue(only));
  const after = query.startingAfter;
  if (after !== undefined) {
    const known =
      UUID.test(after) &&
      (
        await pool.query(`SELECT 1 FROM ${S}.job WHERE name = ANY($1::text[]) AND id = $2`, [
          queues,
          after,
        ])
      ).rowCount === 1;
    if (!known) throw AppError.validation(`No such dead letter: '${after}'`, 'startingAfter');
  }
  const { rows } = await pool.query<DeadRow>(
    `SELECT ${COLUMNS} FROM ${S}.job
     WHERE name = ANY($1::text[])
       AND ($2::uuid IS NULL OR (created_on, id) <
         (SELECT created_on, id FROM ${S}.job WHERE name = ANY($1::text[]) AND id = $2::uuid))
     ORDER BY created_on DESC, id DESC
     LIMIT $3`,
    [queues, after ?? null, query.limit + 1],
  );
  return toPage(rows, query.limit, toDeadLetter);
}

/**
 * Sends the dead letter's payload to its original queue and marks it replayed (completed, with the
 * new job id in its output), both in one transaction under a row lock: of two concurrent replays
 * exactly one sends, the other gets 409.
 */
export async function replayDeadLetter(
  pool: Pool,
  boss: PgBoss,
  id: string,
): Promise<{ deadLetter: DeadLetter; jobId: string }> {
  if (!UUID.test(id)) throw AppError.notFound('dead letter', id);
  return withTransaction(pool, async (client) => {
    const queues = await deadQueues(client);
    const { rows } = await client.query<DeadRow>(
      `SELECT ${COLUMNS} FROM ${S}.job WHERE name = ANY($1::text[]) AND id = $2 FOR UPDATE`,
      [queues, id],
    );
    const row = rows[0];
    if (!row) {
      // Replayed dead letters move to pg-boss's archive after a while; still a 409 there.
      const archived = await client.query(
        `SELECT 1 FROM ${S}.archive WHERE name = ANY($1::text[]) AND id = $2 AND output ? 'replayedAs'`,
        [queues, id],
      );
      if (archived.rowCount) throw alreadyReplayed(id);
      throw AppError.notFound('dead letter', id);
    }
    if (row.state !== 'created') throw alreadyReplayed(id);
    const queue = originalQueue(row.name);
    const payload = typeof row.data === 'object' && row.data !== null ? row.data : {};
    const jobId = await boss.send(queue, payload, { db: bossDb(client) });
    if (!jobId) throw new Error(`queue '${queue}' no longer exists; cannot replay ${id}`);
    const updated = await client.query<DeadRow>(
      `UPDATE ${S}.job
       SET state = 'completed', completed_on = now(),
           output = COALESCE(output, '{}'::jsonb) || jsonb_build_object('replayedAs', $3::text)
       WHERE name = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [row.name, id, jobId],
    );
    return { deadLetter: toDeadLetter(updated.rows[0]!), jobId };
  });
}

function alreadyReplayed(id: string): AppError {
  return new AppError(
    'conflict',
    'dead_letter_already_replayed',
    `Dead letter '${id}' was already replayed`,
  );
}
