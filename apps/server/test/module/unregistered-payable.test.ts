import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentsModule, PROVIDER_SETUP } from '../../src/payments';
import type { ProviderSetup } from '../../src/payments/provider/stripe-client';
import { WebhookIntake } from '../../src/payments/webhook-intake';
import { JobQueue } from '../../src/platform/jobs/jobs';
import { moduleHarness, type ModuleHarness } from './harness';

/**
 * A webhook about a payment whose payable type nobody registered (a module not mounted, a misspelt
 * type) is never acknowledged silently: the registry refuses it, the apply rolls back, the event
 * stays unapplied with the reason, its job retries and finally dead-letters, where an operator sees
 * it. The payments module alone, so no payable at all is registered; no HTTP.
 */
describe('an event for an unregistered payable type', () => {
  let h: ModuleHarness;

  beforeAll(async () => {
    h = await moduleHarness([PaymentsModule]);
  });
  afterAll(() => h?.close());

  async function until<T>(what: string, check: () => Promise<T | false>, ms = 15_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = await check();
      if (v !== false) return v;
      if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('is refused, retried, and dead-lettered; the payment does not move', async () => {
    await h.sql(
      `INSERT INTO payments (id, payable_type, payable_id, method, status, currency, amount, provider_intent_id)
       VALUES ('pay_orphan', 'nobody', 'x_1', 'CARD', 'CREATED', 'usd', 1500, 'pi_orphan')`,
    );
    const payload = JSON.stringify({
      id: 'evt_orphan',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      api_version: '2026-01-01',
      data: {
        object: {
          id: 'pi_orphan',
          object: 'payment_intent',
          status: 'succeeded',
          amount: 1500,
          amount_received: 1500,
          metadata: {},
        },
      },
    });
    const secret = h.get<ProviderSetup>(PROVIDER_SETUP).sandbox!.webhookSecret;
    const signature = new Stripe('sk_test_unused').webhooks.generateTestHeaderString({
      payload,
      secret,
    });
    // Acknowledged (stored durably) like any event: applying is the job's.
    expect(await h.get(WebhookIntake).receive(Buffer.from(payload), signature)).toEqual({
      received: true,
    });

    const event = await until('the first attempt fails', async () => {
      const [row] = await h.sql<{
        processed_at: Date | null;
        attempts: number;
        last_error: string;
      }>(`SELECT processed_at, attempts, last_error FROM webhook_events WHERE id = 'evt_orphan'`);
      return row && row.attempts >= 1 ? row : false;
    });
    expect(event.processed_at).toBeNull();
    expect(event.last_error).toContain("No payable handler for type 'nobody'");
    const jobState = async () =>
      (
        await h.sql<{ state: string }>(
          `SELECT state FROM pgboss.job WHERE name = 'payments.webhook' AND data->>'eventId' = 'evt_orphan'`,
        )
      ).map((j) => j.state);
    await until('the job waits for a retry', async () =>
      (await jobState()).includes('retry') ? true : false,
    );

    // Ten retries with backoff take about half an hour: jump to the last attempt, due now.
    await h.sql(
      `UPDATE pgboss.job SET retry_count = retry_limit, start_after = now()
       WHERE name = 'payments.webhook' AND data->>'eventId' = 'evt_orphan' AND state = 'retry'`,
    );
    const jobs = h.get(JobQueue);
    const dead = await until('dead-lettered', async () => {
      const page = await jobs.listDeadLetters({ limit: 10, queue: 'payments.webhook' });
      const d = page.data.find((x) => (x.data as { eventId?: string }).eventId === 'evt_orphan');
      return d ?? false;
    });
    expect(dead.error?.message).toContain("No payable handler for type 'nobody'");
    expect(await jobState()).toEqual(['failed']);

    // Nothing moved: the payment is as it was, with no transition, and the event is not applied.
    const [payment] = await h.sql<{ status: string }>(
      `SELECT status FROM payments WHERE id = 'pay_orphan'`,
    );
    expect(payment!.status).toBe('CREATED');
    expect(
      await h.sql(`SELECT 1 FROM payment_transitions WHERE payment_id = 'pay_orphan'`),
    ).toEqual([]);
    const [after] = await h.sql<{ processed_at: Date | null }>(
      `SELECT processed_at FROM webhook_events WHERE id = 'evt_orphan'`,
    );
    expect(after!.processed_at).toBeNull();
  });
});
