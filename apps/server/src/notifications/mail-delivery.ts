import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import type { Job } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { MailTransport } from './mail-transport';
import { mailMessages } from './notifications.schema';
import { describeFailure } from './redact';

/**
 * The job that sends one stored message. Only a QUEUED message is sent; a SENT one (a duplicate
 * job) or a FAILED one (a job outlived by its retries) is left as it is. A crash after the server
 * took the message but before SENT was written sends it again, under the same Message-ID.
 * Logs name the message and its kind, never the recipient or the body.
 */
@Injectable()
export class MailDelivery implements OnModuleDestroy {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly transport: MailTransport,
  ) {}

  onModuleDestroy(): void {
    this.transport.close();
  }

  async run(job: Job<{ mailId: string }>): Promise<void> {
    const db = this.database.db;
    const [m] = await db.select().from(mailMessages).where(eq(mailMessages.id, job.data.mailId));
    if (m?.status !== 'QUEUED') return;
    const context = { mailId: m.id, kind: m.kind, transport: this.transport.kind };
    const stillQueued = and(eq(mailMessages.id, m.id), eq(mailMessages.status, 'QUEUED'));
    const attempts = sql`${mailMessages.attempts} + 1`;
    try {
      await this.transport.deliver({
        id: m.id,
        to: m.recipient,
        subject: m.subject,
        text: m.textBody,
        html: m.htmlBody,
        date: m.createdAt,
      });
    } catch (err) {
      const error = describeFailure(err);
      // The job's last attempt: the message is FAILED, for an admin to see and retry — the
      // notifications table, not a dead letter, is where a mail that never left is found.
      const last = job.attempt > job.retryLimit;
      await db
        .update(mailMessages)
        .set({
          attempts,
          lastError: error,
          status: last ? 'FAILED' : 'QUEUED',
          updatedAt: this.clock.now(),
        })
        .where(stillQueued);
      if (last) {
        this.logger.error({ ...context, attempt: job.attempt, error }, 'mail failed; gave up');
        return;
      }
      // Only the redacted words travel on (no `cause`): the job queue logs what a handler throws.
      // eslint-disable-next-line preserve-caught-error -- the cause may name the recipient
      throw new Error(error);
    }
    const now = this.clock.now();
    await db
      .update(mailMessages)
      .set({ attempts, status: 'SENT', sentAt: now, updatedAt: now })
      .where(stillQueued);
    this.logger.info(context, 'mail sent');
  }
}
