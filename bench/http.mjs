// GET /api/v1/auth/me (verify an HS256 JWT, read one user row, answer JSON) on the real Tender
// server vs a bare Fastify doing the same work on the same database, in the same run. The machine
// is shared and noisy, so the ratio tender/bare is the result, not the absolute req/s.
import { isDeepStrictEqual } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { goalExitCode, intEnv, server } from './lib.mjs';

const DURATION = intEnv('BENCH_DURATION', 10);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 50);
const WARMUP = 3;
const ROUNDS = intEnv('BENCH_ROUNDS', 2);
const GOAL = 0.5;
const ME = '/api/v1/auth/me';

/**
 * The same work as Tender's AuthGuard + /me, with nothing else: jose HS256 verify with the same
 * issuer/audience/algorithms (once per token, remembered until it expires, as Tender does), the same SELECT on a pg Pool of the same size, the same JSON.
 * @param {{ databaseUrl: string, poolSize: number, secret: string }} opts
 */
async function startBare({ databaseUrl, poolSize, secret }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const key = new TextEncoder().encode(secret);
  const app = Fastify({ logger: false });
  // Tender's AccessTokens remembers a verified token until it expires; so does the limit, or it
  // would not be one.
  /** @type {Map<string, { sub: string | undefined, expMs: number }>} */
  const verifiedTokens = new Map();
  app.get(ME, async (req, reply) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!bearer) return reply.code(401).send({ error: 'missing_token' });
    const token = bearer[1] ?? '';
    let sub = verifiedTokens.get(token);
    if (!sub || sub.expMs <= Date.now()) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: 'tender',
          audience: 'tender-api',
          algorithms: ['HS256'],
        });
        sub = { sub: payload.sub, expMs: (payload.exp ?? 0) * 1000 };
        verifiedTokens.set(token, sub);
      } catch {
        return reply.code(401).send({ error: 'invalid_token' });
      }
    }
    const { rows } = await pool.query('SELECT * FROM users WHERE id = $1 AND deleted_at IS NULL', [
      sub.sub,
    ]);
    const u = rows[0];
    if (!u || !u.is_active) return reply.code(401).send({ error: 'invalid_token' });
    return {
      id: u.id,
      email: u.email,
      role: u.role,
      firstName: u.first_name,
      lastName: u.last_name,
      isActive: u.is_active,
      companyId: u.company_id,
      lastLogin: u.last_login?.toISOString() ?? null,
      createdAt: u.created_at.toISOString(),
      updatedAt: u.updated_at.toISOString(),
    };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: async () => (await app.close(), await pool.end()) };
}

/**
 * One autocannon run. The load generator runs in a worker thread so it does not share the event
 * loop of the server under test (both servers live in this process).
 * @param {string} url @param {string} token @param {number} seconds
 * @returns {Promise<Run>}
 */
async function load(url, token, seconds) {
  const r = await autocannon({
    url: url + ME,
    connections: CONNECTIONS,
    duration: seconds,
    workers: 1,
    headers: { authorization: `Bearer ${token}` },
  });
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0 || r.requests.total === 0)
    throw new Error(
      `${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.requests.total} requests`,
    );
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** @typedef {{ rps: number, p50: number, p99: number }} Run */
const fmt = (/** @type {Run} */ r) => [r.rps.toFixed(0), String(r.p50), String(r.p99)];
const row = (/** @type {string} */ label, /** @type {string[]} */ cells) =>
  label.padEnd(14) + cells.map((c) => c.padStart(8)).join('');

/** @param {string} url @param {string} token */
async function me(url, token) {
  const res = await fetch(url + ME, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${url}${ME} answered ${res.status}`);
  return res.json();
}

const dataDir = await mkdtemp(join(tmpdir(), 'tender-bench-http-'));
const discard = new Writable({ write: (_c, _e, cb) => cb() });
/** @type {(() => Promise<unknown>)[]} */
const cleanups = [() => rm(dataDir, { recursive: true, force: true })];
let exitCode = 0;
try {
  const started = await server.run(
    {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false', // argon2-hashing demo users is start-up work, not what we measure
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
      JWT_SECRET: process.env.JWT_SECRET,
      // One client registers once; the limits only matter if a run is repeated on DATABASE_URL.
      AUTH_RATE_LIMIT_PER_IP: '1000000',
      AUTH_RATE_LIMIT_PER_EMAIL: '1000000',
      ACCESS_TOKEN_TTL_SECONDS: String(24 * 3600), // outlives any BENCH_DURATION
    },
    { out: discard, err: process.stderr },
  );
  if (typeof started === 'number') throw new Error(`Tender refused its configuration (${started})`);
  const { config, runtime, running } = started;
  cleanups.unshift(() => running.close());

  const email = `bench-${Date.now()}-${process.pid}@example.com`;
  const reg = await fetch(`${running.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password-0123456789' }),
  });
  if (reg.status !== 201) throw new Error(`register answered ${reg.status}: ${await reg.text()}`);
  const { user, accessToken } = /** @type {any} */ (await reg.json());
  // Leave an external database as we found it (refresh_tokens references the user).
  cleanups.unshift(async () => {
    await runtime.database.pool.query('DELETE FROM refresh_tokens WHERE user_id = $1', [user.id]);
    await runtime.database.pool.query('DELETE FROM users WHERE id = $1', [user.id]);
  });

  const databaseUrl = runtime.embedded?.url ?? config.database.url ?? '';
  const bare = await startBare({
    databaseUrl,
    poolSize: config.database.poolSize,
    secret: runtime.secrets.jwt,
  });
  cleanups.unshift(bare.close);

  // Same work means the same answer: check before timing anything.
  const [fromTender, fromBare] = [
    await me(running.url, accessToken),
    await me(bare.url, accessToken),
  ];
  if (!isDeepStrictEqual(fromTender, fromBare))
    throw new Error(`answers differ:\n${JSON.stringify(fromTender)}\n${JSON.stringify(fromBare)}`);

  const targets = { bare: bare.url, tender: running.url };
  console.log(
    `http: GET ${ME}, ${CONNECTIONS} connections, ${ROUNDS} x ${DURATION} s each ` +
      `(after ${WARMUP} s warm-up), ${runtime.embedded ? 'embedded' : 'external'} PostgreSQL, ` +
      `pool ${config.database.poolSize}`,
  );
  for (const url of Object.values(targets)) await load(url, accessToken, WARMUP);

  /** @type {Record<string, Run>} */
  const best = {};
  // Alternate so drift on the shared machine hits both sides alike; keep the better run of each.
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, url] of Object.entries(targets)) {
      const r = await load(url, accessToken, DURATION);
      console.log(row(`  ${round}: ${name}`, fmt(r)));
      if (!best[name] || r.rps > best[name].rps) best[name] = r;
    }
  }

  const t = best.tender ?? { rps: 0, p50: 0, p99: 0 };
  const b = best.bare ?? { rps: 1, p50: 0, p99: 0 };
  const ratio = t.rps / b.rps;
  console.log(`\n${row('best of each', ['req/s', 'p50 ms', 'p99 ms'])}`);
  console.log(row('bare fastify', fmt(b)));
  console.log(row('tender', fmt(t)));
  console.log(`\ntender / bare req/s: ${ratio.toFixed(2)} (goal >= ${GOAL})`);
  exitCode = Math.max(exitCode, goalExitCode(ratio < GOAL));
} catch (err) {
  console.error(`http bench failed: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  for (const fn of cleanups) await fn().catch((e) => console.error(`cleanup: ${e}`));
}
process.exit(exitCode);
