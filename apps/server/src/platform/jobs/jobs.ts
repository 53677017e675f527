import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { isSerializationFailure, isUniqueViolation } from '../database/pg-errors';
import { withTransaction } from '../database/pool-transaction';
import type { Page, PageQuery } from '../http/pagination';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import {
  checkDefinition,
  type DefineOptions,
  type JobHandler,
  type JobQueueOptions,
  type SendOptions,
} from './job-types';
import { JobMetrics, type JobOutcome } from './jobs-metrics';
import {
  bossDb,
  DEAD_SUFFIX,
  deadLetterQueue,
  listDeadLetters,
  lockAndFindPending,
  queueStats,
  PGBOSS_SCHEMA,
  replayDeadLetter,
  type DeadLetter,
  type QueueStats,
} from './jobs-store';
import { notifyOnCommit, WakeListener } from './jobs-wakeup';
import { clientOf, type SqlClient } from './tx-client';

export { deadLetterQueue, type DeadLetter, type QueueStats } from './jobs-store';
export type { DefineOptions, Job, JobHandler, JobQueueOptions, SendOptions } from './job-types';

interface Definition {
  name: string;
  handler: JobHandler<unknown>;
  options: DefineOptions;
  workerIds: string[];
}

/**
 * A durable job queue in the application's PostgreSQL, on pg-boss 10. Each queue `<name>` gets a
 * dead-letter queue `<name>.dead`; jobs that fail their last retry land there, where an admin can
 * list and replay them. Handlers run one job at a time and must be idempotent: a job may run again
 * after a crash, a timeout or a replay.
 */
export class JobQueue {
  private readonly pool: Pool;
  private readonly boss: PgBoss;
  private readonly metrics: JobMetrics;
  private readonly log: Logger;
  private readonly definitions = new Map<string, Definition>();
  /** Wakes local workers when a job sent in a caller's transaction commits (workers only). */
  private readonly wakeups?: WakeListener;
  /**
   * Queue creation is DDL (pg-boss partitions its job table per queue): two at once can deadlock,
   * and Nest runs the modules' init hooks concurrently. Registrations therefore run one at a time.
   */
  private registrations: Promise<unknown> = Promise.resolve();
  private readonly running = new Set<Promise<void>>();
  private state: 'new' | 'started' | 'stopping' | 'stopped' = 'new';
  private closed = false;
  /** False on an API-only node: queues are created and jobs sent, but none is run here. */
  readonly workers: boolean;
  /** Until openWorkers(), queues are created but no worker fetches (options.holdWorkers). */
  private held: boolean;

  constructor(
    private readonly options: JobQueueOptions,
    deps: { logger: Logger; metrics: Metrics },
  ) {
    this.log = deps.logger.child({ component: 'jobs' });
    this.workers = options.workers ?? true;
    this.held = options.holdWorkers ?? false;
    this.metrics = new JobMetrics(deps.metrics);
    this.pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 4 });
    // A dropped idle connection must not crash the process; the pool replaces it.
    this.pool.on('error', (err) => this.log.warn({ err }, 'job queue connection error'));
    const cron = options.cronIntervalSeconds;
    this.boss = new PgBoss({
      // Our pool rather than pg-boss's own, so replays and keyed sends can share a transaction.
      db: { executeSql: (text: string, values: unknown[]) => this.execute(text, values) },
      schema: PGBOSS_SCHEMA,
      pollingIntervalSeconds: options.pollIntervalSeconds,
      // Firing cron schedules is a worker's duty: an API-only node stores schedules but fires none.
      schedule: this.workers,
      ...(options.maintenanceIntervalSeconds !== undefined
        ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
        : {}),
      ...(cron !== undefined
        ? { cronMonitorIntervalSeconds: cron, cronWorkerIntervalSeconds: cron }
        : {}),
    });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
    if (this.workers)
      this.wakeups = new WakeListener(options.url, (queue) => this.wake(queue), this.log);
  }

  /** Installs or migrates pg-boss's schema, then starts every queue defined so far. */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`job queue cannot start: it is ${this.state}`);
    await this.boss.start();
    await this.wakeups?.start();
    this.state = 'started';
    if (!this.workers) this.log.info('job workers off: this instance queues jobs but runs none');
    for (const def of this.definitions.values()) await this.register(def);
  }

  /** Starts the workers of every queue defined so far, and of those defined later at once. */
  async openWorkers(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    for (const def of this.definitions.values()) await this.inTurn(() => this.startWorkers(def));
  }

  /**
   * Stops fetching, lets running handlers finish (up to stopTimeoutMs; pg-boss then fails what is
   * still running, so it is retried), and closes the pool. Jobs not yet fetched stay queued.
   */
  async stop(): Promise<void> {
    if (this.state === 'stopping' || this.state === 'stopped') return;
    const wasStarted = this.state === 'started';
    this.state = 'stopping';
    await this.wakeups?.stop();
    if (wasStarted) {
      const timeout = this.options.stopTimeoutMs ?? 10_000;
      const deadline = Date.now() + timeout;
      await this.boss.stop({ graceful: true, wait: true, close: false, timeout });
      // A fetch already in flight when pg-boss stopped may still deliver a batch: let it finish.
      while (this.running.size > 0 && Date.now() < deadline) await sleep(50);
    }
    this.state = 'stopped';
    this.closed = true;
    await this.pool.end();
  }

  /**
   * Creates the queue and its dead-letter queue (now, or at start()) and registers the handler —
   * whose workers start only when this instance runs workers (`options.workers`).
   */
  async define<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options: DefineOptions,
  ): Promise<void> {
    checkDefinition(name, options);
    if (this.definitions.has(name)) throw new Error(`queue '${name}' is already defined`);
    const def: Definition = {
      name,
      handler: handler as JobHandler<unknown>,
      options,
      workerIds: [],
    };
    this.definitions.set(name, def);
    if (this.state === 'started') await this.registerInTurn(def);
  }

  /**
   * Queues a job and returns its id. Throws if the queue does not exist. With a singletonKey, a
   * job of that key still waiting to run is reused (its id is returned) instead of adding another.
   * With `tx`, the job is inserted by that transaction (a job caused by a state change commits or
   * rolls back with it) and local workers are woken when it commits; the key's lock is then held
   * until the caller's transaction ends.
   */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string> {
    this.assertStarted();
    const base: PgBoss.SendOptions = {};
    if (options.startAfter !== undefined) base.startAfter = options.startAfter;
    const key = options.singletonKey;
    let id: string | null;
    if (options.tx) {
      const client = clientOf(options.tx);
      id = await this.sendOn(client, name, data, base, key);
      if (id && options.startAfter === undefined) await notifyOnCommit(client, name);
    } else {
      id =
        key === undefined
          ? await this.boss.send(name, data, base)
          : await withTransaction(this.pool, (client) =>
              this.sendOn(client, name, data, base, key),
            );
      if (id && options.startAfter === undefined) this.wake(name);
    }
    // pg-boss answers null, silently, when the queue does not exist.
    if (!id) throw new Error(`job not queued: queue '${name}' does not exist (define it first)`);
    return id;
  }

  /** One send on `client`'s transaction: the keyed dedupe, then pg-boss's insert. */
  private async sendOn(
    client: SqlClient,
    name: string,
    data: object,
    base: PgBoss.SendOptions,
    key: string | undefined,
  ): Promise<string | null> {
    if (key !== undefined) {
      const pending = await lockAndFindPending(client, name, key);
      if (pending) return pending;
    }
    return this.boss.send(name, data, {
      ...base,
      ...(key !== undefined ? { singletonKey: key } : {}),
      db: bossDb(client),
    });
  }

  /**
   * Queues one job per item in one statement (no singleton keys): for a batch of new work. With
   * `tx`, the insert is that transaction's, as for send(): the jobs exist exactly when it commits,
   * and workers are woken then.
   */
  async sendMany<T extends object>(
    name: string,
    items: T[],
    options: Pick<SendOptions, 'tx'> = {},
  ): Promise<void> {
    this.assertStarted();
    if (items.length === 0) return;
    const jobs = items.map((data) => ({ name, data }));
    if (options.tx) {
      const client = clientOf(options.tx);
      await this.boss.insert(jobs, { db: bossDb(client) });
      await notifyOnCommit(client, name);
    } else {
      await this.boss.insert(jobs);
      this.wake(name);
    }
  }

  /**
   * A queue whose job runs `run` on a cron schedule, with no retries: the next run is the retry
   * (each run looks at what is left to do, so a failed one loses nothing).
   */
  async recurring(name: string, cron: string, run: () => Promise<unknown>): Promise<void> {
    await this.define(name, async () => void (await run()), {
      retryLimit: 0,
      retryDelaySeconds: 1,
    });
    await this.schedule(name, cron);
  }

  /** Sends `data` to the queue on a cron schedule (UTC unless tz); replaces an earlier schedule. */
  async schedule(name: string, cron: string, data: object = {}, tz = 'UTC'): Promise<void> {
    this.assertStarted();
    await this.boss.schedule(name, cron, data, { tz });
  }

  async unschedule(name: string): Promise<void> {
    this.assertStarted();
    await this.boss.unschedule(name);
  }

  /** Dead letters of every queue, or of one (`queue`), newest first. */
  listDeadLetters(query: PageQuery & { queue?: string }): Promise<Page<DeadLetter>> {
    this.assertStarted();
    return listDeadLetters(this.pool, query);
  }

  /** How many jobs each queue holds per state, and its dead letters not yet replayed. */
  stats(): Promise<QueueStats[]> {
    this.assertStarted();
    return queueStats(this.pool);
  }

  /** Re-sends a dead letter to its queue; 404 if unknown, 409 if it was already replayed. */
  async replayDeadLetter(id: string): Promise<{ deadLetter: DeadLetter; jobId: string }> {
    this.assertStarted();
    const result = await replayDeadLetter(this.pool, this.boss, id);
    this.wake(result.deadLetter.queue);
    return result;
  }

  /**
   * pg-boss's SQL. After stop() it answers nothing, as pg-boss's own closed connection does: pg-boss
   * completes a batch whose handler outlived the stop timeout without awaiting the call, and a
   * rejection there would be unhandled.
   */
  private execute(text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
    if (this.closed) return Promise.resolve(undefined as unknown as { rows: unknown[] });
    return this.pool.query(text, values);
  }

  private assertStarted(): void {
    if (this.state !== 'started') throw new Error(`job queue is ${this.state}, not started`);
  }

  /** Local workers of the queue fetch now instead of at their next poll. */
  private wake(name: string): void {
    for (const id of this.definitions.get(name)?.workerIds ?? []) this.boss.notifyWorker(id);
  }

  private registerInTurn(def: Definition): Promise<void> {
    return this.inTurn(() => this.register(def));
  }

  /** Registrations run one after another (pg-boss's createQueue is not safe to race). */
  private inTurn(step: () => Promise<void>): Promise<void> {
    const turn = this.registrations.then(step);
    this.registrations = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Two nodes starting together create the same queues at once, and pg-boss's createQueue then
   * deadlocks (PostgreSQL aborts one side) or meets the other's row: both are retried, by which
   * time the other node's queue exists and createQueue leaves it as it is.
   */
  private async register(def: Definition): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.registerOnce(def);
      } catch (err) {
        if (attempt >= 5 || !(isSerializationFailure(err) || isUniqueViolation(err))) throw err;
        await sleep(50 * attempt + Math.random() * 100);
      }
    }
  }

  private async registerOnce(def: Definition): Promise<void> {
    const { options } = def;
    const dead = deadLetterQueue(def.name);
    // The dead-letter queue only keeps dead letters: it is never worked, only listed and replayed.
    await this.boss.createQueue(dead, { name: dead });
    const queue: PgBoss.Queue = {
      name: def.name,
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: dead,
      ...(options.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
    };
    await this.boss.createQueue(def.name, queue);
    // createQueue leaves an existing queue as it was; apply today's settings.
    await this.boss.updateQueue(def.name, queue);
    if (!this.held) await this.startWorkers(def);
  }

  private async startWorkers(def: Definition): Promise<void> {
    const { options } = def;
    if (!this.workers || def.workerIds.length > 0 || this.state !== 'started') return;
    const work = { batchSize: options.batchSize ?? 1, includeMetadata: true as const };
    for (let i = 0; i < (options.concurrency ?? 1); i++) {
      def.workerIds.push(
        await this.boss.work(def.name, work, (jobs) => {
          // A full batch means more may be waiting: fetch again at once, not after a poll interval.
          if (jobs.length >= work.batchSize) this.wake(def.name);
          return this.track(this.runBatch(def, jobs));
        }),
      );
    }
  }

  private async track(batch: Promise<void>): Promise<void> {
    this.running.add(batch);
    try {
      await batch;
    } finally {
      this.running.delete(batch);
    }
  }

  /**
   * Runs each job of a batch alone and completes it at once. Failures are reported only after the
   * whole batch: pg-boss completes every still-active job of the batch when this returns, so a job
   * failed early, retried and fetched again by another worker meanwhile would be completed
   * wrongly. Retries wait ≥ 1 s (backoff), far longer than that last step.
   */
  private async runBatch(def: Definition, jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
    // pg-boss fails the whole batch once the longest expiry passes; after that it is not ours.
    const expiry = Math.max(...jobs.map((j) => j.expireInSeconds));
    const deadline = Date.now() + expiry * 1000;
    const ours = () => this.state !== 'stopped' && Date.now() < deadline;
    const failures: { id: string; error: { name: string; message: string } }[] = [];
    for (const job of jobs) {
      const error = await this.runOne(def, job);
      if (!error) {
        if (ours()) await this.report(() => this.boss.complete(def.name, job.id), job.id);
      } else failures.push({ id: job.id, error });
    }
    for (const { id, error } of failures) {
      if (ours()) await this.report(() => this.boss.fail(def.name, id, error), id);
    }
  }

  private async runOne(
    def: Definition,
    job: PgBoss.JobWithMetadata<unknown>,
  ): Promise<{ name: string; message: string } | undefined> {
    const started = performance.now();
    const attempt = job.retryCount + 1;
    const seconds = () => (performance.now() - started) / 1000;
    try {
      await def.handler({
        id: job.id,
        queue: def.name,
        data: job.data,
        attempt,
        retryLimit: job.retryLimit,
      });
      this.metrics.observe(def.name, 'completed', seconds());
      return undefined;
    } catch (err) {
      const last = job.retryCount >= job.retryLimit;
      const outcome: JobOutcome = last ? 'dead_lettered' : 'failed';
      this.metrics.observe(def.name, outcome, seconds());
      const context = { err, queue: def.name, jobId: job.id, attempt };
      if (last) this.log.error(context, `job dead-lettered to ${def.name}${DEAD_SUFFIX}`);
      else this.log.warn(context, 'job failed; will retry');
      const e = err instanceof Error ? err : new Error(String(err));
      return { name: e.name, message: e.message };
    }
  }

  /** Completing or failing a job can itself fail (database down): the job then times out and retries. */
  private async report(fn: () => Promise<unknown>, jobId: string): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.log.error({ err, jobId }, 'could not record a job result');
    }
  }
}
