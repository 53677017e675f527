import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, login, newPage, screenshot, startApp, type App } from './kit';
import { fund, getJson, signIn, signUp } from './seed-api';

/**
 * The merchant's back office through the real app: a product made, restocked and bought by a
 * customer, the sale found and partly refunded with its units back, the earnings chart showing
 * what is left — and a customer kept out of it.
 */
describe('the merchant pages', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

  it('a customer opening a merchant page sees Not allowed, and no merchant entry in the menu', async () => {
    const page = await newPage(browser, app);
    await login(page, app.demo.USER);
    for (const path of ['/merchant/products', '/merchant/sales', '/merchant/earnings']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    }
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Products' }).count()).toBe(
      0,
    );
    await checkA11y(page);
    await screenshot(page, 'not-allowed');
    await page.context().close();
  });

  it('a merchant creates and restocks a product, a customer buys it, the merchant refunds part of it with restock and sees the earnings', async () => {
    const name = `Desk lamp ${Date.now()}`;
    const page = await newPage(browser, app);
    await login(page, app.demo.MERCHANT);

    await page.getByRole('navigation').getByRole('link', { name: 'Products' }).click();
    await page.getByRole('heading', { name: 'Your products' }).waitFor();
    await page.getByTestId('merchant-product-row').first().waitFor();
    await checkA11y(page);
    await screenshot(page, 'merchant-products');

    await page.getByRole('button', { name: 'New product' }).click();
    await page.getByRole('heading', { name: 'New product' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Description').fill('Warm light for late invoices.');
    await page.getByLabel('Price').fill('12,5');
    await page.getByLabel('Units in stock').fill('5');
    await checkA11y(page);
    await screenshot(page, 'merchant-product-new');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/merchant\/products\/prd_/);
    const productId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name }).waitFor();
    expect(await text(page, 'stock')).toContain('5 of 5');

    await page.getByLabel('Units to add').fill('3');
    await page.getByRole('button', { name: 'Restock' }).click();
    await expect.poll(() => text(page, 'stock')).toContain('8 of 8');
    await page.getByLabel('Description').fill('Warm light for late invoices, now dimmable.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await checkA11y(page);
    await screenshot(page, 'merchant-product-edit');

    // The list finds it by a word of its name.
    await page.goto('/merchant/products');
    await page.getByLabel('Search your products').fill('lamp');
    await expect.poll(() => page.getByTestId('merchant-product-row').count()).toBe(1);

    // A customer with money in the wallet buys two.
    const customer = await signUp(app, 'Bea');
    await fund(app, customer, 10_000);
    const shopper = await newPage(browser, app);
    await login(shopper, customer);
    await shopper.goto(`/products/${productId}`);
    await shopper.getByLabel('Quantity').fill('2');
    await shopper.getByRole('button', { name: 'Pay with wallet' }).click();
    await shopper.locator('[data-status=COMPLETED]').waitFor({ timeout: 20_000 });
    await shopper.context().close();

    // The merchant sees the sale, paid, and refunds €5 of it with the units back on sale.
    await page.getByRole('navigation').getByRole('link', { name: 'Sales' }).click();
    await page.getByRole('heading', { name: 'Sales' }).waitFor();
    const row = page.getByTestId('sale-row').first();
    await row.locator('[data-status=COMPLETED]').waitFor();
    expect(await row.innerText()).toMatch(/25[.,]00/);
    await checkA11y(page);
    await screenshot(page, 'merchant-sales');

    // A date filter that excludes today empties the list, in words.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From').fill(tomorrow);
    await page.getByText('No sale matches these filters.').waitFor();
    await page.getByLabel('From').fill('');
    await row.getByRole('link').click();
    await page.waitForURL(/\/merchant\/sales\/ord_/);
    await page.getByLabel(/Amount to refund/).fill('5.00');
    expect(await page.getByRole('checkbox', { name: /back on sale/ }).isChecked()).toBe(true);
    await checkA11y(page);
    await page.getByRole('button', { name: /^Refund / }).click();
    await page.getByText('Refunded to the customer’s wallet.').waitFor();
    expect(await text(page, 'sale-Refunded')).toMatch(/5[.,]00/);
    expect(await text(page, 'sale-Units back on sale')).toBe('Yes');
    expect(await page.locator('[data-status=COMPLETED]').count()).toBe(1);
    await screenshot(page, 'merchant-sale');

    // The two units are back: 8 of 8 again.
    const merchantToken = await signIn(app, app.demo.MERCHANT.email, app.demo.MERCHANT.password);
    const product = await getJson<{ availableUnits: number; price: number; description: string }>(
      app,
      `/api/v1/products/${productId}`,
      merchantToken,
    );
    expect(product).toMatchObject({
      availableUnits: 8,
      price: 1250,
      description: 'Warm light for late invoices, now dimmable.',
    });

    // Earnings: $25.00 less the 5% fee ($1.25), less the refund net of its fee share ($5.00 − $0.25).
    await page.getByRole('navigation').getByRole('link', { name: 'Earnings' }).click();
    await page.getByRole('heading', { name: 'Earnings' }).waitFor();
    const total = page.getByTestId('earnings-total').first();
    await total.waitFor();
    expect(await total.innerText()).toMatch(/19[.,]00/);
    expect(await page.getByTestId('earnings-day').count()).toBe(1);
    await expect
      .poll(() => page.locator('.recharts-bar-rectangle path').count())
      .toBeGreaterThan(0);
    await page.getByLabel('Range').selectOption('7');
    await expect
      .poll(() => page.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count())
      .toBeLessThanOrEqual(7);
    expect(await total.innerText()).toMatch(/19[.,]00/);
    await checkA11y(page);
    await screenshot(page, 'merchant-earnings');

    // Taken off sale, it leaves the shop; deleting asks first.
    await page.goto(`/merchant/products/${productId}`);
    await page.getByRole('button', { name: 'Take off sale' }).click();
    await page.getByRole('button', { name: 'Put on sale' }).waitFor();
    await page.getByRole('button', { name: 'Delete product' }).click();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL(/\/merchant\/products$/);
    await page.getByTestId('merchant-product-row').first().waitFor();
    expect(await page.getByText(name).count()).toBe(0);
    await page.context().close();
  }, 150_000);
});
