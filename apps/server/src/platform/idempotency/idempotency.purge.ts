import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/jobs';
import { IdempotencyStore } from './idempotency.store';

export const PURGE_QUEUE = 'idempotency.purge';

/** Keys are kept 24 h; an hourly job deletes the expired ones. */
@Injectable()
export class IdempotencyPurge implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly store: IdempotencyStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define(PURGE_QUEUE, async () => void (await this.store.purgeExpired()), {
      retryLimit: 2,
      retryDelaySeconds: 60,
    });
    await this.jobs.schedule(PURGE_QUEUE, '17 * * * *');
  }
}
