import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Abstract, DynamicModule, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Clock } from '../../src/platform/clock';
import { loadConfig } from '../../src/platform/config/config';
import { listenAddress } from '../../src/platform/listen/listen-address';
import { PlatformModule } from '../../src/platform/platform.module';
import { createRuntime, type Runtime } from '../../src/platform/runtime';
import { createTestDatabase } from '../helpers';

/**
 * The module tier: one or a few Nest modules on the real platform (PostgreSQL cloned from the
 * migrated template, config, clock, logger, metrics, jobs) with no HTTP adapter — no Fastify, no
 * guard or pipe in the way, no port. For services whose behaviour does not need the HTTP stack: a
 * file of these starts in well under a second where an HTTP app takes several.
 */
export interface ModuleHarness {
  module: TestingModule;
  runtime: Runtime;
  /** Every log line the platform's logger wrote. */
  logs: string[];
  /** A provider of the modules under test (a service class or an injection token). */
  get<T>(token: Type<T> | Abstract<T> | symbol | string): T;
  /** Raw SQL on the test database (for arranging and asserting what no service exposes). */
  sql<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface ModuleHarnessOptions {
  /** Environment over the defaults below (e.g. JOBS_WORKERS: '0'). */
  env?: Record<string, string>;
  clock?: Clock;
  /** Extra providers beside the modules (e.g. a stand-in for a token they need). */
  providers?: Parameters<typeof Test.createTestingModule>[0]['providers'];
}

export async function moduleHarness(
  imports: (Type | DynamicModule)[],
  options: ModuleHarnessOptions = {},
): Promise<ModuleHarness> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'tender-module-test-'));
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  const config = loadConfig({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
    ...options.env,
  });
  const runtime = await createRuntime(config, { logStream, clock: options.clock });
  let module: TestingModule | undefined;
  const close = async () => {
    await module?.close();
    await runtime.close();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    module = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(runtime, listenAddress(config, config.port)), ...imports],
      providers: options.providers ?? [],
    }).compile();
    // Runs the lifecycle hooks (queue definitions, registrations) as the app's start would.
    await module.init();
  } catch (err) {
    await close();
    throw err;
  }
  const m = module;
  return {
    module: m,
    runtime,
    logs,
    get: <T>(token: Type<T> | Abstract<T> | symbol | string) => m.get<T>(token, { strict: false }),
    sql: async <R extends object>(text: string, params: unknown[] = []) =>
      (await runtime.database.pool.query<R>(text, params)).rows,
    close,
  };
}
