import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogModule, CatalogService } from '../../src/catalog';
import { UsersService } from '../../src/identity';
import { AppError } from '../../src/platform/errors/app-error';
import { newId } from '../../src/platform/ids/ids';
import { moduleHarness, type ModuleHarness } from './harness';

/**
 * The catalog as a module (with identity, which it imports) on real PostgreSQL, no HTTP: stock
 * reserved and released inside the caller's transaction, and identity's seller-status hook taking
 * a disabled merchant's products off sale in identity's own transaction.
 */
describe('catalog module (no HTTP)', () => {
  let h: ModuleHarness;
  let catalog: CatalogService;
  let users: UsersService;

  beforeAll(async () => {
    h = await moduleHarness([CatalogModule], { env: { JOBS_WORKERS: '0' } });
    catalog = h.get(CatalogService);
    users = h.get(UsersService);
  });
  afterAll(() => h?.close());

  async function user(role: 'MERCHANT' | 'ADMIN') {
    const id = newId('user');
    await h.sql(`INSERT INTO users (id, email, role) VALUES ($1, $2, $3)`, [
      id,
      `${id}@example.com`,
      role,
    ]);
    return (await users.findActive(id))!;
  }
  const db = () => h.runtime.database.db;
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: unknown) => (e instanceof AppError ? `${e.status} ${e.code}` : String(e)),
    );

  it('reserves and releases units in the caller transaction, never oversold or over-released', async () => {
    const merchant = await user('MERCHANT');
    const p = await catalog.create(merchant, {
      name: 'Cable',
      price: 1999n,
      currency: 'usd',
      initialUnits: 3,
    });

    const reserved = await db().transaction((tx) => catalog.reserveUnits(tx, p.id, 2));
    expect(reserved).toMatchObject({ id: p.id, merchantId: merchant.id, availableUnits: 1 });
    expect(await failure(db().transaction((tx) => catalog.reserveUnits(tx, p.id, 2)))).toBe(
      '409 out_of_stock',
    );

    // Rolled back with the caller: the units are still there.
    const rolledBack = await failure(
      db().transaction(async (tx) => {
        await catalog.reserveUnits(tx, p.id, 1);
        throw new Error('the order failed');
      }),
    );
    expect(rolledBack).toBe('Error: the order failed');
    expect((await catalog.findLive(db(), p.id))?.availableUnits).toBe(1);

    await db().transaction((tx) => catalog.releaseUnits(tx, p.id, 2));
    expect((await catalog.findLive(db(), p.id))?.availableUnits).toBe(3);
    expect(await failure(db().transaction((tx) => catalog.releaseUnits(tx, p.id, 1)))).toBe(
      '409 release_exceeds_reserved',
    );
    expect(await failure(db().transaction((tx) => catalog.reserveUnits(tx, 'prod_none', 1)))).toBe(
      '404 product_not_found',
    );
  });

  it("a merchant disabled through identity's service stops selling at once, and sells again when restored", async () => {
    const admin = await user('ADMIN');
    const merchant = await user('MERCHANT');
    const p = await catalog.create(merchant, {
      name: 'Day pass',
      price: 2500n,
      currency: 'usd',
      initialUnits: 10,
    });
    expect(
      (await catalog.list({ limit: 10, merchantId: merchant.id })).data.map((x) => x.id),
    ).toEqual([p.id]);

    await users.update(admin, merchant.id, { isActive: false });
    expect(await catalog.findLive(db(), p.id)).toBeUndefined();
    expect(await failure(db().transaction((tx) => catalog.reserveUnits(tx, p.id, 1)))).toBe(
      '404 product_not_found',
    );
    expect(await failure(catalog.getVisible(undefined, p.id))).toBe('404 product_not_found');
    expect((await catalog.list({ limit: 10, merchantId: merchant.id })).data).toEqual([]);

    await users.update(admin, merchant.id, { isActive: true });
    expect((await catalog.findLive(db(), p.id))?.id).toBe(p.id);
    expect(
      (await catalog.list({ limit: 10, merchantId: merchant.id })).data.map((x) => x.id),
    ).toEqual([p.id]);
  });
});
