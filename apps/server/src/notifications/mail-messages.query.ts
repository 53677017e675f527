import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { Database } from '../platform/database/database';
import { PageQuery, selectPage, type Page } from '../platform/http/pagination';
import { MAIL_STATUSES, mailMessages, type MailMessageRow } from './notifications.schema';

export const MailListQuery = PageQuery.extend({
  status: z.enum(MAIL_STATUSES).optional(),
  kind: z.string().min(1).max(100).optional(),
  reference: z.string().min(1).max(200).optional(),
});
export type MailListQuery = z.infer<typeof MailListQuery>;

/** What the admin sees of a message: where it stands, never its body. */
export const MailMessageView = z.object({
  id: z.string(),
  kind: z.string(),
  reference: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  /** The last failure, addresses hidden; kept after a later success. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailMessageView = z.infer<typeof MailMessageView>;

export function toMailView(m: MailMessageRow): MailMessageView {
  return {
    id: m.id,
    kind: m.kind,
    reference: m.reference,
    to: m.recipient,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

/** The stored messages, newest first, for the admin. */
@Injectable()
export class MailMessagesQuery {
  constructor(private readonly database: Database) {}

  list(q: MailListQuery): Promise<Page<MailMessageView>> {
    return selectPage(
      this.database.db.select().from(mailMessages).$dynamic(),
      mailMessages.id,
      q,
      [
        q.status ? eq(mailMessages.status, q.status) : undefined,
        q.kind ? eq(mailMessages.kind, q.kind) : undefined,
        q.reference ? eq(mailMessages.reference, q.reference) : undefined,
      ],
      toMailView,
    );
  }
}
