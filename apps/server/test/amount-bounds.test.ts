import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT } from '../src/platform/money';
import { bootTestApp, type TestApp } from './helpers';
import { ordersFixture } from './orders/fixture';

/**
 * `price × quantity` never reaches PostgreSQL past MAX_AMOUNT: prices are bounded where they are
 * accepted, and an order's total is checked before any statement — including for a price stored
 * before the bound existed (9007199254740991 × 1025 overflowed bigint: a 500). Nothing is written.
 */
describe('amount bounds', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;
  let merchant: { accessToken: string };
  let buyer: { accessToken: string };
  const q = async (sql: string, params: unknown[] = []) =>
    (await app.runtime.database.pool.query(sql, params)).rows;

  beforeAll(async () => {
    app = await bootTestApp({ ORDER_RATE_LIMIT_PER_MINUTE: '100000' });
    f = ordersFixture(app);
    merchant = await f.merchant();
    buyer = await f.buyer(5000);
  });
  afterAll(() => app?.close());

  it('refuses a product price above MAX_AMOUNT, on create and on edit', async () => {
    for (const price of [MAX_AMOUNT + 1, Number.MAX_SAFE_INTEGER]) {
      const res = await f.post(
        '/api/v1/products',
        { name: 'Big', price, initialUnits: 1 },
        merchant.accessToken,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.param).toBe('price');
    }
    const ok = await f.product(merchant.accessToken, MAX_AMOUNT, 5);
    const edit = await f.api.patch(
      `/api/v1/products/${ok.id}`,
      { price: MAX_AMOUNT + 1 },
      merchant.accessToken,
    );
    expect(edit.status).toBe(400);
    expect(edit.body.error.param).toBe('price');
  });

  it('refuses an order whose total exceeds MAX_AMOUNT, writing nothing (WALLET and GATEWAY)', async () => {
    const atMax = await f.product(merchant.accessToken, MAX_AMOUNT, 10);
    // A price stored before the bound (straight in the database: the API no longer accepts it).
    const legacy = await f.product(merchant.accessToken, 100, 5000);
    await q('UPDATE products SET price = $1 WHERE id = $2', [Number.MAX_SAFE_INTEGER, legacy.id]);
    const cases: [string, { id: string }, number][] = [
      ['MAX_AMOUNT × 2', atMax, 2],
      ['2^53 − 1 × 1025 (bigint overflow)', legacy, 1025],
      ['2^53 − 1 × 1', legacy, 1],
    ];
    for (const [label, product, quantity] of cases) {
      for (const paymentMethod of ['WALLET', 'GATEWAY']) {
        const before = await f.stock(product.id);
        const res = await f.order(buyer.accessToken, {
          productId: product.id,
          quantity,
          paymentMethod,
        });
        expect(res.status, `${label} ${paymentMethod}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'amount_too_large', param: 'quantity' });
        expect(await f.stock(product.id), label).toBe(before);
      }
    }
    expect(
      await q('SELECT id FROM orders WHERE product_id = ANY($1)', [[atMax.id, legacy.id]]),
    ).toEqual([]);
    expect(await f.balance(buyer.accessToken)).toBe(5000);
  });

  it('refuses deposits, withdrawals and refunds above MAX_AMOUNT', async () => {
    for (const path of ['/api/v1/wallet/deposit', '/api/v1/wallet/withdraw']) {
      const res = await f.post(path, { amount: MAX_AMOUNT + 1 }, buyer.accessToken);
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.param, path).toBe('amount');
    }
  });
});
