// SIGKILL in the middle of a stream of writes: every write the sandbox answered 200 for is there
// after a restart, and each idempotency key still replays its first answer. On the embedded
// default the sandbox is the system of record for card money, so an answered write must survive.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { sdk } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The standalone sandbox (src/main.ts) as its own process, resolved once it listens. */
async function startProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../src/main.ts')], {
    env: { ...process.env, DATA_DIR: dir, STRIPE_SANDBOX_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${out}`)));
  });
  return child;
}

describe('the sandbox killed mid-stream', () => {
  it('keeps every write it answered, and replays each idempotency key after the restart', async () => {
    const port = await freePort();
    const first = await startProcess(port);
    const stripe = sdk({ port });
    const answered = new Map<string, { customer: string; intent: string }>();
    let stop = false;
    // 8 writers: a customer, then a confirmed payment for it, each with its own key.
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const key = `crash-${w}-${i}`;
        try {
          const customer = await stripe.customers.create(
            { email: `${key}@example.com` },
            { idempotencyKey: `${key}-c` },
          );
          const intent = await stripe.paymentIntents.create(
            {
              amount: 1000 + i,
              currency: 'eur',
              customer: customer.id,
              payment_method: 'pm_card_visa',
              confirm: true,
            },
            { idempotencyKey: `${key}-p` },
          );
          answered.set(key, { customer: customer.id, intent: intent.id });
        } catch {
          return; // the connection died with the process
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited;
    expect(answered.size).toBeGreaterThan(20);

    const second = await startProcess(port);
    try {
      const lost: string[] = [];
      for (const [key, ids] of answered) {
        const intent = await stripe.paymentIntents
          .retrieve(ids.intent, { expand: ['latest_charge.balance_transaction'] })
          .catch(() => null);
        const customer = await stripe.customers.retrieve(ids.customer).catch(() => null);
        // The payment's money is on the balance too: its balance transaction was saved with it.
        const charge = intent?.latest_charge as Stripe.Charge | null | undefined;
        const txn = charge?.balance_transaction as Stripe.BalanceTransaction | null | undefined;
        if (intent?.status !== 'succeeded' || customer === null || txn?.amount !== intent.amount)
          lost.push(key);
      }
      expect(lost).toEqual([]);
      // The balance is the sum of the transactions that survived: none half-written.
      const txns = await stripe.balanceTransactions
        .list({ limit: 100 })
        .autoPagingToArray({ limit: 10_000 });
      expect(txns.length).toBeGreaterThanOrEqual(answered.size);
      const balance = await stripe.balance.retrieve();
      expect(balance.pending.find((b) => b.currency === 'eur')?.amount).toBe(
        txns.reduce((sum, t) => sum + t.net, 0),
      );
      // A replay of an answered key is the first answer, not a second payment.
      const [key, ids] = [...answered][answered.size - 1]!;
      const replay = await stripe.paymentIntents.create(
        {
          amount: 1000 + Number(key.split('-')[2]),
          currency: 'eur',
          customer: ids.customer,
          payment_method: 'pm_card_visa',
          confirm: true,
        },
        { idempotencyKey: `${key}-p` },
      );
      expect(replay.id).toBe(ids.intent);
      const all = await stripe.paymentIntents
        .list({ limit: 100 })
        .autoPagingToArray({ limit: 10_000 });
      expect(all.filter((pi) => pi.customer === ids.customer)).toHaveLength(1);
    } finally {
      second.kill('SIGTERM');
    }
  }, 60_000);
});
