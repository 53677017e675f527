// A charging session's payment after its revenue was posted: refunded in full or in part,
// disputed and won or lost. The company's revenue and the platform's fee follow every outcome, and
// the books stay equal to what the provider holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { bootTestApp, type TestApp } from '../helpers';
import { allWebhooksApplied, eventually } from '../payments/harness';
import { control, sandboxSdk } from '../wallet/fixture';
import { chargingActors } from './fixture';
import { sessionsFixture } from './session-fixture';

describe('charging sessions as a payable: every outcome after the capture', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5', CHARGING_FEE_BPS: '1000' });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    await f?.close();
    await app?.close();
  });

  const fees = async () => {
    const { rows } = await app.runtime.database.pool.query<{ balance: string }>(
      `SELECT balance::text FROM ledger_accounts WHERE type = 'PLATFORM_FEES' AND currency = 'eur'`,
    );
    return Number(rows[0]?.balance ?? 0);
  };
  const books = async () => ({ company: await f.companyRevenue(a.volt.id), fees: await fees() });

  /** A session of exactly 4,000 (10 kWh at 4 €/kWh, no fee or time price), captured. */
  async function captured() {
    const site = await f.bareSite({
      energyPricePerKwh: 400_000,
      timePricePerMinute: 0,
      sessionFee: 0,
      holdAmount: 5000,
    });
    const driver = await f.driver();
    const before = await books();
    const res = await f.start(driver, { connectorId: site.connectorId });
    expect(res.status).toBe(201);
    const started = await site.startTransaction(undefined, 0);
    await site.stopTransaction(started.transactionId, 10_000);
    const s = await f.until(driver, res.body.id, {
      status: 'COMPLETED',
      captureStatus: 'CAPTURED',
      capturedAmount: 4000,
    });
    // 4,000 captured: 3,600 to the company, 400 (10 %) to the platform.
    expect(await books()).toEqual({ company: before.company + 3600, fees: before.fees + 400 });
    const payment = (await a.api.get(`/api/v1/payments/${s.paymentId}`, driver)).body;
    const intent = await sandboxSdk(app).paymentIntents.retrieve(payment.providerIntentId);
    return { s, before, charge: intent.latest_charge as string };
  }

  const refund = (paymentId: string, amount?: number) =>
    a.api.post(
      `/api/v1/admin/payments/${paymentId}/refund`,
      amount === undefined ? {} : { amount },
      a.admin,
    );

  it('a partial then a full refund take back the company share and the fee pro rata', async () => {
    const { s, before } = await captured();
    expect((await refund(s.paymentId, 1000)).status).toBe(201);
    await eventually(async () =>
      expect(await books()).toEqual({ company: before.company + 2700, fees: before.fees + 300 }),
    );
    expect((await refund(s.paymentId)).status).toBe(201);
    await eventually(async () => expect(await books()).toEqual(before));
    await allWebhooksApplied(app);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('a won dispute takes the revenue back, then returns it', async () => {
    const { s, before, charge } = await captured();
    await control(app, 'disputes', { charge });
    const [d] = (await sandboxSdk(app).disputes.list({ charge })).data;
    await eventually(async () => expect(await books()).toEqual(before));
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
    await sandboxSdk(app).disputes.update(d!.id, {
      evidence: { uncategorized_text: 'winning_evidence' },
    });
    await eventually(async () =>
      expect(await books()).toEqual({ company: before.company + 3600, fees: before.fees + 400 }),
    );
    await allWebhooksApplied(app);
    expect((await f.get(a.admin, s.id)).captureStatus).toBe('CAPTURED');
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('a lost dispute after a partial refund takes back only what is left', async () => {
    const { s, before, charge } = await captured();
    expect((await refund(s.paymentId, 1000)).status).toBe(201);
    await eventually(async () =>
      expect(await books()).toEqual({ company: before.company + 2700, fees: before.fees + 300 }),
    );
    await control(app, 'disputes', { charge });
    const [d] = (await sandboxSdk(app).disputes.list({ charge })).data;
    expect(d!.amount).toBe(3000);
    await eventually(async () => expect(await books()).toEqual(before));
    await sandboxSdk(app).disputes.close(d!.id);
    await allWebhooksApplied(app);
    expect(await books()).toEqual(before);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });
});
