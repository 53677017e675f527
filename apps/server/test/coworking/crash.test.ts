import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allWebhooksApplied, eventually } from '../payments/harness';
import { coworkingFixture, type CoworkingFixture } from './fixture';

/**
 * Replays and lost answers: a request repeated (after the key store forgot it, or concurrently),
 * and provider calls that fail half-way, end with one effect.
 */
describe('coworking: crash and replay of booking creation, create-intent and refunds → one effect', () => {
  let f: CoworkingFixture;
  beforeAll(async () => {
    // No SDK retries: one injected provider failure is one failed call.
    f = await coworkingFixture({ STRIPE_MAX_NETWORK_RETRIES: '0' });
  });
  afterAll(() => f?.app.close());

  const fault = async (type: 'api_error', count: number) => {
    const res = await fetch(`${f.app.running.sandboxUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type, count }),
    });
    expect(res.ok).toBe(true);
  };
  const clearFaults = () =>
    fetch(`${f.app.running.sandboxUrl}/_sandbox/faults`, { method: 'DELETE' });

  it('booking creation replayed (same key, key store forgotten, concurrently) makes one booking', async () => {
    const space = await f.space();
    const member = await f.member();
    const date = f.dayAhead(3);
    const body = { spaceId: space.id, start: f.at(date, '10:00'), end: f.at(date, '11:00') };
    const first = await f.book(member, body, 'bk-replay-1');
    expect(first.status).toBe(201);
    const replay = await f.book(member, body, 'bk-replay-1');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    // The 24 h key store forgot it (or the process died after the insert, before storing the
    // answer): the booking's own unique key still finds it instead of booking again (or a 409).
    await f.sql(`DELETE FROM idempotency_keys`);
    const late = await f.book(member, body, 'bk-replay-1');
    expect(late.status).toBe(201);
    expect(late.body.id).toBe(first.body.id);
    // The same key for another booking is the client's mistake.
    const other = await f.book(
      member,
      { ...body, start: f.at(date, '12:00'), end: f.at(date, '13:00') },
      'bk-replay-1',
    );
    expect(other.status).toBe(422);

    const racing = await Promise.all(
      Array.from({ length: 10 }, () =>
        f.book(
          member,
          { ...body, start: f.at(date, '15:00'), end: f.at(date, '16:00') },
          'bk-race',
        ),
      ),
    );
    // The key store answers duplicates in flight with 409; every 201 is the one booking.
    expect(racing.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(racing.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    const rows = await f.sql(`SELECT id FROM coworking_bookings WHERE user_id = $1`, [
      member.user.id,
    ]);
    expect(rows).toHaveLength(2);
  });

  it('create-intent whose provider call failed after our payment was recorded: the retry completes that payment, one intent', async () => {
    const space = await f.space();
    const member = await f.member();
    const date = f.dayAhead(4);
    // The member's provider customer exists already (a first intent made it).
    const warm = await f.book(member, {
      spaceId: space.id,
      start: f.at(date, '08:00'),
      end: f.at(date, '09:00'),
    });
    expect((await f.createIntent(member, warm.body.id)).status).toBe(201);

    const b = await f.book(member, {
      spaceId: space.id,
      start: f.at(date, '10:00'),
      end: f.at(date, '11:00'),
    });
    await fault('api_error', 1);
    const failed = await f.createIntent(member, b.body.id);
    await clearFaults();
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.body.error.type).toBeDefined();
    const recorded = await f.sql<{ id: string; provider_intent_id: string | null; status: string }>(
      `SELECT id, provider_intent_id, status FROM payments WHERE payable_id = $1`,
      [b.body.id],
    );
    expect(recorded).toEqual([
      { id: expect.any(String), provider_intent_id: null, status: 'CREATED' },
    ]);

    const retry = await f.createIntent(member, b.body.id);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body.paymentId).toBe(recorded[0]!.id);
    const payments = await f.sql(`SELECT id FROM payments WHERE payable_id = $1`, [b.body.id]);
    expect(payments).toHaveLength(1);
    const all = await f.sdk.paymentIntents.list({ limit: 100 });
    expect(all.data.filter((pi) => pi.metadata.payable_id === b.body.id)).toHaveLength(1);
    // And it pays as any other.
    await f.confirmWithCard(retry.body);
    await eventually(async () =>
      expect((await f.booking(member, b.body.id)).status).toBe('CONFIRMED'),
    );
  });

  it('a cancellation whose refund call failed: the refund stays due and its job sends it, once', async () => {
    const space = await f.space({ price: 2_200 });
    const member = await f.member();
    const date = f.dayAhead(5);
    const b = await f.paidBooking(member, space.id, f.at(date, '10:00'), f.at(date, '11:00'));
    await allWebhooksApplied(f.app);
    // Enough failures for the cancel's own try and the job's first attempt.
    await fault('api_error', 2);
    const res = await f.api.del(`/api/v1/bookings/${b.id}`, member.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CANCELLED', refundDue: 2_200 });
    await clearFaults();
    const done = await eventually(async () => {
      const current = await f.booking(member, b.id);
      expect(current.amountRefunded).toBe(2_200);
      return current;
    }, 60_000);
    expect(done.status).toBe('CANCELLED');
    const [p] = await f.sql<{ provider_intent_id: string }>(
      `SELECT provider_intent_id FROM payments WHERE payable_id = $1`,
      [b.id],
    );
    const refunds = await f.sdk.refunds.list({ payment_intent: p!.provider_intent_id });
    expect(refunds.data.map((r) => r.amount)).toEqual([2_200]);
    const ours = await f.sql(
      `SELECT r.id FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.payable_id = $1`,
      [b.id],
    );
    expect(ours).toHaveLength(1);
    await allWebhooksApplied(f.app);
    await f.booksHold();
  }, 90_000);
});
