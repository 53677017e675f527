import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { inject } from 'vitest';
import type { ExtraModules } from '../src/app.module';
import { startApp, type RunningApp } from '../src/bootstrap';
import type { Clock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config/config';
import { createRuntime, type Runtime } from '../src/platform/runtime';

export interface TestApp {
  url: string;
  runtime: Runtime;
  running: RunningApp;
  /** Every log line the app wrote. */
  logs: string[];
  databaseUrl: string;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, dropped again by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const adminUrl = inject('pgAdminUrl');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Boots the real app (real Nest, real Fastify, real PostgreSQL) on a free port. */
export async function bootTestApp(
  env: Record<string, string> = {},
  opts: { clock?: Clock; extraModules?: ExtraModules } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'tender-test-data-'));
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    // Every test app gets its own Stripe sandbox on a free port.
    STRIPE_SANDBOX_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    ...env,
  });
  const runtime = await createRuntime(config, { logStream, clock: opts.clock });
  const running = await startApp(runtime, { extraModules: opts.extraModules });
  return {
    url: running.url,
    runtime,
    running,
    logs,
    databaseUrl: db.url,
    close: async () => {
      await running.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny JSON client over real HTTP. */
export function client(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body?: unknown, token?: string) =>
      call<T>('POST', path, { body, token }),
    patch: <T = any>(path: string, body?: unknown, token?: string) =>
      call<T>('PATCH', path, { body, token }),
    del: <T = any>(path: string, token?: string) => call<T>('DELETE', path, { token }),
  };
}

let counter = 0;
/** A unique e-mail per call, so tests never collide. */
export function uniqueEmail(tag = 'user'): string {
  counter += 1;
  return `${tag}.${process.pid}.${counter}.${randomBytes(3).toString('hex')}@example.com`;
}

export const PASSWORD = 'correct-horse-battery';

/** Registers a user and returns its session. */
export async function register(
  api: ReturnType<typeof client>,
  extra: Record<string, unknown> = {},
): Promise<{ user: any; accessToken: string; refreshToken: string }> {
  const res = await api.post('/api/v1/auth/register', {
    email: uniqueEmail(),
    password: PASSWORD,
    ...extra,
  });
  if (res.status !== 201)
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Promotes a user straight in the database (there is deliberately no API to become an admin). */
export async function promote(
  app: TestApp,
  userId: string,
  role: 'ADMIN' | 'MERCHANT',
): Promise<void> {
  await app.runtime.database.pool.query('UPDATE users SET role = $1 WHERE id = $2', [role, userId]);
}
