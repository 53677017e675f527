import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../http/access';
import { Doc } from '../http/doc';
import { PageQuery, pageSchema } from '../http/pagination';
import { type DeadLetter, JobQueue } from './jobs';

const ListQuery = PageQuery.extend({ queue: z.string().min(1).max(100).optional() });

const DeadLetterView = z.object({
  id: z.string(),
  queue: z.string(),
  data: z.unknown(),
  error: z.object({ name: z.string().nullable(), message: z.string() }).nullable(),
  status: z.enum(['dead', 'replayed']),
  deadAt: z.iso.datetime(),
  replayedAt: z.iso.datetime().nullable(),
  replayJobId: z.string().nullable(),
});
type DeadLetterView = z.infer<typeof DeadLetterView>;

function toView(d: DeadLetter): DeadLetterView {
  return {
    id: d.id,
    queue: d.queue,
    data: d.data,
    error: d.error,
    status: d.replayJobId ? 'replayed' : 'dead',
    deadAt: d.deadAt.toISOString(),
    replayedAt: d.replayedAt?.toISOString() ?? null,
    replayJobId: d.replayJobId,
  };
}

const QueueStatsView = z.object({
  queue: z.string(),
  created: z.number().int(),
  active: z.number().int(),
  retry: z.number().int(),
  failed: z.number().int(),
  deadLetters: z.number().int(),
});

/** Jobs that failed every retry, for an admin to inspect and send again once the cause is fixed. */
@ApiTags('admin')
@Controller('api/v1/admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobQueue) {}

  @Get('stats')
  @Roles('ADMIN')
  @Doc({
    summary:
      'Queue depth: jobs per queue waiting (created), running (active), waiting for a retry, failed, and dead letters not replayed',
    response: z.object({ data: z.array(QueueStatsView) }),
  })
  async stats() {
    return { data: await this.jobs.stats() };
  }

  @Get('dead-letters')
  @Roles('ADMIN')
  @Doc({
    summary: 'Dead letters (jobs that failed every retry), newest first; `?queue=` filters',
    response: pageSchema(DeadLetterView),
  })
  async list(@Query({ schema: ListQuery }) query: z.infer<typeof ListQuery>) {
    const page = await this.jobs.listDeadLetters(query);
    return { ...page, data: page.data.map(toView) };
  }

  @Post('dead-letters/:id/replay')
  @Roles('ADMIN')
  @Doc({
    summary: 'Send a dead letter to its queue again (once: a second replay is 409)',
    response: DeadLetterView,
  })
  async replay(@Param('id', { schema: z.string().min(1).max(64) }) id: string) {
    const { deadLetter } = await this.jobs.replayDeadLetter(id);
    return toView(deadLetter);
  }
}
