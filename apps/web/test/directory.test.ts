import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, login, newPage, screenshot, startApp, type App } from './kit';
import { fund, getJson, postJson, signIn, signUp } from './seed-api';

/**
 * The admin's directory through the real app: a user found by search, their role changed and
 * their wallet locked and unlocked; a company created and an operator added and removed — and a
 * merchant kept out of it.
 */
describe('the directory pages', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a merchant opening the directory sees Not allowed', async () => {
    const page = await newPage(browser, app);
    await login(page, app.demo.MERCHANT);
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await page.goto('/admin/companies');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    // The directory's old address is no way round it either.
    await page.goto('/directory/users');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await page.context().close();
  });

  it('an admin searches a user, changes their role, and locks and unlocks their wallet', async () => {
    const quinn = await signUp(app, 'Quinn');
    await fund(app, quinn, 2_000);
    const page = await newPage(browser, app);
    await login(page, app.demo.ADMIN);
    // One nav entry for everything an admin runs: the directory is a tab of Admin.
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await main.getByRole('link', { name: 'Admin' }).click();
    await page
      .getByRole('navigation', { name: 'Admin sections' })
      .getByRole('link', { name: 'Users' })
      .click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await expect.poll(() => page.getByTestId('user-row').count()).toBeGreaterThan(4);
    await checkA11y(page);
    await screenshot(page, 'directory-users');

    await page.getByLabel('Search users').fill(quinn.email.toUpperCase());
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
    await page.getByLabel('Search users').fill('nobody-at-all');
    await page.getByText('No user matches this search.').waitFor();
    await page.getByLabel('Search users').fill('quinn');
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
    await page.getByTestId('user-row').getByRole('link').click();
    await page.getByRole('heading', { name: 'Quinn' }).waitFor();

    // Role: USER → MERCHANT, shown at once and true on the server.
    await page.getByLabel('New role').selectOption('MERCHANT');
    await page.getByRole('button', { name: 'Change role' }).click();
    await page.getByRole('status').filter({ hasText: 'Role changed to Merchant' }).waitFor();
    await page.locator('[data-role=MERCHANT]').first().waitFor();
    const asMerchant = await getJson<{ role: string }>(
      app,
      `/api/v1/users/${quinn.id}`,
      quinn.accessToken,
    );
    expect(asMerchant.role).toBe('MERCHANT');
    await page.getByLabel('New role').selectOption('USER');
    await page.getByRole('button', { name: 'Change role' }).click();
    await page.locator('[data-role=USER]').first().waitFor();

    // The wallet: open with its $20.00, then locked (the owner's own wallet says so), then open.
    const card = page.getByTestId('wallet-card');
    await card.waitFor();
    expect(await card.innerText()).toMatch(/20[.,]00/);
    expect(await card.getAttribute('data-locked')).toBe('false');
    await checkA11y(page);
    await card.getByRole('button', { name: 'Lock wallet' }).click();
    await page.locator('[data-testid=wallet-card][data-locked=true]').waitFor();
    expect(await card.innerText()).toContain('Locked');
    const own = () => getJson<{ isLocked: boolean }>(app, '/api/v1/wallet', quinn.accessToken);
    expect((await own()).isLocked).toBe(true);
    await checkA11y(page);
    await screenshot(page, 'directory-user');
    await card.getByRole('button', { name: 'Unlock wallet' }).click();
    await page.locator('[data-testid=wallet-card][data-locked=false]').waitFor();
    expect((await own()).isLocked).toBe(false);
    await page.context().close();
  }, 120_000);

  it("a wallet in debt says so on its owner's page", async () => {
    // Funded by card, spent in the shop, then the card payment refunded by force: the wallet owes.
    const dara = await signUp(app, 'Dara');
    const deposit = await fund(app, dara, 5_000);
    const products = await getJson<{ data: { id: string; price: number; currency: string }[] }>(
      app,
      '/api/v1/products?limit=50',
      dara.accessToken,
    );
    const product = products.data.find((p) => p.currency === 'usd' && p.price <= 5_000)!;
    await postJson(
      app,
      '/api/v1/orders',
      { productId: product.id, paymentMethod: 'WALLET' },
      dara.accessToken,
    );
    const admin = await signIn(app, app.demo.ADMIN.email, app.demo.ADMIN.password);
    await postJson(app, `/api/v1/admin/payments/${deposit.id}/refund`, { force: true }, admin);

    const page = await newPage(browser, app);
    await login(page, app.demo.ADMIN);
    // The directory's first address still leads to the user, now under /admin.
    await page.goto(`/directory/users/${dara.id}`);
    await page.waitForURL(`**/admin/users/${dara.id}`);
    const card = page.getByTestId('wallet-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('In debt');
    // It owes what it spent: the balance is minus the price, and the debt is the price.
    const price = `${Math.floor(product.price / 100)}[.,]${String(product.price % 100).padStart(2, '0')}`;
    expect(await card.innerText()).toMatch(new RegExp(`Balance\\s+-\\D?${price}`));
    expect(await card.innerText()).toMatch(new RegExp(`Owed to the platform\\s+\\D?${price}`));
    await checkA11y(page);
    await screenshot(page, 'directory-user-in-debt');
    await page.context().close();
  }, 120_000);

  it('an admin creates a company and adds and removes an operator', async () => {
    const olga = await signUp(app, 'Olga');
    const company = `Volt Sites ${Date.now()}`;
    const page = await newPage(browser, app);
    await login(page, app.demo.ADMIN);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .click();
    await page
      .getByRole('navigation', { name: 'Admin sections' })
      .getByRole('link', { name: 'Companies' })
      .click();
    await page.getByRole('heading', { name: 'Companies' }).waitFor();
    await page.getByTestId('company-row').first().waitFor();
    await checkA11y(page);
    await screenshot(page, 'directory-companies');

    await page.getByLabel('Company name').fill(company);
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByRole('heading', { name: company }).waitFor();
    await page.getByText('No operators yet. Add one below.').waitFor();

    await page.getByLabel('Find a customer').fill(olga.email);
    await page.getByRole('button', { name: `Add ${olga.email}` }).click();
    await page.getByTestId('operator').filter({ hasText: olga.email }).waitFor();
    expect((await getJson<{ role: string }>(app, '/api/v1/auth/me', olga.accessToken)).role).toBe(
      'OPERATOR',
    );
    await checkA11y(page);
    await screenshot(page, 'directory-company');

    await page.getByRole('button', { name: `Remove ${olga.email}` }).click();
    await page.getByText('No operators yet. Add one below.').waitFor();
    expect((await getJson<{ role: string }>(app, '/api/v1/auth/me', olga.accessToken)).role).toBe(
      'USER',
    );
    await page.context().close();
  }, 120_000);
});
