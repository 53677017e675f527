import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingSettlements } from '../../src/coworking/booking-settlements';
import { allWebhooksApplied, eventually } from '../payments/harness';
import { coworkingFixture, type CoworkingFixture } from './fixture';

const HOUR = 3_600_000;

describe('coworking: cancellation policy with refunds through the payments core; the hold window', () => {
  let f: CoworkingFixture;
  beforeAll(async () => {
    f = await coworkingFixture();
  });
  afterAll(() => f?.app.close());

  /** Refunds the provider has for a booking's intent (not our word for it). */
  async function providerRefunds(bookingId: string): Promise<number[]> {
    const [p] = await f.sql<{ provider_intent_id: string }>(
      `SELECT provider_intent_id FROM payments WHERE payable_id = $1 AND amount_captured > 0`,
      [bookingId],
    );
    const list = await f.sdk.refunds.list({ payment_intent: p!.provider_intent_id });
    return list.data.map((r) => r.amount);
  }

  it('cancelled more than N hours before the start: everything back, the seat free', async () => {
    const space = await f.space({
      price: 3_000,
      cancellation: { fullRefundHours: 24, lateRefundPercent: 50 },
    });
    const member = await f.member();
    const date = f.dayAhead(3);
    const start = f.at(date, '10:00');
    const b = await f.paidBooking(member, space.id, start, f.at(date, '12:00'));
    expect(b.refundIfCancelledNow).toBe(6_000);
    const revenue = await f.revenue();

    const res = await f.api.del(`/api/v1/bookings/${b.id}`, member.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'CANCELLED', refundDue: 6_000 });
    await eventually(async () =>
      expect((await f.booking(member, b.id)).amountRefunded).toBe(6_000),
    );
    expect(await providerRefunds(b.id)).toEqual([6_000]);
    await allWebhooksApplied(f.app);
    expect((await f.revenue()) - revenue).toBe(-6_000n);
    // Cancelling again is the same cancellation: no second refund.
    const again = await f.api.del(`/api/v1/bookings/${b.id}`, member.accessToken);
    expect(again.status).toBe(200);
    expect(await providerRefunds(b.id)).toEqual([6_000]);
    // The seat is free for someone else.
    const other = await f.member();
    expect(
      (await f.book(other, { spaceId: space.id, start, end: f.at(date, '11:00') })).status,
    ).toBe(201);
    await f.booksHold();
  });

  it('cancelled inside N hours: the late percentage back (half up)', async () => {
    const space = await f.space({
      price: 1_999,
      cancellation: { fullRefundHours: 48, lateRefundPercent: 25 },
    });
    const member = await f.member();
    const date = f.dayAhead(1);
    const start = f.at(date, '15:00');
    const b = await f.paidBooking(member, space.id, start, f.at(date, '16:00'));
    // 25 % of 19.99 = 4.9975 → 5.00, half up.
    expect(b.refundIfCancelledNow).toBe(500);
    const res = await f.api.del(`/api/v1/bookings/${b.id}`, member.accessToken);
    expect(res.body).toMatchObject({ status: 'CANCELLED', refundDue: 500 });
    await eventually(async () => expect((await f.booking(member, b.id)).amountRefunded).toBe(500));
    expect(await providerRefunds(b.id)).toEqual([500]);
    await allWebhooksApplied(f.app);
    await f.booksHold();
  });

  it('cancelled inside N hours with a fee: all but the fee back', async () => {
    const space = await f.space({
      price: 4_000,
      cancellation: { fullRefundHours: 72, lateCancellationFee: 1_500 },
    });
    const member = await f.member();
    const date = f.dayAhead(2);
    const b = await f.paidBooking(member, space.id, f.at(date, '09:00'), f.at(date, '10:00'));
    const res = await f.api.del(`/api/v1/bookings/${b.id}`, member.accessToken);
    expect(res.body).toMatchObject({ status: 'CANCELLED', refundDue: 2_500 });
    await eventually(async () =>
      expect((await f.booking(member, b.id)).amountRefunded).toBe(2_500),
    );
    expect(await providerRefunds(b.id)).toEqual([2_500]);
    await f.booksHold();
  });

  it('cancelled after the start: nothing back', async () => {
    const space = await f.space({ price: 1_000 });
    const member = await f.member();
    const date = f.dayAhead(2);
    const start = f.at(date, '11:00');
    const b = await f.paidBooking(member, space.id, start, f.at(date, '13:00'));
    const saved = f.clock.now();
    try {
      f.clock.set(new Date(start.getTime() + 0.5 * HOUR));
      expect((await f.booking(member, b.id)).refundIfCancelledNow).toBe(0);
      const res = await f.api.del(`/api/v1/bookings/${b.id}`, member.accessToken);
      expect(res.body).toMatchObject({ status: 'CANCELLED', refundDue: 0, amountRefunded: 0 });
    } finally {
      f.clock.set(saved);
    }
    expect(
      await f.sql(
        `SELECT r.id FROM refunds r JOIN payments p ON p.id = r.payment_id
                        WHERE p.payable_id = $1`,
        [b.id],
      ),
    ).toEqual([]);
    await f.booksHold();
  });

  it('an unpaid booking is released after its hold window, its intent cancelled at the provider', async () => {
    const space = await f.space({ holdMinutes: 10 });
    const member = await f.member();
    const date = f.dayAhead(3);
    const start = f.at(date, '16:00');
    const end = f.at(date, '17:00');
    const b = await f.book(member, { spaceId: space.id, start, end });
    const intent = await f.createIntent(member, b.body.id);
    const other = await f.member();
    expect((await f.book(other, { spaceId: space.id, start, end })).status).toBe(409);

    const settlements = f.app.running.app.get(BookingSettlements);
    f.clock.advance(9 * 60_000);
    expect(await settlements.releaseExpiredHolds()).toBe(0);
    f.clock.advance(60_000);
    expect(await settlements.releaseExpiredHolds()).toBe(1);
    expect((await f.booking(member, b.body.id)).status).toBe('EXPIRED');
    expect((await f.sdk.paymentIntents.retrieve(intent.body.paymentIntentId)).status).toBe(
      'canceled',
    );
    // The old secret can take nothing, and the booking takes no new intent.
    await expect(f.confirmWithCard(intent.body)).rejects.toThrow(/canceled/);
    expect((await f.createIntent(member, b.body.id)).status).toBe(409);
    // The seat is free again.
    expect((await f.book(other, { spaceId: space.id, start, end })).status).toBe(201);
  });

  it('an unpaid booking cancelled by its member: released at once, its intent cancelled', async () => {
    const space = await f.space();
    const member = await f.member();
    const date = f.dayAhead(3);
    const b = await f.book(member, {
      spaceId: space.id,
      start: f.at(date, '18:00'),
      end: f.at(date, '19:00'),
    });
    const intent = await f.createIntent(member, b.body.id);
    const res = await f.api.del(`/api/v1/bookings/${b.body.id}`, member.accessToken);
    expect(res.body).toMatchObject({ status: 'CANCELLED', refundDue: 0 });
    expect((await f.sdk.paymentIntents.retrieve(intent.body.paymentIntentId)).status).toBe(
      'canceled',
    );
  });

  it('a full refund by an admin through the payments core moves the booking to REFUNDED', async () => {
    const space = await f.space({ price: 1_200 });
    const member = await f.member();
    const date = f.dayAhead(4);
    const b = await f.paidBooking(member, space.id, f.at(date, '08:00'), f.at(date, '09:00'));
    const [p] = await f.sql<{ id: string }>(`SELECT id FROM payments WHERE payable_id = $1`, [
      b.id,
    ]);
    const partial = await f.api.post(
      `/api/v1/admin/payments/${p!.id}/refund`,
      { amount: 200 },
      f.admin.accessToken,
    );
    expect(partial.status, JSON.stringify(partial.body)).toBeLessThan(300);
    await eventually(async () =>
      expect(await f.booking(member, b.id)).toMatchObject({
        status: 'CONFIRMED',
        amountRefunded: 200,
      }),
    );
    await f.api.post(`/api/v1/admin/payments/${p!.id}/refund`, {}, f.admin.accessToken);
    await eventually(async () =>
      expect(await f.booking(member, b.id)).toMatchObject({
        status: 'REFUNDED',
        amountRefunded: 1_200,
      }),
    );
    await allWebhooksApplied(f.app);
    await f.booksHold();
  });
});
