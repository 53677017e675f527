import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers';
import { isRunning, RealServers, sigkill as kill, type RealServer } from '../real-server';

/**
 * The real server (`node apps/server/dist/main.js`) as a separate process, killed with SIGKILL
 * between receiving a webhook and applying it, then restarted on the same database and DATA_DIR.
 * The database is external (DATABASE_URL), so nothing but the Node process dies; its in-process
 * Stripe sandbox dies with it and is not used here: events are signed and posted by the test.
 * The payments are wallet top-ups (a registered payable: an unregistered one is refused), so each
 * event applied once is also one credit of the wallet.
 */

const QUEUE = 'payments.webhook';

interface Server extends RealServer {
  workers: boolean;
}

describe('webhooks across a SIGKILL of the real server process', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Client;
  let dataDir: string;
  let server: Server | undefined;
  const servers = new RealServers();
  const stripe = new Stripe('sk_test_x');
  let secret: string;

  beforeAll(() => servers.setUp(), 120_000);
  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    dataDir = await mkdtemp(join(tmpdir(), 'tender-crash-'));
  });
  afterAll(async () => {
    await servers.tearDown();
    await sql?.end();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function startServer(workers: boolean): Promise<Server> {
    const s = await servers.start({
      databaseUrl: db.url,
      dataDir,
      env: { JOBS_WORKERS: workers ? '1' : '0', JOBS_POLL_INTERVAL_SECONDS: '0.5' },
    });
    secret = `whsec_${(await readFile(join(dataDir, 'secrets/stripe-sandbox-webhook-secret'), 'utf8')).trim()}`;
    return { ...s, workers };
  }

  async function sigkill(s: Server): Promise<void> {
    expect(await kill(s)).toBe('SIGKILL');
  }

  const amountOf = (n: number) => 1000 + n;
  /**
   * Each payment is a top-up of one wallet (the real `wallet_deposit` payable, whose handler books
   * the deposit), so "applied once" is also visible as money: the wallet holds each applied
   * payment's amount exactly once.
   */
  const WALLET = 'acc_crash_wallet';
  async function insertPayment(n: number): Promise<void> {
    await sql.query(
      `INSERT INTO users (id, email, role) VALUES ('usr_crash', 'crash@example.test', 'USER')
       ON CONFLICT DO NOTHING`,
    );
    await sql.query(
      `INSERT INTO ledger_accounts (id, type, owner_id, currency)
       VALUES ($1, 'USER_WALLET', 'usr_crash', 'eur') ON CONFLICT DO NOTHING`,
      [WALLET],
    );
    await sql.query(
      `INSERT INTO payments (id, user_id, payable_type, payable_id, method, status, currency, amount, provider_intent_id)
       VALUES ($1, 'usr_crash', 'wallet_deposit', $2, 'CARD', 'CREATED', 'eur', $3, $4)`,
      [`pay_crash_${n}`, WALLET, amountOf(n), `pi_crash_${n}`],
    );
  }
  /** The wallet's balance and how many DEPOSIT entries credited it per payment. */
  async function walletState() {
    const balance = await sql.query<{ balance: string }>(
      'SELECT balance FROM ledger_accounts WHERE id = $1',
      [WALLET],
    );
    const credits = await sql.query<{ payment_id: string; n: string }>(
      `SELECT e.reference_id AS payment_id, count(*) AS n FROM journal_entries e
         JOIN postings p ON p.entry_id = e.id
        WHERE p.account_id = $1 AND e.kind = 'DEPOSIT' GROUP BY 1`,
      [WALLET],
    );
    return {
      balance: BigInt(balance.rows[0]?.balance ?? '0'),
      credits: new Map(credits.rows.map((r) => [r.payment_id, Number(r.n)])),
    };
  }
  /** The wallet holds exactly the applied payments' amounts, each credited once. */
  async function expectWalletCreditedOnce(applied: number[]): Promise<void> {
    const w = await walletState();
    expect(w.balance).toBe(applied.reduce((sum, n) => sum + BigInt(amountOf(n)), 0n));
    expect(Object.fromEntries(w.credits)).toEqual(
      Object.fromEntries(applied.map((n) => [`pay_crash_${n}`, 1])),
    );
  }
  /** One payload per event, fixed, so a redelivery is the same bytes (with a fresh signature). */
  const bodies = new Map<number, string>();
  function eventBody(n: number): string {
    let body = bodies.get(n);
    if (!body) {
      body = JSON.stringify({
        id: `evt_crash_${n}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        api_version: '2026-01-01',
        data: {
          object: {
            id: `pi_crash_${n}`,
            object: 'payment_intent',
            status: 'succeeded',
            amount: amountOf(n),
            amount_received: amountOf(n),
            metadata: {},
          },
        },
      });
      bodies.set(n, body);
    }
    return body;
  }
  async function deliver(s: Server, n: number): Promise<number> {
    const payload = eventBody(n);
    const res = await fetch(`${s.url}/api/v1/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }),
      },
      body: payload,
    });
    await res.text();
    return res.status;
  }

  /**
   * Everything the database says about payment n and its event, from one snapshot: a server
   * applying the event between two of these reads would otherwise look like a half-applied one.
   */
  async function stateOf(n: number) {
    await sql.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await readState(n);
    } finally {
      await sql.query('COMMIT');
    }
  }
  async function readState(n: number) {
    const payment = await sql.query<{ status: string }>(
      'SELECT status FROM payments WHERE id = $1',
      [`pay_crash_${n}`],
    );
    const transitions = await sql.query<{ from_status: string; to_status: string; cause: string }>(
      'SELECT from_status, to_status, cause FROM payment_transitions WHERE payment_id = $1 ORDER BY id',
      [`pay_crash_${n}`],
    );
    const event = await sql.query<{ processed_at: Date | null; attempts: number }>(
      'SELECT processed_at, attempts FROM webhook_events WHERE id = $1',
      [`evt_crash_${n}`],
    );
    const jobs = await sql.query<{ state: string }>(
      `SELECT state FROM pgboss.job WHERE name = $1 AND data->>'eventId' = $2 ORDER BY created_on`,
      [QUEUE, `evt_crash_${n}`],
    );
    return {
      status: payment.rows[0]?.status,
      transitions: transitions.rows,
      stored: event.rows.length === 1,
      processedAt: event.rows[0]?.processed_at ?? null,
      attempts: event.rows[0]?.attempts,
      jobs: jobs.rows.map((j) => j.state),
    };
  }
  const applied = (n: number) => [
    { from_status: 'CREATED', to_status: 'SUCCEEDED', cause: `webhook:evt_crash_${n}` },
  ];

  /** Never half-applied: the status, the transitions and the event's processed mark agree. */
  async function expectConsistent(n: number): Promise<boolean> {
    const s = await stateOf(n);
    const done = s.processedAt !== null;
    expect({ n, status: s.status, transitions: s.transitions, done }).toEqual(
      done
        ? { n, status: 'SUCCEEDED', transitions: applied(n), done }
        : { n, status: 'CREATED', transitions: [], done },
    );
    return done;
  }

  async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline)
        throw new Error(`${what}: not within ${ms} ms\n${server?.logs.slice(-20).join('\n')}`);
      await sleep(200);
    }
  }
  const unprocessed = async (ns: number[]) =>
    Number(
      (
        await sql.query<{ n: string }>(
          'SELECT count(*) AS n FROM webhook_events WHERE id = ANY($1) AND processed_at IS NULL',
          [ns.map((n) => `evt_crash_${n}`)],
        )
      ).rows[0]!.n,
    );

  it('an event received by a node that died before applying it is applied once after restart', async () => {
    await insertPayment(1);
    // Workers off: the event is stored and its job queued, but nothing here will apply it.
    server = await startServer(false);
    expect(await deliver(server, 1)).toBe(200);
    let s = await stateOf(1);
    expect(s).toMatchObject({ stored: true, processedAt: null, jobs: ['created'] });
    await sleep(1_500); // three poll intervals: still untouched
    s = await stateOf(1);
    expect(s).toMatchObject({ status: 'CREATED', transitions: [], processedAt: null });
    expect(s.jobs).toEqual(['created']);

    await sigkill(server);
    expect(await stateOf(1)).toMatchObject({
      status: 'CREATED',
      transitions: [],
      jobs: ['created'],
    });

    server = await startServer(true);
    await until('event applied after restart', async () => (await unprocessed([1])) === 0, 20_000);
    s = await stateOf(1);
    expect(s.status).toBe('SUCCEEDED');
    expect(s.transitions).toEqual(applied(1));
    expect(s.attempts).toBe(1);
    // The queued job and the one requeued at start-up both run; the second finds it applied.
    await until(
      'jobs completed',
      async () => (await stateOf(1)).jobs.every((j) => j === 'completed'),
      10_000,
    );
    const jobs = (await stateOf(1)).jobs;
    expect(jobs.length).toBeGreaterThanOrEqual(1);

    // Stripe delivers it again: acknowledged, and nothing changes.
    const processedAt = s.processedAt;
    expect(await deliver(server, 1)).toBe(200);
    await sleep(1_500);
    const after = await stateOf(1);
    expect({ ...after, jobs: undefined }).toEqual({ ...s, jobs: undefined, processedAt });
    await expectWalletCreditedOnce([1]);
  }, 90_000);

  it('a stream killed mid-way: acknowledged events apply once, the rest never half-apply, redelivery converges', async () => {
    const ns = Array.from({ length: 30 }, (_, i) => 101 + i);
    for (const n of ns) await insertPayment(n);
    if (!server?.workers || !isRunning(server)) {
      if (server) server.proc.kill('SIGKILL');
      server = await startServer(true);
    }
    const victim = server;

    // All 30 at once; SIGKILL as soon as 10 are acknowledged.
    const acked = new Set<number>();
    const outcome = new Map<number, string>();
    await Promise.all(
      ns.map((n) =>
        deliver(victim, n).then(
          (status) => {
            outcome.set(n, String(status));
            if (status !== 200) return;
            acked.add(n);
            if (acked.size === 10) victim.proc.kill('SIGKILL');
          },
          (err: unknown) => outcome.set(n, (err as Error).cause ? 'connection lost' : String(err)),
        ),
      ),
    );
    expect(await victim.exited).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(10);
    // Anything other than 200 must be the crash, not a refusal.
    for (const [n, o] of outcome)
      expect({ n, o }).toEqual({ n, o: acked.has(n) ? '200' : 'connection lost' });

    // Right after the kill, nothing runs: every payment is consistent and every ack was stored.
    // Each event is then: applied; queued (a job waits to run); stranded (stored, not applied, and
    // no job waits: the job was running — pg-boss keeps a running job 'active' until it expires);
    // or absent. Never stored without a job: the event and its job are one commit.
    const at = new Map<number, 'applied' | 'queued' | 'stranded' | 'absent'>();
    let jobless = 0;
    for (const n of ns) {
      const done = await expectConsistent(n);
      const s = await stateOf(n);
      if (acked.has(n)) expect({ n, stored: s.stored }).toEqual({ n, stored: true });
      if (s.stored && !done && s.jobs.length === 0) jobless += 1;
      at.set(
        n,
        done
          ? 'applied'
          : !s.stored
            ? 'absent'
            : s.jobs.some((j) => j === 'created' || j === 'retry')
              ? 'queued'
              : 'stranded',
      );
    }
    expect(jobless).toBe(0);
    const where = (k: string) => ns.filter((n) => at.get(n) === k);
    const stored = ns.filter((n) => at.get(n) !== 'absent');

    // Restart, no redelivery: queued events are applied by the workers at once; stranded ones
    // (orphaned in an 'active' job) are requeued at start-up.
    const restartedAt = Date.now();
    server = await startServer(true);
    await until(
      'queued events applied',
      async () => (await unprocessed(where('queued'))) === 0,
      30_000,
    );
    const queuedAfterMs = Date.now() - restartedAt;
    for (const n of ns) await expectConsistent(n);
    await until('stranded events applied', async () => (await unprocessed(stored)) === 0, 30_000);
    const strandedAfterMs = Date.now() - restartedAt;
    for (const n of ns) {
      const s = await stateOf(n);
      expect({ n, stored: s.stored }).toEqual({ n, stored: at.get(n) !== 'absent' });
      expect(await expectConsistent(n)).toBe(at.get(n) !== 'absent');
    }
    await expectWalletCreditedOnce([1, ...stored]);
    console.info(
      `SIGKILL after ${acked.size} of 30 acknowledged: ${where('applied').length} applied, ` +
        `${where('queued').length} queued, ${where('stranded').length} stranded ` +
        `(${where('stranded').filter((n) => acked.has(n)).length} of them acknowledged, ${jobless} without a job), ` +
        `${where('absent').length} never stored. After restart: queued applied in ${queuedAfterMs} ms, ` +
        `stranded in ${strandedAfterMs} ms.`,
    );

    // Stripe redelivers everything: all 30 converge, one transition each.
    const statuses = await Promise.all(ns.map((n) => deliver(server!, n)));
    expect(statuses).toEqual(ns.map(() => 200));
    await until('all 30 applied', async () => (await unprocessed(ns)) === 0, 30_000);
    for (const n of ns) {
      const s = await stateOf(n);
      expect({ n, status: s.status, transitions: s.transitions }).toEqual({
        n,
        status: 'SUCCEEDED',
        transitions: applied(n),
      });
    }
    await expectWalletCreditedOnce([1, ...ns]);
  }, 240_000);
});
