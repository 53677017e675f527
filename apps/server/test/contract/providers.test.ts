import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillOnboarding, startSandbox } from '@tender/stripe-sandbox';
import { createPaymentProvider } from '../../src/payments/provider/stripe-client';
import { loadConfig } from '../../src/platform/config/config';
import { providerContract, type ProviderUnderTest } from './provider-contract';

// Stripe's test cards (docs/stripe-sandbox.md): the sandbox and real Stripe in test mode share them.
const STRIPE_CARDS: ProviderUnderTest['cards'] = {
  succeeds: 'pm_card_visa',
  availableAtOnce: 'pm_card_bypassPending',
  declined: {
    paymentMethodId: 'pm_card_chargeDeclinedInsufficientFunds',
    code: 'card_declined',
    declineCode: 'insufficient_funds',
  },
  requiresAction: 'pm_card_authenticationRequired',
  // JCB: a brand Stripe offers no incremental authorization on.
  notIncrementable: 'pm_card_jcb',
};

/** The Stripe adapter as the server builds it (createPaymentProvider), on the embedded sandbox. */
providerContract('Stripe adapter on the embedded sandbox', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tender-contract-'));
  const sandbox = await startSandbox({ port: 0 });
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    STRIPE_SANDBOX_PORT: String(sandbox.port),
    STRIPE_WEBHOOK_SECRET: sandbox.webhookSecret,
  });
  const setup = await createPaymentProvider(config);
  return {
    payments: setup.payments,
    payouts: setup.payouts,
    // Stripe documents no card that declines increments; the sandbox's own (docs/stripe-sandbox.md).
    cards: { ...STRIPE_CARDS, incrementDeclined: 'pm_card_incrementDeclined' },
    // What the payer's browser does on the sandbox's challenge page: submit one of its two forms.
    authenticate: async (url, approve) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `result=${approve ? 'approve' : 'fail'}`,
        redirect: 'manual',
      });
      if (res.status >= 400) throw new Error(`3-D Secure page answered ${res.status}`);
      await res.text();
    },
    // What the account's owner does on the sandbox's hosted onboarding form.
    onboard: async (url) => {
      await fillOnboarding(url);
    },
    close: async () => {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

/**
 * Real Stripe, test mode only: a conditional describe, because real Stripe is unreachable from this
 * machine and CI (no key, no route out); with `STRIPE_SECRET_KEY=sk_test_…` the same cases run.
 * A live key is never used: the cases create real charges and transfers.
 */
const key = process.env.STRIPE_SECRET_KEY ?? '';
if (key.startsWith('sk_test_')) {
  providerContract('Stripe adapter on real Stripe (test mode)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tender-contract-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      STRIPE_SECRET_KEY: key,
      // Only signing is checked with it, and no case parses webhooks.
      STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_contract_unused',
    });
    const setup = await createPaymentProvider(config);
    return {
      payments: setup.payments,
      // Transfers need an available balance on the platform account; real Stripe's 3-D Secure
      // page needs a browser, so that case stops at requires_action.
      payouts: setup.payouts,
      cards: STRIPE_CARDS,
      close: () => rm(dataDir, { recursive: true, force: true }),
    };
  });
} else {
  console.info(
    'PaymentProvider contract on real Stripe not run: STRIPE_SECRET_KEY does not start with sk_test_',
  );
}
