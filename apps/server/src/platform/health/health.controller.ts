import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../http/access';
import { migrationStatus, Database } from '../database/database';
import { AppError } from '../errors/app-error';
import { Doc } from '../http/doc';
import type { Metrics } from '../metrics/metrics';
import { METRICS } from '../platform.module';

const Alive = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.literal('ready'),
  database: z.literal('ok'),
  migrations: z.object({ expected: z.number(), applied: z.number() }),
});

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly database: Database,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  @Public()
  @Get('health')
  @Doc({ summary: 'Liveness: the process answers', response: Alive })
  alive() {
    return { status: 'ok' as const };
  }

  @Public()
  @Get('health/ready')
  @Doc({ summary: 'Readiness: database reachable and every migration applied', response: Ready })
  async ready() {
    let migrations: { expected: number; applied: number };
    try {
      await this.database.pool.query('SELECT 1');
      migrations = await migrationStatus(this.database);
    } catch {
      throw new AppError('unavailable', 'database_unavailable', 'The database is not reachable');
    }
    if (migrations.applied < migrations.expected) {
      throw new AppError(
        'unavailable',
        'migrations_pending',
        'Database migrations are not all applied',
      );
    }
    return { status: 'ready' as const, database: 'ok' as const, migrations };
  }

  @Public()
  @Get('metrics')
  @Doc({ summary: 'Prometheus metrics (text exposition format)' })
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
