import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, startSmtp } from '../../server/test/notifications/smtp-fixture';
import { checkA11y, launchBrowser, login, newPage, screenshot, startApp, type App } from './kit';
import { fund, getJson, postJson, signUp } from './seed-api';

const WAIT = { timeout: 20_000 };

/**
 * The admin's E-mail tab on the real server: a wallet purchase's receipt could not be sent (the
 * SMTP server is down, and the queue gives up after one attempt here), the admin sees it Failed
 * with the reason in words, retries it once the server is back, and sees it Sent — and the
 * server (smtp-server, started by the test) has the message.
 */
describe('the admin e-mail tab', () => {
  let app: App;
  let browser: Browser;
  let port: number;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  let orderId: string;

  beforeAll(async () => {
    port = await deadPort();
    [app, browser] = await Promise.all([
      startApp({
        JOBS_POLL_INTERVAL_SECONDS: '0.5',
        SMTP_URL: `smtp://mailer:s3cret-pass@127.0.0.1:${port}`,
        MAIL_RETRY_LIMIT: '0',
      }),
      launchBrowser(),
    ]);
    const buyer = await signUp(app, 'Mira');
    await fund(app, buyer, 5_000);
    const products = await getJson<{ data: { id: string; price: number; currency: string }[] }>(
      app,
      '/api/v1/products?limit=100',
      buyer.accessToken,
    );
    const product = products.data.find((p) => p.currency === 'usd' && p.price <= 5_000)!;
    const order = await postJson<{ id: string }>(
      app,
      '/api/v1/orders',
      { productId: product.id, quantity: 1, paymentMethod: 'WALLET' },
      buyer.accessToken,
    );
    orderId = order.id;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('shows a failed receipt with its reason, retries it, and it is sent', async () => {
    const page = await newPage(browser, app);
    await login(page, app.demo.ADMIN);
    await page.goto('/admin');
    await page
      .getByRole('navigation', { name: 'Admin sections' })
      .getByRole('link', { name: 'E-mail' })
      .click();
    await page.getByRole('heading', { name: 'E-mail', exact: true }).waitFor();
    const row = page.getByTestId('mail-row').filter({ hasText: orderId });
    await expect
      .poll(async () => {
        await page.reload();
        await page
          .getByTestId('mail-row')
          .or(page.getByText('No e-mail matches.'))
          .first()
          .waitFor();
        return row.getAttribute('data-status', { timeout: 1_000 }).catch(() => null);
      }, WAIT)
      .toBe('FAILED');
    expect(await row.innerText()).toMatch(/Failed[\s\S]*ECONNREFUSED/);
    await checkA11y(page);
    await screenshot(page, 'admin-notifications');

    // Only failed ones, then a filter nothing matches: the empty state says so in words.
    await page.getByLabel('Status').selectOption('FAILED');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=FAILED/);
    await row.waitFor();
    await page.getByLabel('Kind').fill('no.such-kind');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No e-mail matches.').waitFor();
    await checkA11y(page);

    await page.goto('/admin/notifications');
    smtp = await startSmtp(port);
    await row.getByRole('button', { name: /^Retry/ }).click();
    await page.getByText(/Queued again: “Your order ord_\w+ is confirmed”/).waitFor();
    await expect
      .poll(async () => {
        await page.reload();
        await row.waitFor();
        return row.getAttribute('data-status');
      }, WAIT)
      .toBe('SENT');
    expect(await row.innerText()).toMatch(/Sent/);
    const sent = smtp.received.filter((r) => r.mail.subject?.includes(orderId));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.mail.text).toContain(`Order: ${orderId}`);
    await screenshot(page, 'admin-notifications-sent');
    await page.context().close();
  });
});
