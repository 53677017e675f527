import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { AppError } from '../platform/errors/app-error';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { CAPTURE_STATUSES, SESSION_STATUSES } from './charging.schema';
import { DriverSessions } from './driver-sessions';
import { SessionCaptures } from './session-captures';
import { SessionsQuery } from './sessions.query';
import { ReceiptView, SessionView } from './sessions.view';

const Id = z.string().min(1).max(64);
const StartBody = z.strictObject({
  connectorId: Id,
  /** A saved card of the driver (`pm_…`); absent: their first saved card. */
  paymentMethodId: z.string().min(1).max(255).optional(),
});
const StopBody = z.strictObject({ sessionId: Id });
const ListQuery = PageQuery.extend({
  status: z.enum(SESSION_STATUSES).optional(),
  captureStatus: z.enum(CAPTURE_STATUSES).optional(),
  /** An admin may narrow to one company. */
  companyId: Id.optional(),
  /** The sessions at one station (through its chargers). */
  stationId: Id.optional(),
  /** Created at or after `from`, before `to` (ISO 8601 instants). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

@ApiTags('charging')
@Controller('api/v1/sessions')
export class SessionsController {
  constructor(
    private readonly drivers: DriverSessions,
    private readonly query: SessionsQuery,
    private readonly captures: SessionCaptures,
  ) {}

  @Post('start')
  @Idempotent()
  @Doc({
    summary:
      'Start charging at a connector: holds the tariff’s hold amount on a saved card (402 if declined, nothing sent to the charger), then starts the charger remotely; STARTING until the charger’s StartTransaction',
    status: 201,
    response: SessionView,
    errors: [402, 409, 503],
  })
  async start(
    @CurrentUser() user: UserRow,
    @Body({ schema: StartBody }) b: z.infer<typeof StartBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const session = await this.drivers.start(user, b, key);
    return this.query.view(user, session.id);
  }

  @Post('stop')
  @HttpCode(200)
  @Doc({
    summary:
      'Stop a charging session (its driver, an operator of its company, an admin): the charger is stopped remotely; the session completes with its StopTransaction (energy, cost) and the cost is captured',
    response: SessionView,
    errors: [409, 503],
  })
  async stop(
    @CurrentUser() user: UserRow,
    @Body({ schema: StopBody }) b: z.infer<typeof StopBody>,
  ) {
    const session = await this.query.visible(user, b.sessionId);
    await this.drivers.stop(session);
    return this.query.view(user, session.id);
  }

  @Get()
  @Doc({
    summary:
      'Sessions, newest first: a driver’s own, an operator’s company’s, every one for an admin; by status, capture status (`captureStatus=FAILED`: captures that need attention), station, creation time',
    response: pageSchema(SessionView),
  })
  list(@CurrentUser() user: UserRow, @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>) {
    return this.query.list(user, q);
  }

  @Post(':id/retry-capture')
  @Idempotent()
  @HttpCode(202)
  @Doc({
    summary:
      'An operator of its company or an admin: run the capture of a session whose capture failed now, through the capture job (one waiting retry per session, however often asked); a session already settled is answered as it is',
    status: 202,
    response: SessionView,
    errors: [409],
  })
  async retryCapture(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    const session = await this.query.visible(user, id);
    if (
      user.role !== 'ADMIN' &&
      !(user.role === 'OPERATOR' && user.companyId === session.companyId)
    )
      throw AppError.forbidden('Only an operator of its company or an admin retries a capture');
    await this.captures.retryNow(session);
    return this.query.view(user, session.id);
  }

  @Get(':id')
  @Doc({ summary: 'A session with its live energy (Wh) and cost', response: SessionView })
  get(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.query.view(user, id);
  }

  @Get(':id/receipt')
  @Doc({
    summary:
      'The session’s receipt: the pricing engine’s lines, total, tax and what was captured (the cost so far while charging)',
    response: ReceiptView,
    errors: [409],
  })
  receipt(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.query.receipt(user, id);
  }
}
