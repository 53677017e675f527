import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, submit, threeDSecure } from '../../../stripe-sandbox/test/browser';
import { PROVIDER_SETUP } from '../../src/payments/payments.tokens';
import type { ProviderSetup } from '../../src/payments/provider/stripe-client';
import { eventually, paymentsHarness, type PaymentsHarness } from './harness';

describe('webhook robustness', () => {
  let h: PaymentsHarness;
  let secret: string;
  const stripe = new Stripe('sk_test_unused');
  const db = () => h.app.runtime.database.pool;
  const count = async (sql: string, params: unknown[] = []) =>
    (await db().query(sql, params)).rows[0].n as number;
  const payment = async (id: string) =>
    (await h.api.get(`/api/v1/payments/${id}`, h.user.accessToken)).body;
  const transitions = async (id: string) =>
    (
      await db().query(
        'SELECT from_status, to_status FROM payment_transitions WHERE payment_id = $1 ORDER BY id',
        [id],
      )
    ).rows;

  beforeAll(async () => {
    h = await paymentsHarness();
    secret = h.app.running.app.get<ProviderSetup>(PROVIDER_SETUP).sandbox!.webhookSecret;
  });
  afterAll(() => h?.app.close());

  const event = (id: string, type = 'payment_intent.succeeded') =>
    JSON.stringify({
      id,
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      api_version: '2026-01-01',
      data: {
        object: { id: 'pi_unknown', object: 'payment_intent', status: 'succeeded', metadata: {} },
      },
    });
  const post = (body: string, signature?: string, path = '/api/v1/webhooks/stripe') =>
    h.api.call('POST', path, {
      raw: body,
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'stripe-signature': signature } : {}),
      },
    });

  it('refuses forged, tampered, stale and unsigned deliveries, storing nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM webhook_events');
    const body = event('evt_forgery_1');
    const cases: [string, string | undefined, string][] = [
      [
        'forged',
        stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else' }),
        body,
      ],
      [
        'tampered',
        stripe.webhooks.generateTestHeaderString({ payload: body, secret }),
        body.replace('succeeded', 'canceled'),
      ],
      [
        'stale',
        stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret,
          timestamp: Math.floor(Date.now() / 1000) - 301,
        }),
        body,
      ],
      ['unsigned', undefined, body],
      ['garbage header', 't=abc,v1=xyz', body],
    ];
    for (const [name, sig, payload] of cases) {
      const res = await post(payload, sig);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(res.body.error.type).toBe('invalid_request_error');
    }
    expect(await count('SELECT count(*)::int AS n FROM webhook_events')).toBe(before);
  });

  it('accepts a well-signed event on all three seed paths, storing it once by id', async () => {
    const body = event('evt_paths_1');
    const sig = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    for (const path of [
      '/api/v1/webhooks/stripe',
      '/api/v1/stripe/webhook',
      '/api/v1/payments/webhook',
    ]) {
      const res = await post(body, sig, path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: true });
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM webhook_events WHERE id = 'evt_paths_1'`),
    ).toBe(1);
    await eventually(async () =>
      expect(
        await count(
          `SELECT count(*)::int AS n FROM webhook_events WHERE id = 'evt_paths_1' AND processed_at IS NOT NULL`,
        ),
      ).toBe(1),
    );
  });

  it('duplicated deliveries apply once', async () => {
    await h.control('webhooks/duplicate', { count: 20 });
    const link = (await h.api.post('/test/payments/link', { amount: 1500 }, h.user.accessToken))
      .body;
    const page = await load(link.nextActionUrl);
    await submit(
      link.nextActionUrl,
      page.html,
      { id: 'card-form' },
      { card_number: '4242424242424242', email: 'a@b.co', name: 'A' },
    );
    await eventually(async () => expect((await payment(link.id)).status).toBe('SUCCEEDED'));
    const deliveries = (await (await fetch(`${h.sandbox}/_sandbox/deliveries`)).json()) as {
      data: { eventId: string }[];
    };
    const ids = deliveries.data.map((d) => d.eventId);
    expect(ids.length).toBeGreaterThan(new Set(ids).size); // the sandbox really duplicated
    await eventually(async () =>
      expect(
        await count('SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL'),
      ).toBe(0),
    );
    expect(await transitions(link.id)).toEqual([
      { from_status: 'CREATED', to_status: 'SUCCEEDED' },
    ]);
  });

  it('a burst of deliveries, twins included, is stored in shared batches and each event applied once', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `evt_burst_${i}`);
    // A type the sandbox never sends, so its own deliveries (retries of earlier tests' events)
    // cannot move the counters read below.
    const type = 'payment_intent.partially_funded';
    const counted = async (stage: string) => {
      const text = await (await fetch(`${h.app.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) => l.startsWith(`tender_webhooks_total{stage="${stage}",type="${type}"}`));
      return Number(line?.split(' ').pop() ?? 0);
    };
    const before = { received: await counted('received'), duplicate: await counted('duplicate') };
    const bodies = ids.map((id) => event(id, type));
    const sign = (payload: string) => stripe.webhooks.generateTestHeaderString({ payload, secret });
    // Every event twice, all at once: twins land in the same batch or in consecutive ones.
    const statuses = await Promise.all(
      [...bodies, ...bodies].map(async (b) => (await post(b, sign(b))).status),
    );
    expect(statuses).toEqual(statuses.map(() => 200));
    // Acknowledged means stored: every event is there at once, once.
    expect(
      await count(`SELECT count(*)::int AS n FROM webhook_events WHERE id = ANY($1)`, [ids]),
    ).toBe(30);
    await eventually(async () =>
      expect(
        await count(
          `SELECT count(*)::int AS n FROM webhook_events
            WHERE id = ANY($1) AND processed_at IS NOT NULL AND attempts = 1`,
          [ids],
        ),
      ).toBe(30),
    );
    // Of each pair exactly one was new, whichever batch the twins fell in.
    expect({
      received: (await counted('received')) - before.received,
      duplicate: (await counted('duplicate')) - before.duplicate,
    }).toEqual({ received: 30, duplicate: 30 });
  });

  it('stores an event and queues its job in one commit: no job, no event, no acknowledgement', async () => {
    const id = 'evt_job_refused_1';
    const body = event(id, 'payment_intent.partially_funded');
    const sign = () => stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    const stored = () => count('SELECT count(*)::int AS n FROM webhook_events WHERE id = $1', [id]);
    const jobs = () =>
      count(
        `SELECT count(*)::int AS n FROM pgboss.job
          WHERE name = 'payments.webhook' AND data->>'eventId' = $1`,
        [id],
      );
    // The job's insert fails for this one event (as a full disk or a lost connection would).
    await db().query(`
      CREATE FUNCTION pg_temp_refuse_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.data->>'eventId' = '${id}' THEN RAISE EXCEPTION 'job insert refused'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_job AFTER INSERT ON pgboss.job
        FOR EACH ROW EXECUTE FUNCTION pg_temp_refuse_job();`);
    try {
      const refused = await post(body, sign());
      expect(refused.status).toBe(500);
      // Not acknowledged, and the event's row went with its job: nothing half-stored.
      expect({ stored: await stored(), jobs: await jobs() }).toEqual({ stored: 0, jobs: 0 });
    } finally {
      await db().query(
        'DROP TRIGGER refuse_job ON pgboss.job; DROP FUNCTION pg_temp_refuse_job();',
      );
    }
    // The provider's redelivery stores both, and the event is applied.
    expect((await post(body, sign())).status).toBe(200);
    expect({ stored: await stored(), jobs: await jobs() }).toEqual({ stored: 1, jobs: 1 });
    await eventually(async () =>
      expect(
        await count(
          'SELECT count(*)::int AS n FROM webhook_events WHERE id = $1 AND processed_at IS NOT NULL',
          [id],
        ),
      ).toBe(1),
    );
  });

  it('reordered and delayed deliveries converge to the right final state', async () => {
    // Hold the next deliveries back and release them in reverse order, after a refund has happened.
    await h.control('webhooks/reorder', { count: 1000 });
    const link = (await h.api.post('/test/payments/link', { amount: 2000 }, h.user.accessToken))
      .body;
    const page = await load(link.nextActionUrl);
    await submit(
      link.nextActionUrl,
      page.html,
      { id: 'card-form' },
      { card_number: '4242424242424242', email: 'a@b.co', name: 'A' },
    );
    // Nothing delivered yet: reconciliation-free state is still `created`.
    expect((await payment(link.id)).status).toBe('CREATED');
    await h.control('webhooks/flush');
    await eventually(async () => expect((await payment(link.id)).status).toBe('SUCCEEDED'));
    const refund = await h.api.post(
      `/api/v1/admin/payments/${link.id}/refund`,
      { amount: 2000 },
      h.admin.accessToken,
    );
    expect(refund.status).toBe(201);
    expect((await payment(link.id)).status).toBe('REFUNDED');
    // A late success event (a new delivery of the intent's success) must not un-refund it.
    const pi = (await payment(link.id)).providerIntentId;
    const late = JSON.stringify({
      id: `evt_late_${link.id}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000) - 60,
      livemode: false,
      data: {
        object: {
          id: pi,
          object: 'payment_intent',
          status: 'succeeded',
          amount: 2000,
          amount_received: 2000,
          metadata: { payment_id: link.id },
        },
      },
    });
    expect(
      (await post(late, stripe.webhooks.generateTestHeaderString({ payload: late, secret })))
        .status,
    ).toBe(200);
    await eventually(async () =>
      expect(
        await count('SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL'),
      ).toBe(0),
    );
    expect((await payment(link.id)).status).toBe('REFUNDED');
    expect((await transitions(link.id)).map((t) => t.to_status)).toEqual(['SUCCEEDED', 'REFUNDED']);
  });

  it('the browser return and the webhook racing for one payment make one transition', async () => {
    const res = await h.api.post(
      '/test/payments/card',
      { paymentMethodId: 'pm_card_authenticationRequired', amount: 900 },
      h.user.accessToken,
    );
    expect(res.body.status).toBe('REQUIRES_ACTION');
    const done = await threeDSecure(res.body.nextActionUrl, 'approve');
    // The return link with its token (and the parameters the provider adds).
    const back = new URL(done.location!);
    const path = back.pathname + back.search;
    // Several returns (reloads) race each other and the sandbox's webhooks.
    const returns = await Promise.all(Array.from({ length: 6 }, () => h.api.get(path)));
    expect(returns.every((r) => r.body.status === 'SUCCEEDED')).toBe(true);
    await eventually(async () =>
      expect(
        await count('SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL'),
      ).toBe(0),
    );
    expect(await transitions(res.body.id)).toEqual([
      { from_status: 'CREATED', to_status: 'REQUIRES_ACTION' },
      { from_status: 'REQUIRES_ACTION', to_status: 'SUCCEEDED' },
    ]);
  });
});
