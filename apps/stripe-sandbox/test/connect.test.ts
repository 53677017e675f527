// Connect accounts and transfers through the official SDK: shapes against Stripe's spec and
// today's example objects, errors, idempotency, lists, events and persistence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { harness, sdk, stripeError, type Harness } from './helpers';
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
      capabilities: { transfers: 'active' },
      payouts_enabled: true,
      metadata: { user_id: 'usr_1' },
    });
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

describe('transfers', () => {
  let seller: Stripe.Account;
  beforeAll(async () => {
    seller = await h.stripe.accounts.create({ type: 'express', country: 'US' });
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
