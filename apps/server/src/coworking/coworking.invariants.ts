import { booksAgainstProvider, type Invariant } from '../ledger';
import { BOOKING_PAYABLE } from './coworking.queues';

/**
 * What `ledger:verify` checks of bookings (src/books.ts runs it with every module's): each
 * booking payment's books against what the provider holds (refunds count once the provider
 * confirms them), and a booking's mirrored amounts never above what it costs.
 */
export const COWORKING_INVARIANTS: Invariant[] = [
  booksAgainstProvider({
    what: 'booking paid by card',
    payableType: BOOKING_PAYABLE,
    refunded: 'p.amount_refunded',
  }),
  {
    invariant: 'no booking records more refunded than paid',
    sql: `SELECT id, amount_paid::text, amount_refunded::text FROM coworking_bookings
          WHERE amount_refunded > amount_paid LIMIT 100`,
    describe: (r) =>
      `booking ${String(r.id)} refunded ${String(r.amount_refunded)} of ${String(r.amount_paid)}`,
  },
];
