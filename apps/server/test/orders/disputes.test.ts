// A gateway order disputed after it was paid: the merchant's share and the platform's fee go back
// to the provider (into debt if already spent), and come back when the dispute is won.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { bootTestApp, type TestApp } from '../helpers';
import { allWebhooksApplied, eventually } from '../payments/harness';
import { control, sandboxSdk } from '../wallet/fixture';
import { ordersFixture, payOnHostedPage } from './fixture';

describe('orders: disputes after payment', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5' });
    f = ordersFixture(app);
  });
  afterAll(() => app?.close());

  /** A completed gateway order of 4,000 (fee 200) and the charge behind it. */
  async function paidOrder() {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 4_000, 1);
    const res = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'GATEWAY',
    });
    expect(res.status).toBe(201);
    await payOnHostedPage(res.body.checkoutUrl);
    await eventually(async () =>
      expect((await f.getOrder(buyer.accessToken, res.body.id)).status).toBe('COMPLETED'),
    );
    const payment = (await f.api.get(`/api/v1/payments/${res.body.paymentId}`, buyer.accessToken))
      .body;
    const intent = await sandboxSdk(app).paymentIntents.retrieve(payment.providerIntentId);
    return {
      buyer,
      merchant,
      orderId: res.body.id as string,
      charge: intent.latest_charge as string,
    };
  }

  const dispute = async (charge: string) => {
    await control(app, 'disputes', { charge });
    return (await sandboxSdk(app).disputes.list({ charge })).data[0]!;
  };

  it('a won dispute takes the merchant share and fee back, then returns them', async () => {
    const o = await paidOrder();
    expect(await f.balance(o.merchant.accessToken)).toBe(3_800);
    const d = await dispute(o.charge);
    await eventually(async () => expect(await f.balance(o.merchant.accessToken)).toBe(0));
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
    await sandboxSdk(app).disputes.update(d.id, {
      evidence: { uncategorized_text: 'winning_evidence' },
    });
    await eventually(async () => expect(await f.balance(o.merchant.accessToken)).toBe(3_800));
    await allWebhooksApplied(app);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('a lost dispute after a partial refund takes back only what is left', async () => {
    const o = await paidOrder();
    const part = await f.post(
      `/api/v1/orders/${o.orderId}/refund`,
      { amount: 1_000 },
      o.merchant.accessToken,
    );
    expect(part.status).toBe(201);
    await eventually(async () => expect(await f.balance(o.merchant.accessToken)).toBe(2_850));
    // Stripe disputes what is left of the charge.
    await control(app, 'disputes', { charge: o.charge });
    const [d] = (await sandboxSdk(app).disputes.list({ charge: o.charge })).data;
    expect(d!.amount).toBe(3_000);
    await eventually(async () => expect(await f.balance(o.merchant.accessToken)).toBe(0));
    await sandboxSdk(app).disputes.close(d!.id);
    await eventually(async () =>
      expect((await sandboxSdk(app).disputes.retrieve(d!.id)).status).toBe('lost'),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    await allWebhooksApplied(app);
    expect(await f.balance(o.merchant.accessToken)).toBe(0);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });
});
