// The public shapes of the job queue, and the checks `define()` applies to them.
import type { Tx } from '../database/database';
import { DEAD_SUFFIX } from './jobs-store';

/** What a handler gets: one job, even when pg-boss fetched a batch. */
export interface Job<T> {
  id: string;
  queue: string;
  data: T;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** The last attempt is `retryLimit + 1`; failing it dead-letters the job. */
  retryLimit: number;
}

/** Throw to fail the attempt; it is retried with backoff, then dead-lettered. Must be idempotent. */
export type JobHandler<T> = (job: Job<T>) => Promise<void> | void;

export interface DefineOptions {
  /** Retries after the first attempt (0 = one attempt only). */
  retryLimit: number;
  /** Whole seconds, at least 1: retry n waits retryDelaySeconds × 2^(n-1) × (1 to 2, random). */
  retryDelaySeconds: number;
  /** Backoff is always exponential; accepted for explicitness. */
  retryBackoff?: true;
  /** A job (or a whole batch) running longer fails as timed out. pg-boss's default: 15 minutes. */
  expireInSeconds?: number;
  /** Jobs fetched per poll; they are handled one after another. Default 1. */
  batchSize?: number;
  /** Workers (polling loops) for this queue in this process. Default 1. */
  concurrency?: number;
}

export interface SendOptions {
  /** At most one job per key waits to run: a send while one is queued returns that job's id. */
  singletonKey?: string;
  /** A Date, or a delay in seconds. */
  startAfter?: Date | number;
  /**
   * The transaction whose state change causes the job: the job is inserted in it, so it exists
   * exactly when that commits (never after a rollback, never before the commit is visible).
   */
  tx?: Tx;
}

export interface JobQueueOptions {
  /** The application's PostgreSQL; pg-boss keeps its tables in the `pgboss` schema. */
  url: string;
  /** How often idle workers poll (pg-boss allows ≥ 0.5). Local sends wake local workers at once. */
  pollIntervalSeconds: number;
  /** Connections of the queue's own pool. Default 4. */
  poolSize?: number;
  /** How long stop() lets running handlers finish; unfinished jobs are failed (and retried). */
  stopTimeoutMs?: number;
  /** How often timed-out active jobs (e.g. of a crashed process) are failed. pg-boss's default: 120. */
  maintenanceIntervalSeconds?: number;
  /** How often cron schedules are checked (1–45). pg-boss's default: 30. */
  cronIntervalSeconds?: number;
  /**
   * Whether this instance runs jobs. Default true. False (an API-only node): `define()` still
   * creates the queues and `send()` queues jobs, but no handler runs here and this instance does not
   * fire cron schedules; instances with workers on run both.
   */
  workers?: boolean;
  /**
   * Hold every worker until `openWorkers()`. The application sets it so no job runs before every
   * module has defined its queues and registered what its handlers rely on (a payable's handler,
   * say): a webhook requeued at start-up used to run before the wallet registered its payable.
   */
  holdWorkers?: boolean;
}

const QUEUE_NAME = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;
const MAX_EXPIRE_SECONDS = 24 * 60 * 60 - 1; // pg-boss refuses 24 h and more

/** Refuses a bad definition at once, naming every problem. */
export function checkDefinition(name: string, o: DefineOptions): void {
  const problems: string[] = [];
  if (!QUEUE_NAME.test(name) || name.endsWith(DEAD_SUFFIX))
    problems.push(`name must match ${QUEUE_NAME.source} and not end in ${DEAD_SUFFIX}`);
  const int = (v: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER) =>
    v === undefined || (Number.isInteger(v) && v >= min && v <= max);
  if (!int(o.retryLimit, 0)) problems.push('retryLimit must be an integer ≥ 0');
  if (!int(o.retryDelaySeconds, 1)) problems.push('retryDelaySeconds must be an integer ≥ 1');
  if (!int(o.expireInSeconds, 1, MAX_EXPIRE_SECONDS))
    problems.push('expireInSeconds must be an integer from 1 to 86399');
  if (!int(o.batchSize, 1)) problems.push('batchSize must be an integer ≥ 1');
  if (!int(o.concurrency, 1, 32)) problems.push('concurrency must be an integer from 1 to 32');
  if (problems.length) throw new Error(`bad job queue '${name}': ${problems.join('; ')}`);
}
