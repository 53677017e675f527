// Seed 000's USDC payer: the wallet pre-checked at the start for the session's cap (on the
// embedded anvil chains, with the demo wallets), the link a crypto checkout, paid through the
// sandbox's simulated wallet and settled asynchronously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, submit } from '../../../stripe-sandbox/test/browser';
import { verifyLedger } from '../../src/books';
import { DEMO_WALLETS, type DemoWalletKind } from '../../src/onchain';
import { bootTestApp, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';
import { control } from '../wallet/fixture';
import { chargingActors } from './fixture';
import { sessionsFixture } from './session-fixture';

describe('seed 000: a session paid in USDC by link', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;
  const wallet = (kind: DemoWalletKind) => DEMO_WALLETS.find((w) => w.kind === kind)!.address;

  beforeAll(async () => {
    app = await bootTestApp({
      CHAIN_EMBEDDED: '1',
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      RETURN_RATE_LIMIT_PER_MINUTE: '10000',
    });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    await f?.close();
    await app?.close();
  });

  let n = 0;
  const start = (connectorId: string, payment: object) =>
    a.api.call('POST', '/api/v1/session/start', {
      body: { connectorId, payment },
      headers: { 'idempotency-key': `crypto-${process.pid}-${++n}` },
    });
  const as = (key: string) => ({ headers: { 'x-session-key': key } });

  it('a wallet short of USDC for the cap is refused (402) before anything reaches the charger', async () => {
    const site = await f.simulatedSite({ currency: 'usd' });
    const res = await start(site.connectorId, {
      type: 'link',
      method: 'crypto',
      walletAddress: wallet('short_of_usdc'),
      chain: 'ethereum',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(402);
    expect(res.body.error.code).toBe('precheck_failed');
    expect(res.body.error.details.shortfalls).toEqual([
      expect.objectContaining({ asset: 'USDC', code: 'insufficient_usdc' }),
    ]);
    // The cap (the tariff's hold amount, $50.00) is what was asked of the wallet.
    expect(res.body.error.details.shortfalls[0].required).toMatchObject({
      minor: '50000000',
      formatted: '50',
    });
    const gas = await start(site.connectorId, {
      type: 'link',
      method: 'crypto',
      walletAddress: wallet('short_of_gas'),
      chain: 'polygon',
    });
    expect(gas.status).toBe(402);
    expect(gas.body.error.details.shortfalls[0].code).toBe('insufficient_native_for_gas');
    const sessions = await app.runtime.database.pool.query(
      `SELECT count(*)::int AS n FROM charging_sessions WHERE connector_id = $1`,
      [site.connectorId],
    );
    expect(sessions.rows[0]).toEqual({ n: 0 });
  });

  it('a wallet with enough passes; the link is a crypto checkout, paid and settled → PAID', async () => {
    const site = await f.simulatedSite({ currency: 'usd' }, { powerKw: 50 });
    const res = await start(site.connectorId, {
      type: 'link',
      method: 'crypto',
      walletAddress: wallet('enough').toLowerCase(),
      chain: 'ethereum',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.sessionId as string;
    const key = res.body.accessKey as string;
    await eventually(async () => {
      const s = await a.api.call('GET', `/api/v1/session/${id}`, as(key));
      expect(s.body).toMatchObject({
        status: 'CHARGING',
        payment: { type: 'link', method: 'crypto' },
      });
    }, 20_000);
    const stopped = await a.api.call('POST', '/api/v1/session/stop', {
      body: { sessionId: id },
      ...as(key),
    });
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'COMPLETED', currency: 'usd' });
    const link = (await a.api.call('GET', `/api/v1/payment/link/${id}`, as(key))).body;
    expect(link).toMatchObject({ status: 'PENDING', method: 'crypto' });
    const url = stopped.body.paymentUrl as string;
    const page = await load(url);
    expect(page.html).toContain('USDC');
    await submit(url, page.html, { id: 'crypto-form' }, { crypto_outcome: 'succeed' });
    // The transfer settles on the sandbox's clock: still PENDING (processing) until then.
    await eventually(async () => {
      const p = await app.runtime.database.pool.query<{ status: string }>(
        `SELECT status FROM payments WHERE payable_id = $1`,
        [id],
      );
      expect(p.rows[0]!.status).toBe('PROCESSING');
    });
    expect((await a.api.call('GET', `/api/v1/payment/link/${id}`, as(key))).body.status).toBe(
      'PENDING',
    );
    await control(app, 'clock/advance', { seconds: 60 });
    await eventually(async () => {
      const l = (await a.api.call('GET', `/api/v1/payment/link/${id}`, as(key))).body;
      expect(l).toMatchObject({ status: 'PAID', method: 'crypto', amount: stopped.body.amount });
    });
    const s = (await a.api.call('GET', `/api/v1/session/${id}`, as(key))).body;
    expect(s).toMatchObject({ captureStatus: 'CAPTURED', capturedAmount: stopped.body.amount });
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });
});
