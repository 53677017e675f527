import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { ReturnLinks } from '../../src/payments/return-links';
import { bootTestApp, type TestApp } from '../helpers';
import { cancelLink, ordersFixture, pathOf, payOnHostedPage } from './fixture';

/**
 * A gateway order's checkout holds its units: "Cancel and return" gives them back at once (the
 * checkout is expired at the provider, the payment ends `EXPIRED`, the order CANCELLED), and a
 * checkout left open expires after ORDER_CHECKOUT_EXPIRY_SECONDS, not a day. Its return pages
 * show the order only to a link that carries the order's token.
 */
describe('orders: leaving the hosted checkout', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5' });
    f = ordersFixture(app);
  });
  afterAll(() => app?.close());

  const payment = async (id: string) =>
    (
      await app.runtime.database.pool.query(
        'SELECT status, expires_at, provider_session_id FROM payments WHERE id = $1',
        [id],
      )
    ).rows[0];
  const gatewayOrder = async (units = 1) => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 1_200, units);
    const res = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'GATEWAY',
    });
    expect(res.status).toBe(201);
    return { buyer, merchant, product, order: res.body };
  };

  it('"Cancel and return" expires the checkout and releases the units at once', async () => {
    const { buyer, product, order } = await gatewayOrder();
    expect(await f.stock(product.id)).toBe(0);
    const cancel = await cancelLink(order.checkoutUrl);
    expect(new URL(cancel).origin).toBe(new URL(app.url).origin);

    const back = await f.api.get(pathOf(cancel));
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ orderId: order.id, status: 'CANCELLED' });
    expect(await f.stock(product.id)).toBe(1);
    expect((await payment(order.paymentId)).status).toBe('EXPIRED');
    expect(await f.getOrder(buyer.accessToken, order.id)).toMatchObject({
      status: 'CANCELLED',
      unitsRestored: true,
    });
    // The page is gone at the provider: it can no longer be paid.
    const page = await fetch(order.checkoutUrl);
    expect(await page.text()).not.toContain('id="card-form"');
    // Again (a reload): nothing changes, the units are not given back twice.
    expect((await f.api.get(pathOf(cancel))).body).toEqual({
      orderId: order.id,
      status: 'CANCELLED',
    });
    expect(await f.stock(product.id)).toBe(1);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('cancelling after paying changes nothing: the order stays completed', async () => {
    const { product, order } = await gatewayOrder();
    const cancel = await cancelLink(order.checkoutUrl);
    const success = await payOnHostedPage(order.checkoutUrl);
    expect(new URL(success!).pathname).toBe('/api/v1/payments/success');
    const back = await f.api.get(pathOf(cancel));
    expect(back.body).toEqual({ orderId: order.id, status: 'COMPLETED' });
    expect(await f.stock(product.id)).toBe(0);
    expect((await payment(order.paymentId)).status).toBe('SUCCEEDED');
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('a checkout that holds stock expires in ORDER_CHECKOUT_EXPIRY_SECONDS (30 min by default), not 24 h', async () => {
    const before = Date.now();
    const { order } = await gatewayOrder();
    const expiresAt = new Date((await payment(order.paymentId)).expires_at).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(30 * 60_000);
    expect(expiresAt - before).toBeLessThanOrEqual(32 * 60_000);
  });

  it('the return pages show an order only to a link with its token; anything else is a 404', async () => {
    const { order } = await gatewayOrder(2);
    const other = await gatewayOrder(2);
    const links = app.running.app.get(ReturnLinks);
    const unknown = await f.api.get('/api/v1/payments/success?order=ord_unknown&token=x');
    expect(unknown.status).toBe(404);
    for (const kind of ['success', 'cancel']) {
      for (const query of [
        `order=${order.id}`,
        `order=${order.id}&token=`,
        `order=${order.id}&token=${links.token('order', other.order.id)}`,
        `order=${order.id}&token=${links.token('payment', order.id)}`,
        `token=${links.token('order', order.id)}`,
      ]) {
        const res = await f.api.get(`/api/v1/payments/${kind}?${query}`);
        expect({ kind, query, status: res.status, code: res.body.error?.code }).toEqual({
          kind,
          query,
          status: 404,
          code: unknown.body.error.code,
        });
      }
    }
    // None of those cancelled anything.
    expect((await payment(order.paymentId)).status).toBe('CREATED');
    const ok = await f.api.get(pathOf(links.orderReturn('success', order.id)));
    expect(ok.body).toEqual({ orderId: order.id, status: 'PAYMENT_PROCESSING' });
  });
});
