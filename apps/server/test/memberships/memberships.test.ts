import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Memberships } from '../../src/memberships';
import { WebhookApplier } from '../../src/payments/webhook-applier';
import { bootTestApp, promote, type TestApp } from '../helpers';
import { startSmtp } from '../notifications/smtp-fixture';
import { allWebhooksApplied, eventually } from '../payments/harness';
import { DAY, membershipsFixture } from './fixture';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let f: ReturnType<typeof membershipsFixture>;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await bootTestApp({
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
    SMTP_URL: smtp.url,
    MAIL_RETRY_DELAY_SECONDS: '1',
  });
  f = membershipsFixture(app);
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('memberships', () => {
  it('subscribe → confirm the first invoice with a test card → invoice.paid → credits for the cycle', async () => {
    const plan = await f.plan();
    const m = await f.member();
    const sub = await f.subscribe(m.accessToken, plan.id);
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ status: 'INCOMPLETE', access: false, credits: [] });
    expect(sub.body.clientSecret).toMatch(/^pi_.+_secret_/);
    // Not active on the browser's word: only the provider's invoice.paid does it.
    const pi = await f.pay(sub.body.clientSecret);
    expect(pi.status).toBe('succeeded');
    const view = await eventually(async () => {
      const v = await f.subscription(m.accessToken);
      expect(v.body).toMatchObject({ status: 'ACTIVE', access: true, clientSecret: null });
      expect(v.body.credits).toHaveLength(2);
      return v.body;
    });
    expect(f.credit(view, 'meeting_room_hours')).toBe(10);
    expect(f.credit(view, 'day_passes')).toBe(2);
    expect(Date.parse(view.currentPeriodEnd) - Date.parse(view.currentPeriodStart)).toBeGreaterThan(
      27 * DAY * 1000,
    );
    await allWebhooksApplied(app);
    expect(await f.transactions(m.user.id)).toEqual([
      'ALLOCATION day_passes 2',
      'ALLOCATION meeting_room_hours 10',
    ]);
    expect(await f.ledgerCredits(m.user.id, 'meeting_room_hours')).toBe(10);
    // The money is revenue on the ledger, keyed by the invoice.
    const { rows } = await f.pool.query(
      `SELECT count(*)::int AS n FROM journal_entries WHERE reference_type = 'membership_invoice' AND metadata->>'membership_id' = $1`,
      [view.id],
    );
    expect(rows[0].n).toBe(1);
    await f.ledgerHolds();
  });

  it('renewal at the period end: unused credits roll over up to the cap, the rest expire; a renewal notice', async () => {
    const plan = await f.plan({ name: 'Rollover' });
    const m = await f.activeMember(plan.id);
    const memberships = app.running.app.get(Memberships);
    await app.runtime.database.db.transaction((tx) =>
      memberships.spendCredits(tx, {
        userId: m.user.id,
        type: 'meeting_room_hours',
        amount: 3n,
        reference: 'booking:b1',
        key: 'spend:b1',
      }),
    );
    await f.advance(await f.secondsUntil(m.membership.currentPeriodEnd));
    const renewed = await eventually(async () => {
      const v = await f.subscription(m.accessToken);
      expect(v.body.currentPeriodStart).toBe(m.membership.currentPeriodEnd);
      // 7 left, 5 roll over (the cap) on top of the new 10; day passes do not roll over.
      expect(f.credit(v.body, 'meeting_room_hours')).toBe(15);
      expect(f.credit(v.body, 'day_passes')).toBe(2);
      return v.body;
    });
    expect(renewed.status).toBe('ACTIVE');
    await allWebhooksApplied(app);
    expect(await f.transactions(m.user.id)).toEqual([
      'ALLOCATION day_passes 2',
      'EXPIRY day_passes -2',
      'ALLOCATION day_passes 2',
      'ALLOCATION meeting_room_hours 10',
      'DEDUCTION meeting_room_hours -3',
      'ROLLOVER meeting_room_hours -5',
      'ROLLOVER meeting_room_hours 5',
      'EXPIRY meeting_room_hours -2',
      'ALLOCATION meeting_room_hours 10',
    ]);
    expect(await f.ledgerCredits(m.user.id, 'meeting_room_hours')).toBe(15);
    await eventually(() => {
      const mail = smtp.received.find(
        (r) => r.rcptTo.includes(m.user.email) && /renewed/.test(r.mail.subject ?? ''),
      );
      expect(mail).toBeDefined();
      return Promise.resolve();
    });
    await f.ledgerHolds();
  });

  it('a failed renewal → past_due; access per the plan; a failed-payment notice by e-mail', async () => {
    const plan = await f.plan({ name: 'Strict', pastDueAccess: false });
    const m = await f.activeMember(plan.id);
    // The member's card goes bad: renewals charge a card that declines.
    const subscription = await f.stripe.subscriptions.retrieve(m.membership.subscriptionId);
    const failing = await f.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', {
      customer: subscription.customer as string,
    });
    await f.stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id });
    await f.advance(await f.secondsUntil(m.membership.currentPeriodEnd));
    const after = await eventually(async () => {
      const v = await f.subscription(m.accessToken);
      expect(v.body.status).toBe('PAST_DUE');
      return v.body;
    });
    expect(after.access).toBe(false);
    expect(after.credits).toEqual([]);
    const spend = app.running.app.get(Memberships);
    await expect(
      app.runtime.database.db.transaction((tx) =>
        spend.spendCredits(tx, {
          userId: m.user.id,
          type: 'day_passes',
          amount: 1n,
          reference: 'booking:x',
          key: 'spend:x',
        }),
      ),
    ).rejects.toMatchObject({ code: 'membership_inactive' });
    await eventually(() => {
      const mail = smtp.received.find(
        (r) => r.rcptTo.includes(m.user.email) && /payment failed/.test(r.mail.subject ?? ''),
      );
      expect(mail?.mail.text).toMatch(/paused until it is paid/);
      return Promise.resolve();
    });
    // The sandbox retries 3, 5 and 7 days after each failure, then gives up: unpaid.
    for (const days of [3, 5, 7]) await f.advance(days * DAY + 60);
    await eventually(async () => {
      const v = await f.subscription(m.accessToken);
      expect(v.body).toMatchObject({ status: 'UNPAID', access: false });
    });
    await allWebhooksApplied(app);
    const { rows } = await f.pool.query(
      `SELECT count(*)::int AS n FROM mail_messages WHERE kind = 'memberships.payment_failed' AND reference = $1`,
      [m.membership.id],
    );
    expect(rows[0].n).toBe(4); // one notice per failed attempt
    await f.ledgerHolds();
  });

  it('an unpaid first invoice: incomplete → incomplete_expired after 23 hours; the user may subscribe again', async () => {
    const plan = await f.plan({ name: 'Abandoned' });
    const m = await f.member();
    const sub = await f.subscribe(m.accessToken, plan.id);
    expect(sub.body.status).toBe('INCOMPLETE');
    await f.advance(23 * 3600 + 60);
    await eventually(async () => {
      const v = await f.subscription(m.accessToken);
      expect(v.body).toMatchObject({ status: 'INCOMPLETE_EXPIRED', access: false });
    });
    expect(await f.transactions(m.user.id)).toEqual([]);
    const again = await f.subscribe(m.accessToken, plan.id);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(sub.body.id);
  });

  it('changes plan, prorated onto the next invoice as Stripe does', async () => {
    const small = await f.plan({ name: 'Small', monthlyPrice: 3_000 });
    const big = await f.plan({ name: 'Big', monthlyPrice: 9_000 });
    const m = await f.activeMember(small.id);
    const changed = await f.api.patch(
      '/api/v1/memberships/subscription',
      { planId: big.id },
      m.accessToken,
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.plan.id).toBe(big.id);
    const same = await f.api.patch(
      '/api/v1/memberships/subscription',
      { planId: big.id },
      m.accessToken,
    );
    expect(same.status).toBe(400);
    await f.advance(await f.secondsUntil(m.membership.currentPeriodEnd));
    const invoices = await eventually(async () => {
      const list = await f.stripe.invoices.list({ subscription: m.membership.subscriptionId! });
      expect(list.data[0]?.billing_reason).toBe('subscription_cycle');
      return list.data;
    });
    const renewal = invoices[0]!;
    const prorations = renewal.lines.data.filter(
      (l) => l.parent?.subscription_item_details?.proration,
    );
    // Unused time on Small credited, the rest of the period on Big charged: a net charge.
    expect(prorations.length).toBe(2);
    const net = prorations.reduce((s, l) => s + l.amount, 0);
    expect(net).toBeGreaterThan(0);
    expect(net).toBeLessThanOrEqual(6_000);
    expect(renewal.amount_paid).toBe(9_000 + net);
    await allWebhooksApplied(app);
    await f.ledgerHolds();
  });

  it('cancels at period end, then now; a cancelled member may subscribe again', async () => {
    const plan = await f.plan({ name: 'Cancel' });
    const m = await f.activeMember(plan.id);
    const later = await f.api.del('/api/v1/memberships/subscription', m.accessToken);
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ status: 'ACTIVE', cancelAtPeriodEnd: true, access: true });
    const now = await f.api.del('/api/v1/memberships/subscription?now=true', m.accessToken);
    expect(now.body).toMatchObject({ status: 'CANCELLED', access: false });
    await eventually(async () => {
      expect(await f.transactions(m.user.id)).toEqual([
        'ALLOCATION day_passes 2',
        'EXPIRY day_passes -2',
        'ALLOCATION meeting_room_hours 10',
        'EXPIRY meeting_room_hours -10',
      ]);
    });
    expect(await f.ledgerCredits(m.user.id, 'meeting_room_hours')).toBe(0);
    const again = await f.subscribe(m.accessToken, plan.id);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(m.membership.id);
    await allWebhooksApplied(app);
    await f.ledgerHolds();
  });

  it('two concurrent subscribes make one membership; a replayed Idempotency-Key is the same one', async () => {
    const plan = await f.plan({ name: 'Race' });
    const m = await f.member();
    const [a, b] = await Promise.all([
      f.subscribe(m.accessToken, plan.id, 'k-a'),
      f.subscribe(m.accessToken, plan.id, 'k-b'),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const won = a.status === 201 ? a : b;
    const replay = await f.subscribe(m.accessToken, plan.id, won === a ? 'k-a' : 'k-b');
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(won.body.id);
    expect(replay.body.subscriptionId).toBe(won.body.subscriptionId);
    const { rows } = await f.pool.query(
      `SELECT count(*)::int AS n FROM memberships WHERE user_id = $1`,
      [m.user.id],
    );
    expect(rows[0].n).toBe(1);
    const subs = await f.stripe.subscriptions.list({ status: 'all', price: undefined, limit: 100 });
    expect(subs.data.filter((s) => s.metadata.membership_id === won.body.id)).toHaveLength(1);
  });

  it('a crash after the provider answered: the retry finds the PENDING row and the same subscription', async () => {
    const plan = await f.plan({ name: 'Crash' });
    const m = await f.member();
    const first = await f.subscribe(m.accessToken, plan.id, 'crash-1');
    expect(first.status).toBe(201);
    // As if the process died between the provider's answer and our write: the row is PENDING
    // and the stored response is gone.
    await f.pool.query(
      `UPDATE memberships SET status = 'PENDING', provider_subscription_id = NULL, client_secret = NULL WHERE id = $1`,
      [first.body.id],
    );
    await f.pool.query(`DELETE FROM idempotency_keys WHERE key = 'crash-1'`);
    const retry = await f.subscribe(m.accessToken, plan.id, 'crash-1');
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.subscriptionId).toBe(first.body.subscriptionId);
    expect(retry.body.clientSecret).toBe(first.body.clientSecret);
  });

  it('spendCredits refuses more than is left, is idempotent by key, and refundCredits gives back at most what was spent', async () => {
    const plan = await f.plan({ name: 'Spend', credits: { day_passes: 3 } });
    const m = await f.activeMember(plan.id);
    const memberships = app.running.app.get(Memberships);
    const db = app.runtime.database.db;
    const spend = (amount: bigint, key: string, reference = 'booking:s1') =>
      db.transaction((tx) =>
        memberships.spendCredits(tx, {
          userId: m.user.id,
          type: 'day_passes',
          amount,
          reference,
          key,
        }),
      );
    await expect(spend(4n, 'too-many')).rejects.toMatchObject({ code: 'insufficient_credits' });
    await spend(2n, 'book-1');
    await spend(2n, 'book-1'); // a replay: nothing more
    expect(f.credit((await f.subscription(m.accessToken)).body, 'day_passes')).toBe(1);
    // 20 concurrent spends of the last credit: exactly one.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => spend(1n, `last-${i}`, `booking:last-${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.every(
        (r) =>
          r.status === 'fulfilled' ||
          (r.reason as { code?: string }).code === 'insufficient_credits',
      ),
    ).toBe(true);
    const refund = (amount: bigint, key: string) =>
      db.transaction((tx) =>
        memberships.refundCredits(tx, {
          userId: m.user.id,
          type: 'day_passes',
          amount,
          reference: 'booking:s1',
          key,
        }),
      );
    await expect(refund(3n, 'r-too-much')).rejects.toMatchObject({ code: 'refund_exceeds_spent' });
    await refund(2n, 'r-1');
    await refund(2n, 'r-1'); // a replay
    await expect(refund(1n, 'r-2')).rejects.toMatchObject({ code: 'refund_exceeds_spent' });
    expect(f.credit((await f.subscription(m.accessToken)).body, 'day_passes')).toBe(2);
    expect(await f.ledgerCredits(m.user.id, 'day_passes')).toBe(2);
    await f.ledgerHolds();
  });

  it('pays the first invoice through the server with the card form’s pm_…; a decline is a 402', async () => {
    const plan = await f.plan({ name: 'Server pay' });
    const m = await f.member();
    const sub = await f.subscribe(m.accessToken, plan.id);
    const declined = await f.api.call('POST', '/api/v1/memberships/subscription/pay', {
      body: { paymentMethodId: 'pm_card_chargeDeclined' },
      token: m.accessToken,
      headers: { 'idempotency-key': 'pay-1' },
    });
    expect(declined.status).toBe(402);
    expect((await f.subscription(m.accessToken)).body.status).toBe('INCOMPLETE');
    const paid = await f.api.call('POST', '/api/v1/memberships/subscription/pay', {
      body: { paymentMethodId: 'pm_card_visa' },
      token: m.accessToken,
      headers: { 'idempotency-key': 'pay-2' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.payment.status).toBe('SUCCEEDED');
    await eventually(async () => {
      const v = await f.subscription(m.accessToken);
      expect(v.body).toMatchObject({ id: sub.body.id, status: 'ACTIVE' });
    });
    const again = await f.api.call('POST', '/api/v1/memberships/subscription/pay', {
      body: { paymentMethodId: 'pm_card_visa' },
      token: m.accessToken,
      headers: { 'idempotency-key': 'pay-3' },
    });
    expect(again.status).toBe(409);
  });

  it('an invoice.paid applied again (a replay after a crash) allocates and books nothing twice', async () => {
    const plan = await f.plan({ name: 'Replay' });
    const m = await f.activeMember(plan.id);
    await allWebhooksApplied(app);
    const { rows: events } = await f.pool.query<{ id: string }>(
      `SELECT id FROM webhook_events WHERE type = 'invoice.paid' AND payload->'object'->'parent'->'subscription_details'->>'subscription' = $1`,
      [m.membership.subscriptionId],
    );
    expect(events).toHaveLength(1);
    const entries = async () =>
      (
        await f.pool.query(
          `SELECT count(*)::int AS n FROM journal_entries WHERE metadata->>'membership_id' = $1`,
          [m.membership.id],
        )
      ).rows[0].n as number;
    const before = await entries();
    expect(before).toBe(3); // the invoice's money, two allocations
    await f.pool.query(`UPDATE webhook_events SET processed_at = NULL WHERE id = $1`, [
      events[0]!.id,
    ]);
    await app.running.app.get(WebhookApplier).apply(events[0]!.id);
    expect(await entries()).toBe(before);
    expect(await f.transactions(m.user.id)).toEqual([
      'ALLOCATION day_passes 2',
      'ALLOCATION meeting_room_hours 10',
    ]);
    await f.ledgerHolds();
  });

  it('refuses bad input, other users, and non-admins with clear 4xx', async () => {
    const m = await f.member();
    expect((await f.subscribe(m.accessToken, 'nope')).status).toBe(400);
    expect((await f.subscribe(m.accessToken, 'mpl_00000000000000000000000000')).status).toBe(404);
    expect((await f.subscription(m.accessToken)).status).toBe(404);
    expect((await f.api.del('/api/v1/memberships/subscription', m.accessToken)).status).toBe(404);
    const asMember = await f.api.post(
      '/api/v1/admin/membership-plans',
      { name: 'x', currency: 'eur', monthlyPrice: 100 },
      m.accessToken,
    );
    expect(asMember.status).toBe(403);
    const bad = await f.api.post('/api/v1/memberships/subscribe', { planId: 1 }, m.accessToken);
    expect(bad.body.error).toMatchObject({ type: expect.any(String), param: 'planId' });
    expect((await f.api.get('/api/v1/memberships/plans')).status).toBe(200);
    const admin = await f.member();
    await promote(app, admin.user.id, 'ADMIN');
    const badId = await f.api.patch(
      '/api/v1/admin/membership-plans/nope',
      { name: 'x' },
      admin.accessToken,
    );
    expect(badId.status).toBe(404);
    const badCredits = await f.api.post(
      '/api/v1/admin/membership-plans',
      { name: 'x', currency: 'eur', monthlyPrice: 100, credits: { 'Bad Type': 1 } },
      admin.accessToken,
    );
    expect(badCredits.status).toBe(400);
    const negative = await f.api.post(
      '/api/v1/admin/membership-plans',
      { name: 'x', currency: 'eur', monthlyPrice: -5 },
      admin.accessToken,
    );
    expect(negative.status).toBe(400);
  });
});
