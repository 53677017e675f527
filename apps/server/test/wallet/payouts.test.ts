// Withdrawals as Stripe Connect transfers, on real PostgreSQL and the embedded sandbox (official SDK).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { PAYOUT_PROVIDER, type PayoutProvider } from '../../src/payments/provider/payouts-port';
import { WalletService } from '../../src/wallet/wallet.service';
import type { WithdrawalRow } from '../../src/wallet/wallet.schema';
import { bootTestApp, client, register, type TestApp } from '../helpers';
import { control, linkFailingAccount, onboardPayouts, sandboxSdk } from './fixture';

describe('wallet payouts through Connect transfers', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let wallets: WalletService;

  beforeAll(async () => {
    // Withdrawals right after a deposit: no settlement delay here (disputes.test covers it).
    app = await bootTestApp({ STRIPE_MAX_NETWORK_RETRIES: '1', WALLET_SETTLEMENT_SECONDS: '0' });
    api = client(app.url);
    wallets = app.running.app.get(WalletService);
  });
  afterAll(() => app?.close());

  const post = (path: string, body: unknown, token: string, key?: string) =>
    api.call('POST', path, { body, token, headers: key ? { 'idempotency-key': key } : {} });
  const balance = async (token: string) =>
    (await api.get('/api/v1/wallet', token)).body.balance as number;
  const ledgerOk = async () => expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  const later = () => new Date(Date.now() + 2 * WalletService.PAYOUT_RETRY_AFTER_MS);

  /**
   * A user with `amount` in their wallet and, unless told otherwise, a payout account. Deposited
   * with Stripe's "bypass pending" test card, so the platform's Stripe balance can pay the
   * transfer at once (a card charge is otherwise pending for days, as on Stripe).
   */
  async function funded(amount: number, withAccount = true, card = 'pm_card_bypassPending') {
    const me = await register(api);
    const dep = await post(
      '/api/v1/wallet/deposit',
      { amount, paymentMethodId: card },
      me.accessToken,
    );
    expect(dep.status).toBe(201);
    const accountId = withAccount ? await onboardPayouts(api, me.accessToken) : '';
    return { ...me, accountId };
  }

  const transfersOf = async (payoutId: string) =>
    (await sandboxSdk(app).transfers.list({ transfer_group: payoutId, limit: 100 })).data;

  it('creates one payout account per user, on demand', async () => {
    const me = await funded(1000, false);
    expect((await api.get('/api/v1/wallet/payout-account', me.accessToken)).body).toMatchObject({
      accountId: null,
      status: 'not_started',
    });
    const none = await post('/api/v1/wallet/withdraw', { amount: 100 }, me.accessToken);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('payout_account_not_ready');
    const results = await Promise.all(
      [1, 2, 3].map(() => post('/api/v1/wallet/payout-account', {}, me.accessToken)),
    );
    const ids = new Set(results.map((r) => r.body.accountId as string));
    expect(ids.size).toBe(1);
    const [accountId] = [...ids];
    expect(accountId).toMatch(/^acct_/);
    expect((await api.get('/api/v1/wallet/payout-account', me.accessToken)).body).toMatchObject({
      accountId,
      status: 'pending',
    });
    const account = await sandboxSdk(app).accounts.retrieve(accountId!);
    expect(account).toMatchObject({ type: 'express', metadata: { user_id: me.user.id } });
    const extra = await post('/api/v1/wallet/payout-account', { id: 'x' }, me.accessToken);
    expect(extra.status).toBe(400);
  });

  it('pays out by transfer to the own account only, and balances the ledger', async () => {
    const me = await funded(3000);
    const other = await funded(100);
    for (const destination of ['bank_1234', 'acct_', 'acct_!nope']) {
      const bad = await post('/api/v1/wallet/withdraw', { amount: 1, destination }, me.accessToken);
      expect(bad.status).toBe(400);
      expect(bad.body.error.param).toBe('destination');
    }
    const theirs = await post(
      '/api/v1/wallet/withdraw',
      { amount: 100, destination: other.accountId },
      me.accessToken,
    );
    expect(theirs.status).toBe(400);
    expect(theirs.body.error.code).toBe('destination_not_allowed');
    const ok = await post(
      '/api/v1/wallet/withdraw',
      { amount: 1200, destination: me.accountId },
      me.accessToken,
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'PAID', amount: 1200, destination: me.accountId });
    const [transfer, ...more] = await transfersOf(ok.body.id);
    expect(more).toEqual([]);
    expect(transfer).toMatchObject({
      amount: 1200,
      currency: 'usd',
      destination: me.accountId,
      metadata: { payout_id: ok.body.id },
    });
    const { rows } = await app.runtime.database.pool.query(
      'SELECT provider_payout_id FROM withdrawals WHERE id = $1',
      [ok.body.id],
    );
    expect(rows[0].provider_payout_id).toBe(transfer!.id);
    expect(await balance(me.accessToken)).toBe(1800);
    expect((await sandboxSdk(app).transfers.list({ destination: other.accountId })).data).toEqual(
      [],
    );
    await ledgerOk();
  });

  it("lists the user's own withdrawals, newest first, paginated", async () => {
    const me = await funded(2000);
    const other = await funded(500);
    await post('/api/v1/wallet/withdraw', { amount: 100 }, other.accessToken);
    const ids: string[] = [];
    for (const amount of [100, 200, 300])
      ids.push((await post('/api/v1/wallet/withdraw', { amount }, me.accessToken)).body.id);
    const first = await api.get('/api/v1/wallet/withdrawals?limit=2', me.accessToken);
    expect(first.status).toBe(200);
    expect(first.body.data.map((w: { amount: number }) => w.amount)).toEqual([300, 200]);
    expect(first.body.data[0]).toMatchObject({ id: ids[2], status: 'PAID', currency: 'usd' });
    expect(first.body.hasMore).toBe(true);
    const rest = await api.get(
      `/api/v1/wallet/withdrawals?limit=2&startingAfter=${first.body.nextCursor}`,
      me.accessToken,
    );
    expect(rest.body).toMatchObject({ hasMore: false, nextCursor: null });
    expect(rest.body.data.map((w: { id: string }) => w.id)).toEqual([ids[0]]);
    const eur = await api.get('/api/v1/wallet/withdrawals?currency=EUR', me.accessToken);
    expect(eur.body.data).toEqual([]);
    expect((await api.get('/api/v1/wallet/withdrawals?limit=0', me.accessToken)).status).toBe(400);
    expect((await api.get('/api/v1/wallet/withdrawals')).status).toBe(401);
  });

  it('a refused transfer fails the payout and returns the money', async () => {
    const me = await funded(900, false);
    const accountId = await linkFailingAccount(app, me.user.id);
    const res = await post('/api/v1/wallet/withdraw', { amount: 900 }, me.accessToken);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'FAILED',
      destination: accountId,
      failureReason: 'insufficient_capabilities_for_transfer',
    });
    expect(await balance(me.accessToken)).toBe(900);
    expect(await transfersOf(res.body.id)).toEqual([]);
    const { rows } = await app.runtime.database.pool.query(
      `SELECT kind FROM journal_entries WHERE reference_type = 'payout' AND reference_id = $1
       ORDER BY created_at`,
      [res.body.id],
    );
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['WITHDRAWAL', 'REVERSAL']);
    await ledgerOk();
  });

  it('a provider outage leaves the payout PENDING; retries converge on one transfer', async () => {
    const me = await funded(2000);
    // Every attempt of the call (1 + STRIPE_MAX_NETWORK_RETRIES) answers 500.
    await control(app, 'faults', { type: 'api_error', count: 2 });
    const res = await post('/api/v1/wallet/withdraw', { amount: 700 }, me.accessToken);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'PENDING',
      failureReason: null,
      waitingReason: 'provider_unavailable',
    });
    expect(await balance(me.accessToken)).toBe(1300);
    expect(await transfersOf(res.body.id)).toEqual([]);
    await ledgerOk();

    // Too fresh for the settle job: a request may still be sending it.
    expect(await wallets.settlePending()).toMatchObject({ paid: 0, failed: 0 });
    // Still down at the next run: nothing is decided.
    await control(app, 'faults', { type: 'rate_limit', count: 2 });
    expect(await wallets.settlePending(later())).toMatchObject({ paid: 0, failed: 0, errors: 1 });

    // The transfer goes through but its answer is lost (a crash before recording it) ...
    const [row] = (
      await app.runtime.database.pool.query('SELECT * FROM withdrawals WHERE id = $1', [
        res.body.id,
      ])
    ).rows as Array<Record<string, unknown>>;
    const payout = {
      id: row!.id as string,
      amount: BigInt(row!.amount as string),
      currency: row!.currency as string,
      destination: row!.destination as string,
    };
    const provider = app.running.app.get<PayoutProvider>(PAYOUT_PROVIDER);
    const lost = await provider.send(payout, payout.id);
    expect(lost.status).toBe('PAID');
    // ... so the same idempotency key replays it, twice at once or in a row: one transfer.
    const again = await Promise.allSettled([
      provider.send(payout, payout.id),
      provider.send(payout, payout.id),
    ]);
    for (const r of again) if (r.status === 'fulfilled') expect(r.value.id).toBe(lost.id);
    expect(await wallets.settlePending(later())).toMatchObject({ paid: 1, errors: 0 });
    expect(await wallets.settlePending(later())).toMatchObject({ paid: 0, errors: 0 });
    const transfers = await transfersOf(res.body.id);
    expect(transfers.map((t) => [t.id, t.amount, t.destination])).toEqual([
      [lost.id, 700, me.accountId],
    ]);
    const history = (await api.get('/api/v1/wallet/transactions', me.accessToken)).body.data;
    expect(history[0]).toMatchObject({ type: 'WITHDRAWAL', status: 'COMPLETED', amount: -700 });
    expect(await balance(me.accessToken)).toBe(1300);
    await ledgerOk();
  });

  it('the settle job finds a transfer by its group when the key may have expired', async () => {
    // More than the transfer: Stripe's fee leaves the platform less than the deposit.
    const me = await funded(1000);
    await control(app, 'faults', { type: 'api_error', count: 2 });
    const res = await post('/api/v1/wallet/withdraw', { amount: 500 }, me.accessToken);
    expect(res.body.status).toBe('PENDING');
    // Sent outside our idempotency key (as if the key had been forgotten after 24 h).
    const made = await sandboxSdk(app).transfers.create({
      amount: 500,
      currency: 'usd',
      destination: me.accountId,
      transfer_group: res.body.id,
    });
    expect(await wallets.settlePending(later())).toMatchObject({ paid: 1 });
    expect((await transfersOf(res.body.id)).map((t) => t.id)).toEqual([made.id]);
    const { rows } = await app.runtime.database.pool.query<WithdrawalRow>(
      'SELECT status FROM withdrawals WHERE id = $1',
      [res.body.id],
    );
    expect(rows[0]!.status).toBe('PAID');
  });

  it('concurrent withdrawals cannot overdraw the wallet', async () => {
    const me = await funded(1000);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post('/api/v1/wallet/withdraw', { amount: 300 }, me.accessToken, `w-${i}`),
      ),
    );
    const paid = results.filter((r) => r.status === 201);
    expect(paid).toHaveLength(3);
    expect(paid.every((r) => r.body.status === 'PAID')).toBe(true);
    expect(
      results.filter((r) => r.status !== 201).map((r) => [r.status, r.body.error.code]),
    ).toEqual(Array.from({ length: 5 }, () => [402, 'insufficient_funds']));
    expect(await balance(me.accessToken)).toBe(100);
    const sent = await sandboxSdk(app).transfers.list({ destination: me.accountId, limit: 100 });
    expect(sent.data.reduce((sum, t) => sum + t.amount, 0)).toBe(900);
    await ledgerOk();
  });

  it("a payout the platform's available Stripe balance cannot cover waits PENDING, then is paid", async () => {
    const sdk = sandboxSdk(app);
    // The platform has paid out what it had: only this deposit's pending funds are left.
    const usd = (await sdk.balance.retrieve()).available.find((a) => a.currency === 'usd');
    if (usd !== undefined && usd.amount > 0) {
      await sdk.payouts.create({ amount: usd.amount, currency: 'usd' });
    }
    const me = await funded(1500, true, 'pm_card_visa');
    const res = await post('/api/v1/wallet/withdraw', { amount: 1000 }, me.accessToken);
    expect(res.status).toBe(201);
    // Stripe answered balance_insufficient: the platform's problem, so the payout waits.
    expect(res.body).toMatchObject({
      status: 'PENDING',
      failureReason: null,
      waitingReason: 'balance_insufficient',
    });
    expect(await transfersOf(res.body.id)).toEqual([]);
    expect(await balance(me.accessToken)).toBe(500);
    expect(await wallets.settlePending(later())).toMatchObject({ paid: 0, failed: 0, errors: 1 });
    // The card charge's funds settle (on Stripe: two days later).
    await control(app, 'balance/settle');
    expect(await wallets.settlePending(later())).toMatchObject({ paid: 1, failed: 0, errors: 0 });
    const [transfer, ...more] = await transfersOf(res.body.id);
    expect(more).toEqual([]);
    expect(transfer).toMatchObject({ amount: 1000, destination: me.accountId });
    const listed = await api.get('/api/v1/wallet/withdrawals', me.accessToken);
    expect(listed.body.data[0]).toMatchObject({
      id: res.body.id,
      status: 'PAID',
      waitingReason: null,
    });
    expect(await balance(me.accessToken)).toBe(500);
    await ledgerOk();
  });
});
