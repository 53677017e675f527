import { join } from 'node:path';
import { verifyLedger } from './books';
import { ConfigError, loadConfig } from './platform/config/config';
import { openDatabase } from './platform/database/database';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './platform/database/embedded-postgres';

/**
 * `npm run ledger:verify`: checks every invariant of the books (src/books.ts) on the live database (DATABASE_URL, or the
 * embedded one under DATA_DIR — attached to if the server runs, started briefly if not). Exit 0 when
 * all hold; 1, naming the broken rows, when any fails; 2 on a bad configuration.
 */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const dir = join(config.dataDir, 'postgres');
  let url = config.database.url ?? (await runningEmbeddedUrl(dir));
  const started = url ? undefined : await startEmbeddedPostgres({ dir });
  url ??= started!.url;
  const database = openDatabase(url, 2);
  try {
    const violations = await verifyLedger(database.pool);
    if (violations.length === 0) {
      process.stdout.write('ledger: every invariant holds\n');
      return 0;
    }
    for (const v of violations) process.stdout.write(`VIOLATION ${v.invariant}: ${v.detail}\n`);
    process.stdout.write(`ledger: ${violations.length} violation(s)\n`);
    return 1;
  } finally {
    await database.close();
    await started?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `ledger:verify failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(3);
  },
);
