import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { Config } from '../../platform/config/config';
import { freePort } from '../../platform/net';
import { configuredOrGeneratedSecret } from '../../platform/secrets';
import { StripeProvider } from './stripe-provider';
import type { RetryPolicy } from './stripe-retries';

export interface ProviderSetup {
  provider: StripeProvider;
  /** The same SDK client and retry policy, for other Stripe APIs (Connect transfers for payouts). */
  stripe: Stripe;
  retry: RetryPolicy;
  /** Present when no STRIPE_SECRET_KEY is set: the sandbox the SDK points at, started after listen. */
  sandbox?: { port: number; webhookSecret: string; stateFile: string };
}

/**
 * The one place the Stripe SDK is built. With STRIPE_SECRET_KEY it talks to real Stripe; without, to
 * the embedded sandbox through the SDK's own host/port/protocol options — nothing else differs.
 */
export async function createPaymentProvider(config: Config): Promise<ProviderSetup> {
  const { stripe } = config;
  // Retries are ours (StripeProvider), because the SDK does not retry 429s.
  const common = { maxNetworkRetries: 0, timeout: 30_000, appInfo: { name: 'Tender' } };
  const retry = { retries: stripe.maxNetworkRetries, baseDelayMs: 250 };
  if (stripe.secretKey) {
    const client = new Stripe(stripe.secretKey, common);
    return {
      provider: new StripeProvider(client, stripe.webhookSecret!, retry),
      stripe: client,
      retry,
    };
  }
  // Unset (or 0): any free port, so several instances can run side by side.
  const port = stripe.sandboxPort || (await freePort());
  const webhookSecret =
    stripe.webhookSecret ??
    `whsec_${await configuredOrGeneratedSecret(undefined, config.dataDir, 'stripe-sandbox-webhook-secret')}`;
  const client = new Stripe(`sk_test_tender_sandbox_${randomBytes(6).toString('hex')}`, {
    ...common,
    host: '127.0.0.1',
    port,
    protocol: 'http',
  });
  return {
    provider: new StripeProvider(client, webhookSecret, retry),
    stripe: client,
    retry,
    sandbox: { port, webhookSecret, stateFile: `${config.dataDir}/stripe-sandbox.json` },
  };
}
