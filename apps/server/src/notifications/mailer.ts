import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { Database, type Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { JobQueue } from '../platform/jobs/jobs';
import { MailDelivery } from './mail-delivery';
import { mailMessages, type MailMessageRow } from './notifications.schema';

export const MAIL_QUEUE = 'notifications.send-mail';

/** What a module asks to send. Plain text always; HTML optional (clients show one or the other). */
export interface MailMessage {
  /**
   * Names the event the message tells of (`orders.paid:ord_…`): one message per key, ever, so a
   * handler run twice (a crash, a repeated webhook) queues one mail.
   */
  key: string;
  /** What kind of message (`orders.paid`, `charging.receipt`): the admin filters by it. */
  kind: string;
  /** The id of what caused it (an order, a charging session). */
  reference: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
const KIND = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

/** A caller's bug, not a client's mistake: refused before anything is stored. */
function check(m: MailMessage): void {
  const bad = [
    !m.key || m.key.length > 200 ? 'key' : '',
    !KIND.test(m.kind) || m.kind.length > 100 ? 'kind' : '',
    !m.reference || m.reference.length > 200 ? 'reference' : '',
    !ADDRESS.test(m.to) || m.to.length > 320 ? 'to' : '',
    !m.subject || /[\r\n]/.test(m.subject) || m.subject.length > 200 ? 'subject' : '',
    !m.text ? 'text' : '',
  ].filter(Boolean);
  if (bad.length) throw new Error(`mail not queued: bad ${bad.join(', ')}`);
}

/**
 * E-mail, sent by a job and never inline: `enqueue` stores the message and queues its job in the
 * caller's transaction, so the mail exists exactly when the change it tells of commits — never for
 * a change rolled back, and never twice for one key. The job (MailDelivery) sends it.
 */
@Injectable()
export class Mailer implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly jobs: JobQueue,
    private readonly delivery: MailDelivery,
  ) {}

  async onModuleInit(): Promise<void> {
    const { retryLimit, retryDelaySeconds } = this.config.mail;
    await this.jobs.define<{ mailId: string }>(MAIL_QUEUE, (job) => this.delivery.run(job), {
      retryLimit,
      retryDelaySeconds,
      // Longer than the SMTP timeouts add up to, so a slow server fails the attempt, not the job.
      expireInSeconds: 120,
      concurrency: 2,
    });
  }

  /**
   * Stores the message and queues its sending in `tx`. Returns the message's id: the one already
   * stored under `message.key` if there is one (then nothing new is queued).
   */
  async enqueue(tx: Tx, message: MailMessage): Promise<string> {
    check(message);
    const now = this.clock.now();
    const [created] = await tx
      .insert(mailMessages)
      .values({
        id: newId('mail', now.getTime()),
        idempotencyKey: message.key,
        kind: message.kind,
        reference: message.reference,
        recipient: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: mailMessages.idempotencyKey })
      .returning({ id: mailMessages.id });
    if (created) {
      await this.send(tx, created.id);
      return created.id;
    }
    const [earlier] = await tx
      .select({ id: mailMessages.id })
      .from(mailMessages)
      .where(eq(mailMessages.idempotencyKey, message.key));
    return earlier!.id;
  }

  /**
   * A FAILED message queued again (an admin, once the server is back): a new job with its retries.
   * 404 if unknown, 409 if it is not FAILED (sent, or still being tried).
   */
  async retry(id: string): Promise<MailMessageRow> {
    return this.database.db.transaction(async (tx) => {
      const [queued] = await tx
        .update(mailMessages)
        .set({ status: 'QUEUED', updatedAt: this.clock.now() })
        .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'FAILED')))
        .returning();
      if (!queued) {
        const [row] = await tx
          .select({ status: mailMessages.status })
          .from(mailMessages)
          .where(eq(mailMessages.id, id));
        if (!row) throw AppError.notFound('message', id);
        throw new AppError(
          'conflict',
          'message_not_failed',
          `Only a FAILED message can be retried; this one is ${row.status}`,
        );
      }
      await this.send(tx, id);
      return queued;
    });
  }

  /**
   * No singletonKey: a job is sent only by the transaction that created the row or moved it from
   * FAILED back to QUEUED, so one waits per message already — and the key's advisory lock and
   * lookup would be two more round trips on every WALLET order's receipt.
   */
  private async send(tx: Tx, mailId: string): Promise<void> {
    await this.jobs.send(MAIL_QUEUE, { mailId }, { tx });
  }
}
