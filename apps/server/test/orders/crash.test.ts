import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { verifyLedger } from '../../src/books';
import { client, createTestDatabase, register } from '../helpers';
import {
  RealServers,
  request,
  untilBackendsGone,
  type Answered,
  type RealServer,
} from '../real-server';

/**
 * Issue 5 (marketplace), crash: the real server process is SIGKILLed in the middle of a stream of
 * orders and restarted on the same database. Every request must have taken full effect (one order,
 * its journal entry, the stock and the wallet moved) or none, the ledger's invariants must hold,
 * and replaying every Idempotency-Key must converge on exactly one outcome per key.
 *
 * The demand makes the end state exact whatever the kill interrupted: A (wallet) and G (gateway)
 * are oversold (60 asks for 40 units, 12 for 8), B never sells out, and every buyer can afford all
 * of its orders, so 201 and 409 out_of_stock are the only answers a request that runs may get.
 */

const BUYERS = 6;
const DEPOSIT = 10_000;
const PRODUCTS = {
  A: { price: 100, units: 40, quantity: 1, method: 'WALLET', perBuyer: 10 },
  B: { price: 250, units: 200, quantity: 2, method: 'WALLET', perBuyer: 10 },
  G: { price: 300, units: 8, quantity: 1, method: 'GATEWAY', perBuyer: 2 },
} as const;
type Name = keyof typeof PRODUCTS;
/** Rounds of the stream that ask for G: around where the kill falls, so some are in flight. */
const G_ROUNDS = [1, 2];
const FEE_BPS = 500; // PLATFORM_FEE_BPS's default; fees.ts rounds half up
/** SIGKILL once this many requests have been answered, with LANES of them in flight. */
const KILL_AFTER = 40;
const LANES = 16;
const TEST_APP = 'orders-crash-test';

interface Buyer {
  id: string;
  token: string;
  wallet: string;
}
interface Ask {
  key: string;
  buyer: Buyer;
  product: Name;
  body: { productId: string; quantity: number; paymentMethod: string };
}
interface Answer {
  id?: string;
  checkoutUrl?: string | null;
  error?: { code: string };
}
type Outcome = Answered<Answer>;
/** One comparable line per outcome: `201 ord_…`, `409 out_of_stock`, `lost`. */
const line = (o: Outcome | undefined) =>
  !o || 'lost' in o ? 'lost' : `${o.status} ${o.status === 201 ? o.body.id : o.body.error?.code}`;
/** What a request that runs (rather than replays) may answer: B never sells out. */
const fresh = (ask: Ask) =>
  expect.stringMatching(ask.product === 'B' ? /^201 ord_\S+$/ : /^(201 ord_\S+|409 out_of_stock)$/);

interface DbOrder {
  id: string;
  user_id: string;
  key: string;
  product_id: string;
  quantity: number;
  amount: number;
  fee: number;
  status: string;
  payment_method: string;
  payment_id: string | null;
  units_restored: boolean;
  buyer_account: string | null;
}

describe('orders across a SIGKILL of the real server process', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let dataDir: string;
  const servers = new RealServers();
  const started: RealServer[] = [];
  async function start(): Promise<RealServer> {
    const server = await servers.start({
      databaseUrl: db.url,
      dataDir,
      // 22 orders per buyer and round, four rounds: far above the default 60 a minute.
      env: { ORDER_RATE_LIMIT_PER_MINUTE: '10000', DATABASE_POOL_SIZE: '20' },
    });
    started.push(server);
    return server;
  }

  beforeAll(() => servers.setUp(), 120_000);
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4, application_name: TEST_APP });
    dataDir = await mkdtemp(join(tmpdir(), 'tender-orders-crash-'));
  });
  afterAll(async () => {
    await servers.tearDown();
    await pool?.end();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const send = (server: RealServer, ask: Ask) =>
    request<Answer>(server, 'POST', '/api/v1/orders', ask.body, {
      authorization: `Bearer ${ask.buyer.token}`,
      'idempotency-key': ask.key,
    });
  const sendAll = async (server: RealServer, asks: Ask[]) =>
    new Map(await Promise.all(asks.map(async (a) => [a.key, await send(server, a)] as const)));

  /** Everything the database holds about the orders, their money, their stock and their keys. */
  async function snapshot() {
    const q = async <T>(text: string) => (await pool.query<T & Record<string, unknown>>(text)).rows;
    return {
      orders: await q<DbOrder>(
        `SELECT id, user_id, idempotency_key AS key, product_id, quantity, amount::int, fee::int, status,
                payment_method, payment_id, units_restored, metadata->>'buyer_account' AS buyer_account
         FROM orders`,
      ),
      postings: await q<{ entry: string; order_id: string; account: string; amount: number }>(
        `SELECT j.id AS entry, j.reference_id AS order_id, p.account_id AS account, p.amount::int
         FROM journal_entries j JOIN postings p ON p.entry_id = j.id WHERE j.kind = 'PAYMENT'`,
      ),
      accounts: await q<{ id: string; type: string; owner_id: string | null; balance: number }>(
        'SELECT id, type, owner_id, balance::int FROM ledger_accounts',
      ),
      products: await q<{ id: string; initial_units: number; available_units: number }>(
        'SELECT id, initial_units, available_units FROM products',
      ),
      payments: await q<{ id: string; order_id: string; session: string | null }>(
        `SELECT id, payable_id AS order_id, provider_session_id AS session FROM payments
         WHERE payable_type = 'order'`,
      ),
      keys: await q<{ key: string; response_status: number | null }>(
        `SELECT key, response_status FROM idempotency_keys WHERE path = '/api/v1/orders'`,
      ),
    };
  }

  it('a stream of orders killed mid-way: all or nothing per request, replays converge', async () => {
    const startedAt = Date.now();
    onTestFailed(() => {
      for (const s of started) console.error(`--- ${s.url}\n${s.logs.slice(-40).join('\n')}`);
    });
    const victim = await start();
    const api = client(victim.url);

    // A merchant (promoted in the database: there is no API for it) and its three products.
    const merchant = await register(api);
    await pool.query(`UPDATE users SET role = 'MERCHANT' WHERE id = $1`, [merchant.user.id]);
    const productIds = {} as Record<Name, string>;
    for (const [name, p] of Object.entries(PRODUCTS) as [Name, (typeof PRODUCTS)[Name]][]) {
      const res = await api.call<{ id: string }>('POST', '/api/v1/products', {
        body: { name: `Crash ${name}`, price: p.price, initialUnits: p.units },
        token: merchant.accessToken,
      });
      expect(res.status).toBe(201);
      productIds[name] = res.body.id;
    }

    // Buyers funded through the API: a card deposit through the embedded Stripe sandbox.
    const buyers: Buyer[] = await Promise.all(
      Array.from({ length: BUYERS }, async () => {
        const me = await register(api);
        const deposit = await api.call('POST', '/api/v1/wallet/deposit', {
          body: { amount: DEPOSIT, paymentMethodId: 'pm_card_visa' },
          token: me.accessToken,
          headers: { 'idempotency-key': `deposit-${me.user.id}` },
        });
        expect(deposit.status).toBe(201);
        const wallet = await api.get<{ id: string; balance: number }>(
          '/api/v1/wallet',
          me.accessToken,
        );
        expect(wallet.body.balance).toBe(DEPOSIT);
        return { id: me.user.id as string, token: me.accessToken, wallet: wallet.body.id };
      }),
    );

    // Round-robin over buyers and products, so every buyer and product is in flight at the kill.
    const asks: Ask[] = [];
    for (let i = 0; i < PRODUCTS.A.perBuyer; i++)
      for (const name of ['A', 'B', 'G'] as const)
        for (const [b, buyer] of buyers.entries()) {
          if (name === 'G' && !G_ROUNDS.includes(i)) continue;
          const { quantity, method } = PRODUCTS[name];
          const body = { productId: productIds[name], quantity, paymentMethod: method };
          asks.push({ key: `crash-${b}-${name}-${i}`, buyer, product: name, body });
        }
    const byKey = new Map(asks.map((a) => [a.key, a]));

    // The stream: LANES requests at a time; SIGKILL when KILL_AFTER have been answered.
    const before = new Map<string, Outcome>();
    let answered = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: LANES }, async () => {
        while (next < asks.length) {
          const ask = asks[next++]!;
          const o = await send(victim, ask);
          before.set(ask.key, o);
          if (!('lost' in o) && ++answered === KILL_AFTER) victim.proc.kill('SIGKILL');
        }
      }),
    );
    expect(await victim.exited).toBe('SIGKILL');
    expect(answered).toBeGreaterThanOrEqual(KILL_AFTER);
    // Before the kill nothing was refused that should not have been; after it, only lost sockets.
    for (const [key, o] of before)
      expect({ key, o: 'lost' in o ? o.lost : line(o) }).toEqual({
        key,
        o: 'lost' in o ? expect.stringMatching(/^(ECONN|UND_ERR|EPIPE)/) : fresh(byKey.get(key)!),
      });
    // Whatever the dead server's backends were still running has committed or rolled back.
    await untilBackendsGone(pool, TEST_APP);

    /**
     * The invariants, from the database. Per key: at most one order, and an order is whole (WALLET:
     * COMPLETED with one PAYMENT entry moving exactly its amount from the buyer's wallet to the
     * merchant and the fees; GATEWAY: PAYMENT_PROCESSING, holding its units, no entry yet); every
     * answer agrees with it; the balances and the stock add up to the orders and nothing else.
     */
    async function expectAllOrNothing(stage: string, answers: Map<string, Outcome>[]) {
      const s = await snapshot();
      expect(await verifyLedger(pool), stage).toEqual([]);
      const problems: string[] = [];
      const order = new Map<string, DbOrder>();
      for (const o of s.orders) {
        if (!byKey.has(o.key) || order.has(o.key)) problems.push(`stray order ${o.id} (${o.key})`);
        order.set(o.key, o);
      }
      const account = (type: string, owner: string | null) =>
        s.accounts.find((a) => a.type === type && a.owner_id === owner);
      const merchantWallet = account('MERCHANT_WALLET', merchant.user.id as string);
      const fees = account('PLATFORM_FEES', null);
      const entriesOf = new Map<string, Set<string>>();
      for (const p of s.postings)
        entriesOf.set(p.order_id, (entriesOf.get(p.order_id) ?? new Set()).add(p.entry));

      for (const ask of asks) {
        const o = order.get(ask.key);
        for (const answer of answers.map((a) => a.get(ask.key))) {
          if (answer && !('lost' in answer) && answer.status === 201 && answer.body.id !== o?.id)
            problems.push(`${ask.key} answered ${line(answer)} but its order is ${o?.id}`);
          if (answer && !('lost' in answer) && answer.body.error?.code === 'out_of_stock' && o)
            problems.push(`${ask.key} answered out_of_stock but has order ${o.id}`);
        }
        if (!o) continue;
        const { price, quantity, method } = PRODUCTS[ask.product];
        const amount = price * quantity;
        const fee = Math.round((amount * FEE_BPS) / 10_000);
        const got = [o.user_id, o.product_id, o.quantity, o.amount, o.fee, o.payment_method];
        const want = [ask.buyer.id, ask.body.productId, quantity, amount, fee, method];
        if (got.join() !== want.join()) problems.push(`${o.id}: ${got.join()} ≠ ${want.join()}`);
        const entries = [...(entriesOf.get(o.id) ?? [])];
        if (method === 'WALLET') {
          const lines = s.postings.filter((p) => p.entry === entries[0]);
          const moved = lines.map((l) => `${l.account} ${l.amount}`).sort();
          const expected = [
            `${ask.buyer.wallet} ${-amount}`,
            `${merchantWallet?.id} ${amount - fee}`,
            `${fees?.id} ${fee}`,
          ].sort();
          if (
            o.status !== 'COMPLETED' ||
            o.buyer_account !== ask.buyer.wallet ||
            entries.length !== 1 ||
            moved.join() !== expected.join()
          )
            problems.push(`${o.id} ${o.status}, entries ${entries.join()}: ${moved.join(', ')}`);
        } else if (o.status !== 'PAYMENT_PROCESSING' || o.units_restored || entries.length > 0) {
          problems.push(
            `gateway ${o.id} ${o.status}, restored ${o.units_restored}, ${entries.join()}`,
          );
        }
      }
      // No money moved and no checkout started for an order that does not exist.
      for (const [orderId, entries] of entriesOf) {
        const o = s.orders.find((x) => x.id === orderId);
        if (o?.status !== 'COMPLETED' || o.payment_method !== 'WALLET')
          problems.push(`PAYMENT ${[...entries].join()} for ${orderId} (${o?.status})`);
      }
      for (const p of s.payments)
        if (!s.orders.some((o) => o.id === p.order_id))
          problems.push(`payment ${p.id} for missing order ${p.order_id}`);
      expect(problems, stage).toEqual([]);

      const completed = s.orders.filter((o) => o.status === 'COMPLETED');
      const sum = (os: DbOrder[], f: (o: DbOrder) => number) => os.reduce((t, o) => t + f(o), 0);
      const balances = {
        buyers: buyers.map((b) => DEPOSIT - s.accounts.find((a) => a.id === b.wallet)!.balance),
        merchant: merchantWallet?.balance ?? 0,
        fees: fees?.balance ?? 0,
        available: s.products.map((p) => p.available_units),
      };
      expect(balances, stage).toEqual({
        buyers: buyers.map((b) => sum(completed, (o) => (o.user_id === b.id ? o.amount : 0))),
        merchant: sum(completed, (o) => o.amount - o.fee),
        fees: sum(completed, (o) => o.fee),
        available: s.products.map(
          (p) =>
            p.initial_units -
            sum(s.orders, (o) => (o.product_id === p.id && !o.units_restored ? o.quantity : 0)),
        ),
      });
      return { ...s, order };
    }

    const afterKill = await expectAllOrNothing('after the kill', [before]);
    const claimed = new Map(afterKill.keys.map((k) => [k.key, k.response_status]));
    const inFlight = [...claimed.keys()].filter((k) => claimed.get(k) === null);

    // Restart on the same database. Keys whose request died mid-way stay claimed for the route's
    // lock (120 s); every other key replays its stored answer, or runs now, exactly once.
    const restartedAt = Date.now();
    const server = await start();
    const round1 = await sendAll(server, asks);
    for (const ask of asks) {
      const had = afterKill.order.get(ask.key);
      const status = claimed.get(ask.key);
      expect({ key: ask.key, replay: line(round1.get(ask.key)) }).toEqual({
        key: ask.key,
        replay:
          status === null
            ? '409 idempotency_request_in_flight'
            : had
              ? `201 ${had.id}`
              : status === 409
                ? '409 out_of_stock' // the stored answer of a request that found no stock
                : fresh(ask), // never reached the server, or died before claiming its key
      });
    }

    // Stands in for waiting out those claims' lock (DEFAULT_LOCK_SECONDS, 120 s).
    const aged = await pool.query(
      `UPDATE idempotency_keys SET locked_until = now() - interval '1 second'
       WHERE path = '/api/v1/orders' AND response_status IS NULL`,
    );
    expect(aged.rowCount).toBe(inFlight.length);

    // Now every key has one answer, the same on every replay, and it is the database's.
    const round2 = await sendAll(server, asks);
    const round3 = await sendAll(server, asks);
    const final = await expectAllOrNothing('after the replays', [before, round1, round2, round3]);
    for (const ask of asks) {
      const o = final.order.get(ask.key);
      const first = before.get(ask.key)!;
      const want = o ? `201 ${o.id}` : '409 out_of_stock';
      expect({ key: ask.key, answers: [round2, round3].map((r) => line(r.get(ask.key))) }).toEqual({
        key: ask.key,
        answers: [want, want],
      });
      if (afterKill.order.has(ask.key)) expect(o?.id).toBe(afterKill.order.get(ask.key)!.id);
      if ('lost' in first) continue;
      expect(line(first)).toBe(want);
      const replayed = round3.get(ask.key) as { body: Answer };
      if (ask.product === 'G' && o) {
        // Answered before the kill: its checkout had been created and is replayed as it was.
        expect(first.body.checkoutUrl).toMatch(/^http/);
        expect(replayed.body.checkoutUrl).toBe(first.body.checkoutUrl);
      }
    }

    // Exact counts: both oversold products sold out, B sold every ask, one order per success.
    const sold = (name: Name, status: string) =>
      final.orders.filter((o) => o.product_id === productIds[name] && o.status === status).length;
    const available = (name: Name) =>
      final.products.find((p) => p.id === productIds[name])!.available_units;
    const bSold = PRODUCTS.B.perBuyer * BUYERS;
    expect({
      a: [sold('A', 'COMPLETED'), available('A')],
      b: [sold('B', 'COMPLETED'), available('B')],
      g: [sold('G', 'PAYMENT_PROCESSING'), available('G')],
      orders: final.orders.length,
    }).toEqual({
      a: [PRODUCTS.A.units, 0],
      b: [bSold, PRODUCTS.B.units - bSold * PRODUCTS.B.quantity],
      g: [PRODUCTS.G.units, 0],
      orders: PRODUCTS.A.units + bSold + PRODUCTS.G.units,
    });

    // Gateway orders whose request died between reserving units and storing the checkout.
    const stuck = final.orders.filter((o) => o.payment_method === 'GATEWAY' && !o.payment_id);
    const stuckAs = stuck.map((o) => {
      const p = final.payments.find((x) => x.order_id === o.id);
      const replayed = round3.get(o.key) as { body: Answer };
      return `${!p ? 'no payment' : p.session ? 'a session' : 'a payment, no session'}, replayed with checkoutUrl ${replayed.body.checkoutUrl}`;
    });
    const lost = [...before.values()].filter((o) => 'lost' in o).length;
    console.info(
      `SIGKILL after ${answered} of ${asks.length} answered (${lost} lost): ${afterKill.orders.length} ` +
        `orders, ${asks.filter((a) => 'lost' in before.get(a.key)! && afterKill.order.has(a.key)).length} ` +
        `of them for lost requests; ${inFlight.length} keys left claimed; ${stuck.length} gateway ` +
        `orders without a checkout (${stuckAs.join('; ')}). ` +
        `Restart to converged: ${Date.now() - restartedAt} ms; whole test ${Date.now() - startedAt} ms.`,
    );
  }, 60_000);
});
