import { Body, Controller, Delete, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { Bookings } from './bookings';
import { BOOKING_STATUSES, type BookingRow } from './coworking.schema';
import { BookingView, toBookingView } from './coworking.view';
import { Id } from './spaces.controller';

const Instant = z.iso
  .datetime({ offset: true })
  .meta({ example: '2030-01-07T09:00:00+01:00' })
  .transform((s) => new Date(s));
const BookBody = z.strictObject({ spaceId: Id, start: Instant, end: Instant });
const ListQuery = PageQuery.extend({
  status: z.enum(BOOKING_STATUSES).optional(),
  spaceId: Id.optional(),
});

@ApiTags('coworking')
@Controller('api/v1/bookings')
export class BookingsController {
  constructor(private readonly bookings: Bookings) {}

  private view = (b: BookingRow) => toBookingView(b, this.bookings.refundIfCancelled(b));

  @Post()
  @Idempotent()
  @Doc({
    summary:
      'Book a seat of a space from start to end (within one day’s opening hours): PENDING_PAYMENT with the server’s amount, held for the space’s hold window; pay it with POST /payments/create-intent {bookingId}. Never double-books: 409 slot_unavailable',
    status: 201,
    response: BookingView,
    errors: [409],
  })
  async book(
    @CurrentUser() user: UserRow,
    @Body({ schema: BookBody }) b: z.infer<typeof BookBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.view(await this.bookings.create(user, b, key));
  }

  @Get()
  @Doc({
    summary: 'Bookings, newest first: your own; all for an admin',
    response: pageSchema(BookingView),
  })
  async list(
    @CurrentUser() user: UserRow,
    @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>,
  ) {
    const page = await this.bookings.list(user, q);
    return { ...page, data: page.data.map(this.view) };
  }

  @Get(':id')
  @Doc({ summary: 'A booking of yours (any for an admin)', response: BookingView })
  async get(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.view(await this.bookings.get(user, id));
  }

  @Delete(':id')
  @Doc({
    summary:
      'Cancel a booking under its policy: unpaid → released; paid → the seat freed and refunded in full up to N hours before, the late refund or all but the fee after, nothing from the start. Cancelling again answers the cancelled booking',
    response: BookingView,
    errors: [409],
  })
  async cancel(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.view(await this.bookings.cancel(user, id));
  }
}
