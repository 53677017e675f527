import { fillOnboarding } from '@tender/stripe-sandbox';
import Stripe from 'stripe';
import { expect } from 'vitest';
import type { client, TestApp } from '../helpers';

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
 * Onboards the user's payout account as they would: an onboarding link from the API, the
 * sandbox's hosted form filled and submitted over HTTP, back to our wallet page. Returns its id.
 */
export async function onboardPayouts(
  api: ReturnType<typeof client>,
  token: string,
): Promise<string> {
  const link = await api.call('POST', '/api/v1/wallet/payout-account/onboarding-link', {
    body: {},
    token,
  });
  expect(link.status).toBe(201);
  const back = await fillOnboarding(link.body.url as string);
  expect(back).toMatch(/\/wallet\?payouts=return$/);
  // Until account.updated has been applied: later calls must not depend on when it arrives.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = await api.get('/api/v1/wallet/payout-account', token);
    if (status.body.status === 'active') return status.body.accountId as string;
    if (Date.now() > deadline) throw new Error('payout account not active after onboarding');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Gives the user a connected account whose transfers the sandbox refuses (its documented test
 * flag), as an onboarded account Stripe restricted later would be: written straight into
 * payout_accounts as ready, since the API only ever links accounts it created.
 */
export async function linkFailingAccount(app: TestApp, userId: string): Promise<string> {
  const account = await sandboxSdk(app).accounts.create({
    type: 'express',
    metadata: { sandbox_fail_transfers: 'true' },
  });
  await app.runtime.database.pool.query(
    `INSERT INTO payout_accounts (user_id, provider_account_id, ready) VALUES ($1, $2, true)
     ON CONFLICT (user_id) DO UPDATE SET provider_account_id = EXCLUDED.provider_account_id,
       ready = true`,
    [userId, account.id],
  );
  return account.id;
}
