import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import { ChargingStats, DailyStatsQuery, DailyStatsView } from './charging-stats';

@ApiTags('charging')
@Controller('api/v1/charging/stats')
export class ChargingStatsController {
  constructor(private readonly stats: ChargingStats) {}

  @Get('daily')
  @Doc({
    summary:
      'Completed sessions, energy (Wh) and revenue (gross captured, platform fee, net) per station per day in the station’s time zone, per currency; an operator’s company’s stations, any for an admin; at most 366 days',
    response: DailyStatsView,
  })
  daily(@CurrentUser() user: UserRow, @Query({ schema: DailyStatsQuery }) q: DailyStatsQuery) {
    return this.stats.daily(user, q);
  }
}
