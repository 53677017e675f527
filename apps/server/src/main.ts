import 'reflect-metadata';
import { startApp, type RunningApp } from './bootstrap';
import { seedDemoProducts } from './catalog';
import {
  connectDemoCharger,
  DEMO_CHARGE_POINTS,
  seedDemoStation,
  type SimulatedCharger,
} from './charging';
import { seedDemoData } from './identity';
import { ConfigError, loadConfig, type Config } from './platform/config/config';
import { createRuntime, type Runtime } from './platform/runtime';

export interface Started {
  config: Config;
  runtime: Runtime;
  running: RunningApp;
  /** The demo station's simulated charger, when `DEMO_CHARGER` is on and it connected. */
  charger?: SimulatedCharger;
}

/**
 * Starts the whole platform on its embedded defaults, or on what the environment names, and prints
 * its URLs (and, on the first start of an empty database, the demo accounts). A bad configuration
 * writes one message naming every bad variable and resolves to exit code 2.
 */
export async function run(
  env: Record<string, string | undefined> | undefined,
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream },
): Promise<Started | number> {
  const { out } = io;
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const runtime = await createRuntime(config);
  const demo = config.seedDemo
    ? await seedDemoData(runtime.database, runtime.clock, config.dataDir)
    : undefined;
  const merchant = demo?.find((a) => a.role === 'MERCHANT');
  const demoProducts = merchant
    ? await seedDemoProducts(runtime.database, runtime.clock, merchant.id)
    : 0;
  const operator = demo?.find((a) => a.role === 'OPERATOR');
  const demoStation = operator?.companyId
    ? await seedDemoStation(runtime.database, runtime.clock, operator.companyId)
    : undefined;
  const running = await startApp(runtime);
  const demoCharger = config.demoCharger ? await connectDemoCharger(running.url) : undefined;

  const lines: string[] = [
    '',
    `Tender is running (${runtime.embedded ? 'embedded PostgreSQL' : 'external PostgreSQL'})`,
    `  App:      ${running.url}/`,
    `  API docs: ${running.url}/docs   (OpenAPI: ${running.url}/openapi.json)`,
    `  Health:   ${running.url}/health/ready   Metrics: ${running.url}/metrics`,
    running.sandboxUrl
      ? `  Payments: Stripe sandbox at ${running.sandboxUrl} (set STRIPE_SECRET_KEY for real Stripe)`
      : '  Payments: Stripe (STRIPE_SECRET_KEY)',
  ];
  if (demo) {
    lines.push('', 'Demo accounts (passwords shown once; also in DATA_DIR/demo-credentials.txt):');
    for (const a of demo) lines.push(`  ${a.role.padEnd(9)} ${a.email.padEnd(24)} ${a.password}`);
    if (demoProducts > 0)
      lines.push(`  ${demoProducts} products of the demo merchant: ${running.url}/api/v1/products`);
    if (demoStation)
      lines.push(`  Demo station ${demoStation}: chargers ${DEMO_CHARGE_POINTS.join(', ')}`);
  }
  if (demoCharger) {
    const ws = `${running.url.replace(/^http/, 'ws')}/ocpp/${DEMO_CHARGE_POINTS[0]}`;
    lines.push(
      '',
      'charger' in demoCharger
        ? `Charger:  simulated ${DEMO_CHARGE_POINTS[0]} connected at ${ws} (DEMO_CHARGER=0 turns it off)`
        : `Charger:  simulated ${DEMO_CHARGE_POINTS[0]} could not connect: ${demoCharger.error}`,
    );
  }
  out.write(`${lines.join('\n')}\n\n`);
  const charger = demoCharger && 'charger' in demoCharger ? demoCharger.charger : undefined;
  return { config, runtime, running, ...(charger ? { charger } : {}) };
}

function handleSignals({ config, runtime, running, charger }: Started): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down: draining requests');
    setTimeout(() => process.exit(1), config.http.shutdownGraceMs).unref();
    // The demo charger first: otherwise it sees its server go away mid-call.
    (charger?.stop() ?? Promise.resolve())
      .then(() => running.close())
      .then(
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

if (require.main === module) {
  run(undefined, { out: process.stdout, err: process.stderr }).then(
    (started) => (typeof started === 'number' ? process.exit(started) : handleSignals(started)),
    (err: unknown) => {
      process.stderr.write(
        `Tender failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exit(1);
    },
  );
}
