// `created` filters on every list endpoint, through the official SDK: a range (`gt`, `gte`, `lt`,
// `lte`) or one timestamp, as Stripe takes them; a misspelt bound is refused by name.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, stripeError, type Harness } from './helpers';

type Lister = (params: { created?: Stripe.RangeQueryParam | number; limit: number }) => Promise<{
  data: { id: string; created: number }[];
}>;

describe('list filters by creation time', () => {
  let h: Harness;
  let stripe: Stripe;
  /** One object of each kind made before the clock jump, one after: per list, [early, late]. */
  const made = new Map<string, { early: string; late: string; cut: number }>();
  const lists: Record<string, () => Lister> = {
    customers: () => (p) => stripe.customers.list(p),
    products: () => (p) => stripe.products.list(p),
    prices: () => (p) => stripe.prices.list(p),
    payment_intents: () => (p) => stripe.paymentIntents.list(p),
    charges: () => (p) => stripe.charges.list(p),
    refunds: () => (p) => stripe.refunds.list(p),
    setup_intents: () => (p) => stripe.setupIntents.list(p),
    checkout_sessions: () => (p) => stripe.checkout.sessions.list(p),
  };

  async function makeOne(): Promise<Record<string, string>> {
    const customer = await stripe.customers.create({ email: 'when@example.com' });
    const product = await stripe.products.create({ name: 'Timed' });
    const price = await stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 500,
    });
    const pi = await stripe.paymentIntents.create({
      amount: 700,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 100 });
    const si = await stripe.setupIntents.create({ customer: customer.id });
    const cs = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'http://localhost/ok',
      line_items: [{ price: price.id, quantity: 1 }],
    });
    return {
      customers: customer.id,
      products: product.id,
      prices: price.id,
      payment_intents: pi.id,
      charges: pi.latest_charge as string,
      refunds: refund.id,
      setup_intents: si.id,
      checkout_sessions: cs.id,
    };
  }

  beforeAll(async () => {
    h = await harness();
    stripe = h.stripe;
    const early = await makeOne();
    await h.advance(1000);
    const late = await makeOne();
    for (const name of Object.keys(lists)) {
      const all = await lists[name]!()({ limit: 100 });
      const lateObj = all.data.find((o) => o.id === late[name])!;
      made.set(name, { early: early[name]!, late: late[name]!, cut: lateObj.created });
    }
  });
  afterAll(() => h?.close());

  it('keeps what each range bound says, on every list', async () => {
    for (const [name, { early, late, cut }] of made) {
      const ids = async (created: Stripe.RangeQueryParam | number) =>
        (await lists[name]!()({ created, limit: 100 })).data.map((o) => o.id);
      expect({ name, gte: await ids({ gte: cut }) }).toEqual({ name, gte: [late] });
      expect({ name, lt: await ids({ lt: cut }) }).toEqual({ name, lt: [early] });
      expect({ name, gt: await ids({ gt: cut }) }).toEqual({ name, gt: [] });
      expect({ name, lte: (await ids({ lte: cut })).sort() }).toEqual({
        name,
        lte: [early, late].sort(),
      });
      expect({ name, exact: await ids(cut) }).toEqual({ name, exact: [late] });
      expect({ name, both: await ids({ gt: cut - 2000, lt: cut }) }).toEqual({
        name,
        both: [early],
      });
    }
  });

  it('refuses a misspelt bound or a non-integer, naming the parameter', async () => {
    const typo = await stripeError(() =>
      stripe.customers.list({ created: { gtee: 1 } as Stripe.RangeQueryParam }),
    );
    expect(typo).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'created[gtee]',
    });
    const bad = await stripeError(() =>
      stripe.charges.list({ created: { gte: 'soon' as unknown as number } }),
    );
    expect(bad).toMatchObject({ statusCode: 400, param: 'created[gte]' });
  });
});
