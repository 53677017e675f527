// Search (`/v1/{customers,payment_intents,charges}/search`) through the official SDK: Stripe's
// query language, its refusals, and paging over `next_page` with the SDK's auto-pagination.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, stripeError, type Harness } from './helpers';
import { schemaErrors } from './schema';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

/** Every test tags its objects so its queries see only them. */
const tag = (): string => randomUUID().slice(0, 8);

describe('customers.search', () => {
  it('matches email exactly, name by substring, metadata, and negation', async () => {
    const run = tag();
    const ada = await h.stripe.customers.create({
      email: `ada.${run}@example.com`,
      name: 'Ada Lovelace',
      metadata: { run, plan: 'pro' },
    });
    const bob = await h.stripe.customers.create({
      email: `bob.${run}@example.com`,
      name: 'Bob Lovelock',
      metadata: { run, plan: 'free' },
    });
    const ids = async (query: string): Promise<string[]> =>
      (await h.stripe.customers.search({ query })).data.map((c) => c.id).sort();

    expect(await ids(`email:'ada.${run}@example.com'`)).toEqual([ada.id]);
    // Case does not matter for text, as on Stripe.
    expect(await ids(`email:"ADA.${run}@EXAMPLE.COM"`)).toEqual([ada.id]);
    expect(await ids(`metadata['run']:'${run}' AND name~'love'`)).toEqual([ada.id, bob.id].sort());
    expect(await ids(`metadata["run"]:"${run}" -metadata["plan"]:"pro"`)).toEqual([bob.id]);
    expect(await ids(`metadata['run']:'${run}' AND metadata['plan']:null`)).toEqual([]);
    expect(await ids(`metadata['run']:'${run}' AND -metadata['plan']:null`)).toHaveLength(2);
    expect(await ids(`email:'ada.${run}@example.com' OR email:'bob.${run}@example.com'`)).toEqual(
      [ada.id, bob.id].sort(),
    );
    expect(await ids(`metadata['run']:'${run}' name:'Ada Lovelace'`)).toEqual([ada.id]);
    expect(await ids(`metadata['run']:'${run}' created>=${ada.created} created<0`)).toEqual([]);
    expect(await ids(`metadata['run']:'${run}' created>=${ada.created}`)).toHaveLength(2);
  });

  it('reads escaped quotes inside a quoted value', async () => {
    const run = tag();
    const c = await h.stripe.customers.create({ name: `O'Brien "${run}"` });
    const found = await h.stripe.customers.search({ query: `name:'O\\'Brien "${run}"'` });
    expect(found.data.map((x) => x.id)).toEqual([c.id]);
    const again = await h.stripe.customers.search({ query: `name:"O'Brien \\"${run}\\""` });
    expect(again.data.map((x) => x.id)).toEqual([c.id]);
  });

  it('pages with next_page, and the SDK auto-paginates over it', async () => {
    const run = tag();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      made.push((await h.stripe.customers.create({ metadata: { run } })).id);
    }
    const query = `metadata['run']:'${run}'`;
    const first = await h.stripe.customers.search({ query, limit: 3, expand: ['total_count'] });
    expect(first).toMatchObject({
      object: 'search_result',
      has_more: true,
      url: '/v1/customers/search',
      total_count: 7,
    });
    expect(first.data.map((c) => c.id)).toEqual(made.slice(-3).reverse());
    expect(first.next_page).toEqual(expect.any(String));
    const second = await h.stripe.customers.search({ query, limit: 3, page: first.next_page! });
    expect(second.data.map((c) => c.id)).toEqual(made.slice(1, 4).reverse());
    const plain = await h.stripe.customers.search({ query });
    expect(plain.total_count).toBeUndefined();
    expect(plain).toMatchObject({ has_more: false, next_page: null });

    const all = await h.stripe.customers.search({ query, limit: 2 }).autoPagingToArray({
      limit: 100,
    });
    expect(all.map((c) => c.id)).toEqual([...made].reverse());
    const seen: string[] = [];
    await h.stripe.customers.search({ query, limit: 3 }).autoPagingEach((c) => {
      seen.push(c.id);
    });
    expect(seen).toEqual([...made].reverse());
  });

  it('refuses what Stripe refuses, with a 400 on `query`', async () => {
    const refused = async (query: string): Promise<string> => {
      const err = await stripeError(() => h.stripe.customers.search({ query }));
      expect(err.statusCode).toBe(400);
      expect(err.type).toBe('StripeInvalidRequestError');
      expect(err.param).toBe('query');
      return err.message;
    };
    expect(await refused(`email:'a@b.c' AND name:'x' OR name:'y'`)).toMatch(
      /cannot combine `AND` and `OR`/,
    );
    expect(await refused(`colour:'red'`)).toBe(
      'Field `colour` is an unsupported search field for resource `customers`. See https://stripe.com/docs/search#query-fields-for-customers for a list of supported fields.',
    );
    expect(await refused(`email:ada@example.com`)).toMatch(/unable to parse your search query/);
    expect(await refused(`email:'unclosed`)).toMatch(/unable to parse/);
    expect(await refused(`(email:'a@b.c')`)).toMatch(/unable to parse/);
    expect(await refused(`name~'ab'`)).toMatch(/at least 3 characters/);
    expect(await refused(`created~'123'`)).toMatch(/`~` operator is not supported/);
    expect(await refused(`email>'a'`)).toMatch(/`>` operator is not supported/);
    expect(await refused(`metadata['plan']~'pro'`)).toMatch(/`~` operator is not supported/);
    expect(await refused(`created>yesterday`)).toMatch(/not a valid number/);
    const eleven = Array.from({ length: 11 }, (_, i) => `name:'n${i}'`).join(' OR ');
    expect(await refused(eleven)).toMatch(/at most 10 clauses/);

    const missing = await stripeError(() => h.stripe.customers.search({ query: '' }));
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'query' });
    const badPage = await stripeError(() =>
      h.stripe.customers.search({ query: `name:'x'`, page: 'not-a-page' }),
    );
    expect(badPage).toMatchObject({ statusCode: 400, param: 'page' });
    const unknown = await stripeError(() =>
      h.stripe.customers.search({ query: `name:'x'`, starting_after: 'cus_1' } as never),
    );
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown' });
  });
});

describe('paymentIntents.search and charges.search', () => {
  it('filter by status, amount, currency, customer, metadata and card last4', async () => {
    const run = tag();
    const customer = await h.stripe.customers.create({ metadata: { run } });
    const paid = await h.stripe.paymentIntents.create({
      amount: 2500,
      currency: 'eur',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { run, order: 'o-1' },
    });
    const open = await h.stripe.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      metadata: { run, order: 'o-2' },
    });
    const mc = await h.stripe.paymentIntents.create({
      amount: 4000,
      currency: 'eur',
      payment_method: 'pm_card_mastercard',
      confirm: true,
      metadata: { run, order: 'o-3' },
    });
    const pis = async (query: string): Promise<string[]> =>
      (await h.stripe.paymentIntents.search({ query: `metadata['run']:'${run}' ${query}` })).data
        .map((p) => p.id)
        .sort();
    expect(await pis(`status:'succeeded'`)).toEqual([paid.id, mc.id].sort());
    expect(await pis(`-status:'succeeded'`)).toEqual([open.id]);
    expect(await pis(`amount>=2500 currency:'eur'`)).toEqual([paid.id, mc.id].sort());
    expect(await pis(`amount<2500`)).toEqual([open.id]);
    expect(await pis(`amount:4000`)).toEqual([mc.id]);
    expect(await pis(`customer:'${customer.id}'`)).toEqual([paid.id]);
    expect(await pis(`metadata['order']:'o-2'`)).toEqual([open.id]);
    const notFound = await stripeError(() =>
      h.stripe.paymentIntents.search({ query: `email:'a@b.c'` }),
    );
    expect(notFound.message).toMatch(/unsupported search field for resource `payment_intents`/);

    // Charges carry the intent's metadata, as on Stripe.
    const chs = async (query: string): Promise<string[]> =>
      (await h.stripe.charges.search({ query: `metadata['run']:'${run}' ${query}` })).data
        .map((c) => c.payment_intent as string)
        .sort();
    expect(await chs(`status:'succeeded'`)).toEqual([paid.id, mc.id].sort());
    expect(await chs(`payment_method_details.card.last4:'4444'`)).toEqual([mc.id]);
    expect(await chs(`customer:'${customer.id}' amount:2500 currency:'eur'`)).toEqual([paid.id]);
    expect(await chs(`payment_intent:'${mc.id}' refunded:'false' disputed:false`)).toEqual([mc.id]);
    expect(await chs(`refunded:true`)).toEqual([]);
    // Every object in a search result is as Stripe's schema has it; the result's own keys too.
    for (const result of [
      await h.stripe.paymentIntents.search({ query: `metadata['run']:'${run}'` }),
      await h.stripe.charges.search({ query: `metadata['run']:'${run}'` }),
      await h.stripe.customers.search({ query: `metadata['run']:'${run}'` }),
    ]) {
      const body = JSON.parse(JSON.stringify(result)) as { data: unknown[] };
      expect(body.data.length).toBeGreaterThan(0);
      expect(body.data.flatMap((o, i) => schemaErrors(o, `[${i}]`))).toEqual([]);
      expect(Object.keys(body).sort()).toEqual(['data', 'has_more', 'next_page', 'object', 'url']);
    }
    const viaIter = await h.stripe.charges
      .search({ query: `metadata['run']:'${run}'`, limit: 1 })
      .autoPagingToArray({ limit: 10 });
    expect(viaIter).toHaveLength(2);
  });
});
