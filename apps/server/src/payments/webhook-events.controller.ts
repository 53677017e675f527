import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../identity';
import { DayRangeQuery } from '../platform/http/day-range';
import { Doc } from '../platform/http/doc';
import { pageSchema } from '../platform/http/pagination';
import {
  WebhookEventDetail,
  WebhookEventsQuery,
  WebhookEventView,
  WebhookListQuery,
  WebhookStatsView,
} from './webhook-events.query';

/** The stored provider webhooks, read by an admin: what arrived, and what became of it. */
@ApiTags('payments')
@Controller('api/v1/admin/webhooks')
export class WebhookEventsController {
  constructor(private readonly events: WebhookEventsQuery) {}

  @Get('events')
  @Roles('ADMIN')
  @Doc({
    summary:
      'Webhook events, newest first: `?type`, `?state` (PENDING, APPLIED, FAILED), `?paymentId` (events about that payment) (admin)',
    response: pageSchema(WebhookEventView),
  })
  list(@Query({ schema: WebhookListQuery }) q: WebhookListQuery) {
    return this.events.list(q);
  }

  @Get('events/:id')
  @Roles('ADMIN')
  @Doc({
    summary: 'One webhook event: its payload, processing state, attempts and last error (admin)',
    response: WebhookEventDetail,
  })
  get(@Param('id', { schema: z.string().min(1).max(255) }) id: string) {
    return this.events.get(id);
  }

  @Get('stats')
  @Roles('ADMIN')
  @Doc({
    summary:
      'Per day (in `timeZone`, `from`–`to` inclusive): webhook events received, applied and failed (admin)',
    response: WebhookStatsView,
  })
  perDay(@Query({ schema: DayRangeQuery }) q: DayRangeQuery) {
    return this.events.perDay(q);
  }
}
