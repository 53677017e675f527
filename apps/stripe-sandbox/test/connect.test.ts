// Connect accounts and transfers through the official SDK: shapes against Stripe's spec and
// today's example objects, errors, idempotency, lists, events and persistence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { harness, onboard, sdk, stripeError, type Harness } from './helpers';
import { errorBodyErrors, missingCurrentKeys, schemaErrors } from './schema';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  expect(h.hooks.schemaProblems()).toEqual([]);
  await h.close();
});

const plain = (o: unknown) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;

function errorBody(err: Stripe.errors.StripeError): unknown {
  const raw = err.raw as Record<string, unknown>;
  return {
    error: Object.fromEntries(
      Object.entries(raw).filter(([k]) => !['headers', 'statusCode', 'requestId'].includes(k)),
    ),
  };
}

describe('connect accounts', () => {
  it('creates and retrieves an Express account in the shape Stripe returns', async () => {
    const account = await h.stripe.accounts.create({
      type: 'express',
      country: 'US',
      email: 'seller@example.com',
      capabilities: { transfers: { requested: true } },
      metadata: { user_id: 'usr_1' },
    });
    expect(account.id).toMatch(/^acct_[A-Za-z0-9]{16}$/);
    expect(account).toMatchObject({
      object: 'account',
      type: 'express',
      country: 'US',
      default_currency: 'usd',
      email: 'seller@example.com',
      capabilities: { transfers: 'inactive' },
      details_submitted: false,
      charges_enabled: false,
      payouts_enabled: false,
      metadata: { user_id: 'usr_1' },
    });
    expect(account.requirements?.currently_due).toEqual(
      expect.arrayContaining(['business_type', 'external_account', 'tos_acceptance.date']),
    );
    expect(account.requirements?.disabled_reason).toBe('requirements.past_due');
    const again = await h.stripe.accounts.retrieve(account.id);
    expect(plain(again)).toEqual(plain(account));
    expect(schemaErrors(plain(again), 'account')).toEqual([]);
    expect(missingCurrentKeys(plain(again))).toEqual([]);
    const listed = await h.stripe.accounts.list({ limit: 100 });
    expect(listed.data.map((a) => a.id)).toContain(account.id);
    expect(schemaErrors(plain(listed), 'accounts')).toEqual([]);
  });

  it('refuses unknown parameters, a missing type and unknown ids', async () => {
    const unknown = await stripeError(() =>
      h.stripe.accounts.create({ type: 'custom', bogus: 1 } as Stripe.AccountCreateParams),
    );
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'bogus' });
    const noType = await stripeError(() => h.stripe.accounts.create({ country: 'US' }));
    expect(noType).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'type' });
    const missing = await stripeError(() => h.stripe.accounts.retrieve('acct_nope'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

/** Funds the platform's available balance as an integration would: a bypass-pending card charge. */
async function fund(s: Stripe, amount = 10_000): Promise<void> {
  await s.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_bypassPending',
    confirm: true,
  });
}

describe('express onboarding', () => {
  it('an account link opens the hosted form; submitting it enables the account', async () => {
    const account = await h.stripe.accounts.create({
      type: 'express',
      email: 'new@example.com',
      capabilities: { transfers: { requested: true } },
    });
    await fund(h.stripe);
    const refused = await stripeError(() =>
      h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: account.id }),
    );
    expect(refused).toMatchObject({
      statusCode: 400,
      code: 'insufficient_capabilities_for_transfer',
    });
    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://platform.example/refresh',
      return_url: 'https://platform.example/return',
    });
    expect(link).toMatchObject({ object: 'account_link' });
    expect(link.expires_at - link.created).toBe(300);
    // Not in the 2023 spec bundle the other shapes are checked against: Stripe's fields, exactly.
    expect(Object.keys(plain(link)).sort()).toEqual(['created', 'expires_at', 'object', 'url']);
    // A wrong answer is shown on the form, and changes nothing.
    const page = await fetch(link.url);
    const action = /action="([^"]+)"/.exec(await page.text())![1]!;
    const bad = await fetch(new URL(action, link.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'first_name=J',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('is required');
    expect((await h.stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);
    // The link was used by opening it: it now sends the browser to refresh_url.
    const again = await fetch(link.url, { redirect: 'manual' });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('https://platform.example/refresh');
    const back = await onboard(h.stripe, account.id);
    expect(back).toBe('https://platform.example/return');
    const done = await h.stripe.accounts.retrieve(account.id);
    expect(done).toMatchObject({
      capabilities: { transfers: 'active' },
      details_submitted: true,
      payouts_enabled: true,
      requirements: { currently_due: [], past_due: [], disabled_reason: null },
      external_accounts: { data: [{ object: 'bank_account', last4: '6789' }] },
    });
    expect(schemaErrors(plain(done), 'account')).toEqual([]);
    const event = await h.hooks.waitForObject('account.updated', account.id);
    expect(event.account).toBe(account.id);
    expect(event.data.previous_attributes).toMatchObject({ details_submitted: false });
    const transfer = await h.stripe.transfers.create({
      amount: 100,
      currency: 'usd',
      destination: account.id,
    });
    expect(transfer.destination).toBe(account.id);
  });

  it('an expired link sends the browser to refresh_url', async () => {
    const account = await h.stripe.accounts.create({ type: 'express' });
    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://platform.example/refresh?x=1',
      return_url: 'https://platform.example/return',
    });
    await h.advance(301);
    const res = await fetch(link.url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://platform.example/refresh?x=1');
    const unknown = await fetch(link.url.replace(/[^/]+$/, 'nope'));
    expect(unknown.status).toBe(404);
  });

  it('validates account links', async () => {
    const account = await h.stripe.accounts.create({ type: 'express' });
    const base = { account: account.id, type: 'account_onboarding' as const };
    const noUrl = await stripeError(() =>
      h.stripe.accountLinks.create({ ...base, return_url: 'https://x.example' }),
    );
    expect(noUrl).toMatchObject({ statusCode: 400, param: 'refresh_url' });
    const badUrl = await stripeError(() =>
      h.stripe.accountLinks.create({
        ...base,
        refresh_url: 'javascript:alert(1)',
        return_url: 'https://x.example',
      }),
    );
    expect(badUrl).toMatchObject({ statusCode: 400, code: 'url_invalid', param: 'refresh_url' });
    const noAccount = await stripeError(() =>
      h.stripe.accountLinks.create({
        ...base,
        account: 'acct_missing',
        refresh_url: 'https://x.example',
        return_url: 'https://x.example',
      }),
    );
    expect(noAccount).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'account',
    });
  });

  it('updates and deletes accounts as Stripe does', async () => {
    const account = await h.stripe.accounts.create({ type: 'express' });
    const updated = await h.stripe.accounts.update(account.id, {
      metadata: { k: 'v' },
      business_profile: { url: 'https://shop.example' },
    });
    expect(updated).toMatchObject({
      metadata: { k: 'v' },
      business_profile: { url: 'https://shop.example' },
    });
    const event = await h.hooks.waitForObject('account.updated', account.id);
    expect(event.account).toBe(account.id);
    const deleted = await h.stripe.accounts.del(account.id);
    expect(deleted).toEqual(
      expect.objectContaining({ id: account.id, object: 'account', deleted: true }),
    );
    const gone = await h.stripe.accounts.retrieve(account.id);
    expect(gone).toMatchObject({ id: account.id, deleted: true });
  });
});

describe('stripe-account header', () => {
  it('scopes objects to the connected account, and refuses unknown accounts', async () => {
    const account = await h.stripe.accounts.create({ type: 'express' });
    const scoped = { stripeAccount: account.id };
    const customer = await h.stripe.customers.create({ email: 'c@example.com' }, scoped);
    expect((await h.stripe.customers.retrieve(customer.id, {}, scoped)).id).toBe(customer.id);
    const hidden = await stripeError(() => h.stripe.customers.retrieve(customer.id));
    expect(hidden).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const platformList = await h.stripe.customers.list({ limit: 100 });
    expect(platformList.data.map((c) => c.id)).not.toContain(customer.id);
    const theirs = await h.stripe.customers.list({ limit: 100 }, scoped);
    expect(theirs.data.map((c) => c.id)).toEqual([customer.id]);
    const pi = await h.stripe.paymentIntents.create({ amount: 500, currency: 'usd' }, scoped);
    const event = await h.hooks.waitForObject('payment_intent.created', pi.id);
    expect(event.account).toBe(account.id);
    expect(await stripeError(() => h.stripe.paymentIntents.retrieve(pi.id))).toMatchObject({
      statusCode: 404,
    });
    const unknown = await stripeError(() =>
      h.stripe.customers.list({}, { stripeAccount: 'acct_unknown000000' }),
    );
    expect(unknown).toMatchObject({ statusCode: 403, code: 'account_invalid' });
  });
});

describe('transfers', () => {
  let seller: Stripe.Account;
  beforeAll(async () => {
    seller = await h.stripe.accounts.create({ type: 'express', country: 'US' });
    await onboard(h.stripe, seller.id);
    await fund(h.stripe);
  });

  it('moves money to a connected account, with transfer.created', async () => {
    const transfer = await h.stripe.transfers.create({
      amount: 1234,
      currency: 'usd',
      destination: seller.id,
      transfer_group: 'payout_1',
      metadata: { payout_id: 'payout_1' },
    });
    expect(transfer.id).toMatch(/^tr_/);
    expect(transfer).toMatchObject({
      object: 'transfer',
      amount: 1234,
      amount_reversed: 0,
      currency: 'usd',
      destination: seller.id,
      transfer_group: 'payout_1',
      metadata: { payout_id: 'payout_1' },
      reversed: false,
      reversals: { object: 'list', data: [], url: `/v1/transfers/${transfer.id}/reversals` },
      livemode: false,
    });
    expect(transfer.destination_payment).toMatch(/^py_/);
    expect(schemaErrors(plain(transfer), 'transfer')).toEqual([]);
    expect(missingCurrentKeys(plain(transfer))).toEqual([]);
    const expanded = await h.stripe.transfers.retrieve(transfer.id, { expand: ['destination'] });
    expect((expanded.destination as Stripe.Account).id).toBe(seller.id);
    const event = await h.hooks.waitForObject('transfer.created', transfer.id);
    expect(event.data.object).toMatchObject({ amount: 1234, destination: seller.id });
  });

  it('replays a transfer created with the same Idempotency-Key', async () => {
    const params = { amount: 500, currency: 'usd', destination: seller.id };
    const first = await h.stripe.transfers.create(params, { idempotencyKey: 'payout_idem' });
    const second = await h.stripe.transfers.create(params, { idempotencyKey: 'payout_idem' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    const other = await stripeError(() =>
      h.stripe.transfers.create({ ...params, amount: 501 }, { idempotencyKey: 'payout_idem' }),
    );
    expect(other.type).toBe('StripeIdempotencyError');
    const all = await h.stripe.transfers.list({ destination: seller.id, limit: 100 });
    expect(all.data.filter((t) => t.amount === 500)).toHaveLength(1);
  });

  it('refuses an unknown destination with 400 resource_missing on destination', async () => {
    const err = await stripeError(() =>
      h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_missing' }),
    );
    expect(err).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'resource_missing',
      param: 'destination',
    });
    expect(errorBodyErrors(errorBody(err))).toEqual([]);
  });

  it('refuses transfers to an account created with the fail flag', async () => {
    const broken = await h.stripe.accounts.create({
      type: 'express',
      metadata: { sandbox_fail_transfers: 'true' },
    });
    expect(broken).toMatchObject({
      capabilities: { transfers: 'inactive' },
      payouts_enabled: false,
      requirements: { disabled_reason: 'requirements.past_due' },
    });
    const err = await stripeError(() =>
      h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: broken.id }),
    );
    expect(err).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'insufficient_capabilities_for_transfer',
      param: 'destination',
    });
    expect(errorBodyErrors(errorBody(err))).toEqual([]);
    expect((await h.stripe.transfers.list({ destination: broken.id })).data).toEqual([]);
  });

  it('validates amount and currency', async () => {
    const noAmount = await stripeError(() =>
      h.stripe.transfers.create({ currency: 'usd', destination: seller.id }),
    );
    expect(noAmount).toMatchObject({ code: 'parameter_missing', param: 'amount' });
    const zero = await stripeError(() =>
      h.stripe.transfers.create({ amount: 0, currency: 'usd', destination: seller.id }),
    );
    expect(zero).toMatchObject({ code: 'parameter_invalid_integer', param: 'amount' });
    const noCurrency = await stripeError(() =>
      h.stripe.transfers.create({
        amount: 1,
        destination: seller.id,
      } as Stripe.TransferCreateParams),
    );
    expect(noCurrency).toMatchObject({ code: 'parameter_missing', param: 'currency' });
  });

  it('lists newest first, filters by destination and transfer_group, pages', async () => {
    const dest = await h.stripe.accounts.create({ type: 'custom' });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await h.stripe.transfers.create({
        amount: 100 + i,
        currency: 'usd',
        destination: dest.id,
        transfer_group: i === 1 ? 'grp_x' : 'grp_y',
      });
      made.push(t.id);
    }
    const list = await h.stripe.transfers.list({ destination: dest.id });
    expect(list.data.map((t) => t.id)).toEqual([...made].reverse());
    expect(list.url).toBe('/v1/transfers');
    expect(schemaErrors(plain(list), 'transfers')).toEqual([]);
    const group = await h.stripe.transfers.list({ transfer_group: 'grp_x' });
    expect(group.data.map((t) => t.id)).toEqual([made[1]]);
    const page = await h.stripe.transfers.list({ destination: dest.id, limit: 2 });
    expect(page.has_more).toBe(true);
    const next = await h.stripe.transfers.list({
      destination: dest.id,
      limit: 2,
      starting_after: page.data[1]!.id,
    });
    expect(next.data.map((t) => t.id)).toEqual([made[0]]);
  });

  it('reverses a transfer in part and in full, back onto the platform balance', async () => {
    const t = await h.stripe.transfers.create({
      amount: 1000,
      currency: 'usd',
      destination: seller.id,
    });
    const before = await h.stripe.balance.retrieve();
    const part = await h.stripe.transfers.createReversal(t.id, {
      amount: 300,
      metadata: { why: 'x' },
    });
    expect(part).toMatchObject({
      object: 'transfer_reversal',
      amount: 300,
      transfer: t.id,
      currency: 'usd',
    });
    expect(part.id).toMatch(/^trr_/);
    expect(schemaErrors(plain(part), 'transfer_reversal')).toEqual([]);
    const txn = await h.stripe.balanceTransactions.retrieve(part.balance_transaction as string);
    expect(txn).toMatchObject({ type: 'transfer_refund', amount: 300, source: part.id });
    const after = await h.stripe.balance.retrieve();
    const usd = (b: Stripe.Balance) => b.available.find((x) => x.currency === 'usd')!.amount;
    expect(usd(after) - usd(before)).toBe(300);
    const partly = await h.stripe.transfers.retrieve(t.id);
    expect(partly).toMatchObject({ amount_reversed: 300, reversed: false });
    const event = await h.hooks.waitForObject('transfer.reversed', t.id);
    expect(event.data.previous_attributes).toMatchObject({ amount_reversed: 0 });
    const tooMuch = await stripeError(() =>
      h.stripe.transfers.createReversal(t.id, { amount: 701 }),
    );
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'amount' });
    const rest = await h.stripe.transfers.createReversal(t.id);
    expect(rest.amount).toBe(700);
    expect(await h.stripe.transfers.retrieve(t.id)).toMatchObject({
      amount_reversed: 1000,
      reversed: true,
    });
    const list = await h.stripe.transfers.listReversals(t.id);
    expect(list.data.map((r) => r.id)).toEqual([rest.id, part.id]);
    expect((await h.stripe.transfers.retrieveReversal(t.id, part.id)).amount).toBe(300);
    const done = await stripeError(() => h.stripe.transfers.createReversal(t.id));
    expect(done).toMatchObject({ statusCode: 400 });
  });

  it('updates metadata with transfer.updated', async () => {
    const t = await h.stripe.transfers.create({
      amount: 50,
      currency: 'usd',
      destination: seller.id,
    });
    const updated = await h.stripe.transfers.update(t.id, { metadata: { note: 'x' } });
    expect(updated.metadata).toEqual({ note: 'x' });
    const event = await h.hooks.waitForObject('transfer.updated', t.id);
    expect(event.data.previous_attributes).toEqual({ metadata: {} });
  });
});

describe('connect persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-connect-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps accounts, transfers and their idempotency keys across a restart', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startSandbox({ stateFile });
    const s1 = sdk(first);
    const account = await s1.accounts.create({ type: 'express' });
    await onboard(s1, account.id);
    await fund(s1);
    const params = { amount: 700, currency: 'usd', destination: account.id };
    const transfer = await s1.transfers.create(params, { idempotencyKey: 'kept' });
    await first.close();
    const second = await startSandbox({ stateFile });
    try {
      const s2 = sdk(second);
      expect((await s2.accounts.retrieve(account.id)).id).toBe(account.id);
      expect((await s2.transfers.retrieve(transfer.id)).amount).toBe(700);
      expect((await s2.transfers.create(params, { idempotencyKey: 'kept' })).id).toBe(transfer.id);
    } finally {
      await second.close();
    }
  });
});
