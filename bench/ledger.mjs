// Wallet payments/s: WALLET orders over HTTP on the real Tender server vs pgbench running the same
// SQL transaction the WALLET order path runs, on the same PostgreSQL, in the same run. Two shapes:
// hot merchant (every buyer pays one merchant, one product) and spread merchant (buyer i buys the
// product of merchant i). The machine is shared and noisy, so the ratios tender/pgbench are the
// result, not the absolute numbers.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { goalExitCode, intEnv } from './lib.mjs';
import { fees, fireOrders, fund, makeProducts, makeUsers, startTender, verify } from './shop.mjs';

const DURATION = intEnv('BENCH_DURATION', 10);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 50);
const BUYERS = intEnv('BENCH_BUYERS', 500);
const WARMUP = 3;
const ROUNDS = intEnv('BENCH_ROUNDS', 2);
const GOAL = 0.5;
const PRICE = 1999;
const UNITS = 2_000_000_000; // never sold out within a run
const PGBENCH = process.env.PGBENCH ?? 'pgbench';
const run = promisify(execFile);

/** Picks buyer :i at random from the bench's table of pre-created rows (not part of an order). */
const pick = (/** @type {string} */ table) => `\\set i random(1, :n)
SELECT buyer, buyer_wallet, merchant, merchant_wallet, product, product_version
  FROM ${table} WHERE i = :i \\gset
`;

/**
 * What one WALLET order runs (orders.service payFromWallet) in steady state: one statement that
 * reserves the unit against the product version the order was priced from (catalog
 * reserveStatement), inserts the COMPLETED order and posts the payment (`ledger_post`), committed
 * on its own. Tender remembers the product it read for the last order (ProductPeek, 60 s) and each
 * ledger account id, so there is no product or account SELECT per order; here the version comes
 * from the pick table, read once at set-up. `key` is the order's Idempotency-Key expression. Not in
 * it: what Tender does around it (token check and user SELECT, the Idempotency-Key store, the rate
 * limiter) — that is Tender's overhead, which the ratio shows.
 * @param {string} key
 */
const order = (key) => `WITH reserved AS (
  UPDATE products SET available_units = available_units - 1, updated_at = now()
  WHERE id = :product AND is_active AND deleted_at IS NULL AND available_units >= 1
    AND version = :product_version RETURNING id),
placed AS (
  INSERT INTO orders (id, user_id, product_id, merchant_id, quantity, amount, fee, currency,
    payment_method, status, idempotency_key, completed_at, metadata, created_at, updated_at)
  SELECT 'ord_pgb_' || gen_random_uuid(), :buyer, :product, :merchant, 1, :price, :fee, 'usd',
    'WALLET', 'COMPLETED', ${key}, now(), jsonb_build_object('buyer_account', :buyer_wallet::text),
    now(), now() FROM reserved
  RETURNING *)
SELECT placed.*, ledger_post('jrn_pgb_' || gen_random_uuid(), 'PAYMENT', 'order', placed.id,
    'Order ' || placed.id || ': 1 × ' || :product::text,
    jsonb_build_object('order_id', placed.id, 'product_id', :product::text), now(),
    ARRAY[:buyer_wallet::text, :merchant_wallet::text, :fees::text],
    ARRAY[:debit::bigint, :net::bigint, :fee::bigint],
    ARRAY['pst_pgb_' || gen_random_uuid(), 'pst_pgb_' || gen_random_uuid(), 'pst_pgb_' || gen_random_uuid()])
  AS posted FROM placed;
`;

/** The order alone: what the ratio compares Tender with. @param {string} table */
const transaction = (table) => pick(table) + order('gen_random_uuid()::text');

/**
 * For context only (not the ratio): the order plus the statements Tender runs around it for the
 * same request, each committed on its own, as seen in a statement trace of one order: the guard's
 * user SELECT, the Idempotency-Key claim (INSERT … ON CONFLICT DO UPDATE … RETURNING), and after
 * the order the stored response (UPDATE … RETURNING; a 600-char JSON string standing in for the
 * order's JSON). Three commits per order instead of one.
 * @param {string} table
 */
const wholeRequest = (
  table,
) => `${pick(table)}SELECT * FROM users WHERE id = :buyer AND deleted_at IS NULL;
INSERT INTO idempotency_keys (scope, key, method, path, request_hash, response_status,
    response_body, locked_until, created_at, expires_at)
  VALUES (:buyer, 'pgb_' || gen_random_uuid(), 'POST', '/api/v1/orders', md5(random()::text), NULL,
    NULL, now() + interval '60 seconds', now(), now() + interval '24 hours')
  ON CONFLICT (scope, key) DO UPDATE SET locked_until = EXCLUDED.locked_until
  WHERE idempotency_keys.expires_at <= now()
     OR (idempotency_keys.response_status IS NULL AND idempotency_keys.locked_until <= now())
  RETURNING key, locked_until \\gset idem_
${order(':idem_key')}UPDATE idempotency_keys SET response_status = 201, response_body = to_jsonb(repeat('x', 600))
  WHERE scope = :buyer AND key = :idem_key AND response_status IS NULL
    AND locked_until = :idem_locked_until RETURNING key;
`;

/** @typedef {{ rps: number, p50?: number, p99?: number }} Run */
const row = (/** @type {string} */ label, /** @type {string[]} */ cells) =>
  label.padEnd(22) + cells.map((c) => c.padStart(9)).join('');

const dataDir = await mkdtemp(join(tmpdir(), 'tender-bench-ledger-'));
/** @type {(() => Promise<unknown>)[]} */
const cleanups = [() => rm(dataDir, { recursive: true, force: true })];
let exitCode = 0;
try {
  const started = await startTender(dataDir);
  const { config, runtime, running } = started;
  cleanups.unshift(() => running.close());
  const pool = runtime.database.pool;
  const databaseUrl = runtime.embedded?.url ?? config.database.url ?? '';
  const clients = intEnv('BENCH_PGBENCH_CLIENTS', config.database.poolSize);
  const tag = `lg${Date.now().toString(36)}${process.pid.toString(36)}`;
  const fee = fees.feeFor(BigInt(PRICE), config.orders.platformFeeBps);
  if (fee === 0n)
    throw new Error('PLATFORM_FEE_BPS gives a zero fee: the script posts three lines');

  const buyers = await makeUsers(started, BUYERS, 'USER', `${tag}b`);
  const merchants = await makeUsers(started, BUYERS, 'MERCHANT', `${tag}m`);
  const feesAccount = await fund(
    started,
    buyers.map((b) => b.wallet),
    1_000_000_000_000n,
  );
  const hotMerchant = merchants[0];
  if (!hotMerchant) throw new Error('no merchant');
  const [hotProduct = ''] = await makeProducts(started, [hotMerchant.id], UNITS, PRICE);
  const spreadProducts = await makeProducts(
    started,
    merchants.map((m) => m.id),
    UNITS,
    PRICE,
  );

  /** Buyer i -> (merchant, product) for each shape. */
  const shapes = {
    hot: buyers.map(() => ({ merchant: hotMerchant, product: hotProduct })),
    spread: buyers.map((_, i) => ({
      merchant: merchants[i] ?? hotMerchant,
      product: spreadProducts[i] ?? '',
    })),
  };

  for (const [shape, picks] of Object.entries(shapes)) {
    const table = `bench_${tag}_${shape}`;
    await pool.query(
      `CREATE TABLE ${table} (i int PRIMARY KEY, buyer text, buyer_wallet text, merchant text,
                              merchant_wallet text, product text, product_version int)`,
    );
    cleanups.unshift(() => pool.query(`DROP TABLE IF EXISTS ${table}`));
    await pool.query(
      `INSERT INTO ${table} SELECT u.*, p.version FROM unnest($1::int[], $2::text[], $3::text[],
         $4::text[], $5::text[], $6::text[]) AS u(i, b, bw, m, mw, product)
       JOIN products p ON p.id = u.product`,
      [
        buyers.map((_, i) => i + 1),
        buyers.map((b) => b.id),
        buyers.map((b) => b.wallet),
        picks.map((p) => p.merchant.id),
        picks.map((p) => p.merchant.wallet),
        picks.map((p) => p.product),
      ],
    );
    await writeFile(join(dataDir, `${shape}.sql`), transaction(table));
    await writeFile(join(dataDir, `${shape}-request.sql`), wholeRequest(table));
    await writeFile(
      join(dataDir, `${shape}.txt`),
      buyers.map((b, i) => `${b.token}\t${picks[i]?.product}`).join('\n'),
    );
  }

  /** @param {string} script `hot`, `spread`, or either + `-request` @param {number} seconds @returns {Promise<Run>} */
  async function pgbench(script, seconds) {
    const args = [
      '-n',
      '-M',
      'prepared',
      '-f',
      join(dataDir, `${script}.sql`),
      '-c',
      String(clients),
      '-j',
      String(Math.min(2, clients)),
      '-T',
      String(seconds),
      '-D',
      `n=${BUYERS}`,
      '-D',
      `price=${PRICE}`,
      '-D',
      `debit=${-PRICE}`,
      '-D',
      `fee=${fee}`,
      '-D',
      `net=${BigInt(PRICE) - fee}`,
      '-D',
      `fees=${feesAccount}`,
      databaseUrl,
    ];
    const placed = async () =>
      Number(
        (await pool.query(`SELECT count(*) AS n FROM orders WHERE id LIKE 'ord_pgb_%'`)).rows[0].n,
      );
    const before = await placed();
    let stdout;
    try {
      ({ stdout } = await run(PGBENCH, args, { maxBuffer: 16 << 20 }));
    } catch (err) {
      const e = /** @type {{ stderr?: string, message: string }} */ (err);
      throw new Error(`pgbench ${script} failed: ${(e.stderr ?? e.message).slice(-2000)}`);
    }
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    const failed = /number of failed transactions: (\d+)/.exec(stdout);
    if (!tps || (failed && failed[1] !== '0'))
      throw new Error(`pgbench ${script}: unexpected output:\n${stdout}`);
    // Every transaction must have placed its order: a guard that matched nothing (a wrong version,
    // say) would make pgbench fast at doing nothing.
    const processed = /number of transactions actually processed: (\d+)/.exec(stdout);
    const orders = (await placed()) - before;
    if (!processed || Number(processed[1]) !== orders)
      throw new Error(`pgbench ${script}: ${processed?.[1]} transactions but ${orders} orders`);
    const lat = /latency average = ([\d.]+) ms/.exec(stdout);
    return { rps: Number(tps[1]), p50: lat ? Number(lat[1]) : undefined };
  }

  let runs = 0;
  /** @param {string} shape @param {number} seconds @returns {Promise<Run>} */
  async function tender(shape, seconds) {
    const r = await fireOrders(running.url, join(dataDir, `${shape}.txt`), `${tag}-${++runs}-`, {
      connections: CONNECTIONS,
      seconds,
    });
    if (r.ok !== r.total || r.errors || r.timeouts || r.total === 0)
      throw new Error(
        `tender ${shape}: ${JSON.stringify(r.byStatus)}, ${r.errors} errors, ${r.timeouts} timeouts`,
      );
    return r;
  }

  console.log(
    `ledger: WALLET orders over HTTP (${CONNECTIONS} connections) vs pgbench of the same ` +
      `transaction (${clients} clients = Tender's DB pool), ${BUYERS} buyers, ` +
      `${ROUNDS} x ${DURATION} s each (after ${WARMUP} s warm-up), ` +
      `${runtime.embedded ? 'embedded' : 'external'} PostgreSQL, pool ${config.database.poolSize}`,
  );
  // pgbench reports its mean latency, not percentiles: shown as 'avg' in the p50 column.
  console.log(row('', ['pay/s', 'p50 ms', 'p99 ms']));
  /** @type {Record<string, Record<string, Run>>} */
  const best = {};
  for (const shape of Object.keys(shapes)) {
    await pgbench(shape, WARMUP);
    await pgbench(`${shape}-request`, WARMUP);
    await tender(shape, WARMUP);
    const b = (best[shape] = /** @type {Record<string, Run>} */ ({}));
    // Alternate so drift on the shared machine hits both sides alike; keep the better run of each.
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [side, fn] of /** @type {const} */ ([
        ['pgbench', pgbench],
        [
          'pgbench-req',
          (/** @type {string} */ s, /** @type {number} */ d) => pgbench(`${s}-request`, d),
        ],
        ['tender', tender],
      ])) {
        const r = await fn(shape, DURATION);
        console.log(
          row(`  ${shape} ${round}: ${side}`, [
            r.rps.toFixed(0),
            side === 'tender' ? String(r.p50) : `avg ${r.p50?.toFixed(0)}`,
            side === 'tender' ? String(r.p99) : '',
          ]),
        );
        if (!b[side] || r.rps > (b[side]?.rps ?? 0)) b[side] = r;
      }
    }
  }

  const violations = await verify.verifyLedger(pool);
  if (violations.length)
    throw new Error(
      `ledger:verify: ${violations
        .slice(0, 10)
        .map((v) => `${v.invariant}: ${v.detail}`)
        .join('; ')}`,
    );

  console.log(`\n${row('best of each', ['tender', 'pgbench', 'ratio', 'req SQL', 'ratio'])}`);
  let below = false;
  for (const [shape, b] of Object.entries(best)) {
    const t = b.tender?.rps ?? 0;
    const p = b.pgbench?.rps ?? 1;
    const q = b['pgbench-req']?.rps ?? 1;
    console.log(
      row(`${shape} merchant`, [
        t.toFixed(0),
        p.toFixed(0),
        (t / p).toFixed(2),
        q.toFixed(0),
        (t / q).toFixed(2),
      ]),
    );
    if (t / p < GOAL) below = true;
  }
  console.log(
    `\ntender / pgbench payments/s (the transaction), goal >= ${GOAL}; ` +
      `req SQL: pgbench of the whole request's statements, for context; ledger:verify clean`,
  );
  exitCode = Math.max(exitCode, goalExitCode(below));
} catch (err) {
  console.error(`ledger bench failed: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  for (const fn of cleanups) await fn().catch((e) => console.error(`cleanup: ${e}`));
}
process.exit(exitCode);
