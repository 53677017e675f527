// Helpers shared by the flash-sale and ledger benches (not a benchmark itself): start Tender for
// wallet orders, make many users fast (rows in SQL and access tokens minted the way the server
// signs them, instead of argon2-hashing a password per user over HTTP), fund their wallets with
// one balanced DEPOSIT through the server's own LedgerService, and fire WALLET orders with
// autocannon in a worker thread.
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { server } from './lib.mjs';

const require = createRequire(import.meta.url);

/** @type {typeof import('../apps/server/src/ledger/ledger.service.js')} */
const ledgerModule = require('../apps/server/dist/ledger/ledger.service.js');
/** @type {typeof import('../apps/server/src/books.js')} */
export const verify = require('../apps/server/dist/books.js');
/** @type {typeof import('../apps/server/src/platform/ids/ids.js')} */
const ids = require('../apps/server/dist/platform/ids/ids.js');
/** @type {typeof import('../apps/server/src/orders/fees.js')} */
export const fees = require('../apps/server/dist/orders/fees.js');

export const ORDERS = '/api/v1/orders';
const SETUP_REQUEST = fileURLToPath(new URL('order-requests.cjs', import.meta.url));

/** @typedef {Exclude<Awaited<ReturnType<typeof server.run>>, number>} Started */

/**
 * Tender in-process on a temporary DATA_DIR (embedded PostgreSQL, or DATABASE_URL), with the
 * per-user order rate limit out of the way (one buyer orders many times a second in `ledger`).
 * @param {string} dataDir @returns {Promise<Started>}
 */
export async function startTender(dataDir) {
  const started = await server.run(
    {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
      ORDER_RATE_LIMIT_PER_MINUTE: '1000000000',
      AUTH_RATE_LIMIT_PER_IP: '1000000',
      AUTH_RATE_LIMIT_PER_EMAIL: '1000000',
    },
    { out: new Writable({ write: (_c, _e, cb) => cb() }), err: process.stderr },
  );
  if (typeof started === 'number') throw new Error(`Tender refused its configuration (${started})`);
  return started;
}

/**
 * n users (and their wallets: USER_WALLET, or MERCHANT_WALLET for merchants) inserted in SQL, each
 * with an access token signed as AccessTokens.signAccessToken does (HS256, iss tender, aud
 * tender-api, sub, role claim) with the server's secret.
 * @param {Started} started @param {number} n @param {'USER' | 'MERCHANT'} role @param {string} tag
 * @returns {Promise<{ id: string, wallet: string, token: string }[]>}
 */
export async function makeUsers(started, n, role, tag) {
  const { runtime } = started;
  const key = new TextEncoder().encode(runtime.secrets.jwt);
  const now = Math.floor(Date.now() / 1000);
  const users = [];
  for (let i = 0; i < n; i++) {
    const id = ids.newId('user');
    const token = await new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(id)
      .setIssuer('tender')
      .setAudience('tender-api')
      .setIssuedAt(now)
      .setExpirationTime(now + 24 * 3600)
      .setJti(`${tag}${i}`)
      .sign(key);
    users.push({ id, wallet: ids.newId('account'), token });
  }
  const pool = runtime.database.pool;
  await pool.query(
    `INSERT INTO users (id, email, role)
     SELECT id, lower(id) || '@bench.example.com', $2::user_role FROM unnest($1::text[]) AS id`,
    [users.map((u) => u.id), role],
  );
  await pool.query(
    `INSERT INTO ledger_accounts (id, type, owner_id, currency)
     SELECT a, $3::ledger_account_type, o, 'usd' FROM unnest($1::text[], $2::text[]) AS t(a, o)`,
    [
      users.map((u) => u.wallet),
      users.map((u) => u.id),
      role === 'MERCHANT' ? 'MERCHANT_WALLET' : 'USER_WALLET',
    ],
  );
  return users;
}

/**
 * Funds every wallet with `amount` in one balanced DEPOSIT (provider clearing −total, each wallet
 * +amount) posted by the server's LedgerService, as a card deposit would be. Also creates the
 * PLATFORM_FEES account up front. Returns its id.
 * @param {Started} started @param {string[]} wallets @param {bigint} amount
 */
export async function fund(started, wallets, amount) {
  const { runtime } = started;
  const ledger = new ledgerModule.LedgerService(runtime.clock);
  return runtime.database.db.transaction(async (tx) => {
    const clearing = await ledger.platform(tx, 'PROVIDER_CLEARING', 'usd');
    const feesAccount = await ledger.platform(tx, 'PLATFORM_FEES', 'usd');
    for (let i = 0; i < wallets.length; i += 1000) {
      const part = wallets.slice(i, i + 1000);
      await ledger.post(tx, {
        kind: 'DEPOSIT',
        description: 'Bench deposit',
        lines: [
          { accountId: clearing.id, amount: -amount * BigInt(part.length) },
          ...part.map((accountId) => ({ accountId, amount })),
        ],
      });
    }
    return feesAccount.id;
  });
}

/**
 * Products inserted in SQL (as POST /api/v1/products stores them), one per merchant id given.
 * @param {Started} started @param {string[]} merchantIds @param {number} units @param {number} price
 */
export async function makeProducts(started, merchantIds, units, price) {
  const productIds = merchantIds.map(() => ids.newId('product'));
  await started.runtime.database.pool.query(
    `INSERT INTO products (id, merchant_id, name, price, currency, available_units, initial_units)
     SELECT p, m, 'Bench product', $3, 'usd', $4, $4 FROM unnest($1::text[], $2::text[]) AS t(p, m)`,
    [productIds, merchantIds, price, units],
  );
  return productIds;
}

/**
 * WALLET orders from autocannon in a worker thread (so the load generator does not share the
 * server's event loop). `amount`: that many requests, each buyer line once; otherwise `seconds`
 * of load cycling through the lines.
 * @param {string} url @param {string} buyersFile @param {string} keyPrefix
 * @param {{ connections: number, seconds?: number, amount?: number }} how
 */
export async function fireOrders(url, buyersFile, keyPrefix, how) {
  const r = await autocannon({
    url: url + ORDERS,
    connections: how.connections,
    ...(how.amount ? { amount: how.amount } : { duration: how.seconds ?? 1 }),
    timeout: 120,
    workers: 1,
    requests: [
      {
        method: 'POST',
        path: ORDERS,
        headers: { 'content-type': 'application/json' },
        setupRequest: SETUP_REQUEST,
        buyersFile,
        keyPrefix,
        once: Boolean(how.amount),
      },
    ],
  });
  /** @type {Record<string, number>} */
  const byStatus = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats)) byStatus[code] = count;
  return {
    rps: r.requests.average,
    total: r.requests.total,
    ok: byStatus['201'] ?? 0,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    byStatus,
  };
}
