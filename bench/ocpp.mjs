// N simulated OCPP 1.6J chargers (a load process of their own) connect, boot, then send Heartbeat
// and MeterValues at a fixed rate each: to Tender's gateway (in this process, on its database),
// then to a bare ocpp-rpc server in strict mode that only answers (its own process), in the same
// run. Prints chargers connected, messages/s answered, p50/p99 round trip, server memory per
// charger, and tender/bare messages/s against the goal.
import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import { goalExitCode, intEnv, server } from './lib.mjs';

const require = createRequire(import.meta.url);
/** @type {typeof import('../apps/server/src/platform/ids/ids.js')} */
const ids = require('../apps/server/dist/platform/ids/ids.js');

const { values: args } = parseArgs({
  options: { chargers: { type: 'string' } },
  allowPositionals: false,
});
const CHARGERS = args.chargers ? Number(args.chargers) : intEnv('BENCH_CHARGERS', 5000);
if (!Number.isInteger(CHARGERS) || CHARGERS <= 0)
  throw new Error('--chargers must be a positive integer');
const DURATION = intEnv('BENCH_DURATION', 20);
const WARMUP = intEnv('BENCH_WARMUP', 5);
/** Milliseconds between one charger's messages (Heartbeat and MeterValues alternately). */
const INTERVAL_MS = intEnv('BENCH_OCPP_INTERVAL_MS', 2000);
const CONNECT_RATE = intEnv('BENCH_CONNECT_RATE', 500);
const CONNECT_CONCURRENCY = 100;
/**
 * Chargers per source address (127.0.0.x): a site's chargers share an address, but 5,000 do not.
 * Tender's OCPP route allows 5,000 sockets and 1,200 handshakes a minute per address; 250 each
 * stays inside both without changing any limit of the server under test.
 */
const PER_SOURCE = 250;
const GOAL_RATIO = 0.7;
const GOAL_P99_MS = 50;
const TAG = `B${Date.now().toString(36)}${process.pid.toString(36)}`.toUpperCase();
const LOAD = fileURLToPath(new URL('ocpp-load.mjs', import.meta.url));
const BARE = fileURLToPath(new URL('ocpp-bare.mjs', import.meta.url));

/** The soft limit on open files, from /proc (Node has no getrlimit). */
function openFilesLimit(/** @type {'soft' | 'hard'} */ which) {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const [soft, hard] = (line ?? '').split(/\s+/).slice(3, 5);
  const n = Number(which === 'soft' ? soft : hard);
  return Number.isFinite(n) ? n : Infinity;
}

// Each charger is a socket in this process (the server) and one in the load process, plus the
// database's. Raise the soft limit to what is needed (at most the hard limit) by running again
// under `ulimit -n`; a limit that cannot be raised that far fails here rather than mid-run.
const FILES_NEEDED = CHARGERS + 1024;
if (openFilesLimit('soft') < FILES_NEEDED) {
  const hard = openFilesLimit('hard');
  if (hard < FILES_NEEDED || process.env.BENCH_OCPP_RAISED === '1') {
    console.error(`ocpp bench: needs ${FILES_NEEDED} open files, the hard limit is ${hard}`);
    process.exit(1);
  }
  const again = spawnSync(
    'sh',
    [
      '-c',
      `ulimit -n ${FILES_NEEDED} && exec "$0" "$@"`,
      process.execPath,
      ...process.argv.slice(1),
    ],
    { stdio: 'inherit', env: { ...process.env, BENCH_OCPP_RAISED: '1' } },
  );
  process.exit(again.status ?? 1);
}

/**
 * @typedef {{ connected: number, failed: number, connectSeconds: number, seconds: number,
 *   sent: number, answered: number, unanswered: number, skipped: number, callErrors: number,
 *   closed: number, perSecond: number, p50: number, p99: number, max: number, loadCpuShare: number,
 *   sentTotal: number, answeredTotal: number, firstError?: string }} LoadStats
 * @typedef {{ rss: number, heapUsed: number, cpu: number, loopP99: number, loopMax: number,
 *   gcMs: number, gcMaxMs: number, pg?: Map<number, number> }} Memory (cpu: the process's µs so
 *   far; loop*: event-loop delay in ms since the previous snapshot; gc*: GC pauses since the
 *   previous snapshot; pg: CPU µs so far of each PostgreSQL backend on Tender's database)
 * @typedef {{ stats: LoadStats, before: Memory, after: Memory, connectedAt: Date,
 *   cpuPerMessage: number, pgCpuPerMessage?: number }} Result
 */

/**
 * One load run against `url`: fork the load process, connect every charger, run the steady load,
 * read the server's memory (`memory()`) before connecting and with all still connected, close.
 * @param {string} url @param {string[]} ocppIds @param {() => Promise<Memory>} memory
 * @returns {Promise<Result>}
 */
async function loadRun(url, ocppIds, memory) {
  const before = await memory();
  const child = fork(LOAD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const sources = Array.from(
    { length: Math.ceil(ocppIds.length / PER_SOURCE) },
    (_, i) => `127.0.0.${2 + i}`,
  );
  if (sources.length > 250) throw new Error('too many chargers for 127.0.0.x source addresses');
  let connectedAt = new Date();
  /** @type {Promise<Memory> | undefined} */
  let atConnected;
  try {
    const stats = await new Promise((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`load process exited (${code})`)));
      child.on('message', (/** @type {any} */ m) => {
        if (m.type === 'connected') {
          connectedAt = new Date();
          atConnected = memory();
          console.log(
            `  ${m.connected}/${ocppIds.length} connected and booted in ${m.seconds.toFixed(1)} s ` +
              `(handshake p50/p99 ${m.handshake.p50.toFixed(0)}/${m.handshake.p99.toFixed(0)} ms, ` +
              `boot ${m.boot.p50.toFixed(0)}/${m.boot.p99.toFixed(0)} ms)` +
              (m.failed ? ` (${m.failed} failed: ${m.firstError})` : ''),
          );
        } else if (m.type === 'done') resolve(m.stats);
        else if (m.type === 'error') reject(new Error(m.message));
      });
      child.send({
        type: 'run',
        url,
        ids: ocppIds,
        sources,
        rate: 1000 / INTERVAL_MS,
        warmupSeconds: WARMUP,
        seconds: DURATION,
        connectRate: CONNECT_RATE,
        connectConcurrency: CONNECT_CONCURRENCY,
      });
    });
    const after = await memory();
    const s = /** @type {LoadStats} */ (stats);
    // The server's CPU from all booted to all answered, per message it answered meanwhile.
    const steady = s.answeredTotal - s.connected;
    const cpuFrom = (await atConnected)?.cpu ?? after.cpu;
    const cpuPerMessage = steady > 0 ? (after.cpu - cpuFrom) / steady : 0;
    const pgFrom = (await atConnected)?.pg;
    /** @type {number | undefined} */
    let pgCpuPerMessage;
    if (pgFrom && after.pg && steady > 0) {
      let used = 0;
      for (const [pid, cpu] of after.pg) used += cpu - (pgFrom.get(pid) ?? 0);
      pgCpuPerMessage = used / steady;
    }
    return { stats: s, before, after, connectedAt, cpuPerMessage, pgCpuPerMessage };
  } finally {
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'close' });
    await exited;
  }
}

/** The bare limit in its own process. */
async function startBare() {
  const child = fork(BARE, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  /** @type {(m: any) => void} */
  let onMemory = () => undefined;
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    child.on('message', (/** @type {any} */ m) => {
      if (m.type === 'listening') resolve(m.port);
      if (m.type === 'memory') onMemory(m.memory);
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    /** @returns {Promise<Memory>} */
    memory: () =>
      new Promise((resolve) => {
        onMemory = resolve;
        child.send({ type: 'memory' });
      }),
    close: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  };
}

// Where a server's round trips go besides its own work: the event loop's delay (a long task or
// GC pause blocks every socket) and GC pauses, measured in the server's process (bare: the same
// code in ocpp-bare.mjs).
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const gc = { ms: 0, max: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.ms += e.duration;
    gc.max = Math.max(gc.max, e.duration);
  }
}).observe({ entryTypes: ['gc'] });

/**
 * CPU µs so far of each PostgreSQL backend on `pool`'s database, from /proc: PostgreSQL on this
 * machine only (undefined otherwise). Backends that end before the next read lose their share.
 * @param {pg.Pool} pool @returns {Promise<Map<number, number> | undefined>}
 */
async function pgBackendsCpu(pool) {
  const { rows } = await pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  const cpu = new Map();
  for (const { pid } of rows) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return undefined;
    }
    // utime and stime, fields 14 and 15, in clock ticks (100 a second).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10_000);
  }
  return cpu;
}

/** @returns {Promise<Memory>} this process's memory (Tender runs here). */
const ownMemory = async () => {
  const { rss, heapUsed } = process.memoryUsage();
  const cpu = process.cpuUsage();
  const snapshot = {
    rss,
    heapUsed,
    cpu: cpu.user + cpu.system,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
    gcMs: gc.ms,
    gcMaxMs: gc.max,
  };
  loop.reset();
  gc.ms = 0;
  gc.max = 0;
  return snapshot;
};

/**
 * A company, a station and n chargers without a password (a password costs an argon2 verify per
 * connection, which is not what this measures), inserted in SQL as the API stores them.
 * @param {pg.Pool} pool @param {number} n
 */
async function makeChargers(pool, n) {
  const companyId = ids.newId('company');
  const stationId = ids.newId('station');
  await pool.query(`INSERT INTO companies (id, name) VALUES ($1, $2)`, [companyId, `Bench ${TAG}`]);
  await pool.query(
    `INSERT INTO stations (id, company_id, name, address, latitude, longitude, time_zone)
     VALUES ($1, $2, 'Bench station', '1 Bench Road', 53.5, 9.9, 'Europe/Berlin')`,
    [stationId, companyId],
  );
  const ocppIds = Array.from({ length: n }, (_, i) => `${TAG}-${i}`);
  const chargerIds = ocppIds.map(() => ids.newId('charger'));
  await pool.query(
    `INSERT INTO chargers (id, station_id, company_id, ocpp_id)
     SELECT c, $2, $3, o FROM unnest($1::text[], $4::text[]) AS t(c, o)`,
    [chargerIds, stationId, companyId, ocppIds],
  );
  return { companyId, stationId, ocppIds, chargerIds };
}

/** @param {pg.Pool | pg.Client} db @param {{ companyId: string, stationId: string }} made */
async function removeChargers(db, made) {
  const ofCompany = `(SELECT id FROM chargers WHERE company_id = $1)`;
  await db.query(`DELETE FROM ocpp_messages WHERE charger_id IN ${ofCompany}`, [made.companyId]);
  await db.query(`DELETE FROM ocpp_transactions WHERE company_id = $1`, [made.companyId]);
  await db.query(`DELETE FROM connectors WHERE company_id = $1`, [made.companyId]);
  await db.query(`DELETE FROM chargers WHERE company_id = $1`, [made.companyId]);
  await db.query(`DELETE FROM stations WHERE id = $1`, [made.stationId]);
  await db.query(`DELETE FROM companies WHERE id = $1`, [made.companyId]);
}

const MB = 1024 * 1024;
/** @param {string} label @param {Result} r */
function line(label, r) {
  const s = r.stats;
  const perCharger = (/** @type {number} */ bytes) =>
    s.connected ? `${(bytes / s.connected / 1024).toFixed(1)} KiB` : '-';
  return [
    label.padEnd(8),
    String(s.connected).padStart(9),
    s.perSecond.toFixed(0).padStart(8),
    s.p50.toFixed(1).padStart(7),
    s.p99.toFixed(1).padStart(7),
    perCharger(r.after.rss - r.before.rss).padStart(11),
    perCharger(r.after.heapUsed - r.before.heapUsed).padStart(11),
    `${(r.after.rss / MB).toFixed(0)} MB`.padStart(8),
    r.cpuPerMessage.toFixed(0).padStart(10),
  ].join('  ');
}

/** @param {string} name @param {LoadStats} s */
function check(name, s) {
  const problems = [];
  if (s.connected !== CHARGERS) problems.push(`${CHARGERS - s.connected} chargers not connected`);
  if (s.callErrors) problems.push(`${s.callErrors} CallErrors (${s.firstError})`);
  if (s.unanswered) problems.push(`${s.unanswered} calls unanswered 30 s after the window`);
  if (s.closed) problems.push(`${s.closed} sockets closed by the server`);
  if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
}

const dataDir = await mkdtemp(join(tmpdir(), 'tender-bench-ocpp-'));
/** @type {(() => Promise<unknown>)[]} */
const cleanups = [() => rm(dataDir, { recursive: true, force: true })];
let exitCode = 0;
try {
  const started = await server.run(
    {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      SEED_DEMO: 'false',
      DEMO_CHARGER: 'false',
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
    },
    { out: new Writable({ write: (_c, _e, cb) => cb() }), err: process.stderr },
  );
  if (typeof started === 'number') throw new Error(`Tender refused its configuration (${started})`);
  const { config, runtime, running } = started;
  const databaseUrl = runtime.embedded?.url ?? config.database.url ?? '';
  cleanups.unshift(() => running.close());

  const made = await makeChargers(runtime.database.pool, CHARGERS);
  // On a shared DATABASE_URL our rows go afterwards, once Tender (and its pool) has closed, so no
  // write of its own is still on the way.
  if (!runtime.embedded)
    cleanups.splice(1, 0, async () => {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        await removeChargers(db, made);
      } finally {
        await db.end();
      }
    });

  console.log(
    `ocpp: ${CHARGERS} chargers (${Math.ceil(CHARGERS / PER_SOURCE)} source addresses), ` +
      `each a message every ${INTERVAL_MS} ms (Heartbeat and MeterValues alternately): ` +
      `${Math.round((CHARGERS * 1000) / INTERVAL_MS)}/s offered, ${WARMUP} s warm-up + ` +
      `${DURATION} s measured, connect rate ${CONNECT_RATE}/s; ` +
      `${runtime.embedded ? 'embedded' : 'external'} PostgreSQL, pool ${config.database.poolSize}`,
  );

  const bare = await startBare();
  cleanups.unshift(bare.close);
  console.log('bare ocpp-rpc (strict mode, answers only):');
  const bareResult = await loadRun(bare.url, made.ocppIds, bare.memory);
  await bare.close();
  cleanups.shift();

  console.log('tender:');
  const tender = await loadRun(running.url.replace('http://', 'ws://'), made.ocppIds, async () => ({
    ...(await ownMemory()),
    pg: await pgBackendsCpu(runtime.database.pool),
  }));

  // What the log promises, checked: every frame in and out recorded (the load's own totals, boots
  // included) and every charger's Heartbeat after its boot stored, within a few seconds.
  const pool = runtime.database.pool;
  const expected = { IN: tender.stats.sentTotal, OUT: tender.stats.answeredTotal };
  /** @type {Record<string, number>} */
  let logged = {};
  let beats = 0;
  for (let waited = 0; waited <= 10_000; waited += 100) {
    const { rows } = await pool.query(
      `SELECT direction, count(*)::int AS n FROM ocpp_messages
       WHERE charger_id IN (SELECT id FROM chargers WHERE company_id = $1) GROUP BY direction`,
      [made.companyId],
    );
    logged = Object.fromEntries(rows.map((r) => [r.direction, r.n]));
    const b = await pool.query(
      `SELECT count(*)::int AS n FROM chargers WHERE company_id = $1 AND last_heartbeat_at >= $2`,
      [made.companyId, tender.connectedAt],
    );
    beats = b.rows[0].n;
    if (logged.IN === expected.IN && logged.OUT === expected.OUT && beats === CHARGERS) break;
    await sleep(100);
  }
  console.log(
    `  log: ${logged.IN ?? 0} in / ${logged.OUT ?? 0} out recorded for ${expected.IN} sent / ` +
      `${expected.OUT} answered; heartbeats of the window stored for ${beats}/${CHARGERS} chargers`,
  );
  const logComplete = logged.IN === expected.IN && logged.OUT === expected.OUT;

  const header = [
    '',
    'connected',
    'msg/s',
    'p50 ms',
    'p99 ms',
    'RSS/chg',
    'heap/chg',
    'RSS',
    'CPU µs/msg',
  ];
  const widths = [8, 9, 8, 7, 7, 11, 11, 8, 10];
  console.log(
    `\n${header.map((h, i) => (i ? h.padStart(widths[i] ?? 8) : h.padEnd(8))).join('  ')}`,
  );
  console.log(line('bare', bareResult));
  console.log(line('tender', tender));
  for (const [label, r] of /** @type {const} */ ([
    ['bare', bareResult],
    ['tender', tender],
  ]))
    console.log(
      `  ${label}: event-loop delay p99/max ${r.after.loopP99.toFixed(1)}/${r.after.loopMax.toFixed(0)} ms, ` +
        `GC pauses ${r.after.gcMs.toFixed(0)} ms in all (longest ${r.after.gcMaxMs.toFixed(1)} ms), ` +
        'all booted to all answered' +
        (r.pgCpuPerMessage !== undefined
          ? `; PostgreSQL backends ${r.pgCpuPerMessage.toFixed(0)} CPU µs/msg`
          : ''),
    );
  const ratio = tender.stats.perSecond / bareResult.stats.perSecond;
  console.log(
    `\ntender / bare msg/s: ${ratio.toFixed(2)} (goal >= ${GOAL_RATIO}); ` +
      `tender p99 ${tender.stats.p99.toFixed(1)} ms (goal < ${GOAL_P99_MS}); ` +
      `load process CPU ${(tender.stats.loadCpuShare * 100).toFixed(0)} % of a core ` +
      `(bare run ${(bareResult.stats.loadCpuShare * 100).toFixed(0)} %)`,
  );
  // Failures (not goals) after the table, so a failed run still shows what it measured.
  check('bare', bareResult.stats);
  check('tender', tender.stats);
  if (!logComplete) throw new Error('the OCPP log does not hold every message in and out');
  if (beats !== CHARGERS) throw new Error('not every heartbeat was stored');
  exitCode = goalExitCode(ratio < GOAL_RATIO || tender.stats.p99 >= GOAL_P99_MS);
} catch (err) {
  console.error(`ocpp bench failed: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  for (const fn of cleanups) await fn().catch((e) => console.error(`cleanup: ${e}`));
}
process.exit(exitCode);
