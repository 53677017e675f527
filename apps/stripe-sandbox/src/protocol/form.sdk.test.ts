// Property test: whatever nested parameters the official SDK encodes, parseForm decodes back to
// the same structure (with every leaf as a string, as on the wire). The SDK is given a capturing
// HTTP client, so this exercises its real encoder without a server.
import fc from 'fast-check';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { parseForm } from './form';

class CapturingClient extends Stripe.HttpClient {
  bodies: string[] = [];

  override getClientName(): string {
    return 'capture';
  }

  override makeRequest(
    _host: string,
    _port: string,
    path: string,
    method: string,
    _headers: object,
    requestData: string,
  ): Promise<Stripe.HttpClientResponse> {
    this.bodies.push(method === 'GET' ? (path.split('?')[1] ?? '') : requestData);
    const res = new (class extends Stripe.HttpClientResponse {
      override getRawResponse(): unknown {
        return {};
      }

      override toJSON(): Promise<unknown> {
        return Promise.resolve({ id: 'x', object: 'customer' });
      }
    })(200, {});
    return Promise.resolve(res);
  }
}

/** What a value looks like after a trip through form encoding: leaves become strings. */
function wire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
  }
  return String(value);
}

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const text = fc.string({ minLength: 1, maxLength: 20 });

describe('parseForm against the SDK encoder', () => {
  it('round-trips metadata, nested line items and expand lists', async () => {
    const client = new CapturingClient();
    const stripe = new Stripe('sk_test_x', { httpClient: client, maxNetworkRetries: 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, text, { maxKeys: 5 }),
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 99 }),
            price_data: fc.record({
              currency: fc.constantFrom('eur', 'usd'),
              unit_amount: fc.integer({ min: 0, max: 10_000_000 }),
              product_data: fc.record({ name: text }),
            }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(fc.constantFrom('payment_intent', 'customer', 'line_items'), { maxLength: 3 }),
        async (metadata, lineItems, expand) => {
          const params = {
            mode: 'payment' as const,
            metadata,
            line_items: lineItems,
            success_url: 'https://x.example/ok?a=1&b=2',
            expand,
          };
          await stripe.checkout.sessions.create(params);
          const parsed = parseForm(client.bodies.at(-1)!);
          const expected = wire(params) as Record<string, unknown>;
          // Empty collections are not sent at all by the encoder.
          if (expand.length === 0) delete expected.expand;
          if (Object.keys(metadata).length === 0) delete expected.metadata;
          expect(parsed).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(() => parseForm(s)).not.toThrow();
      }),
    );
  });
});
