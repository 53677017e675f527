import { z } from 'zod';
import { toJsonNumber } from '../platform/money';
import {
  BOOKING_STATUSES,
  PRICE_UNITS,
  SPACE_KINDS,
  type BookingRow,
  type SpaceRow,
} from './coworking.schema';
import type { Availability } from './spaces';

const Period = z.object({
  day: z.number().int().meta({ description: 'ISO weekday: 1 = Monday … 7 = Sunday' }),
  open: z.string().meta({ description: 'HH:MM local time', example: '08:00' }),
  close: z.string().meta({ description: 'HH:MM local time', example: '20:00' }),
});

export const SpaceView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(SPACE_KINDS),
  capacity: z.number().int(),
  priceUnit: z.enum(PRICE_UNITS),
  price: z.number().int(),
  currency: z.string(),
  timeZone: z.string(),
  openingHours: z.array(Period),
  bufferMinutes: z.number().int(),
  cancellation: z.object({
    fullRefundHours: z.number().int(),
    lateRefundPercent: z.number().int().nullable(),
    lateCancellationFee: z.number().int().nullable(),
  }),
  holdMinutes: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export const toSpaceView = (s: SpaceRow): z.infer<typeof SpaceView> => ({
  id: s.id,
  name: s.name,
  description: s.description,
  kind: s.kind,
  capacity: s.capacity,
  priceUnit: s.priceUnit,
  price: toJsonNumber(s.price),
  currency: s.currency,
  timeZone: s.timeZone,
  openingHours: s.openingHours.map((p) => ({
    day: p.day,
    open: hhmm(p.openMinute),
    close: hhmm(p.closeMinute),
  })),
  bufferMinutes: s.bufferMinutes,
  cancellation: {
    fullRefundHours: s.fullRefundHours,
    lateRefundPercent: s.lateRefundPercent,
    lateCancellationFee:
      s.lateCancellationFee === null ? null : toJsonNumber(s.lateCancellationFee),
  },
  holdMinutes: s.holdMinutes,
  active: s.active,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const AvailabilityView = z.object({
  spaceId: z.string(),
  date: z.string(),
  timeZone: z.string(),
  /** The day's opening in instants; null when the space is closed that day. */
  open: z.object({ start: z.string(), end: z.string() }).nullable(),
  slots: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      seatsFree: z.number().int(),
      price: z.number().int(),
    }),
  ),
});

export const toAvailabilityView = (
  a: Availability,
  priceOf: (start: Date, end: Date) => bigint,
): z.infer<typeof AvailabilityView> => ({
  spaceId: a.space.id,
  date: a.date,
  timeZone: a.space.timeZone,
  open: a.open ? { start: a.open.start.toISOString(), end: a.open.end.toISOString() } : null,
  slots: a.slots.map((s) => ({
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    seatsFree: s.seatsFree,
    price: toJsonNumber(priceOf(s.start, s.end)),
  })),
});

export const BookingView = z.object({
  id: z.string(),
  userId: z.string(),
  spaceId: z.string(),
  status: z.enum(BOOKING_STATUSES),
  start: z.string(),
  end: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  amountPaid: z.number().int(),
  amountRefunded: z.number().int(),
  amountDisputed: z.number().int(),
  /** What cancelling now would give back (0 when unpaid, after the start, or not cancellable). */
  refundIfCancelledNow: z.number().int(),
  /** What the cancellation gave back (null: not cancelled). */
  refundDue: z.number().int().nullable(),
  holdExpiresAt: z.string(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const toBookingView = (b: BookingRow, refundNow: bigint): z.infer<typeof BookingView> => ({
  id: b.id,
  userId: b.userId,
  spaceId: b.spaceId,
  status: b.status,
  start: b.startsAt.toISOString(),
  end: b.endsAt.toISOString(),
  amount: toJsonNumber(b.amount),
  currency: b.currency,
  amountPaid: toJsonNumber(b.amountPaid),
  amountRefunded: toJsonNumber(b.amountRefunded),
  amountDisputed: toJsonNumber(b.amountDisputed),
  refundIfCancelledNow: toJsonNumber(refundNow),
  refundDue: b.refundDue === null ? null : toJsonNumber(b.refundDue),
  holdExpiresAt: b.holdExpiresAt.toISOString(),
  failureCode: b.failureCode,
  failureMessage: b.failureMessage,
  cancelledAt: b.cancelledAt?.toISOString() ?? null,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});
