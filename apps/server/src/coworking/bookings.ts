import { Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { UserRow } from '../identity';
import type { IntentQuote } from '../payments';
import { PayablesRegistry } from '../payments';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { isUniqueViolation, sqlState } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import { JobQueue } from '../platform/jobs/jobs';
import { Logger } from '../platform/logging/logger';
import { MAX_AMOUNT } from '../platform/money';
import { BookingSettlements } from './booking-settlements';
import {
  bookings,
  LIVE_BOOKING_STATUSES,
  type BookingRow,
  type BookingStatus,
} from './coworking.schema';
import { BOOKING_PAYABLE, REFUND_QUEUE } from './coworking.queues';
import { checkRange, fits, priceOf, refundFor, type CancellationPolicy } from './space-rules';
import { Spaces } from './spaces';

/** PostgreSQL's exclusion_violation: the seat is taken for an overlapping range. */
const EXCLUSION_VIOLATION = '23P01';
/**
 * deadlock_detected: two inserts checking the exclusion constraint against each other's rows can
 * each wait for the other; PostgreSQL aborts one, and that one simply tries again.
 */
const DEADLOCK = '40P01';

/** Who may see a booking: its member, or an admin. */
function visibleTo(actor: UserRow): SQL | undefined {
  return actor.role === 'ADMIN' ? undefined : eq(bookings.userId, actor.id);
}

const slotTaken = () =>
  new AppError('conflict', 'slot_unavailable', 'That time is already booked', { param: 'start' });

/**
 * Members' bookings of a seat in a space. A booking is created PENDING_PAYMENT with its amount from
 * the space's price (never the client's), on the first seat the database lets it have: the
 * exclusion constraint, not this code, is what makes a double booking impossible. Paying happens
 * through the payments core (`POST /payments/create-intent {bookingId}`); its outcomes arrive in
 * BookingSettlements. Cancelling applies the policy copied onto the booking.
 */
@Injectable()
export class Bookings implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly spaces: Spaces,
    private readonly registry: PayablesRegistry,
    private readonly settlements: BookingSettlements,
    private readonly jobs: JobQueue,
    private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.registry.registerIntentSource('bookingId', BOOKING_PAYABLE, (payer, id) =>
      this.quote(payer, id),
    );
  }

  private get db() {
    return this.database.db;
  }

  async create(
    user: UserRow,
    input: { spaceId: string; start: Date; end: Date },
    key: string | undefined,
  ): Promise<BookingRow> {
    if (key) {
      const replay = await this.byKey(user.id, key);
      if (replay) return this.sameRequest(replay, input);
    }
    const space = await this.spaces.get(input.spaceId);
    checkRange(space, input.start, input.end);
    const now = this.clock.now();
    if (input.start.getTime() <= now.getTime())
      throw AppError.validation('The start is in the past', 'start', 'start_in_past');
    const amount = priceOf(space, input.start, input.end);
    if (amount > BigInt(MAX_AMOUNT))
      throw AppError.validation('The booking costs too much', 'end', 'amount_out_of_range');
    const policy: CancellationPolicy = {
      fullRefundHours: space.fullRefundHours,
      lateRefundPercent: space.lateRefundPercent,
      lateCancellationFee: space.lateCancellationFee?.toString() ?? null,
    };
    const blockedUntil = new Date(input.end.getTime() + space.bufferMinutes * 60_000);
    const seats = await this.seatsInOrder(space.id, space.bufferMinutes, input.start, input.end);
    for (let i = 0, deadlocks = 0; i < seats.length; i++) {
      const seatId = seats[i]!;
      try {
        const [row] = await this.db
          .insert(bookings)
          .values({
            id: newId('booking', now.getTime()),
            userId: user.id,
            spaceId: space.id,
            seatId,
            startsAt: input.start,
            endsAt: input.end,
            blockedUntil,
            amount,
            currency: space.currency,
            policy,
            holdExpiresAt: new Date(now.getTime() + space.holdMinutes * 60_000),
            requestKey: key ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return row!;
      } catch (err) {
        // Another request took this seat for an overlapping time first: try the next seat.
        if (sqlState(err) === EXCLUSION_VIOLATION) continue;
        if (sqlState(err) === DEADLOCK && deadlocks++ < 5) {
          i--; // the same seat again
          continue;
        }
        // The same key raced in concurrently: answer what the first request made.
        if (key && isUniqueViolation(err)) {
          const replay = await this.byKey(user.id, key);
          if (replay) return this.sameRequest(replay, input);
        }
        throw err;
      }
    }
    throw slotTaken();
  }

  private async byKey(userId: string, key: string): Promise<BookingRow | undefined> {
    const [row] = await this.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.userId, userId), eq(bookings.requestKey, key)));
    return row;
  }

  private sameRequest(
    row: BookingRow,
    input: { spaceId: string; start: Date; end: Date },
  ): BookingRow {
    const same =
      row.spaceId === input.spaceId &&
      row.startsAt.getTime() === input.start.getTime() &&
      row.endsAt.getTime() === input.end.getTime();
    if (!same)
      throw AppError.idempotencyKeyReused(
        'This Idempotency-Key was used for another booking',
        'Idempotency-Key',
      );
    return row;
  }

  /**
   * Seats that look free first (fewer doomed inserts), then the rest: what looked taken may have
   * been cancelled since. The constraint decides either way.
   */
  private async seatsInOrder(spaceId: string, buffer: number, start: Date, end: Date) {
    const seatIds = await this.spaces.seatIds(this.db, spaceId);
    const live = await this.db
      .select({
        seatId: bookings.seatId,
        startsAt: bookings.startsAt,
        blockedUntil: bookings.blockedUntil,
      })
      .from(bookings)
      .where(
        and(eq(bookings.spaceId, spaceId), inArray(bookings.status, [...LIVE_BOOKING_STATUSES])),
      );
    const free = seatIds.filter((id) =>
      fits(
        live.filter((t) => t.seatId === id),
        start,
        end,
        buffer,
      ),
    );
    return [...free, ...seatIds.filter((id) => !free.includes(id))];
  }

  async get(actor: UserRow, id: string): Promise<BookingRow> {
    const [row] = await this.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.id, id), visibleTo(actor)));
    if (!row) throw AppError.notFound('booking', id);
    return row;
  }

  list(
    actor: UserRow,
    query: PageQuery & { status?: BookingStatus; spaceId?: string },
  ): Promise<Page<BookingRow>> {
    return selectPage(
      this.db.select().from(bookings).$dynamic(),
      bookings.id,
      query,
      [
        visibleTo(actor),
        query.status ? eq(bookings.status, query.status) : undefined,
        query.spaceId ? eq(bookings.spaceId, query.spaceId) : undefined,
      ],
      (r) => r,
    );
  }

  /** What the payer owes for their booking now (for create-intent): only while it awaits payment. */
  private async quote(payer: UserRow, id: string): Promise<IntentQuote> {
    // Only its member pays a booking (an admin sees it, but does not pay it).
    const [b] = await this.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.id, id), eq(bookings.userId, payer.id)));
    if (!b) throw AppError.notFound('booking', id);
    if (b.status !== 'PENDING_PAYMENT' || b.holdExpiresAt <= this.clock.now())
      throw new AppError('conflict', 'booking_not_payable', `The booking is ${b.status}`, {
        param: 'bookingId',
      });
    return { amount: b.amount, currency: b.currency, description: `Booking ${b.id}` };
  }

  /** The refund a cancellation now would give (shown before the member confirms). */
  refundIfCancelled(b: BookingRow): bigint {
    if (b.status !== 'CONFIRMED') return 0n;
    return refundFor(b.policy, b.amountPaid - b.amountRefunded, b.startsAt, this.clock.now());
  }

  /**
   * Cancels a booking by its member (or an admin). Unpaid: released, its open intents cancelled.
   * Paid: the seat is freed and the policy's refund recorded as due in the same transaction, with
   * a job that sends it (one refund per booking, by its request key); it is also tried at once. A
   * repeated cancel answers the cancelled booking.
   */
  async cancel(actor: UserRow, id: string): Promise<BookingRow> {
    const b = await this.get(actor, id);
    if (b.status === 'CANCELLED') return b;
    if (b.status !== 'PENDING_PAYMENT' && b.status !== 'CONFIRMED')
      throw new AppError('conflict', 'booking_not_cancellable', `The booking is ${b.status}`);
    const now = this.clock.now();
    const refund = this.refundIfCancelled(b);
    const cancelled = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(bookings)
        .set({ status: 'CANCELLED', refundDue: refund, cancelledAt: now, updatedAt: now })
        .where(and(eq(bookings.id, b.id), eq(bookings.status, b.status)))
        .returning();
      if (!row) return undefined;
      if (refund > 0n)
        await this.jobs.send(REFUND_QUEUE, { bookingId: b.id }, { tx, singletonKey: b.id });
      return row;
    });
    // Paid or confirmed meanwhile (a webhook won the race): look again.
    if (!cancelled) return this.cancel(actor, id);
    if (b.status === 'PENDING_PAYMENT') await this.settlements.closeOpenIntents(b.id);
    if (refund > 0n)
      await this.settlements
        .sendRefund(b.id)
        .catch((err: unknown) =>
          this.log.warn(
            { err, bookingId: b.id },
            'a cancellation refund will be retried by its job',
          ),
        );
    return this.get(actor, id);
  }
}
