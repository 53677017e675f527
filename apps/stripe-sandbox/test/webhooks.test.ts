import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harness, WebhookReceiver, type Harness } from './helpers';

interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  state: string;
  attempts: Array<{ status: number | null; error: string | null }>;
}

let h: Harness;
beforeAll(async () => {
  h = await harness({ retryScheduleMs: [30, 60, 90] });
});
afterEach(() => {
  h.hooks.respond = () => 200;
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

async function deliveriesOf(eventId: string): Promise<DeliveryView[]> {
  return (await h.control<{ data: DeliveryView[] }>(`/deliveries?event=${eventId}`)).data;
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('signing', () => {
  it('signs exactly as Stripe: t=…,v1=HMAC-SHA256(t.payload)', async () => {
    const c = await h.stripe.customers.create({ email: 'sig@example.com' });
    const event = await h.hooks.waitForObject('customer.created', c.id);
    const received = h.hooks.received.find((r) => r.event.id === event.id)!;
    expect(received.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    // A receiver with the wrong secret must reject it.
    const other = new Stripe('sk_test_x');
    expect(() =>
      other.webhooks.constructEvent(
        JSON.stringify(event, null, 2),
        received.signature,
        'whsec_wrong',
      ),
    ).toThrow();
    const fetched = await h.stripe.events.retrieve(event.id);
    expect(fetched).toMatchObject({
      id: event.id,
      type: 'customer.created',
      object: 'event',
      livemode: false,
    });
    expect(fetched.request?.id).toMatch(/^req_/);
    const listed = await h.stripe.events.list({ type: 'customer.*', limit: 100 });
    expect(listed.data.map((e) => e.id)).toContain(event.id);
  });
});

describe('retries', () => {
  it('retries after the receiver answers 500, recording every attempt', async () => {
    h.hooks.respond = (e, attempt) => (e.type === 'product.created' && attempt <= 2 ? 500 : 200);
    const product = await h.stripe.products.create({ name: 'Retry me' });
    const events = await h.hooks.waitForType('product.created');
    const event = events.find((e) => (e.data.object as { id: string }).id === product.id)!;
    const attempts = h.hooks.received.filter((r) => r.event.id === event.id).map((r) => r.status);
    expect(attempts).toEqual([500, 500, 200]);
    const [delivery] = await until(
      () => deliveriesOf(event.id),
      (d) => d[0]?.state === 'succeeded',
    );
    expect(delivery!.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(delivery!.state).toBe('succeeded');
    const stored = await h.stripe.events.retrieve(event.id);
    expect(stored.pending_webhooks).toBe(0);
  });

  it('gives up after the schedule is exhausted and marks the delivery failed', async () => {
    h.hooks.respond = (e) => (e.type === 'price.created' ? 503 : 200);
    const price = await h.stripe.prices.create({
      currency: 'eur',
      unit_amount: 100,
      product_data: { name: 'Nope' },
    });
    const event = (await h.stripe.events.list({ type: 'price.created' })).data.find(
      (e) => (e.data.object as { id: string }).id === price.id,
    )!;
    const [delivery] = await until(
      () => deliveriesOf(event.id),
      (d) => d[0]?.state === 'failed',
    );
    expect(delivery!.attempts).toHaveLength(4);
    expect(delivery!.attempts.every((a) => a.status === 503)).toBe(true);
    expect((await h.stripe.events.retrieve(event.id)).pending_webhooks).toBe(1);
  });

  it('treats an unreachable endpoint as a failed attempt and retries', async () => {
    const endpoint = await h.stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:1/unreachable',
      enabled_events: ['customer.updated'],
    });
    const c = await h.stripe.customers.create({});
    await h.stripe.customers.update(c.id, { name: 'x' });
    const event = (await h.stripe.events.list({ type: 'customer.updated' })).data[0]!;
    const ds = await until(
      () => deliveriesOf(event.id),
      (d) => d.some((x) => x.endpointId === endpoint.id && x.state === 'failed'),
    );
    const dead = ds.find((x) => x.endpointId === endpoint.id)!;
    expect(dead.attempts.length).toBe(4);
    expect(dead.attempts[0]!.error).not.toBeNull();
    await h.stripe.webhookEndpoints.del(endpoint.id);
  });
});

describe('delivery controls', () => {
  it('duplicates the next N deliveries', async () => {
    await h.control('/webhooks/duplicate', { count: 1 });
    const c = await h.stripe.customers.create({ email: 'dup@example.com' });
    const events = await h.hooks.waitFor(
      (es) =>
        es.filter(
          (e) => e.type === 'customer.created' && (e.data.object as { id: string }).id === c.id,
        ).length === 2,
    );
    const copies = events.filter(
      (e) => e.type === 'customer.created' && (e.data.object as { id: string }).id === c.id,
    );
    expect(copies[0]!.id).toBe(copies[1]!.id);
  });

  it('reorders the next N deliveries', async () => {
    await h.control('/webhooks/reorder', { count: 3 });
    const before = h.hooks.events.length;
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await h.hooks.waitFor((es) => es.length >= before + 3);
    const arrived = h.hooks.events.slice(before).filter((e) => {
      const o = e.data.object as { id: string; payment_intent?: string };
      return o.id === pi.id || o.payment_intent === pi.id;
    });
    expect(arrived.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
    ]);
    // `created` still tells the true order.
    const ids = (await h.stripe.events.list({ limit: 3 })).data.map((e) => e.type);
    expect(ids).toEqual(['payment_intent.succeeded', 'charge.succeeded', 'payment_intent.created']);
  });
});

describe('webhook endpoints API', () => {
  it('creates (revealing the secret once), lists, delivers to, and deletes an endpoint', async () => {
    const receiver = await new WebhookReceiver().start();
    try {
      const endpoint = await h.stripe.webhookEndpoints.create({
        url: receiver.url,
        enabled_events: ['customer.created'],
      });
      expect(endpoint.secret).toMatch(/^whsec_/);
      receiver.secret = endpoint.secret!;
      const retrieved = await h.stripe.webhookEndpoints.retrieve(endpoint.id);
      expect(retrieved.secret).toBeUndefined();
      expect((await h.stripe.webhookEndpoints.list()).data.map((e) => e.id)).toContain(endpoint.id);
      const c = await h.stripe.customers.create({});
      await h.stripe.customers.update(c.id, { name: 'filtered out' });
      await receiver.waitForType('customer.created');
      await new Promise((r) => setTimeout(r, 50));
      expect(receiver.types()).toEqual(['customer.created']);
      expect(receiver.verificationErrors).toEqual([]);
      const deleted = await h.stripe.webhookEndpoints.del(endpoint.id);
      expect(deleted.deleted).toBe(true);
      await h.stripe.customers.create({});
      await new Promise((r) => setTimeout(r, 50));
      expect(receiver.types()).toEqual(['customer.created']);
    } finally {
      await receiver.close();
    }
  });
});
