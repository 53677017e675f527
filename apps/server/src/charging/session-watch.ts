import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { eachAlone } from '../platform/jobs/each-alone';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { SessionControl } from './session-control';
import { SessionNews } from './session-news';
import {
  CAPTURE_QUEUE,
  HOLD_GUARD_QUEUE,
  START_TIMEOUT_QUEUE,
  WATCH_QUEUE,
} from './session-queues';

/** Sessions looked at per status per run; a bigger backlog is worked off a batch a minute. */
const BATCH = 200;
/** A request still placing its hold is this old before the watch takes it for dead. */
const AUTHORIZING_GRACE_MS = 10 * 60_000;
/** A settlement still pending this long lost its job (a dead letter replayed, a bug): queue it. */
const CAPTURE_REQUEUE_MS = 5 * 60_000;

export interface WatchReport {
  timedOut: number;
  abandoned: number;
  guarded: number;
  expiring: number;
  requeued: number;
  errors: number;
}

/**
 * The sessions' clock-driven duties. The start timeout (`charging.start-timeout`, queued with the
 * remote start to run CHARGING_START_TIMEOUT_SECONDS later) gives up a start whose
 * StartTransaction never came and queues the hold's release. Every minute (`charging.watch-
 * sessions`) it does the same for any start its job missed, fails starts whose request died while
 * placing the hold, queues the hold guard for charging sessions (time prices grow without meter
 * readings), stops sessions whose hold expires within CHARGING_HOLD_EXPIRY_MARGIN_SECONDS, and
 * requeues settlements whose job was lost. Safe on any number of nodes: every step is guarded.
 */
@Injectable()
export class SessionWatch implements OnModuleInit {
  constructor(
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly jobs: JobQueue,
    private readonly control: SessionControl,
    private readonly news: SessionNews,
    private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ sessionId: string }>(
      START_TIMEOUT_QUEUE,
      async (job) => void (await this.timeOut(job.data.sessionId)),
      { retryLimit: 5, retryDelaySeconds: 5 },
    );
    await this.jobs.recurring(WATCH_QUEUE, '* * * * *', () => this.run());
  }

  /** The StartTransaction never came: the session gives up and its hold is released. */
  timeOut(sessionId: string): Promise<boolean> {
    return this.control.abandon(
      sessionId,
      'START_TIMED_OUT',
      'start_timed_out',
      'The charger did not start in time',
    );
  }

  async run(now = this.clock.now()): Promise<WatchReport> {
    const report: WatchReport = {
      timedOut: 0,
      abandoned: 0,
      guarded: 0,
      expiring: 0,
      requeued: 0,
      errors: 0,
    };
    const c = this.config.charging;
    const log = (what: string) => (err: unknown, s: { id: string }) =>
      this.logger.warn({ err, sessionId: s.id }, `session watch: ${what} failed`);

    const starting = await this.control.inStatus(['STARTING'], BATCH);
    report.errors += await eachAlone(
      starting.filter((s) => s.updatedAt.getTime() + c.startTimeoutSeconds * 1000 <= now.getTime()),
      async (s) => void ((await this.timeOut(s.id)) && report.timedOut++),
      log('start timeout'),
    );

    const authorizing = await this.control.inStatus(['AUTHORIZING'], BATCH);
    report.errors += await eachAlone(
      authorizing.filter((s) => s.createdAt.getTime() + AUTHORIZING_GRACE_MS <= now.getTime()),
      async (s) => void ((await this.control.abandonAuthorizing(s.id)) && report.abandoned++),
      log('abandoning a dead start'),
    );

    const charging = await this.control.inStatus(['CHARGING'], BATCH);
    report.errors += await eachAlone(
      charging,
      async (s) => {
        const expiresAt = s.captureBefore?.getTime();
        if (
          expiresAt !== undefined &&
          now.getTime() >= expiresAt - c.holdExpiryMarginSeconds * 1000
        ) {
          await this.control.stop(s, 'HOLD_EXPIRY');
          report.expiring++;
          return;
        }
        // The guard decides (HoldGuard); one waiting job per session, whatever queued it.
        await this.jobs.send(HOLD_GUARD_QUEUE, { sessionId: s.id }, { singletonKey: s.id });
        report.guarded++;
        // Time and idle prices grow without a reading: pages following it hear the cost now.
        await this.news.changed(s.id);
      },
      log('guarding a hold'),
    );

    const settling = await this.control.pendingSettlements(
      new Date(now.getTime() - CAPTURE_REQUEUE_MS),
      BATCH,
    );
    report.errors += await eachAlone(
      settling,
      async (s) => {
        await this.jobs.send(CAPTURE_QUEUE, { sessionId: s.id }, { singletonKey: s.id });
        report.requeued++;
      },
      log('requeueing a settlement'),
    );
    if (Object.values(report).some((n) => n > 0)) this.logger.info({ report }, 'session watch');
    return report;
  }
}
