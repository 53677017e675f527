import {
  type ExecutionContext,
  Controller,
  Get,
  Headers,
  Injectable,
  Param,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, type AuthedRequest, type UserRow } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { Doc } from '../platform/http/doc';
import { EventStreams } from '../platform/http/event-streams';
import { PublicRateLimit } from '../platform/rate-limit/public-rate-limit.guard';
import { ipKey } from '../platform/rate-limit/rate-limiter';
import { ChargingEvents } from './charging-events';
import { Id } from './charging.inputs';
import { OptionalUser, OptionalUserGuard } from './optional-user.guard';
import { SessionStreamAccess } from './session-stream-access';
import { SessionNews, sessionSettled } from './session-news';

/** A guest's session key: 32 random bytes, base64url (43 characters); room to spare, no more. */
const KEY_MAX = 128;
/** No parameters: an unknown one is a 400, as everywhere. */
const NoQuery = z.strictObject({});

/** Guests (no account) are counted per IP; signed-in callers are limited by their open streams. */
@Injectable()
export class SessionEventsRateLimit extends PublicRateLimit {
  protected readonly bucket = 'session-events';

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.switchToHttp().getRequest<AuthedRequest>().user) return true;
    return super.canActivate(ctx);
  }
}

@ApiTags('charging')
@Controller('api/v1/sessions')
export class SessionEventsController {
  constructor(
    private readonly access: SessionStreamAccess,
    private readonly news: SessionNews,
    private readonly events: ChargingEvents,
    private readonly streams: EventStreams,
  ) {}

  @Get(':id/events')
  @Public()
  @UseGuards(OptionalUserGuard, SessionEventsRateLimit)
  @Doc({
    summary:
      'One session live, as server-sent events: its driver, an operator of its company, an admin (Bearer token) or a guest with the session’s key (header X-Session-Key); ends once the session has ended and its hold is settled',
    stream:
      'text/event-stream: `session.updated` events, each `data` one JSON object (docs/api.md) — the first is the session as it is now; a comment line every 15 s',
    errors: [429],
  })
  async stream(
    @OptionalUser() actor: UserRow | undefined,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: NoQuery }) _query: z.infer<typeof NoQuery>,
    @Headers('x-session-key') rawKey: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const key = rawKey || undefined;
    if (key !== undefined && key.length > KEY_MAX)
      throw AppError.validation(`X-Session-Key is at most ${KEY_MAX} characters`, 'x-session-key');
    // Everything that can be refused is, before the stream's 200 is sent.
    await this.access.mayWatch(actor, id, key);
    const stream = this.streams.open(reply, actor ? `user:${actor.id}` : `ip:${ipKey(req.ip)}`);
    // Listening before reading, so a change in between is not lost; what is heard before the
    // read is older than it (published after its commit), so the read comes first and stands.
    let read = false;
    const stop = this.events.subscribe({ sessionId: id, types: ['session.updated'] }, (event) => {
      if (!read) return;
      stream.send(event.type, event);
      if (event.type === 'session.updated' && sessionSettled(event)) stream.close();
    });
    void stream.closed.then(stop);
    const now = await this.news.current(id).catch(() => undefined);
    if (!now) return stream.close();
    read = true;
    stream.send(now.type, { ...now, at: new Date().toISOString() });
    if (sessionSettled(now)) stream.close();
  }
}
