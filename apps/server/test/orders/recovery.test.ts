import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyLedger } from '../../src/books';
import { feeFor } from '../../src/orders/fees';
import {
  CHECKOUT_NEVER_STARTED,
  ORDER_RECOVERY_QUEUE,
  OrderRecovery,
} from '../../src/orders/order-recovery';
import { OrdersService } from '../../src/orders/orders.service';
import { UNFULFILLABLE_QUEUE, UnfulfillableRefunds } from '../../src/orders/unfulfillable-refunds';
import { PaymentsService } from '../../src/payments/payments.service';
import { newId } from '../../src/platform/ids/ids';
import { bootTestApp, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';
import { ordersFixture, pathOf, payOnHostedPage } from './fixture';

const GRACE_MS = 600_000; // ORDER_CHECKOUT_GRACE_SECONDS's default

/**
 * GATEWAY orders whose request died half-way, recreated in the database as the crash test
 * (crash.test.ts) leaves them: (a) the checkout exists but its payment id was never stored on the
 * order; (b) the order holds its units but no checkout was ever started.
 */
describe('orders: recovering gateway orders whose request died half-way', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;
  let recovery: OrderRecovery;

  beforeAll(async () => {
    app = await bootTestApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5' });
    f = ordersFixture(app);
    recovery = app.running.app.get(OrderRecovery);
  });
  afterAll(() => app?.close());

  const pool = () => app.runtime.database.pool;
  const later = (ms: number) => new Date(Date.now() + ms);
  const row = async (id: string) =>
    (
      await pool().query(
        `SELECT status, payment_id, units_restored, failure_reason, updated_at FROM orders
         WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const available = async (productId: string) =>
    (await pool().query('SELECT available_units FROM products WHERE id = $1', [productId])).rows[0]
      .available_units as number;
  const invariantsHold = async () => expect(await verifyLedger(pool())).toEqual([]);

  async function gatewayOrder(token: string, productId: string, key: string) {
    const res = await f.order(token, { productId, quantity: 1, paymentMethod: 'GATEWAY' }, key);
    expect(res.status).toBe(201);
    expect(res.body.checkoutUrl).toMatch(/^http/);
    return res.body as { id: string; paymentId: string; checkoutUrl: string };
  }

  /** Case (a): what a crash after payByLink but before storing its id leaves. */
  async function unlink(orderId: string) {
    await pool().query('UPDATE orders SET payment_id = NULL WHERE id = $1', [orderId]);
  }

  /**
   * Case (b): step 1 of a gateway order alone — units reserved and the order inserted, in one
   * transaction, `ageMs` ago — as a crash before payByLink leaves it.
   */
  async function orphan(buyerId: string, productId: string, quantity: number, ageMs: number) {
    const client = await pool().connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `UPDATE products SET available_units = available_units - $2
         WHERE id = $1 AND available_units >= $2 RETURNING merchant_id, price, currency`,
        [productId, quantity],
      );
      expect(rows).toHaveLength(1);
      const amount = BigInt(rows[0].price) * BigInt(quantity);
      const id = newId('order');
      await client.query(
        `INSERT INTO orders (id, user_id, product_id, merchant_id, quantity, amount, fee, currency,
                             payment_method, status, idempotency_key, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'GATEWAY', 'PAYMENT_PROCESSING', $9, $10, $10)`,
        [
          id,
          buyerId,
          productId,
          rows[0].merchant_id,
          quantity,
          amount,
          feeFor(amount, 500),
          rows[0].currency,
          `orphan-${id}`,
          new Date(Date.now() - ageMs),
        ],
      );
      await client.query('COMMIT');
      return id;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  it('an order whose checkout exists gets its payment back: on a replay, on a read, by the job; never released', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 500, 6);
    const replayed = await gatewayOrder(buyer.accessToken, product.id, 'unlinked-replayed');
    const read = await gatewayOrder(buyer.accessToken, product.id, 'unlinked-read');
    const left = await gatewayOrder(buyer.accessToken, product.id, 'unlinked-left');
    const noSession = await gatewayOrder(buyer.accessToken, product.id, 'unlinked-no-session');
    for (const o of [replayed, read, left, noSession]) await unlink(o.id);
    // A crash inside payByLink, after its payment row and before the provider's session: the
    // payment exists but has no page. Its own paths must end it; the order is never released.
    await pool().query(
      `UPDATE payments SET provider_session_id = NULL, next_action_url = NULL WHERE id = $1`,
      [noSession.paymentId],
    );
    expect(await available(product.id)).toBe(2);

    // The replay: the request died before its answer was stored, so the key runs again (as once
    // the claim's lock has passed) and finds the order — now with its checkout, which is payable.
    await pool().query(`DELETE FROM idempotency_keys WHERE key = 'unlinked-replayed'`);
    const again = await f.order(
      buyer.accessToken,
      { productId: product.id, quantity: 1, paymentMethod: 'GATEWAY' },
      'unlinked-replayed',
    );
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      id: replayed.id,
      status: 'PAYMENT_PROCESSING',
      paymentId: replayed.paymentId,
      checkoutUrl: replayed.checkoutUrl,
    });
    expect((await row(replayed.id)).payment_id).toBe(replayed.paymentId);

    // A read links it as well.
    expect(await f.getOrder(buyer.accessToken, read.id)).toMatchObject({
      status: 'PAYMENT_PROCESSING',
      paymentId: read.paymentId,
    });
    expect((await row(read.id)).payment_id).toBe(read.paymentId);

    // Within the grace period the job leaves the others alone (their request may still run).
    expect(await recovery.run()).toEqual({ linked: 0, released: 0, errors: 0 });
    expect((await row(left.id)).payment_id).toBeNull();

    // Past it, it links both, releases neither; a second run (also on other nodes) finds nothing.
    expect(await recovery.run(later(GRACE_MS + 60_000))).toEqual({
      linked: 2,
      released: 0,
      errors: 0,
    });
    for (const o of [left, noSession])
      expect(await row(o.id)).toMatchObject({
        status: 'PAYMENT_PROCESSING',
        payment_id: o.paymentId,
        units_restored: false,
      });
    const runs = await Promise.all([1, 2, 3].map(() => recovery.run(later(GRACE_MS + 60_000))));
    expect(runs).toEqual(Array(3).fill({ linked: 0, released: 0, errors: 0 }));
    expect(await available(product.id)).toBe(2);

    // The replayed checkout is paid: the order completes as any other.
    const success = await payOnHostedPage(again.body.checkoutUrl);
    const back = await f.api.get(pathOf(success!));
    expect(back.body).toEqual({ orderId: replayed.id, status: 'COMPLETED' });
    await eventually(async () =>
      expect((await f.getOrder(buyer.accessToken, replayed.id)).status).toBe('COMPLETED'),
    );
    expect(await f.balance(merchant.accessToken)).toBe(475);
    await invariantsHold();
  });

  it('an order that never started its checkout is released FAILED once past the grace period; others are untouched', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 300, 10);
    const dead = await orphan(buyer.user.id, product.id, 2, GRACE_MS + 60_000);
    const young = await orphan(buyer.user.id, product.id, 3, 0);
    const live = await gatewayOrder(buyer.accessToken, product.id, 'recovery-live');
    const liveBefore = await row(live.id);
    expect(await available(product.id)).toBe(4);

    const report = await recovery.run();
    expect(report).toEqual({ linked: 0, released: 1, errors: 0 });
    expect(await row(dead)).toMatchObject({
      status: 'FAILED',
      payment_id: null,
      units_restored: true,
      failure_reason: CHECKOUT_NEVER_STARTED,
    });
    expect(await available(product.id)).toBe(6); // the dead order's 2 units, once
    expect(await row(young)).toMatchObject({ status: 'PAYMENT_PROCESSING', units_restored: false });
    expect(await row(live.id)).toEqual(liveBefore);

    // Again, and on three nodes at once: nothing more is released.
    expect(await recovery.run()).toEqual({ linked: 0, released: 0, errors: 0 });
    await Promise.all([1, 2, 3].map(() => recovery.run()));
    expect(await available(product.id)).toBe(6);
    expect((await f.getOrder(buyer.accessToken, dead)).status).toBe('FAILED');
    await invariantsHold();
  });

  it('several nodes racing over the same dead orders release each exactly once', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 200, 8);
    const dead = await Promise.all(
      [1, 2, 3, 4].map(() => orphan(buyer.user.id, product.id, 2, GRACE_MS + 60_000)),
    );
    expect(await available(product.id)).toBe(0);
    const reports = await Promise.all([1, 2, 3, 4, 5].map(() => recovery.run()));
    expect(reports.reduce((n, r) => n + r.released, 0)).toBe(4);
    expect(reports.every((r) => r.errors === 0)).toBe(true);
    expect(await available(product.id)).toBe(8);
    for (const id of dead) expect((await row(id)).status).toBe('FAILED');
    await invariantsHold();
  });

  it('a payment that appears while the job looks keeps its order from being released', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 400, 1);
    const o = await gatewayOrder(buyer.accessToken, product.id, 'recovery-race');
    await unlink(o.id);
    // The race, made certain: the job's first look finds no payment (as if payByLink had not
    // inserted it yet); under the order's lock it looks again and finds it.
    const payments = app.running.app.get(PaymentsService);
    const real = payments.forPayable.bind(payments);
    let looks = 0;
    const look = vi.spyOn(payments, 'forPayable').mockImplementation(async (payable) => {
      if (payable.id !== o.id) return real(payable);
      return ++looks === 1 ? [] : real(payable);
    });
    try {
      // Other tests' orders are past the grace period too: only this one is looked at here.
      await recovery.run(later(GRACE_MS + 60_000));
      expect(looks).toBe(2);
    } finally {
      look.mockRestore();
    }
    expect(await row(o.id)).toMatchObject({
      status: 'PAYMENT_PROCESSING',
      payment_id: null,
      units_restored: false,
    });
    expect(await available(product.id)).toBe(0);
    // The next run links it.
    await recovery.run(later(GRACE_MS + 60_000));
    expect((await row(o.id)).payment_id).toBe(o.paymentId);
    await invariantsHold();
  });

  it('money paid for an order that already gave its units back is refunded in full', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 700, 1);
    const o = await gatewayOrder(buyer.accessToken, product.id, `paid-late-${product.id}`);
    // The order ends without its money (as when the checkout call failed after the provider had
    // made the session, or the recovery job released it), and its unit is sold to someone else.
    await app.runtime.database.db.transaction((tx) =>
      app.running.app
        .get(OrdersService)
        .release(tx, { id: o.id, productId: product.id, quantity: 1 }, 'FAILED', 'test'),
    );
    const other = await f.buyer(700);
    const sold = await f.order(other.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'WALLET',
    });
    expect(sold.status).toBe(201);
    // The refund job is queued by the payment's success transaction: before it, none exists.
    const refundJobs = async () =>
      (
        await pool().query(`SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [
          UNFULFILLABLE_QUEUE,
          o.paymentId,
        ])
      ).rows;
    expect(await refundJobs()).toEqual([]);
    // Then the first buyer pays on the page they still have.
    await payOnHostedPage(o.checkoutUrl);
    const payments = app.running.app.get(PaymentsService);
    // Several job hops: the event applied (queueing the refund), the refund, its event applied.
    await eventually(
      async () => expect((await payments.get(o.paymentId)).status).toBe('REFUNDED'),
      40_000,
    );
    const paid = await payments.get(o.paymentId);
    expect(paid.amountRefunded).toBe(700n);
    expect(await row(o.id)).toMatchObject({ status: 'FAILED', units_restored: true });
    expect(await available(product.id)).toBe(0);
    const entries = await pool().query(
      `SELECT count(*)::int AS n FROM journal_entries WHERE reference_type = 'order' AND reference_id = $1`,
      [o.id],
    );
    expect(entries.rows[0].n).toBe(0);
    await invariantsHold();
    // Exactly one refund job, queued with the success and completed.
    expect(await refundJobs()).toEqual([{ state: 'completed' }]);
    // A second request for the same payment changes nothing.
    expect(await app.running.app.get(UnfulfillableRefunds).refund(o.paymentId)).toBe(
      'nothing to do',
    );
  });

  it('runs as a job on the queue', async () => {
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 100, 1);
    const dead = await orphan(buyer.user.id, product.id, 1, GRACE_MS + 60_000);
    await app.runtime.jobs.send(ORDER_RECOVERY_QUEUE, {});
    await eventually(async () => expect((await row(dead)).status).toBe('FAILED'));
    expect(await available(product.id)).toBe(1);
    await invariantsHold();
  });
});
