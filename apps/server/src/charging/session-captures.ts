import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';
import { PaymentsService } from '../payments';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { chargingSessions, type ChargingSessionRow } from './charging.schema';
import { CAPTURE_QUEUE, SESSION_PAYABLE } from './session-queues';

export type CaptureOutcome = 'captured' | 'released' | 'nothing to do';

/**
 * Settles a session's hold once the session has ended (`charging.capture-session`, queued in the
 * transaction that ended it): a completed session's cost is captured — never more than is still
 * capturable, the rest released by the capture itself — and a session with nothing to bill (zero
 * cost, a start that never came, a refused start) has its hold cancelled. The provider call carries
 * the payments core's idempotency key, and the payment's state decides, so a job run twice (after
 * a crash, a retry) captures once. A failed capture is flagged on the session (capture_status
 * FAILED, capture_error: the operator sees it) and retried by the queue; the session's payable
 * handler records the outcome and books the revenue in the payment's own transaction.
 */
@Injectable()
export class SessionCaptures implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly payments: PaymentsService,
    private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ sessionId: string }>(
      CAPTURE_QUEUE,
      async (job) => void (await this.settle(job.data.sessionId)),
      { retryLimit: 10, retryDelaySeconds: 5 },
    );
  }

  /**
   * The operator's "retry now" for a failed capture: a capture job that runs at once, beside the
   * queue's own backed-off retry. Its singleton key keeps one such job waiting per session however
   * often it is asked, and settle() decides by the payment's state, so both jobs capture once.
   */
  async retryNow(s: ChargingSessionRow): Promise<void> {
    if (s.captureStatus === 'CAPTURED' || s.captureStatus === 'RELEASED') return;
    if (s.captureStatus !== 'FAILED' && s.captureStatus !== 'PENDING')
      throw new AppError(
        'conflict',
        'capture_not_due',
        'The session has not ended: there is nothing to capture yet',
      );
    await this.jobs.send(CAPTURE_QUEUE, { sessionId: s.id }, { singletonKey: `retry:${s.id}` });
    this.logger.info({ sessionId: s.id }, 'capture retry asked by an operator');
  }

  async settle(sessionId: string): Promise<CaptureOutcome> {
    const [s] = await this.database.db
      .select()
      .from(chargingSessions)
      .where(eq(chargingSessions.id, sessionId));
    if (!s || (s.captureStatus !== 'PENDING' && s.captureStatus !== 'FAILED'))
      return 'nothing to do';
    // A start that died while placing the hold never stored its payment: find it by its payable.
    const p = s.paymentId
      ? await this.payments.get(s.paymentId)
      : (await this.payments.forPayable({ type: SESSION_PAYABLE, id: s.id }))[0];
    if (!p) {
      await this.mark(s.id, 'RELEASED', null);
      return 'released';
    }
    if (p.status !== 'AUTHORIZED') {
      // Captured or released already (a job run twice, a webhook first): the handler recorded it.
      if (!['CREATED', 'REQUIRES_ACTION', 'PROCESSING'].includes(p.status)) {
        // A hold never placed (declined) leaves nothing to release.
        if (p.status === 'FAILED') await this.mark(s.id, 'RELEASED', null);
        return 'nothing to do';
      }
      await this.payments.sync(p.id, 'reconcile');
      throw new Error(`payment ${p.id} of session ${s.id} is ${p.status}, not authorized`);
    }
    const cost = s.status === 'COMPLETED' ? (s.cost ?? 0n) : 0n;
    const amount = cost < p.amountCapturable ? cost : p.amountCapturable;
    try {
      if (amount > 0n) await this.payments.capture(p.id, amount);
      else await this.payments.cancel(p.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn({ err, sessionId: s.id, paymentId: p.id }, 'capturing a session failed');
      await this.mark(s.id, 'FAILED', message);
      throw err;
    }
    return amount > 0n ? 'captured' : 'released';
  }

  private async mark(id: string, status: 'RELEASED' | 'FAILED', error: string | null) {
    await this.database.db
      .update(chargingSessions)
      .set({ captureStatus: status, captureError: error, updatedAt: this.clock.now() })
      .where(
        and(
          eq(chargingSessions.id, id),
          inArray(chargingSessions.captureStatus, ['PENDING', 'FAILED']),
        ),
      );
  }
}
