import Stripe from 'stripe';
import { expect } from 'vitest';
import { verifyLedger } from '../../src/books';
import { client, promote, register, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';

export const DAY = 24 * 3600;

/** The official SDK pointed at the test app's embedded sandbox (the card holder's side). */
export function sandboxSdk(app: TestApp): Stripe {
  return new Stripe('sk_test_membership_tests', {
    host: '127.0.0.1',
    port: Number(new URL(app.running.sandboxUrl!).port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

export type MembershipsFixture = ReturnType<typeof membershipsFixture>;

export function membershipsFixture(app: TestApp) {
  const api = client(app.url);
  const stripe = sandboxSdk(app);
  const pool = app.runtime.database.pool;
  let admin: { accessToken: string } | undefined;

  const adminToken = async () => {
    if (!admin) {
      const a = await register(api);
      await promote(app, a.user.id, 'ADMIN');
      admin = a;
    }
    return admin.accessToken;
  };

  return {
    api,
    stripe,
    pool,
    async plan(body: Record<string, unknown> = {}) {
      const res = await api.post(
        '/api/v1/admin/membership-plans',
        {
          name: 'Hot desk',
          currency: 'eur',
          monthlyPrice: 9_900,
          credits: { meeting_room_hours: 10, day_passes: 2 },
          rolloverCaps: { meeting_room_hours: 5 },
          ...body,
        },
        await adminToken(),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; monthlyPrice: number };
    },
    member: () => register(api),
    subscribe(token: string, planId: string, key?: string) {
      return api.call('POST', '/api/v1/memberships/subscribe', {
        body: { planId },
        token,
        headers: key ? { 'idempotency-key': key } : {},
      });
    },
    subscription: (token: string) => api.get('/api/v1/memberships/subscription', token),
    /** The card holder confirms the first invoice's payment with a test card, as the card form does. */
    async pay(clientSecret: string, paymentMethod = 'pm_card_visa'): Promise<{ status: string }> {
      const id = clientSecret.split('_secret_')[0]!;
      const pi = await stripe.paymentIntents.confirm(id, { payment_method: paymentMethod });
      return { status: pi.status };
    },
    /** Subscribes and pays; returns once invoice.paid has allocated the credits. */
    async activeMember(planId: string) {
      const m = await this.member();
      const sub = await this.subscribe(m.accessToken, planId);
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);
      await this.pay(sub.body.clientSecret);
      const view = await eventually(async () => {
        const v = await this.subscription(m.accessToken);
        expect(v.body.status).toBe('ACTIVE');
        expect(v.body.credits.length).toBeGreaterThan(0);
        return v.body;
      });
      return { ...m, membership: view };
    },
    async advance(seconds: number) {
      const res = await fetch(`${app.running.sandboxUrl}/_sandbox/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds }),
      });
      expect(res.ok).toBe(true);
    },
    /** Seconds from the sandbox's now to just past `iso`. */
    async secondsUntil(iso: string) {
      const clock = (await (await fetch(`${app.running.sandboxUrl}/_sandbox/clock`)).json()) as {
        now: number;
      };
      return Math.ceil(Date.parse(iso) / 1000) - clock.now + 60;
    },
    credit(view: { credits: { type: string; remaining: number }[] }, type: string) {
      return view.credits.find((c) => c.type === type)?.remaining ?? 0;
    },
    async transactions(userId: string) {
      const { rows } = await pool.query<{ kind: string; credit_type: string; amount: string }>(
        `SELECT kind, credit_type, amount::text FROM credit_transactions WHERE user_id = $1 ORDER BY id`,
        [userId],
      );
      // Types are allocated in the plan's (jsonb) key order: compare per type, in time order.
      return rows
        .map((r) => `${r.kind} ${r.credit_type} ${r.amount}`)
        .sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!));
    },
    /** The member's MEMBER_CREDITS balance on the ledger, in the type's unit. */
    async ledgerCredits(userId: string, type: string) {
      const { rows } = await pool.query<{ balance: string }>(
        `SELECT balance::text FROM ledger_accounts WHERE type = 'MEMBER_CREDITS' AND owner_id = $1 AND currency = $2`,
        [userId, `credit:${type}`],
      );
      return Number(rows[0]?.balance ?? 0);
    },
    async ledgerHolds() {
      expect(await verifyLedger(pool)).toEqual([]);
    },
  };
}
