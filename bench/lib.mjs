// Small helpers shared by the benchmarks. Not a benchmark itself (run.mjs lists them by name).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The built server (CommonJS). Typed from its sources so `tsc -p bench` works before a build.
 * @type {typeof import('../apps/server/src/main.js')}
 */
export const server = require('../apps/server/dist/main.js');

/** @type {typeof import('../apps/server/src/platform/database/embedded-postgres.js')} */
export const embeddedPostgres = require('../apps/server/dist/platform/database/embedded-postgres.js');

export const serverMain = require.resolve('../apps/server/dist/main.js');

/** @type {typeof import('../apps/server/src/payments/payments.tokens.js')} */
export const paymentsTokens = require('../apps/server/dist/payments/payments.tokens.js');
/** The payments module's public face (PayablesRegistry for a bench's own stand-in payable). */
export const payments = () => require('../apps/server/dist/payments/index.js');

/** A positive integer from the environment, or the default. */
export function intEnv(/** @type {string} */ name, /** @type {number} */ fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

/** @returns {Promise<number>} a port free right now (the server is told it via PORT). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

export function median(/** @type {number[]} */ xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Where the embedded cluster of a DATA_DIR lives (a pointer file when it had to move). */
export function clusterDirOf(/** @type {string} */ dataDir) {
  const wanted = join(dataDir, 'postgres');
  const pointer = `${wanted}.location`;
  return existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : wanted;
}

/**
 * Throws if a postgres still serves this cluster: a live process naming the directory on its
 * command line, or a postmaster.pid left behind (clean shutdown removes it).
 */
export function assertNoPostgres(/** @type {string} */ clusterDir) {
  const alive = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // exited while we looked
    }
    if (cmd.includes('postgres') && cmd.includes(clusterDir)) alive.push(pid);
  }
  if (alive.length) throw new Error(`postgres still running for ${clusterDir}: pid ${alive}`);
  if (existsSync(join(clusterDir, 'postmaster.pid')))
    throw new Error(`postmaster.pid left in ${clusterDir}`);
}

/**
 * Says when a ratio missed its goal. Returns the exit code that implies: 1 only under
 * BENCH_STRICT=1 (this machine is shared and noisy, so a miss is reported, not failed, by default).
 */
export function goalExitCode(/** @type {boolean} */ below) {
  if (!below) return 0;
  const strict = process.env.BENCH_STRICT === '1';
  console.log(`below the goal${strict ? ' (BENCH_STRICT=1: failing)' : ''}`);
  return strict ? 1 : 0;
}
