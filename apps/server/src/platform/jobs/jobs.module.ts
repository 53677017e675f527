import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';

/** The admin API of the job queue; the queue itself is a platform dependency (`JobQueue`). */
@Module({ controllers: [JobsController] })
export class JobsModule {}
