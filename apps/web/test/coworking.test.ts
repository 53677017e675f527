import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  launchBrowser,
  login,
  newPage,
  PHONE,
  screenshot,
  startApp,
  type App,
} from './kit';
import { getJson, postJson, signIn, signUp, type Account } from './seed-api';

const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '08:00', close: '20:00' }));

/**
 * Seed 004's booking page: a member picks a space, a day and a free slot, books it, pays with the
 * card typed in the sandbox's framed card form (which confirms the intent at the provider), sees it
 * confirmed once the server heard from the provider, and cancels it with the refund shown first.
 */
describe('coworking: book a space, pay, cancel', () => {
  let app: App;
  let browser: Browser;
  let adminToken: string;
  const sent: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    adminToken = await signIn(app, app.demo.ADMIN.email, app.demo.ADMIN.password);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const space = (name: string, overrides: Record<string, unknown> = {}) =>
    postJson<{ id: string }>(
      app,
      '/api/v1/spaces',
      {
        name,
        kind: 'ROOM',
        capacity: 1,
        priceUnit: 'HOUR',
        price: 2_500,
        currency: 'eur',
        timeZone: 'Europe/Berlin',
        openingHours: everyDay,
        cancellation: { fullRefundHours: 1, lateRefundPercent: 50 },
        ...overrides,
      },
      adminToken,
    );

  async function member(viewport = { width: 1440, height: 900 }): Promise<[Page, Account]> {
    const account = await signUp(app, 'Grace');
    const page = await newPage(browser, app, viewport);
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/'))
        sent.push(`${r.url()} ${r.postData() ?? ''}`);
    });
    await login(page, account);
    return [page, account];
  }

  async function typeCard(page: Page, number: string) {
    const frame = page.frameLocator('[data-testid=card-frame]');
    await frame.locator('#number').fill(number);
    await frame.locator('#exp').fill(`12/${String(new Date().getFullYear() + 2).slice(2)}`);
    await frame.locator('#cvc').fill('123');
  }

  it('books a free slot, pays it by card, sees it confirmed, cancels it with the refund shown', async () => {
    const room = await space(`Room Lovelace ${Date.now()}`);
    const [page, account] = await member();
    await page.goto('/spaces');
    await page.getByRole('heading', { name: 'Book a space' }).waitFor();
    await page.getByRole('button', { name: /^Choose Room Lovelace/ }).click();
    await page.getByText('Times are in Europe/Berlin.').waitFor();
    await page.getByRole('button', { name: /^10:00–11:00.*1 free/ }).click();
    await screenshot(page, 'coworking-slots');
    await checkA11y(page);
    await page.getByRole('button', { name: /^Book 10:00–11:00 for €25\.00/ }).click();

    await page.getByRole('heading', { name: 'Pay for your booking' }).waitFor();
    await page.getByText(/The slot is held for you until/).waitFor();
    await typeCard(page, '4242424242424242');
    await screenshot(page, 'coworking-pay');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await page.getByText('Booking confirmed. Your card was charged.').waitFor({ timeout: 30_000 });
    // Never a card number to Tender: the frame talked to the sandbox only.
    expect(sent.filter((s) => s.includes('4242424242424242'))).toEqual([]);
    // The server's word, not the page's: the booking is confirmed and paid in full.
    const mine = await getJson<{ data: { id: string; status: string; amountPaid: number }[] }>(
      app,
      '/api/v1/bookings',
      account.accessToken,
    );
    expect(mine.data).toHaveLength(1);
    expect(mine.data[0]).toMatchObject({ status: 'CONFIRMED', amountPaid: 2_500 });
    expect(room.id).toMatch(/^spc_/);

    await page.getByRole('link', { name: 'My bookings' }).first().click();
    await page.getByRole('heading', { name: 'My bookings' }).waitFor();
    await page.getByText('Confirmed').waitFor();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByText('Cancelling now gives back €25.00 of €25.00.').waitFor();
    await screenshot(page, 'coworking-cancel');
    await checkA11y(page);
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('Cancelled').waitFor();
    // The refund is the provider's: shown once the server heard it (a reload reads it again).
    await expect
      .poll(
        async () => {
          await page.reload();
          return page
            .getByText('€25.00 · €25.00 refunded')
            .waitFor({ timeout: 3_000 })
            .then(() => true)
            .catch(() => false);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await screenshot(page, 'coworking-cancelled');
  }, 120_000);

  it('a declined card is told in words; the booking is failed and the slot freed; empty states at 375 px', async () => {
    await space(`Room Hopper ${Date.now()}`);
    const [page] = await member(PHONE);
    await page.goto('/bookings');
    await page.getByText('You have no bookings yet.').waitFor();
    await page.goto('/spaces');
    await page.getByRole('button', { name: /^Choose Room Hopper/ }).click();
    await page.getByRole('button', { name: /^15:00–16:00.*1 free/ }).click();
    await page.getByRole('button', { name: /^Book 15:00–16:00/ }).click();
    await page.getByRole('heading', { name: 'Pay for your booking' }).waitFor();
    await typeCard(page, '4000000000009995');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await page.getByTestId('decline-reason').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('decline-reason').textContent()).toMatch(/funds/i);
    await page.getByText('The payment failed; the slot was released.').waitFor({ timeout: 30_000 });
    await screenshot(page, 'coworking-declined');
  }, 120_000);
});
