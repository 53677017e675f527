import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coworkingFixture, type CoworkingFixture } from './fixture';

describe('coworking: the database never double-books, whatever runs at once', () => {
  let f: CoworkingFixture;
  beforeAll(async () => {
    f = await coworkingFixture();
  });
  afterAll(() => f?.app.close());

  it('30 members booking the same room slot at once: exactly one wins, the rest get 409', async () => {
    const space = await f.space();
    const date = f.dayAhead(3);
    const members = await Promise.all(Array.from({ length: 30 }, () => f.member()));
    const results = await Promise.all(
      members.map((m) =>
        f.book(m, { spaceId: space.id, start: f.at(date, '10:00'), end: f.at(date, '11:30') }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.error.code).toBe('slot_unavailable');
    const rows = await f.sql(`SELECT id FROM coworking_bookings WHERE space_id = $1`, [space.id]);
    expect(rows).toHaveLength(1);
    // Overlapping ranges race too: only non-overlapping ones can both stand.
    const overlapping = await Promise.all(
      members.slice(0, 10).map((m, i) =>
        f.book(m, {
          spaceId: space.id,
          start: f.at(date, i % 2 ? '13:00' : '13:30'),
          end: f.at(date, i % 2 ? '14:00' : '14:30'),
        }),
      ),
    );
    expect(overlapping.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('a desk area of 3 seats: 12 at once for the same slot → exactly 3, each on its own seat', async () => {
    const space = await f.space({ name: 'Hot desks', kind: 'DESK', capacity: 3, price: 800 });
    const date = f.dayAhead(3);
    const members = await Promise.all(Array.from({ length: 12 }, () => f.member()));
    const results = await Promise.all(
      members.map((m) =>
        f.book(m, { spaceId: space.id, start: f.at(date, '09:00'), end: f.at(date, '17:00') }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const seats = await f.sql<{ seat_id: string }>(
      `SELECT seat_id FROM coworking_bookings WHERE space_id = $1`,
      [space.id],
    );
    expect(new Set(seats.map((s) => s.seat_id)).size).toBe(3);
    const day = (
      await f.api.get(
        `/api/v1/spaces/${space.id}/availability?date=${date}`,
        members[0]!.accessToken,
      )
    ).body.slots as { start: string; seatsFree: number }[];
    expect(day.find((s) => s.start === f.at(date, '12:00').toISOString())!.seatsFree).toBe(0);
    expect(day.find((s) => s.start === f.at(date, '17:00').toISOString())!.seatsFree).toBe(3);
  });

  it('respects the buffer on both sides of a booking, in the database', async () => {
    const space = await f.space({ bufferMinutes: 30 });
    const member = await f.member();
    const date = f.dayAhead(3);
    const book = (start: string, end: string) =>
      f.book(member, { spaceId: space.id, start: f.at(date, start), end: f.at(date, end) });
    expect((await book('10:00', '11:00')).status).toBe(201);
    // Right after it, and ending right before it: inside the 30-minute buffer.
    const after = await book('11:00', '12:00');
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('slot_unavailable');
    expect((await book('09:00', '10:00')).status).toBe(409);
    // Once the buffer has passed, both sides are free.
    expect((await book('11:30', '12:30')).status).toBe(201);
    expect((await book('08:00', '09:30')).status).toBe(201);
    // Written straight into the table, an overlap with the buffer is refused by the constraint.
    const [first] = await f.sql<{ seat_id: string; user_id: string }>(
      `SELECT seat_id, user_id FROM coworking_bookings WHERE space_id = $1 LIMIT 1`,
      [space.id],
    );
    await expect(
      f.sql(
        `INSERT INTO coworking_bookings (id, user_id, space_id, seat_id, starts_at, ends_at,
           blocked_until, amount, currency, policy, hold_expires_at)
         VALUES ('bkg_sql', $1, $2, $3, $4, $5, $5, 100, 'eur', '{}', now())`,
        [first!.user_id, space.id, first!.seat_id, f.at(date, '12:45'), f.at(date, '13:00')],
      ),
    ).rejects.toMatchObject({ code: '23P01' });
    // The availability agrees: 11:00 and 09:00 are not offered, 13:00 is.
    const day = (
      await f.api.get(`/api/v1/spaces/${space.id}/availability?date=${date}`, member.accessToken)
    ).body.slots as { start: string; seatsFree: number }[];
    const free = (hhmm: string) =>
      day.find((s) => s.start === f.at(date, hhmm).toISOString())!.seatsFree;
    expect([free('12:30'), free('13:00'), free('13:30')]).toEqual([0, 1, 1]);
  });

  it('20 create-intent calls at once for one booking: one payment, one intent', async () => {
    const space = await f.space();
    const member = await f.member();
    const date = f.dayAhead(4);
    const b = await f.book(member, {
      spaceId: space.id,
      start: f.at(date, '10:00'),
      end: f.at(date, '11:00'),
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => f.createIntent(member, b.body.id)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = new Set(results.map((r) => r.body.paymentIntentId));
    expect(ids.size).toBe(1);
    const payments = await f.sql(`SELECT id FROM payments WHERE payable_id = $1`, [b.body.id]);
    expect(payments).toHaveLength(1);
    // And at the provider: one intent for this booking, whatever the SDK asked concurrently.
    const atProvider = await f.sdk.paymentIntents.list({ limit: 100 });
    expect(atProvider.data.filter((pi) => pi.metadata.payable_id === b.body.id)).toHaveLength(1);
  });
});
