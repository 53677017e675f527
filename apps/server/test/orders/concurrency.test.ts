import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/identity/access-tokens';
import { LedgerService } from '../../src/ledger/ledger.service';
import { verifyLedger } from '../../src/books';
import { newId } from '../../src/platform/ids/ids';
import { bootTestApp, uniqueEmail, type TestApp } from '../helpers';
import { ordersFixture } from './fixture';

/**
 * Races on real PostgreSQL through a connection pool, over HTTP. Buyers are created and funded
 * straight in the database (registration is rate-limited per IP and hashes passwords on purpose
 * slowly); every purchase goes through the real API.
 */
describe('orders under concurrency', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;

  beforeAll(async () => {
    app = await bootTestApp({
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      DATABASE_POOL_SIZE: '20',
      ORDER_RATE_LIMIT_PER_MINUTE: '150',
    });
    f = ordersFixture(app);
  });
  afterAll(() => app?.close());

  const pool = () => app.runtime.database.pool;

  /** `n` buyers with `balance` in their wallets, each with an access token. */
  async function fundedBuyers(n: number, balance: bigint) {
    const tokens = app.running.app.get(AccessTokens);
    const ledger = app.running.app.get(LedgerService);
    const db = app.runtime.database.db;
    return Promise.all(
      Array.from({ length: n }, async () => {
        const id = newId('user');
        await pool().query('INSERT INTO users (id, email) VALUES ($1, $2)', [id, uniqueEmail('b')]);
        if (balance > 0n) {
          await db.transaction(async (tx) => {
            const wallet = await ledger.wallet(tx, id, 'USER_WALLET', 'usd');
            const clearing = await ledger.platform(tx, 'PROVIDER_CLEARING', 'usd');
            await ledger.post(tx, {
              kind: 'DEPOSIT',
              description: 'test funding',
              lines: [
                { accountId: clearing.id, amount: -balance },
                { accountId: wallet.id, amount: balance },
              ],
            });
          });
        }
        return {
          id,
          token: await tokens.signAccessToken({ id, role: 'USER' }, newId('refreshToken')),
        };
      }),
    );
  }

  it('200 buyers racing for 50 units: exactly 50 sold, stock 0, invariants hold', async () => {
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 100, 50);
    const buyers = await fundedBuyers(200, 100n);
    const results = await Promise.all(
      buyers.map((b) =>
        f.order(b.token, { productId: product.id, quantity: 1, paymentMethod: 'WALLET' }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(150);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'out_of_stock'),
    ).toBe(true);
    expect(await f.stock(product.id)).toBe(0);
    const { rows } = await pool().query(
      `SELECT status, count(*)::int AS n FROM orders WHERE product_id = $1 GROUP BY status`,
      [product.id],
    );
    expect(rows).toEqual([{ status: 'COMPLETED', n: 50 }]);
    expect(await f.balance(merchant.accessToken)).toBe(50 * 95);
    expect(await verifyLedger(pool())).toEqual([]);
  });

  it('100 concurrent payments from one wallet funded for 30: exactly 30 succeed, no overdraft', async () => {
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 250, 1_000);
    const [buyer] = await fundedBuyers(1, 30n * 250n);
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        f.order(buyer!.token, { productId: product.id, quantity: 1, paymentMethod: 'WALLET' }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(30);
    expect(results.filter((r) => r.status === 402)).toHaveLength(70);
    expect(await f.balance(buyer!.token)).toBe(0);
    expect(await f.stock(product.id)).toBe(970);
    expect(await verifyLedger(pool())).toEqual([]);
  });

  it('one Idempotency-Key sent 20 times at once makes one order', async () => {
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 300, 10);
    const [buyer] = await fundedBuyers(1, 3_000n);
    const body = { productId: product.id, quantity: 1, paymentMethod: 'WALLET' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => f.order(buyer!.token, body, 'same-key')),
    );
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const again = await f.order(buyer!.token, body, 'same-key');
    expect(again.status).toBe(201);
    expect(ids.has(again.body.id)).toBe(true);
    const { rows } = await pool().query(
      'SELECT count(*)::int AS n FROM orders WHERE user_id = $1',
      [buyer!.id],
    );
    expect(rows[0].n).toBe(1);
    expect(await f.balance(buyer!.token)).toBe(2_700);
    expect(await f.stock(product.id)).toBe(9);

    // After the key store forgot the key (24 h), the key on the order still makes it one order.
    await pool().query('DELETE FROM idempotency_keys');
    const late = await f.order(buyer!.token, body, 'same-key');
    expect(late.status).toBe(201);
    expect(ids.has(late.body.id)).toBe(true);
    await pool().query('DELETE FROM idempotency_keys');
    const other = await f.order(buyer!.token, { ...body, quantity: 2 }, 'same-key');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(await f.balance(buyer!.token)).toBe(2_700);
    expect(await verifyLedger(pool())).toEqual([]);
  });

  it('limits how many orders one user creates per minute (429 with Retry-After)', async () => {
    const [buyer] = await fundedBuyers(1, 0n);
    const body = { productId: 'prd_missing', quantity: 1, paymentMethod: 'WALLET' };
    for (let i = 0; i < 150; i++) expect((await f.order(buyer!.token, body)).status).toBe(404);
    const limited = await f.order(buyer!.token, body);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('ledger:verify names a product whose stock disagrees with its orders', async () => {
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 100, 5);
    await pool().query('UPDATE products SET available_units = 4 WHERE id = $1', [product.id]);
    const violations = await verifyLedger(pool());
    expect(violations).toEqual([
      expect.objectContaining({ detail: expect.stringContaining(product.id) }),
    ]);
    await pool().query('UPDATE products SET available_units = 5 WHERE id = $1', [product.id]);
    expect(await verifyLedger(pool())).toEqual([]);
  });
});
