// The platform balance through the official SDK: balance transactions with Stripe's card fee,
// pending funds that become available after the settlement delay (or at once with the "bypass
// pending" test card, or the settle control), refunds, disputes, transfers and payouts drawing on
// the available balance, and every object checked against Stripe's OpenAPI schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { harness, onboard, sdk, settleDeliveries, stripeError, type Harness } from './helpers';
import { missingCurrentKeys, schemaErrors } from './schema';

const DAY = 24 * 3600;
let h: Harness;
/** Objects to validate against Stripe's schemas after the tests (compiling them takes seconds). */
const seen: Record<string, unknown> = {};

beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('/reset', {});
});
afterAll(async () => {
  await settleDeliveries(h);
  expect(h.hooks.verificationErrors).toEqual([]);
  await h.close();
});

function plain(obj: unknown): unknown {
  return JSON.parse(JSON.stringify(obj)) as unknown;
}

async function pay(amount: number, card = 'pm_card_visa', currency = 'usd') {
  const pi = await h.stripe.paymentIntents.create({
    amount,
    currency,
    payment_method: card,
    confirm: true,
    expand: ['latest_charge.balance_transaction'],
  });
  const charge = pi.latest_charge as Stripe.Charge;
  return { pi, charge, txn: charge.balance_transaction as Stripe.BalanceTransaction };
}

function amounts(b: Stripe.Balance, currency = 'usd') {
  return {
    available: b.available.find((a) => a.currency === currency)?.amount,
    pending: b.pending.find((a) => a.currency === currency)?.amount,
  };
}

async function seller(): Promise<Stripe.Account> {
  const account = await h.stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: 's@example.com',
  });
  await onboard(h.stripe, account.id);
  return account;
}

describe('balance and balance transactions', () => {
  it('a fresh account has a zero balance in its default currency', async () => {
    const balance = await h.stripe.balance.retrieve();
    seen.balance_empty = balance;
    expect(balance.object).toBe('balance');
    expect(amounts(balance)).toEqual({ available: 0, pending: 0 });
    expect(balance.connect_reserved).toEqual([{ amount: 0, currency: 'usd' }]);
  });

  it('a captured charge is a pending balance transaction net of 2.9 % + 30¢', async () => {
    const { charge, txn } = await pay(10_000);
    seen.charge_txn = txn;
    expect(txn).toMatchObject({
      object: 'balance_transaction',
      type: 'charge',
      reporting_category: 'charge',
      source: charge.id,
      amount: 10_000,
      fee: 320,
      net: 9680,
      currency: 'usd',
      status: 'pending',
      available_on: charge.created + 2 * DAY,
    });
    expect(txn.fee_details).toEqual([
      {
        amount: 320,
        application: null,
        currency: 'usd',
        description: 'Stripe processing fees',
        type: 'stripe_fee',
      },
    ]);
    // Rounded half up: 2.9 % of 12,345 is 358.005.
    expect((await pay(12_345)).txn.fee).toBe(358 + 30);
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({
      available: 0,
      pending: 9680 + 12_345 - 388,
    });
    expect((await h.stripe.balanceTransactions.retrieve(txn.id)).net).toBe(9680);
  });

  it('a declined or uncaptured charge moves no money; capture records what was captured', async () => {
    const declined = await stripeError(() => pay(1000, 'pm_card_chargeDeclined'));
    expect(declined.code).toBe('card_declined');
    const held = await h.stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: true,
      expand: ['latest_charge'],
    });
    expect((held.latest_charge as Stripe.Charge).balance_transaction).toBeNull();
    expect((await h.stripe.balanceTransactions.list()).data).toEqual([]);
    const captured = await h.stripe.paymentIntents.capture(held.id, {
      amount_to_capture: 1000,
      expand: ['latest_charge.balance_transaction'],
    });
    const txn = (captured.latest_charge as Stripe.Charge)
      .balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ amount: 1000, fee: 59, net: 941, status: 'pending' });
  });

  it('pending funds become available when the clock passes available_on (balance.available)', async () => {
    const { txn } = await pay(5000);
    await h.advance(2 * DAY - 60);
    expect((await h.stripe.balanceTransactions.retrieve(txn.id)).status).toBe('pending');
    await h.advance(60);
    expect((await h.stripe.balanceTransactions.retrieve(txn.id)).status).toBe('available');
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({ available: 4825, pending: 0 });
    const [event] = await h.hooks.waitFor((es) =>
      es.some((e) => e.type === 'balance.available' && amounts(e.data.object).available === 4825),
    );
    expect(event).toBeDefined();
  });

  it('test card 4000000000000077 (pm_card_bypassPending) makes the funds available at once', async () => {
    const { txn } = await pay(2000, 'pm_card_bypassPending');
    expect(txn.status).toBe('available');
    expect(txn.available_on).toBe(txn.created);
    const byNumber = await h.stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4000000000000077', exp_month: 12, exp_year: 2040, cvc: '123' },
    });
    expect((await pay(1000, byNumber.id)).txn.status).toBe('available');
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({
      available: 2000 - 88 + (1000 - 59),
      pending: 0,
    });
  });

  it('the settle control makes every pending fund available now', async () => {
    await pay(3000);
    const res = await h.control<{ settled: number; balance: Stripe.Balance }>(
      '/balance/settle',
      {},
    );
    expect(res.settled).toBe(1);
    expect(amounts(res.balance)).toEqual({ available: 3000 - 117, pending: 0 });
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({ available: 2883, pending: 0 });
  });

  it('balances are kept per currency', async () => {
    await pay(1000, 'pm_card_visa', 'eur');
    const balance = await h.stripe.balance.retrieve();
    expect(balance.pending.map((p) => p.currency)).toEqual(['usd', 'eur']);
    expect(amounts(balance, 'eur')).toEqual({ available: 0, pending: 1000 - 59 });
  });

  it('a refund takes its amount from the balance; the charge fee is not returned', async () => {
    const { pi, charge } = await pay(10_000, 'pm_card_bypassPending');
    const refund = await h.stripe.refunds.create({
      payment_intent: pi.id,
      amount: 3000,
      expand: ['balance_transaction'],
    });
    const txn = refund.balance_transaction as Stripe.BalanceTransaction;
    seen.refund_txn = txn;
    expect(txn).toMatchObject({
      type: 'refund',
      reporting_category: 'refund',
      source: refund.id,
      amount: -3000,
      fee: 0,
      net: -3000,
      status: 'available',
    });
    expect(amounts(await h.stripe.balance.retrieve()).available).toBe(9680 - 3000);
    const list = await h.stripe.balanceTransactions.list({ source: charge.id });
    expect(list.data.map((t) => t.fee)).toEqual([320]);
  });

  it('a refund the available balance cannot cover is taken from the charge’s pending funds', async () => {
    const { pi, txn: chargeTxn } = await pay(10_000);
    const refund = await h.stripe.refunds.create({
      payment_intent: pi.id,
      amount: 3000,
      expand: ['balance_transaction'],
    });
    expect(refund.balance_transaction).toMatchObject({
      amount: -3000,
      status: 'pending',
      available_on: chargeTxn.available_on,
    });
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({ available: 0, pending: 6680 });
    await h.advance(2 * DAY);
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({ available: 6680, pending: 0 });
  });

  it('a dispute withdraws the amount and the 15.00 fee; winning it reinstates the amount', async () => {
    const { charge } = await pay(4000, 'pm_card_createDispute');
    const [dispute] = (await h.stripe.disputes.list({ charge: charge.id })).data;
    const [withdrawal] = dispute!.balance_transactions;
    seen.dispute = dispute;
    expect(withdrawal).toMatchObject({
      type: 'adjustment',
      reporting_category: 'dispute',
      source: dispute!.id,
      amount: -4000,
      fee: 1500,
      net: -5500,
      status: 'pending',
    });
    expect(withdrawal!.fee_details[0]).toMatchObject({ description: 'Dispute fee', amount: 1500 });
    // Nothing available to take it from: it is taken with the charge's pending funds.
    expect(withdrawal!.available_on).toBe(
      (charge.balance_transaction as Stripe.BalanceTransaction).available_on,
    );
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({
      available: 0,
      pending: 4000 - 146 - 5500,
    });
    const won = await h.stripe.disputes.update(dispute!.id, {
      evidence: { uncategorized_text: 'winning_evidence' },
    });
    expect(won.status).toBe('won');
    expect(won.balance_transactions[1]).toMatchObject({
      reporting_category: 'dispute_reversal',
      amount: 4000,
      fee: 0,
      net: 4000,
    });
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({
      available: 4000,
      pending: 4000 - 146 - 5500,
    });
  });

  it('lists balance transactions newest first, filtered by type, source, currency and created', async () => {
    const a = await pay(1000);
    const b = await pay(2000, 'pm_card_visa', 'eur');
    await h.stripe.refunds.create({ charge: a.charge.id, amount: 100 });
    const all = await h.stripe.balanceTransactions.list();
    seen.txn_list = all;
    expect(all.data.map((t) => t.type)).toEqual(['refund', 'charge', 'charge']);
    expect(
      (await h.stripe.balanceTransactions.list({ type: 'charge' })).data.map((t) => t.id),
    ).toEqual([b.txn.id, a.txn.id]);
    expect((await h.stripe.balanceTransactions.list({ currency: 'eur' })).data).toHaveLength(1);
    expect((await h.stripe.balanceTransactions.list({ source: b.charge.id })).data[0]!.id).toBe(
      b.txn.id,
    );
    const page = await h.stripe.balanceTransactions.list({ limit: 2 });
    expect(page.has_more).toBe(true);
    const next = await h.stripe.balanceTransactions.list({
      limit: 2,
      starting_after: page.data[1]!.id,
    });
    expect(next.data.map((t) => t.id)).toEqual([a.txn.id]);
    expect(
      (await h.stripe.balanceTransactions.list({ created: { gt: a.txn.created + 10 } })).data,
    ).toEqual([]);
    const expanded = await h.stripe.balanceTransactions.list({ expand: ['data.source'] });
    expect((expanded.data[2]!.source as Stripe.Charge).id).toBe(a.charge.id);
    const badType = await stripeError(() => h.stripe.balanceTransactions.list({ type: 'chrage' }));
    expect(badType.statusCode).toBe(400);
    expect(badType.param).toBe('type');
    const missing = await stripeError(() => h.stripe.balanceTransactions.retrieve('txn_missing'));
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe('resource_missing');
  });
});

describe('transfers draw on the available balance', () => {
  it('refuses a transfer pending funds cannot cover with balance_insufficient', async () => {
    const account = await seller();
    await pay(10_000);
    const err = await stripeError(() =>
      h.stripe.transfers.create({ amount: 5000, currency: 'usd', destination: account.id }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('balance_insufficient');
    expect(err.message).toContain('insufficient available funds');
    expect((await h.stripe.transfers.list()).data).toEqual([]);
  });

  it('once the funds are available the transfer goes through, debiting the balance', async () => {
    const account = await seller();
    await pay(10_000);
    await h.advance(2 * DAY);
    const transfer = await h.stripe.transfers.create({
      amount: 5000,
      currency: 'usd',
      destination: account.id,
      expand: ['balance_transaction'],
    });
    const txn = transfer.balance_transaction as Stripe.BalanceTransaction;
    seen.transfer_txn = txn;
    expect(txn).toMatchObject({
      type: 'transfer',
      amount: -5000,
      fee: 0,
      net: -5000,
      source: transfer.id,
    });
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({ available: 4680, pending: 0 });
    const over = await stripeError(() =>
      h.stripe.transfers.create({ amount: 4681, currency: 'usd', destination: account.id }),
    );
    expect(over.code).toBe('balance_insufficient');
  });

  it('a transfer tied to its source charge waits for that charge instead of the balance', async () => {
    const account = await seller();
    const { charge, txn: chargeTxn } = await pay(10_000);
    const transfer = await h.stripe.transfers.create({
      amount: 7000,
      currency: 'usd',
      destination: account.id,
      source_transaction: charge.id,
      expand: ['balance_transaction'],
    });
    const txn = transfer.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ status: 'pending', available_on: chargeTxn.available_on });
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({ available: 0, pending: 2680 });
  });
});

describe('concurrent spending', () => {
  it('concurrent transfers and payouts never spend more than the available balance', async () => {
    const account = await seller();
    await pay(10_000, 'pm_card_bypassPending'); // 9,680 available
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? h.stripe.transfers.create({ amount: 2000, currency: 'usd', destination: account.id })
          : h.stripe.payouts.create({ amount: 2000, currency: 'usd' }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(4);
    for (const r of refused) {
      expect((r.reason as Stripe.errors.StripeError).code).toBe('balance_insufficient');
    }
    expect(amounts(await h.stripe.balance.retrieve())).toEqual({ available: 1680, pending: 0 });
    const spent = await h.stripe.balanceTransactions.list({ limit: 100 });
    expect(spent.data.filter((t) => t.type !== 'charge')).toHaveLength(4);
  });
});

describe('payouts', () => {
  it('pays out the available balance; paid when the clock passes arrival_date', async () => {
    await pay(10_000, 'pm_card_bypassPending');
    const tooMuch = await stripeError(() =>
      h.stripe.payouts.create({ amount: 9681, currency: 'usd' }),
    );
    expect(tooMuch.code).toBe('balance_insufficient');
    const payout = await h.stripe.payouts.create({ amount: 9000, currency: 'usd' });
    seen.payout_pending = payout;
    expect(payout).toMatchObject({
      object: 'payout',
      status: 'pending',
      automatic: false,
      method: 'standard',
    });
    expect(payout.arrival_date).toBe(payout.created + 2 * DAY);
    const txn = await h.stripe.balanceTransactions.retrieve(payout.balance_transaction as string);
    seen.payout_txn = txn;
    expect(txn).toMatchObject({ type: 'payout', amount: -9000, net: -9000, source: payout.id });
    expect(amounts(await h.stripe.balance.retrieve()).available).toBe(680);
    await h.advance(2 * DAY);
    const paid = await h.stripe.payouts.retrieve(payout.id);
    seen.payout_paid = paid;
    expect(paid.status).toBe('paid');
    const event = await h.hooks.waitForObject('payout.paid', payout.id);
    expect((event.data.previous_attributes as { status?: string }).status).toBe('pending');
    expect((await h.stripe.payouts.list({ status: 'paid' })).data.map((p) => p.id)).toEqual([
      payout.id,
    ]);
    const filter = await stripeError(() =>
      h.stripe.balanceTransactions.list({ payout: payout.id }),
    );
    expect(filter.message).toContain('automatic');
  });

  it('a payout the bank refuses fails at arrival and its money comes back', async () => {
    await pay(5000, 'pm_card_bypassPending');
    const payout = await h.stripe.payouts.create({ amount: 4000, currency: 'usd' });
    await h.control('/payouts/fail', { payout: payout.id, failure_code: 'account_closed' });
    await h.advance(2 * DAY);
    const failed = await h.stripe.payouts.retrieve(payout.id, {
      expand: ['failure_balance_transaction'],
    });
    seen.payout_failed = failed;
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'account_closed' });
    expect(failed.failure_balance_transaction).toMatchObject({
      type: 'payout_failure',
      amount: 4000,
    });
    await h.hooks.waitForObject('payout.failed', payout.id);
    expect(amounts(await h.stripe.balance.retrieve()).available).toBe(4825);
  });

  it('a pending payout can be canceled, a paid one cannot', async () => {
    await pay(5000, 'pm_card_bypassPending');
    const payout = await h.stripe.payouts.create({ amount: 1000, currency: 'usd' });
    const canceled = await h.stripe.payouts.cancel(payout.id);
    expect(canceled.status).toBe('canceled');
    expect(amounts(await h.stripe.balance.retrieve()).available).toBe(4825);
    const again = await stripeError(() => h.stripe.payouts.cancel(payout.id));
    expect(again.statusCode).toBe(400);
    const bad = await stripeError(() =>
      h.stripe.payouts.create({ amount: 100, currency: 'usd', destination: 'ba_nope' }),
    );
    expect(bad.param).toBe('destination');
  });
});

describe('configuration and durability', () => {
  it('the fee model and settlement delay are configurable', async () => {
    const sandbox = await startSandbox({
      balance: { cardFeeBps: 140, cardFeeFixed: 25, availableAfterDays: 0 },
    });
    try {
      const s = sdk(sandbox);
      const pi = await s.paymentIntents.create({
        amount: 10_000,
        currency: 'eur',
        payment_method: 'pm_card_visa',
        confirm: true,
        expand: ['latest_charge.balance_transaction'],
      });
      const txn = (pi.latest_charge as Stripe.Charge)
        .balance_transaction as Stripe.BalanceTransaction;
      expect(txn).toMatchObject({ fee: 165, net: 9835, status: 'available' });
    } finally {
      await sandbox.close();
    }
    await expect(startSandbox({ balance: { cardFeeBps: -1 } })).rejects.toThrow(/cardFeeBps/);
  });

  it('balance transactions and pending funds survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-balance-'));
    const stateFile = join(dir, 'state.db');
    try {
      const first = await startSandbox({ stateFile });
      const s1 = sdk(first);
      await s1.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      await first.close();
      const second = await startSandbox({ stateFile });
      try {
        const s2 = sdk(second);
        expect(amounts(await s2.balance.retrieve())).toEqual({ available: 0, pending: 941 });
        await fetch(`${second.url}/_sandbox/clock/advance`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ seconds: 2 * DAY }),
        });
        expect(amounts(await s2.balance.retrieve())).toEqual({ available: 941, pending: 0 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('schema fidelity', () => {
  it('balance, balance transactions, payouts and their events match Stripe’s schemas', async () => {
    await settleDeliveries(h);
    const problems = Object.entries(seen).flatMap(([name, obj]) => schemaErrors(plain(obj), name));
    expect(problems).toEqual([]);
    for (const name of ['balance_empty', 'charge_txn', 'payout_paid']) {
      expect(missingCurrentKeys(plain(seen[name]) as Record<string, unknown>), name).toEqual([]);
    }
    expect(Object.keys(seen).length).toBeGreaterThanOrEqual(10);
    expect(h.hooks.schemaProblems()).toEqual([]);
  }, 60_000);
});
