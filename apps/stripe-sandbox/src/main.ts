// Standalone: `npm run sandbox`. Configuration comes from the environment (see config.ts).
import pino from 'pino';
import { optionsFromEnv } from './config';
import { startSandbox } from './index';

async function main(): Promise<void> {
  const logger = pino({ name: 'stripe-sandbox' });
  const sandbox = await startSandbox({ ...optionsFromEnv(), logger });
  process.stdout.write(`Stripe sandbox listening on ${sandbox.url}\n`);
  process.stdout.write(`Webhook signing secret: ${sandbox.webhookSecret}\n`);
  const stop = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
