import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/books';
import { bootTestApp, promote, register, type TestApp } from './helpers';
import { ordersFixture } from './orders/fixture';

/**
 * A product is on sale only while its merchant is: a merchant deleted, disabled or demoted takes
 * every product off sale at once — out of the (cached) listing, 404 to read and to order — so no
 * buyer pays into a wallet nobody can see; a merchant restored sells again.
 */
describe('catalog: products of sellers who are gone', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;
  let admin: { accessToken: string };

  beforeAll(async () => {
    app = await bootTestApp();
    f = ordersFixture(app);
    const a = await register(f.api);
    await promote(app, a.user.id, 'ADMIN');
    admin = a;
  });
  afterAll(() => app?.close());

  const setUser = (id: string, body: Record<string, unknown>) =>
    f.api.patch(`/api/v1/users/${id}`, body, admin.accessToken);
  const listed = async (merchantId: string) =>
    (await f.api.get(`/api/v1/products?merchantId=${merchantId}`)).body.data.map(
      (p: { id: string }) => p.id,
    );
  const buy = (token: string, productId: string, paymentMethod: 'WALLET' | 'GATEWAY') =>
    f.order(token, { productId, quantity: 1, paymentMethod });

  /** A merchant with a product that was listed and bought once (so the listing and reads are warm). */
  async function sellingMerchant() {
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 500, 10);
    const buyer = await f.buyer(5_000);
    expect(await listed(merchant.user.id)).toEqual([product.id]);
    expect((await buy(buyer.accessToken, product.id, 'WALLET')).status).toBe(201);
    return { merchant, product, buyer };
  }

  async function offSale(merchantId: string, productId: string, buyerToken: string) {
    expect(await listed(merchantId)).toEqual([]);
    expect(
      (await f.api.get('/api/v1/products')).body.data.map((p: { id: string }) => p.id),
    ).not.toContain(productId);
    expect((await f.api.get(`/api/v1/products/${productId}`)).status).toBe(404);
    expect((await f.api.get(`/api/v1/products/${productId}`, buyerToken)).status).toBe(404);
    for (const method of ['WALLET', 'GATEWAY'] as const) {
      const res = await buy(buyerToken, productId, method);
      expect({ method, status: res.status, code: res.body.error?.code }).toEqual({
        method,
        status: 404,
        code: 'product_not_found',
      });
    }
  }

  it('a deleted merchant: products off sale, nothing more sold, the admin still sees them', async () => {
    const { merchant, product, buyer } = await sellingMerchant();
    const balance = await f.balance(buyer.accessToken);
    expect((await f.api.del(`/api/v1/users/${merchant.user.id}`, admin.accessToken)).status).toBe(
      204,
    );
    await offSale(merchant.user.id, product.id, buyer.accessToken);
    expect(await f.balance(buyer.accessToken)).toBe(balance);
    expect(await f.stock(product.id).catch(() => undefined)).toBeUndefined();
    expect((await f.api.get(`/api/v1/products/${product.id}`, admin.accessToken)).status).toBe(200);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('a merchant deleting their own account takes their products off sale too', async () => {
    const { merchant, product, buyer } = await sellingMerchant();
    expect(
      (await f.api.del(`/api/v1/users/${merchant.user.id}`, merchant.accessToken)).status,
    ).toBe(204);
    await offSale(merchant.user.id, product.id, buyer.accessToken);
  });

  it('a demoted merchant stops selling; promoted back, sells again', async () => {
    const { merchant, product, buyer } = await sellingMerchant();
    const demote = await setUser(merchant.user.id, { role: 'USER' });
    expect(demote.status).toBe(200);
    await offSale(merchant.user.id, product.id, buyer.accessToken);
    const restore = await setUser(merchant.user.id, { role: 'MERCHANT' });
    expect(restore.status).toBe(200);
    expect(await listed(merchant.user.id)).toEqual([product.id]);
    expect((await buy(buyer.accessToken, product.id, 'WALLET')).status).toBe(201);
  });

  it('a disabled merchant stops selling; enabled again, sells again', async () => {
    const { merchant, product, buyer } = await sellingMerchant();
    expect((await setUser(merchant.user.id, { isActive: false })).status).toBe(200);
    await offSale(merchant.user.id, product.id, buyer.accessToken);
    expect((await setUser(merchant.user.id, { isActive: true })).status).toBe(200);
    expect((await buy(buyer.accessToken, product.id, 'WALLET')).status).toBe(201);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });

  it('an admin cannot create a product for a merchant who is disabled', async () => {
    const merchant = await f.merchant();
    await setUser(merchant.user.id, { isActive: false });
    const res = await f.post(
      '/api/v1/products',
      { name: 'Ghost', price: 100, initialUnits: 1, merchantId: merchant.user.id },
      admin.accessToken,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_merchant');
  });
});
