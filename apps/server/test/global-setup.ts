import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, runMigrations } from '../src/platform/database/database';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { buildIfStale } from './real-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL the integration tests run on. */
    pgAdminUrl: string;
    /** A migrated database every test database is cloned from. */
    pgTemplate: string;
  }
}

/**
 * One real PostgreSQL for the whole run: the server named by DATABASE_URL (CI's service), or else
 * an embedded one in a temporary directory. A migrated template database is made once; each test
 * file clones it (CREATE DATABASE … TEMPLATE), which is far faster than migrating per file.
 */
export default async function setup(project: TestProject) {
  // The server runs from source here, but its embedded sandbox runs on a worker thread, which on
  // Node 20 can load only JavaScript: the sandbox's dist/worker.js (rebuilt when older than its src).
  await buildIfStale(['apps/stripe-sandbox']);
  let adminUrl = process.env.DATABASE_URL;
  let cleanup = (): Promise<void> => Promise.resolve();
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'tender-test-pg-'));
    const pg = await startEmbeddedPostgres({ dir: join(dir, 'postgres') });
    adminUrl = pg.url;
    cleanup = async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const template = `tender_tpl_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const db = openDatabase(templateUrl.toString(), 2);
  await runMigrations(db);
  await db.close();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await cleanup();
  };
}
