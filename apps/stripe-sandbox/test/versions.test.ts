// `Stripe-Version`: a version Stripe released is accepted and echoed; one it never released (a
// future date, a malformed date, a wrong release name, two versions at once) is refused with
// Stripe's 400, so a typo fails here as it would on the day the code meets Stripe.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/index';
import { acceptedVersion } from '../src/server';
import { API_KEY, stripeError } from './helpers';

describe('Stripe-Version', () => {
  let sandbox: RunningSandbox;
  const at = (apiVersion: string) =>
    new Stripe(API_KEY, {
      host: '127.0.0.1',
      port: sandbox.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      apiVersion: apiVersion as Stripe.LatestApiVersion,
    });
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox?.close());

  it('accepts released versions (the SDK default, older dates, beta flags) and echoes them', async () => {
    for (const v of [Stripe.API_VERSION, '2023-08-16', '2020-08-27', '2024-06-20; foo_beta=v1']) {
      const res = await fetch(`${sandbox.url}/v1/customers`, {
        headers: { authorization: `Bearer ${API_KEY}`, 'stripe-version': v },
      });
      expect({ v, status: res.status, echoed: res.headers.get('stripe-version') }).toEqual({
        v,
        status: 200,
        echoed: v,
      });
    }
    expect((await at('2023-08-16').customers.create({ email: 'old@example.com' })).object).toBe(
      'customer',
    );
  });

  it('refuses a version Stripe never released, in Stripe words', async () => {
    const newest = Stripe.API_VERSION.slice(0, 10);
    for (const v of ['2099-01-01', '2019-2-19', '2023-02-30', `${newest}.acacia`, '2010-12-31']) {
      const err = await stripeError(() => at(v).customers.list());
      expect({ v, status: err.statusCode, type: err.type, message: err.message }).toEqual({
        v,
        status: 400,
        type: 'StripeInvalidRequestError',
        message: `Invalid Stripe API version: ${v}`,
      });
    }
    expect(acceptedVersion('2023-08-16, 2024-06-20')).toBe(false);
    expect(acceptedVersion('2024-06-20; not a flag')).toBe(false);
  });
});
