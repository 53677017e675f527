import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { Store } from '../store';
import { WebhookDispatcher } from './dispatcher';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function fakeEvent(store: Store): Stripe.Event {
  const event = {
    id: 'evt_test_1',
    object: 'event',
    api_version: null,
    created: 1,
    data: { object: { id: 'cus_1', object: 'customer' } },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'customer.created',
  } as unknown as Stripe.Event;
  store.insert('event', event);
  return event;
}

describe('WebhookDispatcher', () => {
  it('counts a receiver that never answers as a timed-out attempt and retries on schedule', async () => {
    let hits = 0;
    // Accepts the request and never responds.
    server = createServer(() => {
      hits += 1;
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const store = new Store();
    const dispatcher = new WebhookDispatcher(
      store,
      () => [{ id: 'we_1', url, secret: 'whsec_x', enabledEvents: ['*'] }],
      {
        retryScheduleMs: [10, 10],
        timeoutMs: 150,
        logger: silentLogger,
      },
    );
    dispatcher.enqueue(fakeEvent(store));
    const deadline = Date.now() + 5000;
    const first = () => Object.values(store.state.deliveries)[0];
    while (first()?.state !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const delivery = first()!;
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    expect(
      delivery.attempts.every((a) => a.status === null && /timeout/i.test(a.error ?? '')),
    ).toBe(true);
    // The receiver saw the requests (how many arrived before each abort depends on timing).
    expect(hits).toBeGreaterThanOrEqual(1);
    await dispatcher.close();
  });

  it('only targets endpoints whose enabled_events match', () => {
    const store = new Store();
    const dispatcher = new WebhookDispatcher(
      store,
      () => [
        { id: 'we_all', url: 'http://127.0.0.1:1/', secret: 's', enabledEvents: ['*'] },
        {
          id: 'we_charge',
          url: 'http://127.0.0.1:1/',
          secret: 's',
          enabledEvents: ['charge.succeeded'],
        },
      ],
      { retryScheduleMs: [], timeoutMs: 10, logger: silentLogger },
    );
    expect(dispatcher.matching('charge.succeeded').map((t) => t.id)).toEqual([
      'we_all',
      'we_charge',
    ]);
    expect(dispatcher.matching('customer.created').map((t) => t.id)).toEqual(['we_all']);
  });
});
