import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { freePort } from '../src/platform/net';

/**
 * The real server (`node apps/server/dist/main.js`) as a separate process, for tests that kill it
 * (SIGKILL) and restart it on the same database. Nothing here is mocked: what the test talks to is
 * what `npm start` runs, on an external PostgreSQL (DATABASE_URL) so only the Node process dies.
 */

export const ROOT = resolve(__dirname, '../../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** Newest modification time of the non-test .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Each app's dist, and the file whose age tells whether it is older than the sources. */
const BUILT = {
  // The embedded sandbox's thread runs dist/worker.js, also when the server runs from source.
  'apps/stripe-sandbox': 'dist/worker.js',
  'apps/server': 'dist/main.js',
} as const;

/**
 * Builds the sandbox (the server imports its dist) and the server unless their dist is newer than
 * every source. Emit only (`--noCheck`): type checking is `tsc -p apps/server --noEmit`'s job, and
 * skipping it here roughly halves the build. Test files run in parallel workers: a lock directory
 * makes one build while the others wait, so none starts a server from a half-written dist.
 */
export async function buildIfStale(
  apps: readonly (keyof typeof BUILT)[] = ['apps/stripe-sandbox', 'apps/server'],
): Promise<void> {
  const hash = createHash('sha1').update(ROOT).digest('hex').slice(0, 12);
  const lock = join(tmpdir(), `tender-dist-build-${hash}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // Older than any build: left by a worker killed mid-build.
      if (Date.now() - mtime(lock) > 120_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} held for 180 s`, { cause: err });
      else await sleep(200);
    }
  }
  try {
    for (const app of apps) {
      const entry = BUILT[app];
      const dir = join(ROOT, app);
      if (mtime(join(dir, entry)) > newestSource(join(dir, 'src'))) continue;
      const r = spawnSync(
        process.execPath,
        [TSC, '-p', join(dir, 'tsconfig.build.json'), '--noCheck'],
        { cwd: ROOT, encoding: 'utf8', timeout: 90_000 },
      );
      if (r.status !== 0)
        throw new Error(
          `building ${app} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`,
        );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export type Exit = NodeJS.Signals | number | null;

/** How a process ended: its signal, else its exit code (resolves at once if it already has). */
export function exitOf(proc: ChildProcess): Promise<Exit> {
  if (proc.exitCode !== null || proc.signalCode !== null)
    return Promise.resolve(proc.signalCode ?? proc.exitCode);
  return new Promise((done) => proc.once('exit', (code, signal) => done(signal ?? code)));
}

export interface RealServer {
  proc: ChildProcess;
  url: string;
  /** Every line it wrote to stdout and stderr. */
  logs: string[];
  exited: Promise<Exit>;
}

export interface StartOptions {
  databaseUrl: string;
  dataDir: string;
  /** Added to (and overriding) the minimal environment below, e.g. a raised rate limit. */
  env?: Record<string, string>;
}

/**
 * Starts and tracks server processes. `setUp()` in a beforeAll (it may build: give it a long
 * timeout), `tearDown()` in the afterAll; a test worker that dies before that still takes its
 * servers with it (the process 'exit' hook), so no orphan keeps a test database busy.
 */
export class RealServers {
  private readonly children = new Set<ChildProcess>();
  private readonly killAll = () => {
    for (const c of this.children)
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  };

  async setUp(): Promise<void> {
    process.on('exit', this.killAll);
    await buildIfStale();
  }

  async tearDown(): Promise<void> {
    this.killAll();
    await Promise.all([...this.children].map((c) => exitOf(c)));
    process.off('exit', this.killAll);
  }

  /** Spawns `node apps/server/dist/main.js` and waits until /health/ready answers 200. */
  async start({ databaseUrl, dataDir, env = {} }: StartOptions): Promise<RealServer> {
    const port = await freePort();
    const proc = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
      cwd: ROOT,
      // Only what the server needs: nothing of the test runner's environment leaks in.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? tmpdir(),
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        PORT: String(port),
        STRIPE_SANDBOX_PORT: String(await freePort()),
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.add(proc);
    const logs: string[] = [];
    const collect = (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean));
    proc.stdout.on('data', collect);
    proc.stderr.on('data', collect);
    const server: RealServer = {
      proc,
      url: `http://127.0.0.1:${port}`,
      logs,
      exited: exitOf(proc),
    };
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`server exited while starting:\n${logs.slice(-30).join('\n')}`);
      const ready = await fetch(`${server.url}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline)
        throw new Error(`server not ready within 60 s:\n${logs.slice(-30).join('\n')}`);
      await sleep(100);
    }
    return server;
  }
}

/** SIGKILLs the server and resolves with how it ended (expect 'SIGKILL'). */
export function sigkill(server: RealServer): Promise<Exit> {
  server.proc.kill('SIGKILL');
  return server.exited;
}

/** True while the process has neither exited nor been killed. */
export const isRunning = (server: RealServer): boolean =>
  server.proc.exitCode === null && server.proc.signalCode === null;

/** A request to a server that may be killed: its answer, or how the connection was lost. */
export type Answered<T> = { status: number; body: T } | { lost: string };

/**
 * Sends one JSON request. A connection refused or cut by a kill is `{ lost: <cause code> }`
 * (ECONNREFUSED, UND_ERR_SOCKET …), never a throw; a request hung longer than `timeoutMs` is
 * `{ lost: 'TimeoutError' }`, so it fails its own assertion rather than the whole test by timeout.
 */
export async function request<T>(
  server: RealServer,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<Answered<T>> {
  try {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as T };
    } catch {
      throw new Error(
        `${method} ${path} answered ${res.status} with non-JSON: ${text.slice(0, 200)}`,
      );
    }
  } catch (err) {
    const cause = (err as Error).cause as { code?: string } | undefined;
    if (!cause?.code && (err as Error).name !== 'TimeoutError') throw err;
    return { lost: cause?.code ?? 'TimeoutError' };
  }
}

/**
 * Waits until the database has no connection but `pool`'s (named `applicationName`): after a
 * SIGKILL the server's backends end on their own once they see the socket closed, but one running
 * a statement finishes it first, and an autocommit statement or a COMMIT already received still
 * commits. After this, the database is what the dead server left and nothing changes it.
 */
export async function untilBackendsGone(pool: Pool, applicationName: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND backend_type = 'client backend'
         AND application_name <> $1`,
      [applicationName],
    );
    if (rows[0]!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0]!.n} backends of a dead server remain`);
    await sleep(50);
  }
}
