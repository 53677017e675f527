import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, login, newPage, screenshot, startApp, type App } from './kit';
import { postJson, signIn, signUp } from './seed-api';

/**
 * A member chooses a plan, pays the first month with a card typed in the sandbox's framed card
 * form, sees the membership active with its credits (only once the provider's invoice.paid
 * arrived), changes plan and cancels.
 */
describe('membership, as a member', () => {
  let app: App;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const admin = await signIn(app, app.demo.ADMIN.email, app.demo.ADMIN.password);
    await postJson(
      app,
      '/api/v1/admin/membership-plans',
      {
        name: 'Hot desk',
        currency: 'eur',
        monthlyPrice: 9900,
        credits: { meeting_room_hours: 10, day_passes: 2 },
      },
      admin,
    );
    await postJson(
      app,
      '/api/v1/admin/membership-plans',
      { name: 'Dedicated desk', currency: 'eur', monthlyPrice: 19900, credits: { day_passes: 20 } },
      admin,
    );
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function typeCard(page: Page, number: string) {
    const frame = page.frameLocator('[data-testid=card-frame]');
    await frame.locator('#number').fill(number);
    await frame.locator('#exp').fill(`12/${String(new Date().getFullYear() + 2).slice(2)}`);
    await frame.locator('#cvc').fill('123');
  }

  it('subscribes with a card, sees credits left, changes plan and cancels', async () => {
    const member = await signUp(app, 'Grace');
    const page = await newPage(browser, app);
    await login(page, member);
    await page.goto('/membership');
    await page.getByRole('heading', { name: 'Hot desk' }).waitFor();
    await expect.poll(() => page.getByText(/Each month: .*10 meeting room hours/).count()).toBe(1);
    await screenshot(page, 'membership-plans');
    await checkA11y(page);

    await page.getByRole('button', { name: 'Choose Hot desk' }).click();
    await page.getByText('Pay your first month').waitFor();
    // A declined card is told in words and the membership waits.
    await typeCard(page, '4000000000009995');
    await page.getByRole('button', { name: /^Pay €99\.00/ }).click();
    await page.getByText('The card was declined').waitFor();
    await page.getByRole('button', { name: 'Try another card' }).click();
    await typeCard(page, '4242424242424242');
    await page.getByRole('button', { name: /^Pay €99\.00/ }).click();
    await page.locator('[data-membership-status=ACTIVE]').waitFor({ timeout: 30_000 });
    const rooms = page.locator('[data-credit=meeting_room_hours]');
    await expect.poll(() => rooms.textContent()).toMatch(/10 of 10/);
    await screenshot(page, 'membership-active');
    await checkA11y(page);

    await page
      .getByLabel('Change plan')
      .selectOption({ label: 'Dedicated desk — €199.00 / month' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByText('Plan changed.').waitFor();
    await page.getByRole('heading', { name: 'Dedicated desk' }).waitFor();

    await page.getByRole('button', { name: 'Cancel now' }).click();
    await page.getByRole('button', { name: 'Yes, cancel now' }).click();
    // Cancelled: the plans are on offer again.
    await page.getByRole('button', { name: 'Choose Hot desk' }).waitFor();
    await screenshot(page, 'membership-cancelled');
  });
});
