// The only place the sandbox reads the environment (standalone mode).
import { join } from 'node:path';
import type { SandboxOptions } from './index';

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxOptions {
  const port = Number(env.STRIPE_SANDBOX_PORT ?? 12111);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`STRIPE_SANDBOX_PORT must be a port number, got ${env.STRIPE_SANDBOX_PORT}`);
  }
  const dataDir = env.DATA_DIR ?? './data';
  const options: SandboxOptions = {
    host: env.STRIPE_SANDBOX_HOST ?? '127.0.0.1',
    port,
    stateFile: join(dataDir, 'stripe-sandbox.db'),
  };
  if (env.STRIPE_SANDBOX_WEBHOOK_URL) options.webhookUrl = env.STRIPE_SANDBOX_WEBHOOK_URL;
  if (env.STRIPE_WEBHOOK_SECRET) options.webhookSecret = env.STRIPE_WEBHOOK_SECRET;
  return options;
}
