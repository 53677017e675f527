// Seconds from spawning `node apps/server/dist/main.js` (what `npm start` runs after building) to the
// first 200 from /health/ready, on a fresh DATA_DIR (initdb, migrations, demo seed) and on that same
// DATA_DIR again. The limit, measured alongside: the embedded PostgreSQL alone (initdb + start, or
// start), which Tender cannot beat; the rest is Tender's own (Node, modules, migrations, Nest).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  assertNoPostgres,
  clusterDirOf,
  embeddedPostgres,
  freePort,
  intEnv,
  median,
  serverMain,
} from './lib.mjs';

const REPEAT = intEnv('BENCH_REPEAT', 3);
const READY_TIMEOUT_MS = 120_000;
const EXIT_TIMEOUT_MS = 30_000;

/** Starts Tender as a user would, times it to ready, stops it with SIGTERM and checks it is gone. */
async function tenderStart(/** @type {string} */ dataDir) {
  const port = await freePort();
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  env.LOG_LEVEL = 'silent';
  delete env.DATABASE_URL; // the embedded PostgreSQL is what a first `npm start` uses
  delete env.REDIS_URL;

  const t0 = performance.now();
  const child = spawn(process.execPath, [serverMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (/** @type {Buffer} */ d) => (output = (output + d.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));

  try {
    let seconds = 0;
    while (!seconds) {
      if (done) throw new Error(`server exited before ready:\n${output}`);
      if (performance.now() - t0 > READY_TIMEOUT_MS) throw new Error(`not ready:\n${output}`);
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      if (res?.status === 200) seconds = (performance.now() - t0) / 1000;
      else await sleep(20); // a refused connection returns at once: poll finely, not busily
    }

    child.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(EXIT_TIMEOUT_MS, 'timeout')]);
    if (code === 'timeout') throw new Error(`no exit ${EXIT_TIMEOUT_MS} ms after SIGTERM`);
    if (code !== 0) throw new Error(`exit code ${code} after SIGTERM:\n${output}`);
    assertNoPostgres(clusterDirOf(dataDir));
    return seconds;
  } finally {
    if (!done) child.kill('SIGKILL');
  }
}

/** The limit: the same embedded PostgreSQL start (as Tender drives it) in this process. */
async function postgresStart(/** @type {string} */ dataDir) {
  const t0 = performance.now();
  const pg = await embeddedPostgres.startEmbeddedPostgres({ dir: join(dataDir, 'postgres') });
  const seconds = (performance.now() - t0) / 1000;
  await pg.stop();
  assertNoPostgres(clusterDirOf(dataDir));
  return seconds;
}

/** @type {Record<string, number[]>} */
const times = { tenderFresh: [], tenderExisting: [], pgFresh: [], pgExisting: [] };
let exitCode = 0;
console.log(`startup: spawn to first 200 /health/ready, ${REPEAT} repetitions`);
try {
  for (let i = 1; i <= REPEAT; i++) {
    for (const [name, start] of /** @type {const} */ ([
      ['tender', tenderStart],
      ['pg', postgresStart],
    ])) {
      const dir = await mkdtemp(join(tmpdir(), `tender-bench-startup-${name}-`));
      try {
        const fresh = await start(dir);
        const existing = await start(dir);
        times[`${name}Fresh`]?.push(fresh);
        times[`${name}Existing`]?.push(existing);
        const label = name === 'pg' ? 'postgres alone' : 'tender';
        console.log(
          `  run ${i} ${label.padEnd(14)} fresh ${fresh.toFixed(2)} s  existing ${existing.toFixed(2)} s`,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }

  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v) ?? NaN]));
  const s = (/** @type {number | undefined} */ x) => `${(x ?? NaN).toFixed(2)} s`.padStart(13);
  console.log(`\n${'median'.padEnd(16)}${'fresh'.padStart(13)}${'existing'.padStart(13)}`);
  console.log(`${'tender'.padEnd(16)}${s(m.tenderFresh)}${s(m.tenderExisting)}`);
  console.log(`${'postgres alone'.padEnd(16)}${s(m.pgFresh)}${s(m.pgExisting)}`);
  const r = (/** @type {number | undefined} */ a, /** @type {number | undefined} */ b) =>
    ((a ?? NaN) / (b ?? NaN)).toFixed(2);
  console.log(`\ntender existing / fresh: ${r(m.tenderExisting, m.tenderFresh)}`);
  console.log(
    `tender / postgres alone: fresh ${r(m.tenderFresh, m.pgFresh)}, ` +
      `existing ${r(m.tenderExisting, m.pgExisting)}`,
  );
} catch (err) {
  console.error(`startup bench failed: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
}
process.exit(exitCode);
