import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_SETUP } from '../src/payments/payments.tokens';
import type { ProviderSetup } from '../src/payments/provider/stripe-client';
import { bootTestApp, client, type TestApp } from './helpers';

/**
 * A correctly signed webhook is not necessarily an event: bodies that are signed but malformed
 * must be a 400 with nothing stored, and a signed event holding U+0000 (which jsonb refuses) must
 * be stored and acknowledged, not a 500.
 */
describe('signed but malformed webhooks', () => {
  let app: TestApp;
  let secret: string;
  const stripe = new Stripe('sk_test_unused');
  const PATHS = ['/api/v1/webhooks/stripe', '/api/v1/stripe/webhook', '/api/v1/payments/webhook'];
  const stored = async () =>
    (await app.runtime.database.pool.query('SELECT count(*)::int AS n FROM webhook_events')).rows[0]
      .n as number;
  const post = (path: string, payload: string) =>
    client(app.url).call('POST', path, {
      raw: payload,
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }),
      },
    });
  const event = (over: Record<string, unknown> = {}) => ({
    id: `evt_input_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type: 'tender.test.never_sent',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: 'pi_unknown', object: 'payment_intent', metadata: {} } },
    ...over,
  });

  beforeAll(async () => {
    app = await bootTestApp();
    secret = app.running.app.get<ProviderSetup>(PROVIDER_SETUP).sandbox!.webhookSecret;
  });
  afterAll(() => app?.close());

  it('answers 400 malformed_event and stores nothing for signed non-events', async () => {
    const { id: _id, ...noId } = event();
    const { type: _type, ...noType } = event();
    const { data: _data, ...noData } = event();
    const bodies: [string, string][] = [
      ['[]', '[]'],
      ['null', 'null'],
      ['a number', '42'],
      ['a string', '"evt_1"'],
      ['{}', '{}'],
      ['no id', JSON.stringify(noId)],
      ['no type', JSON.stringify(noType)],
      ['no data', JSON.stringify(noData)],
      ['data null', JSON.stringify(event({ data: null }))],
      ['data.object missing', JSON.stringify(event({ data: {} }))],
      ['data.object an array', JSON.stringify(event({ data: { object: [] } }))],
      ['id not a string', JSON.stringify(event({ id: 12 }))],
      ['empty id', JSON.stringify(event({ id: '' }))],
    ];
    const before = await stored();
    for (const path of PATHS) {
      for (const [label, body] of bodies) {
        const res = await post(path, body);
        expect(res.status, `${path} ${label}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.error, `${path} ${label}`).toMatchObject({
          type: 'invalid_request_error',
          code: 'malformed_event',
        });
      }
    }
    expect(await stored()).toBe(before);
  });

  it('stores a signed event holding U+0000 or an unpaired surrogate, with U+FFFD in its place', async () => {
    const e = event({
      data: {
        object: {
          id: 'pi_unknown',
          object: 'payment_intent',
          description: 'a\u0000b',
          metadata: { 'k\u0000': '\ud800' },
        },
      },
    });
    const res = await post(PATHS[0]!, JSON.stringify(e));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { rows } = await app.runtime.database.pool.query(
      'SELECT payload FROM webhook_events WHERE id = $1',
      [e.id],
    );
    expect(rows[0].payload.object.description).toBe('a\ufffdb');
    expect(rows[0].payload.object.metadata).toEqual({ 'k\ufffd': '\ufffd' });
    // Its signature is checked first: the same body unsigned is refused as before.
    const unsigned = await client(app.url).call('POST', PATHS[0]!, {
      raw: JSON.stringify(e),
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.code).toBe('invalid_signature');
  });

  it('bounds nesting on the webhook route too', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const res = await post(PATHS[0]!, JSON.stringify(event({ data: { object: deep } })));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('nesting_too_deep');
  });
});
