import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, submit } from '../../../stripe-sandbox/test/browser';
import { verifyLedger } from '../../src/books';
import { bootTestApp, client, promote, register, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';
import { linkFailingAccount, onboardPayouts, sandboxSdk } from './fixture';

describe('wallet: deposits, withdrawals and history on the ledger', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let admin: { accessToken: string };

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5', WALLET_SETTLEMENT_SECONDS: '0' });
    api = client(app.url);
    const a = await register(api);
    await promote(app, a.user.id, 'ADMIN');
    admin = a;
  });
  afterAll(() => app?.close());

  const wallet = async (token: string) => (await api.get('/api/v1/wallet', token)).body;
  const history = async (token: string, q = '') =>
    (await api.get(`/api/v1/wallet/transactions${q}`, token)).body;
  const post = (path: string, body: unknown, token: string, key?: string) =>
    api.call('POST', path, { body, token, headers: key ? { 'idempotency-key': key } : {} });

  it('starts empty, is credited by a card deposit only once the payment succeeds', async () => {
    const me = await register(api);
    expect(await wallet(me.accessToken)).toMatchObject({
      balance: 0,
      currency: 'usd',
      isLocked: false,
      type: 'USER_WALLET',
    });
    const dep = await post(
      '/api/v1/wallet/deposit',
      { amount: 5000, paymentMethodId: 'pm_card_visa' },
      me.accessToken,
    );
    expect(dep.status).toBe(201);
    expect(dep.body).toMatchObject({
      status: 'SUCCEEDED',
      amount: 5000,
      payableType: 'wallet_deposit',
    });
    expect((await wallet(me.accessToken)).balance).toBe(5000);
    const items = (await history(me.accessToken)).data;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'DEPOSIT',
      status: 'COMPLETED',
      amount: 5000,
      balanceBefore: 0,
      balanceAfter: 5000,
      referenceType: 'payment',
    });
  });

  it('a declined deposit is a 402 and credits nothing', async () => {
    const me = await register(api);
    const dep = await post(
      '/api/v1/wallet/deposit',
      { amount: 700, paymentMethodId: 'pm_card_chargeDeclinedInsufficientFunds' },
      me.accessToken,
    );
    expect(dep.status).toBe(402);
    expect(dep.body.error.decline_code).toBe('insufficient_funds');
    expect((await wallet(me.accessToken)).balance).toBe(0);
  });

  it('a deposit paid on the hosted page is credited when the webhook arrives', async () => {
    const me = await register(api);
    const dep = await post('/api/v1/wallet/deposit', { amount: 1234 }, me.accessToken);
    expect(dep.body).toMatchObject({ status: 'CREATED', method: 'CARD_LINK' });
    const page = await load(dep.body.nextActionUrl);
    await submit(
      dep.body.nextActionUrl,
      page.html,
      { id: 'card-form' },
      { card_number: '4242424242424242', email: 'a@b.co', name: 'A' },
    );
    await eventually(async () => expect((await wallet(me.accessToken)).balance).toBe(1234));
  });

  it('withdraws to a payout; a failed payout is reversed back into the wallet', async () => {
    const me = await register(api);
    // Stripe's "bypass pending" card: the platform's Stripe balance can pay the transfer at once.
    await post(
      '/api/v1/wallet/deposit',
      { amount: 3000, paymentMethodId: 'pm_card_bypassPending' },
      me.accessToken,
    );
    const accountId = await onboardPayouts(api, me.accessToken);
    const ok = await post('/api/v1/wallet/withdraw', { amount: 1000 }, me.accessToken);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'PAID', amount: 1000, destination: accountId });
    const transfers = await sandboxSdk(app).transfers.list({ destination: accountId });
    expect(transfers.data.map((t) => [t.amount, t.currency, t.metadata.payout_id])).toEqual([
      [1000, 'usd', ok.body.id],
    ]);
    expect((await wallet(me.accessToken)).balance).toBe(2000);
    // The user's account stops accepting transfers (the sandbox's fail flag).
    await linkFailingAccount(app, me.user.id);
    const failed = await post('/api/v1/wallet/withdraw', { amount: 500 }, me.accessToken);
    expect(failed.body).toMatchObject({
      status: 'FAILED',
      failureReason: 'insufficient_capabilities_for_transfer',
    });
    expect((await wallet(me.accessToken)).balance).toBe(2000);
    const items = (await history(me.accessToken)).data;
    expect(
      items.map((i: { type: string; status: string; amount: number }) => [
        i.type,
        i.status,
        i.amount,
      ]),
    ).toEqual([
      ['WITHDRAWAL', 'REVERSED', 500],
      ['WITHDRAWAL', 'REVERSED', -500],
      ['WITHDRAWAL', 'COMPLETED', -1000],
      ['DEPOSIT', 'COMPLETED', 3000],
    ]);
    // The history chains: each item starts where the previous one ended.
    const chronological = [...items].reverse();
    for (let i = 1; i < chronological.length; i++)
      expect(chronological[i].balanceBefore).toBe(chronological[i - 1].balanceAfter);
    expect((await history(me.accessToken, '?type=DEPOSIT')).data).toHaveLength(1);
    const over = await post('/api/v1/wallet/withdraw', { amount: 2001 }, me.accessToken);
    expect(over.status).toBe(402);
    expect(over.body.error.code).toBe('insufficient_funds');
  });

  it('a locked wallet refuses movements', async () => {
    const me = await register(api);
    await post(
      '/api/v1/wallet/deposit',
      { amount: 800, paymentMethodId: 'pm_card_visa' },
      me.accessToken,
    );
    const w = await wallet(me.accessToken);
    expect((await api.post(`/api/v1/admin/wallets/${w.id}/lock`, {}, me.accessToken)).status).toBe(
      403,
    );
    expect(
      (await api.post(`/api/v1/admin/wallets/${w.id}/lock`, {}, admin.accessToken)).status,
    ).toBe(204);
    await onboardPayouts(api, me.accessToken);
    const res = await post('/api/v1/wallet/withdraw', { amount: 100 }, me.accessToken);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('wallet_locked');
    expect((await wallet(me.accessToken)).isLocked).toBe(true);
    await api.post(`/api/v1/admin/wallets/${w.id}/unlock`, {}, admin.accessToken);
    expect((await post('/api/v1/wallet/withdraw', { amount: 100 }, me.accessToken)).status).toBe(
      201,
    );
  });

  it('one Idempotency-Key sent 20 times at once deposits once', async () => {
    const me = await register(api);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(
          '/api/v1/wallet/deposit',
          { amount: 250, paymentMethodId: 'pm_card_visa' },
          me.accessToken,
          'dep-key-1',
        ),
      ),
    );
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect((await wallet(me.accessToken)).balance).toBe(250);
    const again = await post(
      '/api/v1/wallet/deposit',
      { amount: 250, paymentMethodId: 'pm_card_visa' },
      me.accessToken,
      'dep-key-1',
    );
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await wallet(me.accessToken)).balance).toBe(250);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('validates amounts and currencies', async () => {
    const me = await register(api);
    for (const body of [
      { amount: 0, paymentMethodId: 'pm_card_visa' },
      { amount: 1.5 },
      { amount: 100, currency: 'dollars' },
      { amount: -5 },
    ]) {
      const res = await post('/api/v1/wallet/deposit', body, me.accessToken);
      expect(res.status).toBe(400);
    }
  });
});
