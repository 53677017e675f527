import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, promote, register, type TestApp } from '../helpers';
import { ordersFixture } from './fixture';

type Session = Awaited<ReturnType<typeof register>>;

/**
 * What the merchant pages read: their own products (inactive ones too, searchable), their sales by
 * date, their earnings per day and currency — and what the admin's directory reads: users by text,
 * a user's wallets with their lock state.
 */
describe('merchant and directory reads over HTTP', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;
  let merchant: Session;
  let rival: Session;
  let buyer: Session;
  let admin: Session;

  beforeAll(async () => {
    app = await bootTestApp();
    f = ordersFixture(app);
    [merchant, rival, buyer, admin] = await Promise.all([
      f.merchant(),
      f.merchant(),
      f.buyer(50_000),
      register(f.api, { firstName: 'Ada', lastName: 'Percent%Smith' }),
    ]);
    await promote(app, admin.user.id, 'ADMIN');
  });
  afterAll(() => app?.close());

  const mine = async (token: string, query = '') =>
    f.api.get(`/api/v1/products/mine${query}`, token);

  it('GET /products/mine: own products, inactive included, deleted and others not; ?q searches literally', async () => {
    const a = await f.product(merchant.accessToken, 1_000, 3);
    const b = await f.product(merchant.accessToken, 2_000, 3);
    const gone = await f.product(merchant.accessToken, 3_000, 3);
    await f.product(rival.accessToken, 1_000, 3);
    await f.api.patch(
      `/api/v1/products/${b.id}`,
      { isActive: false, name: '50% off_widget' },
      merchant.accessToken,
    );
    await f.api.del(`/api/v1/products/${gone.id}`, merchant.accessToken);

    const all = await mine(merchant.accessToken);
    expect(all.status).toBe(200);
    expect(all.body.data.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
    expect(all.body.data[0]).toMatchObject({ isActive: false, name: '50% off_widget' });

    // "%" and "_" are the text, not wildcards: "0%" matches only the renamed one.
    const found = await mine(merchant.accessToken, '?q=0%25%20OFF');
    expect(found.body.data.map((p: { id: string }) => p.id)).toEqual([b.id]);
    expect((await mine(merchant.accessToken, '?q=%25%25%25')).body.data).toEqual([]);

    const page = await mine(merchant.accessToken, '?limit=1');
    expect(page.body).toMatchObject({ hasMore: true, nextCursor: b.id });

    expect((await mine(buyer.accessToken)).status).toBe(403);
    expect((await mine(merchant.accessToken, `?merchantId=${rival.user.id}`)).status).toBe(403);
    const asAdmin = await mine(admin.accessToken, `?merchantId=${merchant.user.id}`);
    expect(asAdmin.body.data).toHaveLength(2);
    expect((await mine(merchant.accessToken, '?limit=0')).status).toBe(400);
  });

  it('PATCH /products/{id} changes the currency (validated)', async () => {
    const p = await f.product(merchant.accessToken, 1_500, 2);
    const res = await f.api.patch(
      `/api/v1/products/${p.id}`,
      { currency: 'EUR' },
      merchant.accessToken,
    );
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('eur');
    const bad = await f.api.patch(
      `/api/v1/products/${p.id}`,
      { currency: 'euro' },
      merchant.accessToken,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('currency');
  });

  it('sales by date, and earnings per day that match what the merchant wallet received', async () => {
    const seller = await f.merchant();
    const usd = await f.product(seller.accessToken, 2_000, 10);
    const one = await f.order(buyer.accessToken, {
      productId: usd.id,
      quantity: 2,
      paymentMethod: 'WALLET',
    });
    const two = await f.order(buyer.accessToken, {
      productId: usd.id,
      quantity: 1,
      paymentMethod: 'WALLET',
    });
    expect([one.status, two.status]).toEqual([201, 201]);
    const refund = await f.post(
      `/api/v1/orders/${one.body.id}/refund`,
      { amount: 1_333, restock: true },
      seller.accessToken,
    );
    expect(refund.status).toBe(201);
    // One sale moved back to 1 March 23:30 UTC: 2 March in Tokyo.
    await app.runtime.database.pool.query(
      `UPDATE orders SET created_at = '2026-03-01T23:30:00Z', completed_at = '2026-03-01T23:30:00Z' WHERE id = $1`,
      [two.body.id],
    );

    const sales = (q: string) => f.api.get(`/api/v1/orders?as=merchant${q}`, seller.accessToken);
    const march = await sales('&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z');
    expect(march.body.data.map((o: { id: string }) => o.id)).toEqual([two.body.id]);
    const recent = await sales(
      `&from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`,
    );
    expect(recent.body.data.map((o: { id: string }) => o.id)).toEqual([one.body.id]);
    expect((await sales('&from=yesterday')).status).toBe(400);

    const earnings = (q: string, token = seller.accessToken) =>
      f.api.get(`/api/v1/orders/earnings${q}`, token);
    const utc = await earnings('?from=2026-03-01&to=2026-03-02');
    expect(utc.status).toBe(200);
    expect(utc.body).toMatchObject({ from: '2026-03-01', to: '2026-03-02', timeZone: 'UTC' });
    expect(utc.body.days).toEqual([
      {
        date: '2026-03-01',
        currency: 'usd',
        orders: 1,
        gross: 2_000,
        fees: 100,
        refunded: 0,
        net: 1_900,
      },
    ]);
    const tokyo = await earnings('?from=2026-03-01&to=2026-03-02&timeZone=Asia/Tokyo');
    expect(tokyo.body.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-02']);

    // The default range (the last 30 days) holds the other sale; with both, the net is exactly
    // what the ledger credited the merchant wallet, refund and its fee share included.
    const last30 = await earnings('');
    expect(last30.body.days).toHaveLength(1);
    expect(last30.body.days[0]).toMatchObject({ orders: 1, gross: 4_000, refunded: 1_333 });
    const both = await earnings(`?from=2026-03-01&to=${last30.body.to}`);
    const wallet = await f.api.get('/api/v1/wallet', seller.accessToken);
    expect(both.body.totals).toEqual([
      {
        currency: 'usd',
        orders: 2,
        gross: 6_000,
        fees: 300,
        refunded: 1_333,
        net: wallet.body.balance,
      },
    ]);
    expect(wallet.body.balance).toBe(6_000 - 300 - (1_333 - 67));

    expect((await earnings('?timeZone=Mars/Olympus')).body.error.param).toBe('timeZone');
    expect((await earnings('?timeZone=%2B05:00')).body.error.param).toBe('timeZone');
    const spelt = await earnings('?from=2026-03-01&to=2026-03-02&timeZone=asia/tokyo');
    expect(spelt.body).toMatchObject({ timeZone: 'Asia/Tokyo', days: tokyo.body.days });
    expect((await earnings('?from=2026-03-05&to=2026-03-01')).status).toBe(400);
    const long = await earnings('?from=2024-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('range_too_long');
    expect((await earnings('?from=2026-02-30')).status).toBe(400);
    expect((await earnings('', buyer.accessToken)).status).toBe(403);
  });

  it('GET /users?q= finds users by e-mail or name, literally, for an admin only', async () => {
    const byName = await f.api.get('/api/v1/users?q=percent%25s', admin.accessToken);
    expect(byName.status).toBe(200);
    expect(byName.body.data.map((u: { id: string }) => u.id)).toEqual([admin.user.id]);
    const byEmail = await f.api.get(
      `/api/v1/users?q=${encodeURIComponent(buyer.user.email.toUpperCase())}`,
      admin.accessToken,
    );
    expect(byEmail.body.data.map((u: { id: string }) => u.id)).toEqual([buyer.user.id]);
    expect((await f.api.get('/api/v1/users?q=_', admin.accessToken)).body.data).toEqual([]);
    expect((await f.api.get('/api/v1/users?q=a', merchant.accessToken)).status).toBe(403);
  });

  it("GET /admin/wallets?ownerId= lists a user's wallets with balance and lock state", async () => {
    const list = () =>
      f.api.get(`/api/v1/admin/wallets?ownerId=${buyer.user.id}`, admin.accessToken);
    const before = await list();
    expect(before.status).toBe(200);
    expect(before.body.data).toHaveLength(1);
    const wallet = before.body.data[0];
    expect(wallet).toMatchObject({
      ownerId: buyer.user.id,
      type: 'USER_WALLET',
      currency: 'usd',
      isLocked: false,
      debt: 0,
    });
    expect(wallet.balance).toBe(
      (await f.api.get('/api/v1/wallet', buyer.accessToken)).body.balance,
    );

    expect(
      (await f.post(`/api/v1/admin/wallets/${wallet.id}/lock`, undefined, admin.accessToken))
        .status,
    ).toBe(204);
    expect((await list()).body.data[0].isLocked).toBe(true);
    expect(
      (await f.post(`/api/v1/admin/wallets/${wallet.id}/unlock`, undefined, admin.accessToken))
        .status,
    ).toBe(204);
    expect((await list()).body.data[0].isLocked).toBe(false);

    const none = await f.api.get('/api/v1/admin/wallets?ownerId=usr_nobody', admin.accessToken);
    expect(none.body).toEqual({ data: [], hasMore: false, nextCursor: null });
    expect((await f.api.get('/api/v1/admin/wallets', admin.accessToken)).body.error.param).toBe(
      'ownerId',
    );
    expect(
      (await f.api.get(`/api/v1/admin/wallets?ownerId=${buyer.user.id}`, buyer.accessToken)).status,
    ).toBe(403);
  });
});
