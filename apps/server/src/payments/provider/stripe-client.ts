import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { Config } from '../../platform/config/config';
import { freePort } from '../../platform/net';
import { configuredOrGeneratedSecret } from '../../platform/secrets';
import { StripeApi } from './stripe-api';
import { StripeBilling } from './stripe-billing';
import { StripePayouts } from './stripe-payouts';
import { StripeProvider } from './stripe-provider';
import { realTiming, type RetryTiming } from './stripe-retries';

/**
 * The provider's ports, each a Stripe adapter over the same client and retries. A new port
 * (subscriptions, invoices) is an interface file, a `stripe-*.ts` adapter taking the StripeApi, a
 * field here and a token the payments module exports.
 */
export interface ProviderSetup {
  payments: StripeProvider;
  payouts: StripePayouts;
  billing: StripeBilling;
  /** Present when no STRIPE_SECRET_KEY is set: the sandbox the SDK points at, started after listen. */
  sandbox?: { port: number; webhookSecret: string; stateFile: string };
}

/**
 * The one place the Stripe SDK is built. With STRIPE_SECRET_KEY it talks to real Stripe; without, to
 * the embedded sandbox through the SDK's own host/port/protocol options — nothing else differs.
 */
export async function createPaymentProvider(
  config: Config,
  timing: RetryTiming = realTiming,
): Promise<ProviderSetup> {
  const { stripe } = config;
  // Retries are ours (stripe-retries.ts), not the SDK's: it would not retry 429s, and would retry
  // every 409. With 0 it still resends once on a reset connection (ECONNRESET/EPIPE), same key.
  const common = { maxNetworkRetries: 0, timeout: 30_000, appInfo: { name: 'Tender' } };
  const policy = { retries: stripe.maxNetworkRetries, baseDelayMs: 250, maxDelayMs: 2_000 };
  const ports = (client: Stripe, webhookSecret: string) => {
    const api = new StripeApi(client, policy, timing);
    return {
      payments: new StripeProvider(api, webhookSecret),
      payouts: new StripePayouts(api),
      billing: new StripeBilling(api),
    };
  };
  if (stripe.secretKey) {
    return ports(new Stripe(stripe.secretKey, common), stripe.webhookSecret!);
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
    ...ports(client, webhookSecret),
    sandbox: { port, webhookSecret, stateFile: `${config.dataDir}/stripe-sandbox.db` },
  };
}
