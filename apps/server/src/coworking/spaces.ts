import { Injectable } from '@nestjs/common';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database, type DbOrTx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { selectPage, type Page, type PageQuery } from '../platform/http/pagination';
import { newId } from '../platform/ids/ids';
import {
  bookings,
  LIVE_BOOKING_STATUSES,
  spaces,
  spaceSeats,
  type OpeningPeriod,
  type PriceUnit,
  type SpaceKind,
  type SpaceRow,
} from './coworking.schema';
import { localParts, zonedInstant } from './local-time';
import { periodOf, slotsOf, type Slot } from './space-rules';

export interface SpaceInput {
  name: string;
  description: string;
  kind: SpaceKind;
  capacity: number;
  priceUnit: PriceUnit;
  price: bigint;
  currency: string;
  timeZone: string;
  openingHours: OpeningPeriod[];
  bufferMinutes: number;
  fullRefundHours: number;
  lateRefundPercent: number | null;
  lateCancellationFee: bigint | null;
  holdMinutes: number;
  active: boolean;
}

export interface Availability {
  space: SpaceRow;
  date: string;
  open: { start: Date; end: Date } | null;
  slots: Slot[];
}

/**
 * Coworking spaces (rooms, desks, day passes) and their seats: a room has one seat, a desk area or
 * a day pass as many as its capacity. Changed by admins only; read by any signed-in member.
 */
@Injectable()
export class Spaces {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async create(input: SpaceInput): Promise<SpaceRow> {
    const now = this.clock.now();
    const id = newId('space', now.getTime());
    return this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(spaces)
        .values({ ...input, id, createdAt: now, updatedAt: now })
        .returning();
      await this.addSeats(tx, id, 0, input.capacity);
      return row!;
    });
  }

  /**
   * Changes a space. Capacity only grows: a seat may hold live bookings, and taking it away would
   * strand them (shrinking is left for when seats can be retired one by one).
   */
  async update(id: string, patch: Partial<SpaceInput>): Promise<SpaceRow> {
    return this.database.db.transaction(async (tx) => {
      const [current] = await tx.select().from(spaces).where(eq(spaces.id, id)).for('update');
      if (!current) throw AppError.notFound('space', id);
      const next = { ...current, ...patch };
      if ((next.lateRefundPercent === null) === (next.lateCancellationFee === null))
        throw AppError.validation(
          'Give either lateRefundPercent or lateCancellationFee',
          'lateRefundPercent',
        );
      if (patch.capacity !== undefined && patch.capacity < current.capacity)
        throw new AppError(
          'conflict',
          'capacity_cannot_shrink',
          `Capacity can only grow (now ${current.capacity})`,
          { param: 'capacity' },
        );
      const [row] = await tx
        .update(spaces)
        .set({ ...patch, updatedAt: this.clock.now() })
        .where(eq(spaces.id, id))
        .returning();
      if (patch.capacity !== undefined && patch.capacity > current.capacity)
        await this.addSeats(tx, id, current.capacity, patch.capacity);
      return row!;
    });
  }

  private async addSeats(tx: DbOrTx, spaceId: string, from: number, to: number) {
    const now = this.clock.now().getTime();
    const seats = Array.from({ length: to - from }, (_, i) => ({
      id: newId('seat', now),
      spaceId,
      number: from + i + 1,
    }));
    if (seats.length > 0) await tx.insert(spaceSeats).values(seats);
  }

  async get(id: string, opts: { includeInactive?: boolean } = {}): Promise<SpaceRow> {
    const [row] = await this.database.db.select().from(spaces).where(eq(spaces.id, id));
    if (!row || (!row.active && !opts.includeInactive)) throw AppError.notFound('space', id);
    return row;
  }

  list(query: PageQuery & { includeInactive?: boolean }): Promise<Page<SpaceRow>> {
    return selectPage(
      this.database.db.select().from(spaces).$dynamic(),
      spaces.id,
      query,
      [query.includeInactive ? undefined : eq(spaces.active, true)],
      (r) => r,
    );
  }

  seatIds(db: DbOrTx, spaceId: string): Promise<string[]> {
    return db
      .select({ id: spaceSeats.id })
      .from(spaceSeats)
      .where(eq(spaceSeats.spaceId, spaceId))
      .orderBy(spaceSeats.number)
      .then((rows) => rows.map((r) => r.id));
  }

  /** The free slots of a local date (in the space's time zone), seat by seat. */
  async availability(id: string, date: string): Promise<Availability> {
    const space = await this.get(id);
    const period = periodOf(space.openingHours, date);
    if (!period) return { space, date, open: null, slots: [] };
    const open = {
      start: zonedInstant(date, period.openMinute, space.timeZone),
      end: zonedInstant(date, period.closeMinute, space.timeZone),
    };
    const db = this.database.db;
    const seatIds = await this.seatIds(db, id);
    // Bookings reaching into the day, buffers included (a booking of yesterday evening may not).
    const taken = await db
      .select({
        seatId: bookings.seatId,
        startsAt: bookings.startsAt,
        blockedUntil: bookings.blockedUntil,
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.spaceId, id),
          inArray(bookings.status, [...LIVE_BOOKING_STATUSES]),
          lt(bookings.startsAt, new Date(open.end.getTime() + space.bufferMinutes * 60_000)),
          gt(bookings.blockedUntil, open.start),
        ),
      );
    return {
      space,
      date,
      open,
      slots: slotsOf(space, seatIds, taken, date, this.clock.now()),
    };
  }

  /** Today's date where the space is (the availability's default day). */
  today(space: SpaceRow): string {
    return localParts(this.clock.now(), space.timeZone).date;
  }
}
