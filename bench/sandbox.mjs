// `npm run bench -- sandbox`: the Stripe sandbox's speed through the official SDK — payment intents
// created and confirmed per second, and webhook deliveries per second — against a limit measured in
// the same run: the same SDK calls answered by a bare Fastify server that parses the form body and
// returns a canned PaymentIntent (the SDK + HTTP floor). Prints the ratio. The same load on a
// durable sandbox (SQLite, every answered write saved first: the embedded default) against the
// in-memory one says what durability costs.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import Stripe from 'stripe';
import { goalExitCode, intEnv } from './lib.mjs';

const require = createRequire(import.meta.url);
/**
 * The built sandbox (CommonJS), typed from its sources so `tsc -p bench` works before a build.
 * @type {typeof import('../apps/stripe-sandbox/src/index.js')}
 */
const sandboxModule = require('../apps/stripe-sandbox/dist/index.js');
const { startSandbox } = sandboxModule;

const SECONDS = intEnv('BENCH_DURATION', 5);
const CONCURRENCY = intEnv('BENCH_CONNECTIONS', 8);
/** Durable / in-memory: saving before answering may cost at most half the throughput. */
const DURABLE_GOAL = 0.5;

/** @param {number} port */
function sdk(port) {
  return new Stripe('sk_test_bench', {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

/** Create + confirm as many payment intents as possible in SECONDS with CONCURRENCY loops. */
async function drive(/** @type {Stripe} */ stripe) {
  let done = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const pi = await stripe.paymentIntents.create({
          amount: 1000,
          currency: 'eur',
          payment_method: 'pm_card_visa',
        });
        const confirmed = await stripe.paymentIntents.confirm(pi.id);
        if (confirmed.status !== 'succeeded')
          throw new Error(`unexpected status ${confirmed.status}`);
        done += 1;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

/** The floor: the same two SDK calls answered with a canned object, no state, no events. */
async function bareServer() {
  const app = Fastify();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(/** @type {string} */ (body)))),
  );
  let n = 0;
  const intent = (/** @type {string} */ id, /** @type {string} */ status) => ({
    id,
    object: 'payment_intent',
    amount: 1000,
    currency: 'eur',
    status,
    livemode: false,
    metadata: {},
  });
  app.post('/v1/payment_intents', async () => intent(`pi_${++n}`, 'requires_confirmation'));
  app.post('/v1/payment_intents/:id/confirm', async (req) =>
    intent(/** @type {{id: string}} */ (req.params).id, 'succeeded'),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: /** @type {import('node:net').AddressInfo} */ (app.server.address()).port };
}

async function main() {
  let delivered = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered += 1;
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', () => r(undefined)));
  const hookPort = /** @type {import('node:net').AddressInfo} */ (receiver.address()).port;
  const webhookUrl = `http://127.0.0.1:${hookPort}/hooks`;
  const sandbox = await startSandbox({ webhookUrl });
  const dir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
  const durable = await startSandbox({ webhookUrl, stateFile: join(dir, 'stripe-sandbox.db') });
  const bare = await bareServer();
  try {
    await drive(sdk(bare.port)); // warm-up, all three
    await drive(sdk(sandbox.port));
    await drive(sdk(durable.port));
    // Durable and in-memory alternate, best of two each: a burst of other work on this shared
    // machine then lands on both rather than on one.
    const durableRate = await drive(sdk(durable.port));
    const memoryFirst = await drive(sdk(sandbox.port));
    const durableBest = Math.max(durableRate, await drive(sdk(durable.port)));
    delivered = 0;
    const floor = await drive(sdk(bare.port));
    const rate = await drive(sdk(sandbox.port));
    const memoryBest = Math.max(rate, memoryFirst);
    // Every confirmed payment emits its events; wait until the deliveries stop growing.
    const drainStart = Date.now();
    let last = -1;
    while (delivered !== last && Date.now() - drainStart < 60_000) {
      last = delivered;
      await new Promise((r) => setTimeout(r, 500));
    }
    const deliveries = delivered / ((Date.now() - drainStart) / 1000 + SECONDS);
    console.log(`sandbox: ${CONCURRENCY} SDK loops x ${SECONDS} s, create + confirm per payment`);
    console.log(`  bare fastify (canned answers)  ${floor.toFixed(0)} payments/s`);
    console.log(`  stripe sandbox                 ${rate.toFixed(0)} payments/s`);
    console.log(`  sandbox / bare: ${(rate / floor).toFixed(2)}`);
    console.log(`  webhook deliveries: ${delivered} in the timed run, ${deliveries.toFixed(0)}/s`);
    console.log(`  durable sandbox (SQLite)       ${durableBest.toFixed(0)} payments/s`);
    const ratio = durableBest / memoryBest;
    console.log(`  durable / in-memory: ${ratio.toFixed(2)} (goal ${DURABLE_GOAL})`);
    if (delivered === 0) throw new Error('no webhook was delivered');
    process.exitCode = goalExitCode(ratio < DURABLE_GOAL);
  } finally {
    await durable.close();
    rmSync(dir, { recursive: true, force: true });
    await sandbox.close();
    await bare.app.close();
    receiver.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
