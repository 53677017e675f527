// `npm run bench -- <name>`: rebuilds the sandbox and the server (a bench must never measure a
// stale dist/), then runs bench/<name>.mjs in its own process and exits with its exit code. No
// name: lists them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const BENCHMARKS = {
  http: 'GET /api/v1/auth/me req/s and p50/p99: Tender vs a bare Fastify doing the same work',
  startup: 'spawn to first 200 /health/ready, fresh and existing DATA_DIR, vs PostgreSQL alone',
  webhooks:
    'signed webhook events/s acknowledged and applied vs a bare Fastify verifying the signature',
  sandbox: 'Stripe sandbox payments/s (create + confirm via the SDK) vs canned answers; webhooks/s',
  'flash-sale': '2,000 concurrent WALLET orders for 100 units: exactly 100 sold, orders/s, p50/p99',
  ledger: 'WALLET payments/s over HTTP vs pgbench running the same SQL, hot and spread merchant',
  ocpp: '5,000 OCPP chargers: Heartbeat/MeterValues msg/s, p50/p99, memory vs bare ocpp-rpc',
};

const root = fileURLToPath(new URL('..', import.meta.url));
const [name, ...args] = process.argv.slice(2);

if (!name) {
  console.log('Benchmarks (npm run bench -- <name>):');
  for (const [n, what] of Object.entries(BENCHMARKS)) console.log(`  ${n.padEnd(11)} ${what}`);
  process.exit(0);
}
if (!Object.hasOwn(BENCHMARKS, name)) {
  console.error(`Unknown benchmark "${name}". Available: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}

if (process.env.BENCH_NO_BUILD !== '1') {
  // The server loads @tender/stripe-sandbox from its dist/ (package main), so it is built first.
  // Build output goes to stderr so stdout carries only the benchmark's results.
  for (const workspace of ['apps/stripe-sandbox', 'apps/server']) {
    const build = spawnSync('npm', ['run', 'build', '-w', workspace], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
    if (build.status !== 0) {
      console.error(`bench: building ${workspace} failed`);
      process.exit(build.status ?? 1);
    }
  }
}

const bench = spawnSync(
  process.execPath,
  [fileURLToPath(new URL(`${name}.mjs`, import.meta.url)), ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (bench.error) console.error(`bench: ${bench.error.message}`);
// Killed by a signal: no status, still a failure.
process.exit(bench.status ?? 1);
