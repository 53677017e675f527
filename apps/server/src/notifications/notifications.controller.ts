import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../identity';
import { Doc } from '../platform/http/doc';
import { pageSchema } from '../platform/http/pagination';
import {
  MailListQuery,
  MailMessagesQuery,
  MailMessageView,
  toMailView,
} from './mail-messages.query';
import { Mailer } from './mailer';

/** The e-mail the platform sent or is trying to send, for an admin: what failed, and a retry. */
@ApiTags('admin')
@Controller('api/v1/admin/notifications')
export class NotificationsController {
  constructor(
    private readonly messages: MailMessagesQuery,
    private readonly mailer: Mailer,
  ) {}

  @Get()
  @Roles('ADMIN')
  @Doc({
    summary:
      'E-mail messages, newest first: `?status` (QUEUED, SENT, FAILED), `?kind`, `?reference` (admin)',
    response: pageSchema(MailMessageView),
  })
  list(@Query({ schema: MailListQuery }) q: MailListQuery) {
    return this.messages.list(q);
  }

  @Post(':id/retry')
  @Roles('ADMIN')
  @Doc({
    summary:
      'Queue a FAILED message again, with a fresh set of retries (409 if not FAILED) (admin)',
    response: MailMessageView,
    errors: [409],
  })
  async retry(@Param('id', { schema: z.string().min(1).max(64) }) id: string) {
    return toMailView(await this.mailer.retry(id));
  }
}
