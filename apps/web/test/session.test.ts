import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, startApp, type App } from './kit';

/**
 * The session across pages: a private page remembers where the user was going, a reload keeps the
 * session (the stored refresh token buys a new access token), signing out ends it for every private
 * page, and every demo role can sign in and is shown as who they are.
 */
describe('the session', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs in to where the user was going, survives a reload, and signs out and in again', async () => {
    const page = await newPage(browser, app);
    await page.goto('/orders');
    await page.waitForURL(/\/login\?next=%2Forders/);
    await page.getByLabel('E-mail').fill(app.demo.USER.email);
    await page.getByLabel('Password').fill(app.demo.USER.password);
    await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/orders$/);
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    expect(await page.getByTestId('signed-in-as').first().innerText()).toContain(
      app.demo.USER.email,
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto('/wallet');
    await page.waitForURL(/\/login\?next=%2Fwallet/);

    await login(page, app.demo.USER);
    await page.goto('/wallet');
    await page.getByRole('heading', { name: 'Wallet' }).waitFor();
    await page.context().close();
  });

  it('a reload that lost the answer to a refresh stays signed in (REFRESH_REUSE_GRACE_SECONDS)', async () => {
    const page = await newPage(browser, app);
    await login(page, app.demo.USER);
    await page.goto('/orders');
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    // A reload mid-refresh: the server rotates the token, but its answer never reaches the tab,
    // which still holds the spent token; the next page load presents it again.
    let rotated = 0;
    await page.route(
      '**/api/v1/auth/refresh',
      async (route) => {
        rotated = (await route.fetch()).status();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.reload();
    await expect.poll(() => rotated).toBe(200);
    // Within the grace window that is a lost answer, not a stolen token: still signed in.
    await page.goto('/orders');
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    expect(await page.getByTestId('signed-in-as').first().innerText()).toContain(
      app.demo.USER.email,
    );
    // And the new pair works: another reload stays signed in too.
    await page.reload();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.context().close();
  });

  it('every demo role signs in and sees its role in the header', async () => {
    for (const account of Object.values(app.demo)) {
      const page = await newPage(browser, app);
      await login(page, account);
      expect(await page.getByTestId('signed-in-as').first().innerText()).toContain(account.role);
      await page.context().close();
    }
  });
});
