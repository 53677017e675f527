import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadBinaries,
  runAsUser,
  startEmbeddedPostgres,
  usableBinaries,
} from '../src/platform/database/embedded-postgres';
import { run, type Started } from '../src/main';
import { client } from './helpers';

const dirs: string[] = [];
async function tempDir(parent = tmpdir()): Promise<string> {
  const d = await mkdtemp(join(parent, 'tender-embedded-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

async function start(env: Record<string, string>): Promise<{ started: Started; out: string }> {
  const out = capture();
  const err = capture();
  const started = await run(
    { PORT: '0', LOG_LEVEL: 'silent', ...env },
    { out: out.stream, err: err.stream },
  );
  if (typeof started === 'number') throw new Error(`exit ${started}: ${err.text()}`);
  return { started, out: out.text() };
}

async function canQuery(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query('SELECT 1 AS one');
  await c.end();
  return rows[0].one === 1;
}

describe('start-up', () => {
  it('stops on a bad configuration with one message naming every bad variable', async () => {
    const out = capture();
    const err = capture();
    const code = await run(
      { PORT: 'x', DATABASE_URL: 'nope', REDIS_URL: 'http://x' },
      { out: out.stream, err: err.stream },
    );
    expect(code).toBe(2);
    expect(err.text()).toContain('Invalid configuration');
    for (const v of ['PORT', 'DATABASE_URL', 'REDIS_URL']) expect(err.text()).toContain(`${v}:`);
    expect(out.text()).toBe('');
  });

  it('runs on its own embedded PostgreSQL under DATA_DIR, seeds demo users once, keeps state across restarts', async () => {
    const dataDir = await tempDir();
    const first = await start({ DATA_DIR: dataDir });
    const { running } = first.started;
    expect(first.out).toContain(`${running.url}/docs`);
    expect(first.out).toContain('embedded PostgreSQL');
    const match = /ADMIN\s+(\S+)\s+(\S+)/.exec(first.out);
    expect(match).not.toBeNull();
    const api = client(running.url);
    const login = await api.post('/api/v1/auth/login', { email: match![1], password: match![2] });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('ADMIN');
    const operator = /OPERATOR\s+(\S+)\s+(\S+)/.exec(first.out)!;
    const op = await api.post('/api/v1/auth/login', { email: operator[1], password: operator[2] });
    expect(op.body.user.companyId).toMatch(/^cmp_/);
    // The demo station's first charger is simulated in-process and online; its twin waits for
    // `npm run charger -- --id DEMO-CP-2`.
    expect(first.out).toContain('Charger:  simulated DEMO-CP-1 connected');
    const chargers = (await api.get('/api/v1/chargers', op.body.accessToken)).body.data as {
      ocppId: string;
      online: boolean;
    }[];
    expect(chargers.map((c) => [c.ocppId, c.online]).sort()).toEqual([
      ['DEMO-CP-1', true],
      ['DEMO-CP-2', false],
    ]);
    expect(await readFile(join(dataDir, 'demo-credentials.txt'), 'utf8')).toContain(match![2]);
    // The marketplace has something to buy: the demo merchant's products, public.
    const merchant = /MERCHANT\s+(\S+)/.exec(first.out)!;
    const listed = (await api.get('/api/v1/products')).body.data as { merchantId: string }[];
    expect(listed).toHaveLength(3);
    const seller = await api.post('/api/v1/auth/login', {
      email: merchant[1],
      password: /MERCHANT\s+\S+\s+(\S+)/.exec(first.out)![1],
    });
    expect(new Set(listed.map((p) => p.merchantId))).toEqual(new Set([seller.body.user.id]));
    expect(
      existsSync(join(dataDir, 'postgres', 'PG_VERSION')) ||
        existsSync(join(dataDir, 'postgres.location')),
    ).toBe(true);
    await running.close();

    const second = await start({ DATA_DIR: dataDir, DEMO_CHARGER: '0' });
    expect(second.out).not.toContain('Demo accounts');
    expect(second.out).not.toContain('Charger:');
    expect(
      (await client(second.started.running.url).get('/api/v1/products')).body.data,
    ).toHaveLength(3);
    const api2 = client(second.started.running.url);
    // Same users, and the generated signing secret survived: the old access token still works.
    expect((await api2.get('/api/v1/auth/me', login.body.accessToken)).status).toBe(200);
    await second.started.running.close();
  });

  it('runs two instances side by side with different DATA_DIR and PORT', async () => {
    const [a, b] = await Promise.all([
      start({ DATA_DIR: await tempDir() }),
      start({ DATA_DIR: await tempDir() }),
    ]);
    try {
      expect(a.started.running.port).not.toBe(b.started.running.port);
      expect(a.started.runtime.embedded!.port).not.toBe(b.started.runtime.embedded!.port);
      for (const s of [a, b])
        expect((await fetch(`${s.started.running.url}/health/ready`)).status).toBe(200);
    } finally {
      await Promise.all([a.started.running.close(), b.started.running.close()]);
    }
  });
});

describe('embedded PostgreSQL recovery', () => {
  it('starts cleanly when an earlier process died and left its postgres running', async () => {
    const dir = join(await tempDir(), 'postgres');
    const orphan = await startEmbeddedPostgres({ dir });
    expect(await canQuery(orphan.url)).toBe(true);
    // The parent "dies" without stopping postgres (as after SIGKILL): the postmaster keeps running.
    const lockDir = existsSync(`${dir}.location`)
      ? (await readFile(`${dir}.location`, 'utf8')).trim()
      : dir;
    const stalePid = Number(
      (await readFile(join(lockDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    const next = await startEmbeddedPostgres({ dir });
    expect(await canQuery(next.url)).toBe(true);
    expect(() => process.kill(stalePid, 0)).toThrow();
    await next.stop();
  });

  it('starts cleanly over a stale postmaster.pid whose process is gone', async () => {
    const dir = join(await tempDir(), 'postgres');
    const pg = await startEmbeddedPostgres({ dir });
    await pg.stop();
    const lockDir = existsSync(`${dir}.location`)
      ? (await readFile(`${dir}.location`, 'utf8')).trim()
      : dir;
    await writeFile(join(lockDir, 'postmaster.pid'), `999999\n${lockDir}\n0\n0\n`);
    const again = await startEmbeddedPostgres({ dir });
    expect(await canQuery(again.url)).toBe(true);
    await again.stop();
  });

  // Postgres refuses to run as root, so as root it runs as the `postgres` OS user, which cannot enter
  // a root-only directory (root's home, where a CI clone may live).
  const asRoot = process.getuid?.() === 0;

  it.runIf(asRoot)(
    'runs as root when DATA_DIR sits under a directory only root can enter',
    async () => {
      const locked = await tempDir();
      await chmod(locked, 0o700);
      const dir = join(locked, 'data', 'postgres');
      await mkdir(dirname(dir), { recursive: true });
      const pg = await startEmbeddedPostgres({ dir });
      expect(await canQuery(pg.url)).toBe(true);
      expect((await readFile(`${dir}.location`, 'utf8')).trim()).toMatch(
        /^\/var\/tmp\/tender-data-/,
      );
      await pg.stop();
      await rm((await readFile(`${dir}.location`, 'utf8')).trim(), {
        recursive: true,
        force: true,
      });
    },
  );

  it.runIf(asRoot)(
    'copies the binaries out when node_modules sits under a root-only directory',
    async () => {
      const locked = await tempDir();
      await chmod(locked, 0o700);
      const original = await loadBinaries();
      const nativeDir = dirname(dirname(original.initdb));
      await cp(nativeDir, join(locked, 'native'), { recursive: true, verbatimSymlinks: true });
      const hidden = {
        initdb: join(locked, 'native', 'bin', 'initdb'),
        postgres: join(locked, 'native', 'bin', 'postgres'),
      };
      const user = runAsUser()!;
      const usable = await usableBinaries(hidden, user);
      expect(usable.initdb.startsWith('/var/tmp/tender-pg-')).toBe(true);
      const version = spawnSync(usable.postgres, ['--version'], {
        uid: user.uid,
        gid: user.gid,
        encoding: 'utf8',
      });
      expect(version.stdout).toMatch(/PostgreSQL\) 18\./);
      await rm(dirname(dirname(usable.initdb)), { recursive: true, force: true });
    },
  );
});
