// The only place the sandbox reads the environment (standalone mode).
import { join } from 'node:path';
import type { BalanceConfig } from './fees';
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
  const balance = balanceFromEnv(env);
  if (Object.keys(balance).length > 0) options.balance = balance;
  return options;
}

/** The fee model's numbers (fees.ts), each from its own variable; checked by balanceConfig. */
const BALANCE_ENV = {
  STRIPE_SANDBOX_CARD_FEE_BPS: 'cardFeeBps',
  STRIPE_SANDBOX_CARD_FEE_FIXED: 'cardFeeFixed',
  STRIPE_SANDBOX_DISPUTE_FEE: 'disputeFee',
  STRIPE_SANDBOX_AVAILABLE_AFTER_DAYS: 'availableAfterDays',
  STRIPE_SANDBOX_PAYOUT_ARRIVAL_DAYS: 'payoutArrivalDays',
} as const;

function balanceFromEnv(env: NodeJS.ProcessEnv): Partial<BalanceConfig> {
  const out: Partial<BalanceConfig> = {};
  for (const [name, key] of Object.entries(BALANCE_ENV)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`${name} must be a non-negative integer, got ${raw}`);
    }
    out[key] = n;
  }
  return out;
}
