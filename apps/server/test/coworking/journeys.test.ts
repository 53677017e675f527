import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allWebhooksApplied, eventually } from '../payments/harness';
import { coworkingFixture, type CoworkingFixture } from './fixture';

describe('coworking: book a space and pay it by a client-confirmed intent', () => {
  let f: CoworkingFixture;
  beforeAll(async () => {
    f = await coworkingFixture();
  });
  afterAll(() => f?.app.close());

  it('availability → book → create-intent → card confirmed at the provider → webhook → CONFIRMED, revenue booked', async () => {
    const space = await f.space({ price: 2_500 });
    const member = await f.member();
    const date = f.dayAhead(3);

    const free = await f.api.get(
      `/api/v1/spaces/${space.id}/availability?date=${date}`,
      member.accessToken,
    );
    expect(free.status).toBe(200);
    expect(free.body.timeZone).toBe('Europe/Berlin');
    // 08:00–20:00 in one-hour slots every half hour: 08:00 … 19:00 → 23 slots, all free.
    expect(free.body.slots).toHaveLength(23);
    expect(free.body.slots[0]).toMatchObject({
      start: f.at(date, '08:00').toISOString(),
      end: f.at(date, '09:00').toISOString(),
      seatsFree: 1,
      price: 2_500,
    });

    const start = f.at(date, '10:00');
    const end = f.at(date, '12:30');
    const res = await f.book(member, { spaceId: space.id, start, end }, 'book-1');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'PENDING_PAYMENT',
      spaceId: space.id,
      userId: member.user.id,
      start: start.toISOString(),
      end: end.toISOString(),
      // 2.5 h × 25.00 on the server; the client sent no price.
      amount: 6_250,
      currency: 'eur',
      amountPaid: 0,
    });
    expect(res.body.id).toMatch(/^bkg_/);
    expect(Date.parse(res.body.holdExpiresAt) - f.clock.now().getTime()).toBe(15 * 60_000);

    // The booked slots are gone from the day's availability.
    const after = (
      await f.api.get(`/api/v1/spaces/${space.id}/availability?date=${date}`, member.accessToken)
    ).body.slots as { start: string; seatsFree: number }[];
    const freeAt = (hhmm: string) =>
      after.find((s) => s.start === f.at(date, hhmm).toISOString())!.seatsFree;
    expect([freeAt('09:00'), freeAt('09:30'), freeAt('12:00'), freeAt('12:30')]).toEqual([
      1, 0, 0, 1,
    ]);

    const intent = await f.createIntent(member, res.body.id);
    expect(intent.status, JSON.stringify(intent.body)).toBe(201);
    expect(intent.body).toMatchObject({ amount: 6_250, currency: 'eur', status: 'CREATED' });
    expect(intent.body.paymentIntentId).toMatch(/^pi_/);
    expect(intent.body.clientSecret).toMatch(new RegExp(`^${intent.body.paymentIntentId}_secret_`));
    // Asked again: the same open intent.
    const again = await f.createIntent(member, res.body.id);
    expect(again.body.paymentIntentId).toBe(intent.body.paymentIntentId);
    expect(again.body.clientSecret).toBe(intent.body.clientSecret);
    const pi = await f.sdk.paymentIntents.retrieve(intent.body.paymentIntentId);
    expect(pi).toMatchObject({ amount: 6_250, currency: 'eur', status: 'requires_payment_method' });
    expect(pi.capture_method).toBe('automatic');
    expect(pi.metadata).toMatchObject({ payable_type: 'booking', payable_id: res.body.id });

    // Still unpaid: the browser has said nothing we would believe.
    expect((await f.booking(member, res.body.id)).status).toBe('PENDING_PAYMENT');
    const revenueBefore = await f.revenue();

    await f.confirmWithCard(intent.body);
    const confirmed = await eventually(async () => {
      const b = await f.booking(member, res.body.id);
      expect(b.status).toBe('CONFIRMED');
      return b;
    });
    expect(confirmed).toMatchObject({ amountPaid: 6_250, amountRefunded: 0 });
    await allWebhooksApplied(f.app);
    expect((await f.revenue()) - revenueBefore).toBe(6_250n);
    await f.booksHold();

    const read = await f.api.get(
      `/api/v1/payments/intent/${intent.body.paymentIntentId}`,
      member.accessToken,
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      status: 'SUCCEEDED',
      amountReceived: 6_250,
      payableType: 'booking',
      payableId: res.body.id,
    });
    // A paid booking takes no new intent.
    const late = await f.createIntent(member, res.body.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('booking_not_payable');

    const mine = (await f.api.get('/api/v1/bookings', member.accessToken)).body;
    expect(mine.data.map((b: { id: string }) => b.id)).toEqual([res.body.id]);
  });

  it('a declined card marks the booking FAILED with the decline reason and frees the seat', async () => {
    const space = await f.space();
    const member = await f.member();
    const date = f.dayAhead(4);
    const start = f.at(date, '09:00');
    const end = f.at(date, '10:00');
    const b = await f.book(member, { spaceId: space.id, start, end });
    const intent = await f.createIntent(member, b.body.id);
    await f.confirmWithCard(intent.body, 'pm_card_chargeDeclinedInsufficientFunds');
    const failed = await eventually(async () => {
      const current = await f.booking(member, b.body.id);
      expect(current.status).toBe('FAILED');
      return current;
    });
    expect(failed.failureCode).toBe('insufficient_funds');
    expect(failed.failureMessage).toMatch(/insufficient funds/i);
    // The declined intent is cancelled at the provider, so its secret can take nothing later.
    await eventually(async () =>
      expect((await f.sdk.paymentIntents.retrieve(intent.body.paymentIntentId)).status).toBe(
        'canceled',
      ),
    );
    const retry = await f.createIntent(member, b.body.id);
    expect(retry.status).toBe(409);
    // The seat is free again for anyone.
    const other = await f.member();
    expect((await f.book(other, { spaceId: space.id, start, end })).status).toBe(201);
    await f.booksHold();
  });

  it('a disputed booking payment is booked, and given back when the dispute is won', async () => {
    const space = await f.space({ price: 1_800 });
    const member = await f.member();
    const date = f.dayAhead(7);
    const b = await f.book(member, {
      spaceId: space.id,
      start: f.at(date, '10:00'),
      end: f.at(date, '11:00'),
    });
    const intent = await f.createIntent(member, b.body.id);
    const revenue = await f.revenue();
    // 4000000000000259: paid, then disputed by the cardholder at once.
    await f.confirmWithCard(intent.body, 'pm_card_createDispute');
    await eventually(async () =>
      expect(await f.booking(member, b.body.id)).toMatchObject({
        status: 'CONFIRMED',
        amountPaid: 1_800,
        amountDisputed: 1_800,
      }),
    );
    await allWebhooksApplied(f.app);
    expect((await f.revenue()) - revenue).toBe(0n);
    await f.booksHold();
    const [d] = (await f.sdk.disputes.list({ payment_intent: intent.body.paymentIntentId })).data;
    await f.sdk.disputes.update(d!.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    await eventually(async () =>
      expect((await f.booking(member, b.body.id)).amountDisputed).toBe(0),
    );
    await allWebhooksApplied(f.app);
    expect((await f.revenue()) - revenue).toBe(1_800n);
    await f.booksHold();
  });

  it('only the owner sees, pays and cancels a booking; others get 404; admins see all', async () => {
    const space = await f.space();
    const owner = await f.member();
    const stranger = await f.member();
    const date = f.dayAhead(5);
    const b = await f.book(owner, {
      spaceId: space.id,
      start: f.at(date, '14:00'),
      end: f.at(date, '15:00'),
    });
    const intent = await f.createIntent(owner, b.body.id);

    expect((await f.api.get(`/api/v1/bookings/${b.body.id}`, stranger.accessToken)).status).toBe(
      404,
    );
    const steal = await f.createIntent(stranger, b.body.id);
    expect(steal.status).toBe(404);
    expect(steal.body.error.code).toBe('booking_not_found');
    expect(
      (
        await f.api.get(
          `/api/v1/payments/intent/${intent.body.paymentIntentId}`,
          stranger.accessToken,
        )
      ).status,
    ).toBe(404);
    expect((await f.api.del(`/api/v1/bookings/${b.body.id}`, stranger.accessToken)).status).toBe(
      404,
    );
    const theirs = (await f.api.get('/api/v1/bookings', stranger.accessToken)).body;
    expect(theirs.data).toEqual([]);

    const all = (await f.api.get('/api/v1/bookings?limit=100', f.admin.accessToken)).body;
    expect(all.data.map((x: { id: string }) => x.id)).toContain(b.body.id);
    // An admin sees it, but paying is the member's.
    expect((await f.createIntent(f.admin, b.body.id)).status).toBe(404);
    expect((await f.booking(owner, b.body.id)).status).toBe('PENDING_PAYMENT');
  });

  it('refuses bad input with 4xx in the error shape, never a 500', async () => {
    const space = await f.space();
    const member = await f.member();
    const date = f.dayAhead(6);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ spaceId: space.id, start: 'tomorrow', end: 'later' }, 400, 'validation_failed'],
      [
        { spaceId: space.id, start: f.at(date, '07:00'), end: f.at(date, '09:00') },
        400,
        'outside_opening_hours',
      ],
      [
        { spaceId: space.id, start: f.at(date, '10:15'), end: f.at(date, '11:00') },
        400,
        'off_grid',
      ],
      [
        { spaceId: space.id, start: f.at(date, '11:00'), end: f.at(date, '10:00') },
        400,
        'bad_range',
      ],
      [
        { spaceId: 'spc_nope', start: f.at(date, '10:00'), end: f.at(date, '11:00') },
        404,
        'space_not_found',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await f.api.post(
        '/api/v1/bookings',
        {
          ...body,
          start: body.start instanceof Date ? body.start.toISOString() : body.start,
          end: body.end instanceof Date ? body.end.toISOString() : body.end,
        },
        member.accessToken,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect(
      (await f.api.post('/api/v1/payments/create-intent', {}, member.accessToken)).status,
    ).toBe(400);
    expect(
      (await f.api.post('/api/v1/payments/create-intent', { orderId: 'ord_x' }, member.accessToken))
        .status,
    ).toBe(400);
    expect(
      (
        await f.api.post(
          '/api/v1/payments/create-intent',
          { bookingId: 'bkg_x', amount: 1 },
          member.accessToken,
        )
      ).status,
    ).toBe(400);
    // Only admins make spaces.
    expect((await f.api.post('/api/v1/spaces', { name: 'x' }, member.accessToken)).status).toBe(
      403,
    );
    const noPolicy = await f.api.post(
      '/api/v1/spaces',
      {
        name: 'Bad',
        kind: 'DESK',
        capacity: 2,
        priceUnit: 'HOUR',
        price: 100,
        currency: 'eur',
        timeZone: 'Mars/Olympus',
        openingHours: [],
        cancellation: { fullRefundHours: 1 },
      },
      f.admin.accessToken,
    );
    expect(noPolicy.status).toBe(400);
  });
});
