import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.schema';
import type { CancellationPolicy } from './space-rules';
import {
  currencyCheck,
  currencyCode,
  money,
  moneyFromZero,
  positiveCheck,
  primaryId,
  ref,
  timestamps,
  ts,
} from '../platform/database/columns';

export const SPACE_KINDS = ['ROOM', 'DESK', 'DAY_PASS'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];
export const spaceKind = pgEnum('space_kind', SPACE_KINDS);

export const PRICE_UNITS = ['HOUR', 'DAY'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];
export const priceUnit = pgEnum('space_price_unit', PRICE_UNITS);

/** Opening hours of one ISO weekday (1 = Monday … 7 = Sunday), minutes after local midnight. */
export interface OpeningPeriod {
  day: number;
  openMinute: number;
  closeMinute: number;
}

/**
 * A bookable space. Money in minor units; times of day in the space's own IANA time zone. A space
 * has `capacity` seat rows (space_seats): a booking takes one seat, and the database refuses two
 * live bookings of one seat whose ranges (buffer included) overlap.
 */
export const spaces = pgTable(
  'coworking_spaces',
  {
    id: primaryId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: spaceKind('kind').notNull(),
    capacity: integer('capacity').notNull(),
    priceUnit: priceUnit('price_unit').notNull(),
    price: money('price').notNull(),
    currency: currencyCode(),
    timeZone: text('time_zone').notNull(),
    openingHours: jsonb('opening_hours').$type<OpeningPeriod[]>().notNull(),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    /** Cancelled at least this many hours before the start: everything back. */
    fullRefundHours: integer('full_refund_hours').notNull(),
    /** Cancelled later but before the start: this percentage back (exclusive with the fee). */
    lateRefundPercent: integer('late_refund_percent'),
    /** …or all back but this fixed fee. After the start nothing comes back. */
    lateCancellationFee: money('late_cancellation_fee'),
    /** An unpaid booking holds its seat this long, then is released. */
    holdMinutes: integer('hold_minutes').notNull(),
    /** Inactive spaces take no new bookings (live ones stand). */
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    positiveCheck('coworking_spaces', t.price, 'price'),
    currencyCheck('coworking_spaces', t.currency),
    check('coworking_spaces_capacity', sql`${t.capacity} BETWEEN 1 AND 500`),
    check('coworking_spaces_buffer', sql`${t.bufferMinutes} BETWEEN 0 AND 240`),
    check('coworking_spaces_hold', sql`${t.holdMinutes} BETWEEN 1 AND 1440`),
    check(
      'coworking_spaces_late_policy',
      sql`(${t.lateRefundPercent} IS NULL) <> (${t.lateCancellationFee} IS NULL)
        AND coalesce(${t.lateRefundPercent}, 0) BETWEEN 0 AND 100
        AND coalesce(${t.lateCancellationFee}, 0) >= 0`,
    ),
  ],
);
export type SpaceRow = typeof spaces.$inferSelect;

/** One seat of a space (a room has one): what the exclusion constraint is keyed on. */
export const spaceSeats = pgTable(
  'coworking_space_seats',
  {
    id: primaryId(),
    spaceId: ref('space_id', () => spaces.id),
    number: integer('number').notNull(),
  },
  (t) => [uniqueIndex('coworking_space_seats_number').on(t.spaceId, t.number)],
);
export type SeatRow = typeof spaceSeats.$inferSelect;

export const BOOKING_STATUSES = [
  'PENDING_PAYMENT',
  'CONFIRMED',
  'CANCELLED',
  'EXPIRED',
  'FAILED',
  'REFUNDED',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const bookingStatus = pgEnum('booking_status', BOOKING_STATUSES);
/** The statuses that hold a seat (the exclusion constraint's WHERE, migration 0026). */
export const LIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['PENDING_PAYMENT', 'CONFIRMED'];

/**
 * A member's booking of one seat from `startsAt` to `endsAt`. `blockedUntil` is `endsAt` plus the
 * space's buffer at booking time; migration 0026 adds
 *   EXCLUDE USING gist (seat_id WITH =, tstzrange(starts_at, blocked_until) WITH &&)
 *   WHERE (status IN ('PENDING_PAYMENT','CONFIRMED'))
 * so two live bookings of a seat can never overlap, whatever runs concurrently.
 */
export const bookings = pgTable(
  'coworking_bookings',
  {
    id: primaryId(),
    userId: ref('user_id', () => users.id),
    spaceId: ref('space_id', () => spaces.id),
    seatId: ref('seat_id', () => spaceSeats.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    blockedUntil: ts('blocked_until').notNull(),
    status: bookingStatus('status').notNull().default('PENDING_PAYMENT'),
    amount: money('amount').notNull(),
    currency: currencyCode(),
    /** What the provider says was captured, refunded and disputed (mirrored from the payment). */
    amountPaid: moneyFromZero('amount_paid'),
    amountRefunded: moneyFromZero('amount_refunded'),
    amountDisputed: moneyFromZero('amount_disputed'),
    /** The space's cancellation policy when booked: a later edit of the space does not change it. */
    policy: jsonb('policy').$type<CancellationPolicy>().notNull(),
    /** What the cancellation policy gave back when the member cancelled (null: not cancelled). */
    refundDue: money('refund_due'),
    /** Unpaid after this, the booking is released. */
    holdExpiresAt: ts('hold_expires_at').notNull(),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    cancelledAt: ts('cancelled_at'),
    /** The Idempotency-Key of the request that made it, unique per member. */
    requestKey: text('request_key'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('coworking_bookings_request_key').on(t.userId, t.requestKey),
    index('coworking_bookings_user_idx').on(t.userId),
    index('coworking_bookings_space_idx').on(t.spaceId, t.startsAt),
    index('coworking_bookings_hold_idx')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} = 'PENDING_PAYMENT'`),
    positiveCheck('coworking_bookings', t.amount),
    currencyCheck('coworking_bookings', t.currency),
    check('coworking_bookings_range', sql`${t.startsAt} < ${t.endsAt}`),
    check('coworking_bookings_blocked', sql`${t.blockedUntil} >= ${t.endsAt}`),
    check(
      'coworking_bookings_refund_due',
      sql`${t.refundDue} IS NULL OR (${t.refundDue} >= 0 AND ${t.refundDue} <= ${t.amount})`,
    ),
  ],
);
export type BookingRow = typeof bookings.$inferSelect;
