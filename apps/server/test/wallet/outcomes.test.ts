// Every outcome of a wallet deposit, after the money was spent too: refunds, disputes won and
// lost, the settlement delay, locked wallets. Real PostgreSQL, the embedded sandbox, the official SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { bootTestApp, client, promote, register, type TestApp } from '../helpers';
import { allWebhooksApplied, eventually } from '../payments/harness';
import { control, linkFailingAccount, onboardPayouts, sandboxSdk } from './fixture';

describe('wallet deposits: every outcome is booked', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5', WALLET_SETTLEMENT_SECONDS: '0' });
    api = client(app.url);
    const a = await register(api);
    await promote(app, a.user.id, 'ADMIN');
    admin = a.accessToken;
    adminId = a.user.id;
  });
  afterAll(() => app?.close());

  const post = (path: string, body: unknown, token: string, key?: string) =>
    api.call('POST', path, { body, token, headers: key ? { 'idempotency-key': key } : {} });
  const wallet = async (token: string) => (await api.get('/api/v1/wallet', token)).body;
  const ledgerOk = async () => expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);

  async function deposit(amount: number, card = 'pm_card_visa') {
    const me = await register(api);
    const dep = await post(
      '/api/v1/wallet/deposit',
      { amount, paymentMethodId: card },
      me.accessToken,
    );
    expect(dep.status).toBe(201);
    await onboardPayouts(api, me.accessToken);
    return { ...me, paymentId: dep.body.id as string };
  }

  it('a refunded deposit leaves the wallet and cannot be withdrawn', async () => {
    const me = await deposit(2000);
    expect((await wallet(me.accessToken)).balance).toBe(2000);
    const refund = await post(`/api/v1/admin/payments/${me.paymentId}/refund`, {}, admin);
    expect(refund.status).toBe(201);
    expect((await wallet(me.accessToken)).balance).toBe(0);
    const out = await post('/api/v1/wallet/withdraw', { amount: 2000 }, me.accessToken);
    expect(out.status).toBe(402);
    await eventually(async () =>
      expect((await api.get(`/api/v1/payments/${me.paymentId}`, me.accessToken)).body.status).toBe(
        'REFUNDED',
      ),
    );
    expect((await wallet(me.accessToken)).balance).toBe(0);
    await ledgerOk();
  });

  it('a refund the wallet can no longer cover is refused unless forced, then shows as debt', async () => {
    const me = await deposit(2000);
    expect((await post('/api/v1/wallet/withdraw', { amount: 1500 }, me.accessToken)).status).toBe(
      201,
    );
    const refused = await post(`/api/v1/admin/payments/${me.paymentId}/refund`, {}, admin);
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('wallet_cannot_cover_refund');
    // Nothing was recorded or sent: the card keeps nothing back, the wallet keeps its 500.
    expect((await wallet(me.accessToken)).balance).toBe(500);
    const partial = await post(
      `/api/v1/admin/payments/${me.paymentId}/refund`,
      { amount: 500 },
      admin,
    );
    expect(partial.status).toBe(201);
    const forced = await post(
      `/api/v1/admin/payments/${me.paymentId}/refund`,
      { force: true },
      admin,
    );
    expect(forced.status).toBe(201);
    const w = await wallet(me.accessToken);
    expect(w).toMatchObject({ balance: -1500, debt: 1500, available: 0 });
    expect((await post('/api/v1/wallet/withdraw', { amount: 1 }, me.accessToken)).status).toBe(402);
    const debts = (await api.get('/api/v1/admin/wallets/in-debt?limit=100', admin)).body;
    expect(debts.data).toContainEqual(expect.objectContaining({ id: w.id, debt: 1500 }));
    await ledgerOk();
  });

  it('a disputed deposit is taken back (into debt once spent) and reinstated when won', async () => {
    const me = await deposit(2000, 'pm_card_createDispute');
    await eventually(async () => expect((await wallet(me.accessToken)).balance).toBe(0));
    expect((await post('/api/v1/wallet/withdraw', { amount: 100 }, me.accessToken)).status).toBe(
      402,
    );
    const sdk = sandboxSdk(app);
    const [dispute] = (await sdk.disputes.list({ limit: 100 })).data.filter(
      (d) => d.payment_intent !== null && d.status === 'needs_response',
    );
    expect(dispute).toBeDefined();
    await sdk.disputes.update(dispute!.id, {
      evidence: { uncategorized_text: 'winning_evidence' },
    });
    await eventually(async () => expect((await wallet(me.accessToken)).balance).toBe(2000));
    await ledgerOk();
  });

  it('a dispute after the money was withdrawn leaves a debt; lost, it stays', async () => {
    const me = await deposit(3000);
    expect((await post('/api/v1/wallet/withdraw', { amount: 2500 }, me.accessToken)).status).toBe(
      201,
    );
    // The cardholder disputes later: the sandbox opens a dispute on the payment's charge.
    const sdk = sandboxSdk(app);
    const payment = (await api.get(`/api/v1/payments/${me.paymentId}`, me.accessToken)).body;
    const intent = await sdk.paymentIntents.retrieve(payment.providerIntentId);
    await fetch(`${app.running.sandboxUrl}/_sandbox/disputes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ charge: intent.latest_charge }),
    }).then((r) => expect(r.status).toBe(200));
    await eventually(async () =>
      expect(await wallet(me.accessToken)).toMatchObject({ balance: -2500, debt: 2500 }),
    );
    const [dispute] = (await sdk.disputes.list({ charge: intent.latest_charge as string })).data;
    await sdk.disputes.close(dispute!.id);
    await eventually(async () =>
      expect((await sdk.disputes.retrieve(dispute!.id)).status).toBe('lost'),
    );
    await new Promise((r) => setTimeout(r, 1500));
    await allWebhooksApplied(app);
    expect((await wallet(me.accessToken)).balance).toBe(-2500);
    await ledgerOk();
  });

  it('a deposit into a locked wallet is refused before the card is charged', async () => {
    const me = await register(api);
    const w = await wallet(me.accessToken);
    expect((await post(`/api/v1/admin/wallets/${w.id}/lock`, {}, admin)).status).toBe(204);
    const res = await post(
      '/api/v1/wallet/deposit',
      { amount: 1000, paymentMethodId: 'pm_card_visa' },
      me.accessToken,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('wallet_locked');
    const { rows } = await app.runtime.database.pool.query(
      `SELECT count(*)::int AS n FROM payments WHERE user_id = $1`,
      [me.user.id],
    );
    expect(rows[0].n).toBe(0);
    expect((await post('/api/v1/admin/wallets/acc_nope/lock', {}, admin)).status).toBe(404);
  });

  it('a concurrent refund request and withdrawal of the same deposit: only one gets the money', async () => {
    const me = await deposit(2000);
    const [refund, out] = await Promise.all([
      post(`/api/v1/admin/payments/${me.paymentId}/refund`, {}, admin),
      post('/api/v1/wallet/withdraw', { amount: 2000 }, me.accessToken),
    ]);
    expect([refund.status, out.status].sort()).toEqual([201, 402]);
    expect((await wallet(me.accessToken)).balance).toBe(0);
    await ledgerOk();
  });

  /**
   * A request killed after its own commit but before its answer was stored: its key's claim stays
   * in flight without a response, and after the lock expires the client's retry runs the handler
   * again. That is what this makes happen (the claim is put back in flight, its lock expired).
   */
  async function forgetAnswer(userId: string, key: string) {
    const { rowCount } = await app.runtime.database.pool.query(
      `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL,
              locked_until = now() - interval '1 second'
        WHERE scope = $1 AND key = $2`,
      [userId, key],
    );
    expect(rowCount).toBe(1);
  }

  it('a deposit replayed after a crash charges once', async () => {
    const me = await register(api);
    const body = { amount: 700, paymentMethodId: 'pm_card_visa' };
    const first = await post('/api/v1/wallet/deposit', body, me.accessToken, 'dep-crash-1');
    expect(first.status).toBe(201);
    await forgetAnswer(me.user.id, 'dep-crash-1');
    const again = await post('/api/v1/wallet/deposit', body, me.accessToken, 'dep-crash-1');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const { rows } = await app.runtime.database.pool.query(
      `SELECT count(*)::int AS n FROM payments WHERE user_id = $1`,
      [me.user.id],
    );
    expect(rows[0].n).toBe(1);
    const customer = (await sandboxSdk(app).paymentIntents.retrieve(first.body.providerIntentId))
      .customer as string;
    expect((await sandboxSdk(app).paymentIntents.list({ customer })).data).toHaveLength(1);
    expect((await wallet(me.accessToken)).balance).toBe(700);
    // The same key for another deposit is the client's mistake, not a second charge.
    await forgetAnswer(me.user.id, 'dep-crash-1');
    const other = await post(
      '/api/v1/wallet/deposit',
      { ...body, amount: 701 },
      me.accessToken,
      'dep-crash-1',
    );
    expect(other.status).toBe(422);
    await ledgerOk();
  });

  it('a withdrawal replayed after a crash pays out once', async () => {
    // Stripe's "bypass pending" card: the platform's Stripe balance can pay the transfer at once.
    const me = await deposit(1000, 'pm_card_bypassPending');
    const first = await post('/api/v1/wallet/withdraw', { amount: 400 }, me.accessToken, 'wd-1');
    expect(first.status).toBe(201);
    await forgetAnswer(me.user.id, 'wd-1');
    const again = await post('/api/v1/wallet/withdraw', { amount: 400 }, me.accessToken, 'wd-1');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const transfers = await sandboxSdk(app).transfers.list({ transfer_group: first.body.id });
    expect(transfers.data).toHaveLength(1);
    expect((await wallet(me.accessToken)).balance).toBe(600);
    await ledgerOk();
  });

  it('an admin refund replayed after a crash refunds once', async () => {
    const me = await deposit(900);
    const path = `/api/v1/admin/payments/${me.paymentId}/refund`;
    const first = await post(path, { amount: 300 }, admin, 'rf-1');
    expect(first.status).toBe(201);
    await forgetAnswer(adminId, 'rf-1');
    const again = await post(path, { amount: 300 }, admin, 'rf-1');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const intent = (await api.get(`/api/v1/payments/${me.paymentId}`, me.accessToken)).body
      .providerIntentId as string;
    expect((await sandboxSdk(app).refunds.list({ payment_intent: intent })).data).toHaveLength(1);
    expect((await wallet(me.accessToken)).balance).toBe(600);
    await ledgerOk();
  });

  it('the provider audit finds a refund whose webhooks never came, and books it', async () => {
    const me = await deposit(800);
    const intent = (await api.get(`/api/v1/payments/${me.paymentId}`, me.accessToken)).body
      .providerIntentId as string;
    // Hold back every webhook from now on (as if lost), then refund outside Tender.
    await control(app, 'webhooks/reorder', { count: 50 });
    await sandboxSdk(app).refunds.create({ payment_intent: intent, amount: 300 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await wallet(me.accessToken)).balance).toBe(800);
    const report = (await post('/api/v1/admin/payments/audit', {}, admin)).body;
    expect(report.differences).toContainEqual({
      paymentId: me.paymentId,
      field: 'refunded',
      recorded: '0',
      provider: '300',
    });
    expect((await wallet(me.accessToken)).balance).toBe(500);
    expect((await api.get('/api/v1/admin/payments/audit', admin)).body.ranAt).toBe(report.ranAt);
    await control(app, 'webhooks/flush');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await wallet(me.accessToken)).balance).toBe(500);
    await ledgerOk();
  });

  it('withdrawals racing the reversals of refused payouts from the same wallet never deadlock', async () => {
    const me = await register(api);
    const dep = await post(
      '/api/v1/wallet/deposit',
      { amount: 1000, paymentMethodId: 'pm_card_visa' },
      me.accessToken,
    );
    expect(dep.status).toBe(201);
    await linkFailingAccount(app, me.user.id);
    // Each refused payout is reversed (clearing → wallet) while the next withdrawal debits.
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post('/api/v1/wallet/withdraw', { amount: 100 }, me.accessToken, `race-${i}`),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(results.every((r) => r.body.status === 'FAILED')).toBe(true);
    expect((await wallet(me.accessToken)).balance).toBe(1000);
    await ledgerOk();
  });

  it('ledger:verify names a wallet credited for money the provider no longer holds', async () => {
    const me = await deposit(1200);
    // What the old code did: the provider refunded, the wallet kept the money.
    await app.runtime.database.pool.query(
      `UPDATE payments SET amount_refunded = amount_captured, status = 'REFUNDED' WHERE id = $1`,
      [me.paymentId],
    );
    const violations = await verifyLedger(app.runtime.database.pool);
    expect(violations).toContainEqual({
      invariant: 'the books hold what the provider holds, for every wallet top-up',
      detail: `payment ${me.paymentId} (wallet_deposit): the provider holds 0, the books 1200`,
    });
    await app.runtime.database.pool.query(
      `UPDATE payments SET amount_refunded = 0, status = 'SUCCEEDED' WHERE id = $1`,
      [me.paymentId],
    );
  });
});

describe('wallet deposits settle before they can be withdrawn', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    app = await bootTestApp({ WALLET_SETTLEMENT_SECONDS: '3600' });
    api = client(app.url);
  });
  afterAll(() => app?.close());

  it('shows a fresh card deposit as pending: spendable, not withdrawable', async () => {
    const me = await register(api);
    const call = (path: string, body: unknown) =>
      api.call('POST', path, { body, token: me.accessToken });
    expect(
      (await call('/api/v1/wallet/deposit', { amount: 2000, paymentMethodId: 'pm_card_visa' }))
        .status,
    ).toBe(201);
    await onboardPayouts(api, me.accessToken);
    expect((await api.get('/api/v1/wallet', me.accessToken)).body).toMatchObject({
      balance: 2000,
      pending: 2000,
      available: 0,
      debt: 0,
    });
    const out = await call('/api/v1/wallet/withdraw', { amount: 100 });
    expect(out.status).toBe(402);
    expect(out.body.error.message).toMatch(/settlement/);
  });
});
