// Flash sale: 2,000 buyers, each with money in their wallet, all order the same product at once
// over HTTP (WALLET, quantity 1, one request each); the product has 100 units. Prints orders/s and
// p50/p99 and the answers by status, and fails unless exactly 100 were sold, the product is at 0
// and the ledger's invariants (orders included) hold. There is no limit to compare with: the
// result is correctness under contention, the throughput is printed for context.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intEnv } from './lib.mjs';
import { fireOrders, fund, makeProducts, makeUsers, startTender, verify } from './shop.mjs';

const BUYERS = intEnv('BENCH_BUYERS', 2000);
const UNITS = intEnv('BENCH_UNITS', 100);
const WARMUP = 3;
const PRICE = 1999;

const dataDir = await mkdtemp(join(tmpdir(), 'tender-bench-flash-sale-'));
/** @type {(() => Promise<unknown>)[]} */
const cleanups = [() => rm(dataDir, { recursive: true, force: true })];
let exitCode = 0;
try {
  const started = await startTender(dataDir);
  const { config, runtime, running } = started;
  cleanups.unshift(() => running.close());
  const pool = runtime.database.pool;
  const tag = `fs${Date.now().toString(36)}${process.pid.toString(36)}`;

  const [merchant] = await makeUsers(started, 1, 'MERCHANT', `${tag}m`);
  const buyers = await makeUsers(started, BUYERS, 'USER', `${tag}b`);
  await fund(
    started,
    buyers.map((b) => b.wallet),
    BigInt(PRICE) * 10n,
  );
  const [warmProduct = '', saleProduct = ''] = [
    ...(await makeProducts(started, [merchant?.id ?? ''], 1_000_000, PRICE)),
    ...(await makeProducts(started, [merchant?.id ?? ''], UNITS, PRICE)),
  ];

  console.log(
    `flash-sale: ${BUYERS} buyers, ${BUYERS} concurrent connections, one WALLET order each for ` +
      `a product with ${UNITS} units, ${runtime.embedded ? 'embedded' : 'external'} PostgreSQL, ` +
      `pool ${config.database.poolSize}`,
  );

  // Warm-up: the same buyers on another product with plenty of stock (other keys), 50 connections.
  const warmFile = join(dataDir, 'warm.txt');
  await writeFile(warmFile, buyers.map((b) => `${b.token}\t${warmProduct}`).join('\n'));
  const warm = await fireOrders(running.url, warmFile, `${tag}-warm-`, {
    connections: 50,
    seconds: WARMUP,
  });
  if (warm.ok !== warm.total || warm.errors)
    throw new Error(`warm-up: ${JSON.stringify(warm.byStatus)}, ${warm.errors} errors`);

  const saleFile = join(dataDir, 'sale.txt');
  await writeFile(saleFile, buyers.map((b) => `${b.token}\t${saleProduct}`).join('\n'));
  const r = await fireOrders(running.url, saleFile, `${tag}-sale-`, {
    connections: BUYERS,
    amount: BUYERS,
  });
  const { 201: sold201 = 0, 409: outOfStock = 0, ...others } = r.byStatus;
  const other = Object.values(others).reduce((a, b) => a + b, 0);
  console.log(
    `  ${r.total} orders in ${r.seconds.toFixed(2)} s: ${(r.total / r.seconds).toFixed(0)} orders/s, ` +
      `p50 ${r.p50} ms, p99 ${r.p99} ms`,
  );
  console.log(
    `  201 created ${sold201}, 409 out of stock ${outOfStock}, other ${other}` +
      (other ? ` ${JSON.stringify(others)}` : '') +
      `, connection errors ${r.errors}, timeouts ${r.timeouts}`,
  );

  const { rows } = await pool.query(
    `SELECT (SELECT count(*) FROM orders WHERE product_id = $1 AND status = 'COMPLETED')::int AS completed,
            (SELECT count(*) FROM orders WHERE product_id = $1)::int AS orders,
            (SELECT available_units FROM products WHERE id = $1) AS available`,
    [saleProduct],
  );
  const c = rows[0];
  const violations = await verify.verifyLedger(pool);
  console.log(
    `  in the database: ${c.completed} orders COMPLETED (${c.orders} in all), ` +
      `available_units ${c.available}; ledger:verify ${violations.length} violations`,
  );
  const problems = [];
  if (c.completed !== UNITS) problems.push(`${c.completed} orders COMPLETED, not ${UNITS}`);
  if (c.orders !== UNITS) problems.push(`${c.orders} orders stored, not ${UNITS}`);
  if (c.available !== 0) problems.push(`available_units ${c.available}, not 0`);
  if (sold201 !== UNITS) problems.push(`${sold201} answered 201, not ${UNITS}`);
  if (outOfStock !== BUYERS - UNITS)
    problems.push(`${outOfStock} answered 409, not ${BUYERS - UNITS}`);
  if (other || r.errors || r.timeouts || r.total !== BUYERS)
    problems.push(`${other} other answers, ${r.errors} errors, ${r.timeouts} timeouts`);
  for (const v of violations.slice(0, 10)) problems.push(`${v.invariant}: ${v.detail}`);
  if (problems.length) throw new Error(problems.join('; '));
  console.log(`  ok: exactly ${UNITS} sold, invariants hold`);
} catch (err) {
  console.error(`flash-sale bench failed: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  for (const fn of cleanups) await fn().catch((e) => console.error(`cleanup: ${e}`));
}
process.exit(exitCode);
