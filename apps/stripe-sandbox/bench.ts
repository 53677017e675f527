// Sandbox benchmark: payment intents created and confirmed per second through the official SDK,
// and webhook deliveries per second to a local receiver.
//
//   npx tsx apps/stripe-sandbox/bench.ts [--seconds 5] [--concurrency 8]
//
// Prints one JSON line per metric so bench runners can collect it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startSandbox } from './src/index';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
}

async function main(): Promise<void> {
  const seconds = arg('seconds', 5);
  const concurrency = arg('concurrency', 8);
  let delivered = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered += 1;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const sandbox = await startSandbox({ webhookUrl });
  const stripe = new Stripe('sk_test_bench', {
    host: '127.0.0.1',
    port: sandbox.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });

  let payments = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const pi = await stripe.paymentIntents.create({
          amount: 1000,
          currency: 'eur',
          payment_method: 'pm_card_visa',
        });
        await stripe.paymentIntents.confirm(pi.id);
        payments += 1;
      }
    }),
  );
  const paymentSeconds = (Date.now() - started) / 1000;
  // Each confirmed payment emits three events (created, charge.succeeded, succeeded).
  const expected = payments * 3;
  const drainStart = Date.now();
  while (delivered < expected && Date.now() - drainStart < 60_000) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const deliverySeconds = (Date.now() - started) / 1000;
  await sandbox.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));

  const line = (metric: string, value: number, unit: string) =>
    process.stdout.write(
      `${JSON.stringify({ bench: 'sandbox', metric, value: Math.round(value * 10) / 10, unit })}\n`,
    );
  line('payment_intents_created_and_confirmed', payments / paymentSeconds, 'per_second');
  line('webhook_deliveries', delivered / deliverySeconds, 'per_second');
  line('webhook_deliveries_total', delivered, 'count');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
