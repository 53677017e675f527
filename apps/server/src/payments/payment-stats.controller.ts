import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity';
import { DayRangeQuery } from '../platform/http/day-range';
import { Doc } from '../platform/http/doc';
import { PaymentStats, PaymentStatsView } from './payment-stats';

@ApiTags('payments')
@Controller('api/v1/admin/payments')
export class PaymentStatsController {
  constructor(private readonly stats: PaymentStats) {}

  @Get('stats')
  @Roles('ADMIN')
  @Doc({
    summary:
      'Per day (in `timeZone`, `from`–`to` inclusive, default the last 30 days): payments by status, success rate, captured volume per currency (admin)',
    response: PaymentStatsView,
  })
  perDay(@Query({ schema: DayRangeQuery }) q: DayRangeQuery) {
    return this.stats.perDay(q);
  }
}
