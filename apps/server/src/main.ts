import 'reflect-metadata';
import { startApp } from './bootstrap';
import { seedDemoData } from './identity/demo-seed';
import { ConfigError, loadConfig } from './platform/config/config';
import { createRuntime } from './platform/runtime';

/** `npm start`: the whole platform on its embedded defaults, or on what the environment names. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }

  const runtime = await createRuntime(config);
  const demo = config.seedDemo ? await seedDemoData(runtime.database, runtime.clock, config.dataDir) : undefined;
  const running = await startApp(runtime);

  const out: string[] = [
    '',
    `Tender is running (${runtime.embedded ? 'embedded PostgreSQL' : 'external PostgreSQL'})`,
    `  App:      ${running.url}/`,
    `  API docs: ${running.url}/docs   (OpenAPI: ${running.url}/openapi.json)`,
    `  Health:   ${running.url}/health/ready   Metrics: ${running.url}/metrics`,
  ];
  if (demo) {
    out.push('', 'Demo accounts (passwords shown once; also in DATA_DIR/demo-credentials.txt):');
    for (const a of demo) out.push(`  ${a.role.padEnd(9)} ${a.email.padEnd(24)} ${a.password}`);
  }
  process.stdout.write(`${out.join('\n')}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), config.http.shutdownGraceMs);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        runtime.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Tender failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
