import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from './signature';

describe('signatureHeader', () => {
  it('is accepted by the official SDK and rejected with another secret or payload', () => {
    const stripe = new Stripe('sk_test_x');
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'customer.created',
      data: { object: {} },
    });
    const header = signatureHeader(payload, 'whsec_abc', Math.floor(Date.now() / 1000));
    expect(stripe.webhooks.constructEvent(payload, header, 'whsec_abc').id).toBe('evt_1');
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow();
    expect(() => stripe.webhooks.constructEvent(`${payload} `, header, 'whsec_abc')).toThrow();
    // Stale timestamps fail the SDK's default 300 s tolerance.
    const old = signatureHeader(payload, 'whsec_abc', Math.floor(Date.now() / 1000) - 600);
    expect(() => stripe.webhooks.constructEvent(payload, old, 'whsec_abc')).toThrow();
  });
});
