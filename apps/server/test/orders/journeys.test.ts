import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CatalogService } from '../../src/catalog/catalog.service';
import { verifyLedger } from '../../src/books';
import { bootTestApp, promote, register, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';
import { cancelLink, ordersFixture, pathOf, payOnHostedPage } from './fixture';

describe('orders: the seed journeys over HTTP', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5' });
    f = ordersFixture(app);
  });
  afterAll(() => app?.close());

  const invariantsHold = async () =>
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);

  it('register → deposit → buy with the wallet; the merchant receives the payment less the fee', async () => {
    const buyer = await f.buyer(10_000);
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 2_500, 5);

    const res = await f.order(
      buyer.accessToken,
      {
        productId: product.id,
        quantity: 2,
        paymentMethod: 'WALLET',
      },
      'wallet-buy-1',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'COMPLETED',
      amount: 5_000,
      fee: 250,
      quantity: 2,
      currency: 'usd',
      paymentMethod: 'WALLET',
      merchantId: merchant.user.id,
      checkoutUrl: null,
    });
    expect(res.body.id).toMatch(/^ord_/);
    expect(res.body.metadata).toEqual({});
    expect(await f.balance(buyer.accessToken)).toBe(5_000);
    expect(await f.balance(merchant.accessToken)).toBe(4_750);
    expect(await f.stock(product.id)).toBe(3);

    // The same key replays the first answer; nothing is bought twice.
    const again = await f.order(
      buyer.accessToken,
      {
        productId: product.id,
        quantity: 2,
        paymentMethod: 'WALLET',
      },
      'wallet-buy-1',
    );
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(res.body.id);
    expect(await f.balance(buyer.accessToken)).toBe(5_000);

    const buyerHistory = (await f.api.get('/api/v1/wallet/transactions', buyer.accessToken)).body;
    expect(buyerHistory.data[0]).toMatchObject({
      type: 'PAYMENT',
      amount: -5_000,
      referenceType: 'order',
      referenceId: res.body.id,
    });
    const sales = (await f.api.get('/api/v1/wallet/transactions', merchant.accessToken)).body;
    expect(sales.data[0]).toMatchObject({ type: 'EARNING', amount: 4_750 });

    // Visibility: the buyer's list, the merchant's sales, a stranger sees nothing.
    const mine = (await f.api.get('/api/v1/orders', buyer.accessToken)).body;
    expect(mine.data.map((o: { id: string }) => o.id)).toEqual([res.body.id]);
    const sold = (await f.api.get('/api/v1/orders?as=merchant', merchant.accessToken)).body;
    expect(sold.data.map((o: { id: string }) => o.id)).toEqual([res.body.id]);
    expect((await f.api.get('/api/v1/orders', merchant.accessToken)).body.data).toEqual([]);
    expect((await f.api.get(`/api/v1/orders/${res.body.id}`, merchant.accessToken)).status).toBe(
      200,
    );
    const stranger = await register(f.api);
    expect((await f.api.get(`/api/v1/orders/${res.body.id}`, stranger.accessToken)).status).toBe(
      404,
    );
    await invariantsHold();
  });

  it('refuses without an Idempotency-Key, without money (402) and without stock (409), changing nothing', async () => {
    const buyer = await f.buyer(1_000);
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 600, 3);
    const body = { productId: product.id, quantity: 2, paymentMethod: 'WALLET' };

    const noKey = await f.post('/api/v1/orders', body, buyer.accessToken);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('idempotency_key_required');

    const poor = await f.order(buyer.accessToken, body);
    expect(poor.status).toBe(402);
    expect(poor.body.error.code).toBe('insufficient_funds');
    expect(await f.stock(product.id)).toBe(3);
    expect(await f.balance(buyer.accessToken)).toBe(1_000);

    const sold = await f.order(buyer.accessToken, { ...body, quantity: 4 });
    expect(sold.status).toBe(409);
    expect(sold.body.error.code).toBe('out_of_stock');

    const missing = await f.order(buyer.accessToken, { ...body, productId: 'prd_nope' });
    expect(missing.status).toBe(404);
    for (const bad of [
      { ...body, quantity: 0 },
      { ...body, paymentMethod: 'CASH' },
      { productId: product.id },
    ]) {
      expect((await f.order(buyer.accessToken, bad)).status).toBe(400);
    }
    expect((await f.api.get('/api/v1/orders', buyer.accessToken)).body.data).toEqual([]);
    await invariantsHold();
  });

  it('a product repriced between the read and the order statement is charged at its new price', async () => {
    const buyer = await f.buyer(10_000);
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 1_000, 5);
    const catalog = app.running.app.get(CatalogService);
    // The race, made certain: the order reads the product, then the merchant reprices it before
    // the order's statement runs. The statement is guarded by the version it read, so it takes
    // nothing; the order reads the product again and pays the new price.
    const stale = await catalog.peek(product.id);
    const patched = await f.api.call('PATCH', `/api/v1/products/${product.id}`, {
      body: { price: 1_500 },
      token: merchant.accessToken,
    });
    expect(patched.status).toBe(200);
    const peek = vi.spyOn(catalog, 'peek').mockResolvedValueOnce(stale);
    try {
      const res = await f.order(buyer.accessToken, {
        productId: product.id,
        quantity: 2,
        paymentMethod: 'WALLET',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ amount: 3_000, fee: 150, status: 'COMPLETED' });
      // Read stale once, then again (first attempt refused by the version guard, then explained).
      expect(peek.mock.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      peek.mockRestore();
    }
    expect(await f.balance(buyer.accessToken)).toBe(7_000);
    expect(await f.stock(product.id)).toBe(3);

    // Another node reprices it: this node still remembers the product as it read it for the order
    // above, and must not sell at that price.
    await app.runtime.database.pool.query(
      'UPDATE products SET price = 2000, version = version + 1 WHERE id = $1',
      [product.id],
    );
    const dearer = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'WALLET',
    });
    expect(dearer.status).toBe(201);
    expect(dearer.body).toMatchObject({ amount: 2_000, fee: 100 });
    expect(await f.balance(buyer.accessToken)).toBe(5_000);
    await invariantsHold();
  });

  it('a product created with fewer units available than stocked keeps the books straight', async () => {
    const buyer = await f.buyer(10_000);
    const merchant = await f.merchant();
    const created = await f.post(
      '/api/v1/products',
      { name: 'Part-stocked', price: 1_000, initialUnits: 5, availableUnits: 3 },
      merchant.accessToken,
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await invariantsHold();
    const res = await f.order(buyer.accessToken, {
      productId: id,
      quantity: 2,
      paymentMethod: 'WALLET',
    });
    expect(res.status).toBe(201);
    await invariantsHold();
    const refund = await f.post(
      `/api/v1/orders/${res.body.id}/refund`,
      { restock: true },
      merchant.accessToken,
    );
    expect(refund.status).toBe(201);
    expect(await f.stock(id)).toBe(3);
    await invariantsHold();
    // The withheld units are not the orders' to give back: a release beyond them is refused.
    const { rows } = await app.runtime.database.pool.query(
      'SELECT withheld_units FROM products WHERE id = $1',
      [id],
    );
    expect(rows).toEqual([{ withheld_units: 2 }]);
    await expect(
      app.runtime.database.db.transaction((tx) =>
        app.running.app.get(CatalogService).releaseUnits(tx, id, 1),
      ),
    ).rejects.toMatchObject({ code: 'release_exceeds_reserved' });
  });

  it('wallet refunds: partial then full with restock, merchant or admin only, never above the amount', async () => {
    const buyer = await f.buyer(5_000);
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 1_000, 4);
    const order = (
      await f.order(buyer.accessToken, {
        productId: product.id,
        quantity: 3,
        paymentMethod: 'WALLET',
      })
    ).body;
    expect(order.fee).toBe(150);
    const refund = (id: string, body: unknown, token: string) =>
      f.post(`/api/v1/orders/${id}/refund`, body, token);

    expect((await refund(order.id, { amount: 100 }, buyer.accessToken)).status).toBe(403);
    const stranger = await register(f.api);
    expect((await refund(order.id, { amount: 100 }, stranger.accessToken)).status).toBe(404);

    const part = await refund(order.id, { amount: 1_000 }, merchant.accessToken);
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ status: 'COMPLETED', refundedAmount: 1_000 });
    expect(await f.balance(buyer.accessToken)).toBe(3_000);
    expect(await f.balance(merchant.accessToken)).toBe(2_850 - 950);

    const over = await refund(order.id, { amount: 2_001 }, merchant.accessToken);
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('refund_exceeds_paid');

    const admin = await register(f.api);
    await promote(app, admin.user.id, 'ADMIN');
    const rest = await refund(order.id, { restock: true }, admin.accessToken);
    expect(rest.body).toMatchObject({
      status: 'REFUNDED',
      refundedAmount: 3_000,
      unitsRestored: true,
    });
    expect(await f.balance(buyer.accessToken)).toBe(5_000);
    expect(await f.balance(merchant.accessToken)).toBe(0);
    expect(await f.stock(product.id)).toBe(4);
    const after = await refund(order.id, { amount: 1 }, merchant.accessToken);
    expect(after.body.error.code).toBe('refund_exceeds_paid');
    const history = (await f.api.get('/api/v1/wallet/transactions?type=REFUND', buyer.accessToken))
      .body;
    expect(history.data.map((i: { amount: number }) => i.amount)).toEqual([2_000, 1_000]);
    await invariantsHold();
  });

  it('gateway purchase paid on the hosted page completes the order and credits the merchant; refunds go back through the provider', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 4_000, 2);
    const res = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'GATEWAY',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PAYMENT_PROCESSING', amount: 4_000, fee: 200 });
    expect(res.body.paymentId).toMatch(/^pay_/);
    expect(res.body.checkoutUrl).toEqual(expect.any(String));
    expect(await f.stock(product.id)).toBe(1);

    const success = await payOnHostedPage(res.body.checkoutUrl);
    const back = await f.api.get(pathOf(success!));
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ orderId: res.body.id, status: 'COMPLETED' });
    await eventually(async () =>
      expect((await f.getOrder(buyer.accessToken, res.body.id)).status).toBe('COMPLETED'),
    );
    expect(await f.balance(merchant.accessToken)).toBe(3_800);
    expect(await f.balance(buyer.accessToken)).toBe(0);
    expect((await f.api.get('/api/v1/payments/success?order=ord_unknown')).status).toBe(404);

    const part = await f.post(
      `/api/v1/orders/${res.body.id}/refund`,
      { amount: 1_000 },
      merchant.accessToken,
    );
    expect(part.status).toBe(201);
    await eventually(async () =>
      expect((await f.getOrder(buyer.accessToken, res.body.id)).refundedAmount).toBe(1_000),
    );
    expect(await f.balance(merchant.accessToken)).toBe(3_800 - 950);
    const rest = await f.post(
      `/api/v1/orders/${res.body.id}/refund`,
      { restock: true },
      merchant.accessToken,
    );
    expect(rest.status).toBe(201);
    await eventually(async () =>
      expect(await f.getOrder(buyer.accessToken, res.body.id)).toMatchObject({
        status: 'REFUNDED',
        refundedAmount: 4_000,
        unitsRestored: true,
      }),
    );
    expect(await f.balance(merchant.accessToken)).toBe(0);
    expect(await f.stock(product.id)).toBe(2);
    await invariantsHold();
  });

  it('a gateway order whose checkout cannot be started fails and gives its units back', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 700, 1);
    // More provider errors in a row than the client retries.
    const fault = await fetch(`${app.running.sandboxUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'api_error', count: 4 }),
    });
    expect(fault.ok).toBe(true);
    const res = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'GATEWAY',
    });
    expect(res.status).toBe(503);
    const mine = (await f.api.get('/api/v1/orders', buyer.accessToken)).body.data;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'FAILED', unitsRestored: true });
    expect(await f.stock(product.id)).toBe(1);
    await invariantsHold();
  });

  // Last: it moves the sandbox's clock a day forward, expiring every open checkout.
  it('an unpaid gateway order expires: units released, order CANCELLED', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 900, 1);
    const res = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'GATEWAY',
    });
    expect(await f.stock(product.id)).toBe(0);
    const sold = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'WALLET',
    });
    expect(sold.status).toBe(409);
    const cancelUrl = await cancelLink(res.body.checkoutUrl);

    const advanced = await fetch(`${app.running.sandboxUrl}/_sandbox/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds: 90_000 }),
    });
    expect(advanced.ok).toBe(true);
    await eventually(async () =>
      expect((await f.getOrder(buyer.accessToken, res.body.id)).status).toBe('CANCELLED'),
    );
    expect(await f.stock(product.id)).toBe(1);
    const back = await f.api.get(pathOf(cancelUrl));
    expect(back.body).toEqual({ orderId: res.body.id, status: 'CANCELLED' });
    expect(await f.balance(merchant.accessToken)).toBe(0);
    await invariantsHold();
  });
});
