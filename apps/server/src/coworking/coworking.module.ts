import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { LedgerModule } from '../ledger';
import { PaymentsModule } from '../payments';
import { BookingBooks } from './booking-books';
import { BookingSettlements } from './booking-settlements';
import { Bookings } from './bookings';
import { BookingsController } from './bookings.controller';
import { Spaces } from './spaces';
import { SpacesController } from './spaces.controller';

/**
 * Coworking (seed 004, first part of issue 13): spaces with seats, opening hours and policies;
 * members' bookings that the database never lets overlap; paid by a client-confirmed intent of
 * the payments core (a payable, booked to platform revenue), cancelled under the booking's policy.
 */
@Module({
  imports: [IdentityModule, PaymentsModule, LedgerModule],
  controllers: [SpacesController, BookingsController],
  providers: [Spaces, Bookings, BookingSettlements, BookingBooks],
})
export class CoworkingModule {}
