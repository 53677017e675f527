import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  launchBrowser,
  login,
  newPage,
  payOnHostedPage,
  PHONE,
  screenshot,
  startApp,
  type App,
} from './kit';

/**
 * A customer's journeys through the real app: sign up, top up by card on the hosted page, buy with
 * the wallet and by card, see both orders paid. The access token lives 4 s here, so every journey
 * also proves the silent refresh (a 401 → one refresh → the retried request).
 */
describe('the shop, as a customer', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ ACCESS_TOKEN_TTL_SECONDS: '4' }),
      launchBrowser(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Every API request the page sends, to prove what the server was (not) told. */
  const recordApi = (page: Page) => {
    const sent: Request[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) sent.push(r);
    });
    return sent;
  };

  it('a signed-out visitor sees the products, and a private page sends them to sign in', async () => {
    const page = await newPage(browser, app);
    await page.goto('/');
    await expect.poll(() => page.getByTestId('product-card').count()).toBeGreaterThan(0);
    await checkA11y(page);
    await screenshot(page, 'shop');
    await page.goto('/wallet');
    await page.waitForURL(/\/login\?next=%2Fwallet/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkA11y(page);
    await screenshot(page, 'login');
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.context().close();
  });

  it('a wrong password is told in words, not JSON', async () => {
    const page = await newPage(browser, app);
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(app.demo.USER.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).not.toMatch(/[{}]/);
    expect((await alert.innerText()).length).toBeGreaterThan(10);
    await page.context().close();
  });

  it('a new customer signs up, tops up by card, buys with the wallet and by card, and sees both paid', async () => {
    const page = await newPage(browser, app);
    const sent = recordApi(page);
    await page.goto('/signup');
    await checkA11y(page);
    await screenshot(page, 'signup');
    await page.getByLabel('First name').fill('Nia');
    await page.getByLabel('E-mail').fill(`nia-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('signed-in-as').first().waitFor({ state: 'attached' });

    // Top up €50 on the sandbox's hosted page, and come back to the wallet.
    await page.goto('/wallet');
    await page.getByText('No money has moved yet').waitFor();
    await page.getByLabel('Amount (USD)').fill('50');
    await page.getByRole('button', { name: "Pay on the card provider's page instead" }).click();
    await payOnHostedPageAndReturn(page, /\/wallet\?topup=success/);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId('wallet-balance').innerText();
        },
        { timeout: 30_000 },
      )
      .toMatch(/50[.,]00/);
    await page.getByTestId('wallet-row').first().waitFor();
    await checkA11y(page);
    await screenshot(page, 'wallet');

    // Wait past the 4 s access token: the next request refreshes silently.
    await page.waitForTimeout(5_000);
    await page.goto('/');
    await page.getByTestId('product-card').first().getByRole('link').click();
    await page.getByRole('button', { name: 'Pay with wallet' }).waitFor();
    await checkA11y(page);
    await screenshot(page, 'product');
    await page.getByRole('button', { name: 'Pay with wallet' }).click();
    await page.waitForURL(/\/orders\/ord_/);
    await page.locator('[data-status=COMPLETED]').waitFor({ timeout: 20_000 });
    await checkA11y(page);
    await screenshot(page, 'order');

    // The second through the hosted checkout, back on the order page once paid.
    await page.goto('/');
    await page.getByTestId('product-card').nth(1).getByRole('link').click();
    await page.getByRole('button', { name: 'Pay by card' }).click();
    await payOnHostedPageAndReturn(page, /\/orders\/ord_\w+\?checkout=success/);
    await page.locator('[data-status=COMPLETED]').waitFor({ timeout: 30_000 });

    await page.goto('/orders');
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(2);
    expect(await page.locator('[data-testid=order-row] [data-status=COMPLETED]').count()).toBe(2);
    await checkA11y(page);
    await screenshot(page, 'orders');

    // The refresh happened (the token is 4 s old by now), and no request to /api carried a card.
    expect(sent.some((r) => r.url().endsWith('/api/v1/auth/refresh'))).toBe(true);
    for (const r of sent)
      expect(`${r.url()} ${r.postData() ?? ''}`.replace(/\s/g, '')).not.toContain(
        '4242424242424242',
      );
    await page.context().close();
  }, 120_000);

  it('the navigation collapses into a menu at 375 px and still reaches every page', async () => {
    const page = await newPage(browser, app, PHONE);
    await login(page, app.demo.USER);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#mobile-nav').getByRole('link', { name: 'Wallet' }).click();
    await page.getByRole('heading', { name: 'Wallet' }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#mobile-nav').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.context().close();
  });
});

async function payOnHostedPageAndReturn(page: Page, back: RegExp): Promise<void> {
  await payOnHostedPage(page);
  await page.waitForURL(back, { timeout: 30_000 });
}
