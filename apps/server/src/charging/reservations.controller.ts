import { Body, Controller, Delete, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { Id } from './charging.inputs';
import { RESERVATION_STATUSES, type ReservationRow } from './charging.schema';
import { Reservations } from './reservations';

const ReserveBody = z.strictObject({
  connectorId: Id,
  /** How long the connector is held for the driver. */
  minutes: z.number().int().min(5).max(60).default(15),
});
const ListQuery = PageQuery.extend({ status: z.enum(RESERVATION_STATUSES).optional() });

export const ReservationView = z.object({
  id: z.string(),
  status: z.enum(RESERVATION_STATUSES),
  driverId: z.string(),
  chargerId: z.string(),
  connectorId: z.string(),
  /** The charger's answer when it refused (`OCCUPIED`, `FAULTED`, …), or `NO_ANSWER`. */
  failureCode: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const view = (r: ReservationRow): z.infer<typeof ReservationView> => ({
  id: r.id,
  status: r.status,
  driverId: r.userId,
  chargerId: r.chargerId,
  connectorId: r.connectorId,
  failureCode: r.failureCode,
  expiresAt: r.expiresAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

@ApiTags('charging')
@Controller('api/v1/reservations')
export class ReservationsController {
  constructor(private readonly reservations: Reservations) {}

  @Post()
  @Idempotent()
  @Doc({
    summary:
      'Reserve an Available connector for 5–60 minutes (ReserveNow): only you can start on it until it expires; one live reservation per connector and per driver',
    status: 201,
    response: ReservationView,
    errors: [409, 503],
  })
  async reserve(
    @CurrentUser() user: UserRow,
    @Body({ schema: ReserveBody }) b: z.infer<typeof ReserveBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return view(await this.reservations.reserve(user, b, key));
  }

  @Get()
  @Doc({
    summary:
      'Reservations, newest first: a driver’s own, an operator’s company’s, all for an admin',
    response: pageSchema(ReservationView),
  })
  async list(
    @CurrentUser() user: UserRow,
    @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>,
  ) {
    const page = await this.reservations.list(user, q);
    return { ...page, data: page.data.map(view) };
  }

  @Get(':id')
  @Doc({ summary: 'A reservation', response: ReservationView })
  async get(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return view(await this.reservations.get(user, id));
  }

  @Delete(':id')
  @Doc({
    summary:
      'Cancel a live reservation (CancelReservation); its driver, an operator of its company, an admin',
    response: ReservationView,
    errors: [409],
  })
  async cancel(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return view(await this.reservations.cancel(user, id));
  }
}
