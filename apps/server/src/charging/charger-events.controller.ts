import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentUser, Roles, type UserRow } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { Doc } from '../platform/http/doc';
import { EventStreams } from '../platform/http/event-streams';
import { Chargers } from './chargers';
import { ChargingEvents, type EventFilter } from './charging-events';
import { Id } from './charging.inputs';
import { Stations } from './stations';

const EventsQuery = z.strictObject({ stationId: Id.optional(), chargerId: Id.optional() });

@ApiTags('charging')
@Controller('api/v1/chargers')
export class ChargerEventsController {
  constructor(
    private readonly chargers: Chargers,
    private readonly stations: Stations,
    private readonly events: ChargingEvents,
    private readonly streams: EventStreams,
  ) {}

  @Get('events')
  @Roles('OPERATOR', 'ADMIN')
  @Doc({
    summary:
      "Live events of the company's chargers (an admin's: every company's) as server-sent events, optionally of one station or charger",
    stream:
      'text/event-stream: events `charger.online`, `charger.offline`, `charger.status`, `connector.status`, `session.updated`, each `data` one JSON object (docs/api.md); a comment line every 15 s',
  })
  async stream(
    @CurrentUser() actor: UserRow,
    @Query({ schema: EventsQuery }) q: z.infer<typeof EventsQuery>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Everything that can be refused is, before the stream's 200 is sent.
    if (q.stationId) await this.stations.get(actor, q.stationId);
    if (q.chargerId) await this.chargers.get(actor, q.chargerId);
    const filter: EventFilter = {
      companyId: actor.role === 'ADMIN' ? undefined : companyOf(actor),
      stationId: q.stationId,
      chargerId: q.chargerId,
    };
    const stream = this.streams.open(reply, `user:${actor.id}`);
    const stop = this.events.subscribe(filter, (event) => stream.send(event.type, event));
    void stream.closed.then(stop);
  }
}

function companyOf(actor: UserRow): string {
  if (!actor.companyId) throw AppError.forbidden();
  return actor.companyId;
}
