import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, newPage, screenshot, startApp, type App } from './kit';

/** The sandbox's test cards (docs/stripe-sandbox.md). */
const CARDS = {
  visa: '4242424242424242',
  threeDSecure: '4000002760003184',
  threeDSecureOnSetup: '4000002500003155',
  insufficientFunds: '4000000000009995',
  /** Stripe's "bypass pending" card: the platform's Stripe balance can pay a transfer at once. */
  availableAtOnce: '4000000000000077',
};

/**
 * Card entry through the payment component: the card is typed in the sandbox's framed card form,
 * 3-D Secure runs in a frame, declines are told in words; saved cards; withdrawals. Every request
 * to /api is recorded, to prove none carries a card number.
 */
describe('cards, 3-D Secure and withdrawals, as a customer', () => {
  let app: App;
  let browser: Browser;
  /** Every request to /api of every page here: URL and body. */
  const sent: string[] = [];

  beforeAll(async () => {
    // Card top-ups withdrawable at once, so the withdrawal journey needs no waiting.
    [app, browser] = await Promise.all([
      startApp({ WALLET_SETTLEMENT_SECONDS: '0' }),
      launchBrowser(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function newCustomer(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, app, viewport);
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/'))
        sent.push(`${r.url()} ${r.postData() ?? ''}`);
    });
    await page.goto('/signup');
    await page.getByLabel('First name').fill('Ada');
    await page
      .getByLabel('E-mail')
      .fill(`ada-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('signed-in-as').first().waitFor({ state: 'attached' });
    return page;
  }

  /** Types a card into the sandbox's framed card form (its own origin, never Tender's). */
  async function typeCard(page: Page, number: string) {
    const frame = page.frameLocator('[data-testid=card-frame]');
    await frame.locator('#number').fill(number);
    await frame.locator('#exp').fill(`12/${String(new Date().getFullYear() + 2).slice(2)}`);
    await frame.locator('#cvc').fill('123');
  }

  const state = (page: Page) =>
    page.locator('[data-payment-state]').first().getAttribute('data-payment-state');

  async function topUp(page: Page, amount: string, card: string) {
    await page.goto('/wallet');
    await page.getByLabel('Amount (USD)').fill(amount);
    await typeCard(page, card);
    await page.getByRole('button', { name: /^Pay \$/ }).click();
  }

  async function authenticate(page: Page, result: 'approve' | 'fail') {
    await page.getByText('Your bank asks you to confirm').waitFor();
    const challenge = page.frameLocator('iframe[title="3-D Secure authentication"]');
    await challenge.locator(`#${result}`).click();
  }

  const balance = (page: Page) =>
    expect.poll(
      async () => {
        await page.reload();
        return page.getByTestId('wallet-balance').innerText();
      },
      { timeout: 20_000 },
    );

  it('a 3-D Secure top-up approved in the frame: paid, and the wallet credited', async () => {
    const page = await newCustomer();
    const deposit = page.waitForResponse((r) => r.url().endsWith('/api/v1/wallet/deposit'));
    await topUp(page, '40', CARDS.threeDSecure);
    const payment = (await (await deposit).json()) as { id: string; status: string };
    expect(payment.status).toBe('REQUIRES_ACTION');
    await page.getByText('Your bank asks you to confirm').waitFor();
    await expect.poll(() => state(page)).toBe('authenticating');
    await page
      .frameLocator('iframe[title="3-D Secure authentication"]')
      .locator('#approve')
      .waitFor();
    await checkA11y(page);
    await screenshot(page, 'wallet-3ds');
    await authenticate(page, 'approve');
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('succeeded');
    await page.getByText('Card payment received').waitFor();
    await balance(page).toMatch(/\$40\.00/);
    // The page a browser lands on when 3-D Secure was opened outside the frame.
    await page.goto(`/payments/${payment.id}`);
    await page.getByText('Paid $40.00.').waitFor();
    await checkA11y(page);
    await screenshot(page, 'payment');
    await page.context().close();
  });

  it('a 3-D Secure top-up failed: declined, with the reason in words, and nothing credited', async () => {
    const page = await newCustomer();
    await topUp(page, '30', CARDS.threeDSecure);
    await authenticate(page, 'fail');
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('declined');
    expect(await page.getByTestId('decline-reason').innerText()).toBe(
      'The bank could not confirm it was you (3-D Secure failed).',
    );
    await screenshot(page, 'wallet-3ds-failed');
    await balance(page).toMatch(/\$0\.00/);
    await page.context().close();
  });

  it('a declined card shows its reason, and another card then pays', async () => {
    const page = await newCustomer();
    await topUp(page, '20', CARDS.insufficientFunds);
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('declined');
    expect(await page.getByTestId('decline-reason').innerText()).toBe(
      'The card has insufficient funds.',
    );
    await checkA11y(page);
    await screenshot(page, 'wallet-declined');
    await page.getByRole('button', { name: 'Try another card' }).click();
    await typeCard(page, CARDS.visa);
    await page.getByRole('button', { name: /^Pay \$20\.00/ }).click();
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('succeeded');
    await page.context().close();
  });

  it('a card saved with 3-D Secure, listed, then removed after a confirmation', async () => {
    const page = await newCustomer();
    await page.goto('/cards');
    await page.getByText('No saved cards yet').waitFor();
    await typeCard(page, CARDS.threeDSecureOnSetup);
    await page.getByRole('button', { name: 'Save card' }).click();
    await authenticate(page, 'approve');
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('succeeded');
    const row = page.getByTestId('card-row');
    await row.waitFor();
    expect(await row.innerText()).toContain('Visa ending in 3155');
    await checkA11y(page);
    await screenshot(page, 'cards');
    await row.getByRole('button', { name: 'Remove Visa ending in 3155' }).click();
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByText('No saved cards yet').waitFor();
    // Gone at the provider too: the list is read from it.
    await page.reload();
    await page.getByText('No saved cards yet').waitFor();
    await page.context().close();
  });

  it('payouts set up on the hosted form, then a withdrawal: Available goes down, the list shows it paid', async () => {
    // Screenshots (and their no-overflow checks) are taken at 375 and 1440 px by screenshot().
    const page = await newCustomer();
    await topUp(page, '50', CARDS.availableAtOnce);
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe('succeeded');
    await balance(page).toMatch(/\$50\.00/);
    await page.getByText('No withdrawals yet.').waitFor();
    const status = page.getByTestId('payout-status');
    expect(await status.getAttribute('data-status')).toBe('not_started');
    // No withdraw form before the payout account is set up.
    expect(await page.getByLabel('Amount to withdraw (USD)').count()).toBe(0);
    await screenshot(page, 'wallet-payouts-not-set-up');
    await page.getByRole('button', { name: 'Set up payouts' }).click();
    // The sandbox's hosted onboarding page (its own origin), filled as a person would.
    await page.getByRole('heading', { name: 'Set up payouts' }).waitFor();
    const answers: Record<string, string> = {
      'First name': 'Ada',
      'Last name': 'Lovelace',
      Email: 'ada@example.com',
      'Date of birth': '1990-01-01',
      Phone: '0000000000',
      'SSN last 4 (test: 0000)': '0000',
      Address: 'address_full_match',
      Website: 'https://example.com',
      'Routing number (test: 110000000)': '110000000',
      'Account number (test: 000123456789)': '000123456789',
    };
    for (const [label, value] of Object.entries(answers)) await page.getByLabel(label).fill(value);
    await screenshot(page, 'sandbox-onboarding');
    await page.getByRole('button', { name: 'Agree and submit' }).click();
    await page.waitForURL(/\/wallet\?payouts=return/);
    await expect
      .poll(() => page.getByTestId('payout-status').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('active');
    await expect.poll(() => page.getByTestId('payout-account').innerText()).toMatch(/^acct_/);
    await page.getByLabel('Amount to withdraw (USD)').fill('60');
    await page.getByText('At most $50.00 is available to withdraw now.').waitFor();
    await page.getByLabel('Amount to withdraw (USD)').fill('12.50');
    const withdrawButton = page.getByRole('button', { name: 'Withdraw', exact: true });
    // Below the fold at 1440×900 once the payout panel is above it; Playwright's own scroll-then-
    // click landed off the button here, so scroll first, as a person would.
    await withdrawButton.scrollIntoViewIfNeeded();
    await withdrawButton.click();
    await page.getByText('$12.50 is on its way to your payout account.').waitFor();
    const row = page.getByTestId('withdrawal-row');
    await row.waitFor();
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('PAID');
    await expect.poll(() => page.getByTestId('wallet-available').innerText()).toMatch(/\$37\.50/);
    await checkA11y(page);
    await screenshot(page, 'wallet-withdraw');
    await page.context().close();
  });

  it('no request to /api carried a card number; the card went as a payment method id', () => {
    expect(sent.length).toBeGreaterThan(20);
    expect(sent.some((s) => /"paymentMethodId":"pm_/.test(s.replace(/\s/g, '')))).toBe(true);
    for (const s of sent) {
      const flat = s.replace(/[\s-]/g, '');
      for (const number of Object.values(CARDS)) expect(flat).not.toContain(number);
    }
  });
});
