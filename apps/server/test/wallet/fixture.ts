import Stripe from 'stripe';
import type { TestApp } from '../helpers';

/** The official SDK pointed at the test app's embedded sandbox (to look at what we sent). */
export function sandboxSdk(app: TestApp): Stripe {
  return new Stripe('sk_test_wallet_tests', {
    host: '127.0.0.1',
    port: Number(new URL(app.running.sandboxUrl!).port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

/** POSTs to a sandbox control (`/_sandbox/<path>`). */
export async function control(app: TestApp, path: string, body: object = {}): Promise<void> {
  const res = await fetch(`${app.running.sandboxUrl}/_sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox control ${path}: ${res.status} ${await res.text()}`);
}

/**
 * Gives the user a connected account whose transfers the sandbox refuses (its documented test
 * flag). Written straight into payout_accounts: the API only ever creates working accounts.
 */
export async function linkFailingAccount(app: TestApp, userId: string): Promise<string> {
  const account = await sandboxSdk(app).accounts.create({
    type: 'express',
    metadata: { sandbox_fail_transfers: 'true' },
  });
  await app.runtime.database.pool.query(
    `INSERT INTO payout_accounts (user_id, provider_account_id) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET provider_account_id = EXCLUDED.provider_account_id`,
    [userId, account.id],
  );
  return account.id;
}
