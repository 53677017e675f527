import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock';
import { newId } from '../src/platform/ids/ids';
import { bootTestApp, client, promote, register, type TestApp } from './helpers';

type Session = Awaited<ReturnType<typeof register>>;

/** The products API over real HTTP: roles, validation, ownership, visibility, versions, paging, cache. */
describe('products over HTTP', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  const clock = new ManualClock();
  let merchant: Session;
  let rival: Session;
  let buyer: Session;
  let admin: Session;

  beforeAll(async () => {
    app = await bootTestApp({}, { clock });
    api = client(app.url);
    [merchant, rival, buyer, admin] = await Promise.all([
      register(api, { role: 'MERCHANT' }),
      register(api, { role: 'MERCHANT' }),
      register(api),
      register(api),
    ]);
    await promote(app, admin.user.id, 'ADMIN');
  });
  afterAll(async () => {
    await app?.close();
  });

  const widget = { name: 'Widget', description: 'A fine widget', price: 1999, initialUnits: 10 };
  async function create(session: Session = merchant, body: Record<string, unknown> = {}) {
    const res = await api.post('/api/v1/products', { ...widget, ...body }, session.accessToken);
    expect(res.status).toBe(201);
    return res.body;
  }

  it('a merchant creates a product (201): integer minor units, lower-case currency', async () => {
    const res = await api.post(
      '/api/v1/products',
      { ...widget, currency: 'EUR' },
      merchant.accessToken,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      merchantId: merchant.user.id,
      name: 'Widget',
      price: 1999,
      currency: 'eur',
      initialUnits: 10,
      availableUnits: 10,
      isActive: true,
      version: 1,
      deletedAt: null,
    });
    expect(res.body.id).toMatch(/^prd_[0-9A-Z]{26}$/);
    expect((await api.get(`/api/v1/products/${res.body.id}`)).body).toEqual(res.body);
  });

  it('only merchants and admins create: USER 403, anonymous 401', async () => {
    const asUser = await api.post('/api/v1/products', widget, buyer.accessToken);
    expect(asUser.status).toBe(403);
    expect((await api.post('/api/v1/products', widget)).status).toBe(401);
  });

  it('an admin creates for a merchant; merchants cannot create for others', async () => {
    const p = await create(admin, { merchantId: merchant.user.id });
    expect(p.merchantId).toBe(merchant.user.id);
    const forRival = await api.post(
      '/api/v1/products',
      { ...widget, merchantId: rival.user.id },
      merchant.accessToken,
    );
    expect(forRival.status).toBe(403);
    const notMerchant = await api.post(
      '/api/v1/products',
      { ...widget, merchantId: buyer.user.id },
      admin.accessToken,
    );
    expect(notMerchant.status).toBe(400);
    expect(notMerchant.body.error).toMatchObject({ code: 'invalid_merchant', param: 'merchantId' });
    // An admin is not a seller: its own product's earnings would land in no wallet it can see.
    const forItself = await api.post('/api/v1/products', widget, admin.accessToken);
    expect(forItself.status).toBe(400);
    expect(forItself.body.error).toMatchObject({ code: 'merchant_required', param: 'merchantId' });
    const asSelf = await api.post(
      '/api/v1/products',
      { ...widget, merchantId: admin.user.id },
      admin.accessToken,
    );
    expect(asSelf.status).toBe(400);
  });

  it.each([
    [{ price: 0 }, 'price'],
    [{ price: -5 }, 'price'],
    [{ price: 10.5 }, 'price'],
    [{ price: '100' }, 'price'],
    [{ initialUnits: -1 }, 'initialUnits'],
    [{ availableUnits: -1 }, 'availableUnits'],
    [{ availableUnits: 11 }, 'availableUnits'],
    [{ currency: 'dollars' }, 'currency'],
    [{ name: '  ' }, 'name'],
    [{ color: 'red' }, undefined],
  ])('refuses a bad create body %j with 400', async (patch, param) => {
    const res = await api.post('/api/v1/products', { ...widget, ...patch }, merchant.accessToken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    if (param) expect(res.body.error.param).toBe(param);
  });

  it('refuses bad PATCH bodies with 400', async () => {
    const p = await create();
    for (const body of [{}, { version: 1 }, { addUnits: -3 }, { price: 0 }, { stock: 5 }]) {
      const res = await api.patch(`/api/v1/products/${p.id}`, body, merchant.accessToken);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('the owner edits and restocks; each edit bumps the version', async () => {
    const p = await create();
    const res = await api.patch(
      `/api/v1/products/${p.id}`,
      { name: 'Widget Pro', price: 2500, addUnits: 5, version: 1 },
      merchant.accessToken,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Widget Pro',
      price: 2500,
      initialUnits: 15,
      availableUnits: 15,
      version: 2,
    });
  });

  it('a stale version is a 409 version_conflict and changes nothing', async () => {
    const p = await create();
    await api.patch(`/api/v1/products/${p.id}`, { name: 'First' }, merchant.accessToken);
    const stale = await api.patch(
      `/api/v1/products/${p.id}`,
      { name: 'Second', version: 1 },
      merchant.accessToken,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', param: 'version' });
    const now = await api.get(`/api/v1/products/${p.id}`);
    expect(now.body).toMatchObject({ name: 'First', version: 2 });
  });

  it("someone else's product is a 404 for writes (other merchant, user); an admin may", async () => {
    const p = await create();
    for (const s of [rival, buyer]) {
      const patch = await api.patch(`/api/v1/products/${p.id}`, { name: 'Mine' }, s.accessToken);
      expect(patch.status).toBe(404);
      expect(patch.body.error.code).toBe('product_not_found');
      expect((await api.del(`/api/v1/products/${p.id}`, s.accessToken)).status).toBe(404);
    }
    const byAdmin = await api.patch(
      `/api/v1/products/${p.id}`,
      { isActive: false },
      admin.accessToken,
    );
    expect(byAdmin.status).toBe(200);
    expect(
      (await api.patch(`/api/v1/products/${newId('product')}`, { name: 'x' }, merchant.accessToken))
        .status,
    ).toBe(404);
  });

  it('an inactive product is hidden from everyone but its merchant and admins', async () => {
    const p = await create(merchant, { isActive: false });
    expect((await api.get(`/api/v1/products/${p.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/products/${p.id}`, rival.accessToken)).status).toBe(404);
    expect((await api.get(`/api/v1/products/${p.id}`, merchant.accessToken)).status).toBe(200);
    expect((await api.get(`/api/v1/products/${p.id}`, admin.accessToken)).status).toBe(200);
    expect((await api.get(`/api/v1/products/${p.id}`, 'not-a-token')).status).toBe(401);
    const listed = await api.get(`/api/v1/products?merchantId=${merchant.user.id}&limit=100`);
    expect(listed.body.data.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('DELETE soft-deletes (204): gone from the listing and public reads, kept for the owner', async () => {
    const seller = await register(api, { role: 'MERCHANT' });
    const p = await create(seller);
    const listing = `/api/v1/products?merchantId=${seller.user.id}`;
    expect((await api.get(listing)).body.data).toHaveLength(1);
    expect((await api.del(`/api/v1/products/${p.id}`, seller.accessToken)).status).toBe(204);
    expect((await api.get(listing)).body.data).toHaveLength(0);
    expect((await api.get(`/api/v1/products/${p.id}`)).status).toBe(404);
    const own = await api.get(`/api/v1/products/${p.id}`, seller.accessToken);
    expect(own.body.deletedAt).not.toBeNull();
    expect(
      (await api.patch(`/api/v1/products/${p.id}`, { name: 'x' }, seller.accessToken)).status,
    ).toBe(404);
    expect((await api.del(`/api/v1/products/${p.id}`, seller.accessToken)).status).toBe(404);
    const row = await app.runtime.database.pool.query(
      'SELECT deleted_at FROM products WHERE id = $1',
      [p.id],
    );
    expect(row.rows[0].deleted_at).toBeInstanceOf(Date);
  });

  it('lists publicly with cursor pagination, newest first', async () => {
    const seller = await register(api, { role: 'MERCHANT' });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create(seller, { name: `P${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `?merchantId=${seller.user.id}&limit=2${cursor ? `&startingAfter=${cursor}` : ''}`;
      const res = await api.get(`/api/v1/products${q}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor;
      expect(res.body.hasMore).toBe(cursor !== null);
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
    expect((await api.get('/api/v1/products?limit=0')).status).toBe(400);
    expect((await api.get('/api/v1/products?limit=101')).status).toBe(400);
    expect((await api.get('/api/v1/products?sort=name')).status).toBe(400);
  });

  it('serves the listing from cache until a change invalidates it, or 60 s pass', async () => {
    const seller = await register(api, { role: 'MERCHANT' });
    const p = await create(seller, { name: 'Original' });
    const listing = `/api/v1/products?merchantId=${seller.user.id}`;
    const names = async () =>
      (await api.get(listing)).body.data.map((x: { name: string }) => x.name);
    expect(await names()).toEqual(['Original']);
    // Behind the API's back: the cached page must still show the old name.
    await app.runtime.database.pool.query(`UPDATE products SET name = 'Sneaky' WHERE id = $1`, [
      p.id,
    ]);
    expect(await names()).toEqual(['Original']);
    // GET one is never cached.
    expect((await api.get(`/api/v1/products/${p.id}`)).body.name).toBe('Sneaky');
    // A PATCH invalidates every cached page.
    await api.patch(`/api/v1/products/${p.id}`, { description: 'new' }, seller.accessToken);
    expect(await names()).toEqual(['Sneaky']);
    // And entries expire after 60 s without any change through the API.
    await app.runtime.database.pool.query(`UPDATE products SET name = 'Later' WHERE id = $1`, [
      p.id,
    ]);
    expect(await names()).toEqual(['Sneaky']);
    clock.advance(60_001);
    expect(await names()).toEqual(['Later']);
  });

  it('invalidates the cached listing on create and delete too', async () => {
    const seller = await register(api, { role: 'MERCHANT' });
    const listing = `/api/v1/products?merchantId=${seller.user.id}`;
    expect((await api.get(listing)).body.data).toHaveLength(0);
    const p = await create(seller);
    expect((await api.get(listing)).body.data).toHaveLength(1);
    await api.del(`/api/v1/products/${p.id}`, seller.accessToken);
    expect((await api.get(listing)).body.data).toHaveLength(0);
  });

  it('documents every product route in OpenAPI, the reads as public', async () => {
    const doc = (await api.get('/openapi.json')).body;
    const paths = doc.paths as Record<string, Record<string, { security?: unknown[] }>>;
    expect(Object.keys(paths['/api/v1/products']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/products/{id}']!).sort()).toEqual(['delete', 'get', 'patch']);
    expect(paths['/api/v1/products']!.get!.security).toEqual([]);
    expect(paths['/api/v1/products/{id}']!.get!.security).toEqual([]);
  });
});
