import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service';
import { SellerStatusHooks } from '../src/identity/seller-status-hooks';
import { UsersService } from '../src/identity/users.service';
import { MemoryCache } from '../src/platform/cache/cache';
import { systemClock } from '../src/platform/clock';
import { openDatabase, type Database } from '../src/platform/database/database';
import { AppError } from '../src/platform/errors/app-error';
import { newId } from '../src/platform/ids/ids';
import { createLogger } from '../src/platform/logging/logger';
import { createTestDatabase } from './helpers';

/** Stock moves through CatalogService on real PostgreSQL, through a connection pool. */
describe('catalog stock', () => {
  let drop: () => Promise<void>;
  let database: Database;
  let catalog: CatalogService;
  let merchant: string;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    database = openDatabase(db.url, 20);
    catalog = new CatalogService(
      database,
      systemClock,
      new MemoryCache(systemClock),
      createLogger('silent'),
      new UsersService(database, systemClock, new SellerStatusHooks()),
    );
    merchant = newId('user');
    await database.pool.query(`INSERT INTO users (id, email, role) VALUES ($1, $2, 'MERCHANT')`, [
      merchant,
      `${merchant}@example.com`,
    ]);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  async function product(units: number, extra: { isActive?: boolean } = {}) {
    const actor = { id: merchant, role: 'MERCHANT' } as Parameters<CatalogService['create']>[0];
    return catalog.create(actor, {
      name: 'Widget',
      price: 1999n,
      currency: 'usd',
      initialUnits: units,
      ...extra,
    });
  }

  const units = async (id: string) =>
    (
      await database.pool.query<{ available_units: number; initial_units: number }>(
        'SELECT available_units, initial_units FROM products WHERE id = $1',
        [id],
      )
    ).rows[0]!;

  const reserve = (id: string, quantity: number) =>
    database.db.transaction((tx) => catalog.reserveUnits(tx, id, quantity));
  const release = (id: string, quantity: number) =>
    database.db.transaction((tx) => catalog.releaseUnits(tx, id, quantity));
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => (e instanceof AppError ? `${e.status} ${e.code}` : String(e)),
    );

  it('200 concurrent reservations of 1 unit on 50: exactly 50 succeed, none oversold', async () => {
    const p = await product(50);
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => reserve(p.id, 1)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(150);
    for (const r of lost) expect((r.reason as AppError).code).toBe('out_of_stock');
    expect(await units(p.id)).toEqual({ available_units: 0, initial_units: 50 });
  });

  it('mixed quantities racing never oversell: 100 reservations of 2 on 51 units leave 1', async () => {
    const p = await product(51);
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => reserve(p.id, 2)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25);
    expect((await units(p.id)).available_units).toBe(1);
    expect(await failure(reserve(p.id, 2))).toBe('409 out_of_stock');
    await reserve(p.id, 1);
    expect((await units(p.id)).available_units).toBe(0);
  });

  it('returns the product as reserved, for the order (price, currency, merchant)', async () => {
    const p = await product(3);
    const row = await reserve(p.id, 2);
    expect(row).toMatchObject({ id: p.id, price: 1999n, currency: 'usd', merchantId: merchant });
    expect(row.availableUnits).toBe(1);
  });

  it('a reservation rolls back with the caller transaction', async () => {
    const p = await product(5);
    const err = await database.db
      .transaction(async (tx) => {
        await catalog.reserveUnits(tx, p.id, 3);
        throw new Error('the order failed later in the same transaction');
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((await units(p.id)).available_units).toBe(5);
  });

  it('refuses unknown, inactive and deleted products with 404, bad quantities with 400', async () => {
    expect(await failure(reserve(newId('product'), 1))).toBe('404 product_not_found');
    const inactive = await product(5, { isActive: false });
    expect(await failure(reserve(inactive.id, 1))).toBe('404 product_not_found');
    const deleted = await product(5);
    await database.pool.query('UPDATE products SET deleted_at = now() WHERE id = $1', [deleted.id]);
    expect(await failure(reserve(deleted.id, 1))).toBe('404 product_not_found');
    const p = await product(5);
    for (const q of [0, -1, 1.5])
      expect(await failure(reserve(p.id, q))).toBe('400 validation_failed');
    expect(await failure(release(p.id, 0))).toBe('400 validation_failed');
  });

  it('releases units, never above initialUnits, also on a deleted product', async () => {
    const p = await product(10);
    await reserve(p.id, 4);
    await release(p.id, 3);
    expect((await units(p.id)).available_units).toBe(9);
    expect(await failure(release(p.id, 2))).toBe('409 release_exceeds_reserved');
    expect((await units(p.id)).available_units).toBe(9);
    await database.pool.query('UPDATE products SET deleted_at = now() WHERE id = $1', [p.id]);
    await release(p.id, 1);
    expect(await units(p.id)).toEqual({ available_units: 10, initial_units: 10 });
    expect(await failure(release(newId('product'), 1))).toBe('404 product_not_found');
  });

  it('concurrent reserves and releases keep 0 <= available <= initial', async () => {
    const p = await product(20);
    await reserve(p.id, 10);
    const ops = Array.from({ length: 60 }, (_, i) => (i % 2 ? reserve(p.id, 1) : release(p.id, 1)));
    await Promise.allSettled(ops);
    const after = await units(p.id);
    expect(after.available_units).toBeGreaterThanOrEqual(0);
    expect(after.available_units).toBeLessThanOrEqual(20);
  });

  it('the database itself refuses broken stock and prices (CHECK constraints)', async () => {
    const p = await product(5);
    const attempts = [
      [
        'UPDATE products SET available_units = 6 WHERE id = $1',
        'products_available_within_initial',
      ],
      ['UPDATE products SET available_units = -1 WHERE id = $1', 'products_available_non_negative'],
      ['UPDATE products SET initial_units = -1, available_units = -1 WHERE id = $1', 'products_'],
      ['UPDATE products SET price = 0 WHERE id = $1', 'products_price_positive'],
      ["UPDATE products SET currency = 'USD' WHERE id = $1", 'products_currency_iso'],
      ['UPDATE products SET version = 0 WHERE id = $1', 'products_version_positive'],
    ] as const;
    for (const [statement, constraint] of attempts) {
      const err = await database.pool.query(statement, [p.id]).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('23514');
      expect((err as { constraint?: string }).constraint).toContain(constraint);
    }
  });
});
