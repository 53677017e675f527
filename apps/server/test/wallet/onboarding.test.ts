// Payout account onboarding and transfer reversals, on real PostgreSQL and the embedded sandbox:
// the hosted onboarding form completed over HTTP, account.updated and transfer.reversed webhooks.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { PROVIDER_SETUP } from '../../src/payments/payments.tokens';
import type { ProviderSetup } from '../../src/payments/provider/stripe-client';
import { bootTestApp, client, register, type TestApp } from '../helpers';
import { until } from '../jobs-fixture';
import { onboardPayouts, sandboxSdk } from './fixture';

describe('payout account onboarding', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    app = await bootTestApp({ WALLET_SETTLEMENT_SECONDS: '0' });
    api = client(app.url);
  });
  afterAll(() => app?.close());

  const post = (path: string, body: unknown, token: string) =>
    api.call('POST', path, { body, token });
  const balance = async (token: string) =>
    (await api.get('/api/v1/wallet', token)).body.balance as number;
  const status = async (token: string) =>
    (await api.get('/api/v1/wallet/payout-account', token)).body as {
      accountId: string | null;
      status: string;
      currentlyDue: string[];
    };

  async function funded(amount: number) {
    const me = await register(api);
    const dep = await post(
      '/api/v1/wallet/deposit',
      { amount, paymentMethodId: 'pm_card_bypassPending' },
      me.accessToken,
    );
    expect(dep.status).toBe(201);
    return me;
  }

  it('refuses withdrawals until onboarding is done, then account.updated makes it active', async () => {
    const me = await funded(2000);
    expect(await status(me.accessToken)).toEqual({
      accountId: null,
      status: 'not_started',
      currentlyDue: [],
    });
    const before = await post('/api/v1/wallet/withdraw', { amount: 100 }, me.accessToken);
    expect(before.status).toBe(409);
    expect(before.body.error.code).toBe('payout_account_not_ready');
    expect(before.body.error.message).toMatch(/Set up payouts/);
    // A link creates the account, which still needs everything.
    const link = await post('/api/v1/wallet/payout-account/onboarding-link', {}, me.accessToken);
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/\/_sandbox\/connect\/onboarding\//);
    const pending = await status(me.accessToken);
    expect(pending.status).toBe('pending');
    const notYet = await post('/api/v1/wallet/withdraw', { amount: 100 }, me.accessToken);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('payout_account_not_ready');
    expect((await status(me.accessToken)).currentlyDue).toContain('external_account');
    expect(await balance(me.accessToken)).toBe(2000);
    // Filling the hosted form: the sandbox sends account.updated to our webhook.
    const accountId = await onboardPayouts(api, me.accessToken);
    expect(accountId).toBe(pending.accountId);
    await until(async () => (await status(me.accessToken)).status === 'active');
    expect((await status(me.accessToken)).currentlyDue).toEqual([]);
    const ok = await post('/api/v1/wallet/withdraw', { amount: 500 }, me.accessToken);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'PAID', destination: accountId, waitingReason: null });
    expect(await balance(me.accessToken)).toBe(1500);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('refuses a body on the onboarding link, and needs a signed-in user', async () => {
    const me = await register(api);
    expect(
      (
        await post(
          '/api/v1/wallet/payout-account/onboarding-link',
          { returnUrl: 'https://evil.example' },
          me.accessToken,
        )
      ).status,
    ).toBe(400);
    expect(
      (await api.call('POST', '/api/v1/wallet/payout-account/onboarding-link', { body: {} }))
        .status,
    ).toBe(401);
  });

  it('a reversed transfer goes back on the wallet once, however often its event arrives', async () => {
    const me = await funded(3000);
    await onboardPayouts(api, me.accessToken);
    const w = await post('/api/v1/wallet/withdraw', { amount: 1000 }, me.accessToken);
    expect(w.body.status).toBe('PAID');
    expect(await balance(me.accessToken)).toBe(2000);
    const sdk = sandboxSdk(app);
    const [transfer] = (await sdk.transfers.list({ transfer_group: w.body.id as string })).data;
    await sdk.transfers.createReversal(transfer!.id, { amount: 400 });
    await until(async () => (await balance(me.accessToken)) === 2400);
    // The same event again (twice), and the same facts under a new event id: nothing more.
    const [event] = (await sdk.events.list({ type: 'transfer.reversed', limit: 10 })).data.filter(
      (e) => (e.data.object as Stripe.Transfer).id === transfer!.id,
    );
    const secret = app.running.app.get<ProviderSetup>(PROVIDER_SETUP).sandbox!.webhookSecret;
    const deliver = async (payload: string) => {
      const res = await fetch(`${app.url}/api/v1/webhooks/stripe`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': sdk.webhooks.generateTestHeaderString({ payload, secret }),
        },
        body: payload,
      });
      expect(res.status).toBeLessThan(300);
    };
    await deliver(JSON.stringify(event));
    await deliver(JSON.stringify(event));
    const copyId = `evt_copy${Date.now()}`;
    await deliver(JSON.stringify({ ...event, id: copyId }));
    await until(async () => {
      const { rows } = await app.runtime.database.pool.query(
        `SELECT processed_at FROM webhook_events WHERE id = $1`,
        [copyId],
      );
      return rows[0]?.processed_at != null;
    });
    expect(await balance(me.accessToken)).toBe(2400);
    // The rest reversed later: only the new part is credited.
    await sdk.transfers.createReversal(transfer!.id);
    await until(async () => (await balance(me.accessToken)) === 3000);
    const listed = await api.get('/api/v1/wallet/withdrawals', me.accessToken);
    expect(listed.body.data[0]).toMatchObject({ id: w.body.id, amountReversed: 1000 });
    const { rows } = await app.runtime.database.pool.query(
      `SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'REVERSAL' AND reference_id = $1`,
      [w.body.id],
    );
    expect(rows[0].n).toBe(2);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });
});
