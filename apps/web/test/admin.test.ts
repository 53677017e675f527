import { join } from 'node:path';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningEmbeddedUrl } from '../../server/src/platform/database/embedded-postgres';
import { checkA11y, launchBrowser, login, newPage, screenshot, startApp, type App } from './kit';

const BROKEN = 'evt_admin_unreadable';
/** expect.poll gives up after 1 s by default; pages on a busy runner can take longer. */
const WAIT = { timeout: 15_000 };

/**
 * An admin's journeys through the operations pages, on the real server: find a payment (a wallet
 * top-up made through the API in setup), see its transitions and webhook events and refund part
 * of it; find a webhook event that could not be applied, replay its dead letter once the cause is
 * fixed; run the ledger check and see every invariant hold.
 *
 * The dead letter is made deterministically in setup, as the real pipeline makes one: a stored
 * event the applier cannot read (no `object`), and a `payments.webhook` job for it sent with
 * `retryLimit: 0` through pg-boss on the app's own database, so the server's worker fails it once
 * and dead-letters it (the queue's own 10 retries would take a quarter of an hour). No API can
 * make a job fail on purpose, and none should; the test reaches the database directly instead.
 */
describe('the admin pages', () => {
  let app: App;
  let browser: Browser;
  let db: Client;
  let paymentId: string;

  const apiAs = async (account: { email: string; password: string }) => {
    const res = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    const body = (await res.json()) as { accessToken?: string };
    if (!body.accessToken) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
    return body.accessToken;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ JOBS_POLL_INTERVAL_SECONDS: '0.5' }),
      launchBrowser(),
    ]);
    // A card top-up through the API: a payment with transitions and the provider's webhooks.
    const token = await apiAs(app.demo.USER);
    const deposit = await fetch(`${app.url}/api/v1/wallet/deposit`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': `admin-test-${Date.now()}`,
      },
      body: JSON.stringify({ amount: 1000, currency: 'usd', paymentMethodId: 'pm_card_visa' }),
    });
    expect(deposit.status, await deposit.clone().text()).toBe(201);
    paymentId = ((await deposit.json()) as { id: string }).id;

    const url = await runningEmbeddedUrl(join(app.dataDir, 'postgres'));
    db = new Client({ connectionString: url });
    await db.connect();
    await db.query(
      `INSERT INTO webhook_events (id, type, payload)
       VALUES ($1, 'payment_intent.succeeded', $2)`,
      [BROKEN, { id: BROKEN, type: 'payment_intent.succeeded', created: 0 }],
    );
    const boss = new PgBoss({
      connectionString: url,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await boss.start();
    await boss.send('payments.webhook', { eventId: BROKEN }, { retryLimit: 0 });
    await boss.stop({ graceful: false, wait: true });
    const deadline = Date.now() + 20_000;
    const dead = async () =>
      (await db.query(`SELECT 1 FROM pgboss.job WHERE name = 'payments.webhook.dead'`)).rowCount;
    while ((await dead()) !== 1) {
      if (Date.now() > deadline) throw new Error('the unreadable event was not dead-lettered');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await app?.close();
  });

  const adminPage = async (): Promise<Page> => {
    const page = await newPage(browser, app);
    await login(page, app.demo.ADMIN);
    return page;
  };

  it('is only for admins', async () => {
    const page = await newPage(browser, app);
    await login(page, app.demo.USER);
    await page.getByRole('link', { name: 'Wallet', exact: true }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
    await page.goto('/admin/payments');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await page.context().close();
  });

  it('shows the dashboard: payments, success rate, volume, webhooks and queues', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Admin' }).first().click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    for (const title of [
      'Payments per day by status',
      'Success rate',
      'Volume per day (USD)',
      'Webhook events',
      'Job queue depth',
    ])
      await page.getByRole('heading', { name: title, exact: true }).waitFor();
    const status = page.locator('figure', { hasText: 'Payments per day by status' });
    await expect
      .poll(() => status.locator('figcaption').innerText(), WAIT)
      .toMatch(/Succeeded: [1-9]/);
    await expect
      .poll(() => status.locator('svg.recharts-surface').count(), WAIT)
      .toBeGreaterThan(0);
    const volume = page.locator('figure', { hasText: 'Volume per day' });
    expect(await volume.locator('figcaption').innerText()).toMatch(/\$10\.00/);
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await expect
      .poll(() => status.locator('figcaption').innerText(), WAIT)
      .toMatch(/Succeeded: [1-9]/);
    await checkA11y(page);
    await screenshot(page, 'admin-dashboard');
    await page.context().close();
  });

  it('finds the top-up, shows its transitions and webhook events, and refunds part of it', async () => {
    const page = await adminPage();
    await page.goto('/admin/payments');
    await page.getByLabel('Paid for').selectOption('wallet_deposit');
    await page.getByLabel('Status').selectOption('SUCCEEDED');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/payableType=wallet_deposit/);
    const row = page.getByTestId('payment-row').filter({ hasText: paymentId });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\$10\.00/);
    await checkA11y(page);
    await screenshot(page, 'admin-payments');

    await row.getByRole('link', { name: paymentId }).click();
    await page.getByRole('heading', { name: `Payment ${paymentId}` }).waitFor();
    const transition = page.getByTestId('transition').first();
    await transition.waitFor();
    expect(await transition.innerText()).toMatch(/Created → Succeeded/);
    // The provider's events about this payment (intent and charge), each applied.
    const events = page.getByTestId('payment-webhook');
    const noEvents = page.getByText('No webhook event about this payment has arrived.');
    await expect
      .poll(
        async () => {
          await page.reload();
          await events.or(noEvents).first().waitFor();
          return events.count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.getByTestId('payment-webhook').first().innerText()).toMatch(/Applied/);
    await checkA11y(page);
    await screenshot(page, 'admin-payment');

    // A partial refund of $2.50, confirmed first.
    await page.getByLabel('Amount (USD)').fill('2.50');
    await page.getByRole('button', { name: 'Refund…' }).click();
    await page.getByRole('button', { name: /Confirm refund of \$2\.50/ }).click();
    await page.getByText(/Refund rfd_\w+ of \$2\.50 recorded/).waitFor();
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('[data-status]').first().getAttribute('data-status');
      }, WAIT)
      .toBe('PARTIALLY_REFUNDED');

    // The payer is a link to their page in the directory (an Admin tab too), with their wallet.
    await page.getByRole('link', { name: /^usr_/ }).click();
    await page.getByRole('heading', { name: 'Cody Demo' }).waitFor();
    await page.getByTestId('wallet-card').first().waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Admin sections' })
        .getByRole('link', { name: 'Users' })
        .getAttribute('aria-current'),
    ).toBe('page');
    await page.context().close();
  });

  it('shows the unreadable webhook, and replays its dead letter once the cause is fixed', async () => {
    const page = await adminPage();
    await page.goto('/admin/webhooks');
    await page.getByLabel('Type').fill('no.such.event');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No webhook event matches.').waitFor();
    await page.getByLabel('Type').fill('');
    await page.getByLabel('State').selectOption('FAILED');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/state=FAILED/);
    const row = page.getByTestId('webhook-row').filter({ hasText: BROKEN });
    await expect.poll(() => page.getByTestId('webhook-row').count(), WAIT).toBe(1);
    await row.waitFor();
    await checkA11y(page);
    await screenshot(page, 'admin-webhooks');
    await row.getByRole('link', { name: BROKEN }).click();
    await page.getByText('The last attempt to apply it failed').waitFor();
    expect(await page.getByTestId('payload').innerText()).toContain(`"id": "${BROKEN}"`);
    await checkA11y(page);
    await screenshot(page, 'admin-webhook');

    // The cause fixed (the event made readable: an object nothing needs to act on).
    await db.query(`UPDATE webhook_events SET payload = $2 WHERE id = $1`, [
      BROKEN,
      {
        id: BROKEN,
        type: 'customer.created',
        created: 0,
        object: { id: 'cus_admin', object: 'customer' },
      },
    ]);
    await page.getByRole('link', { name: 'Dead letters' }).click();
    const letter = page.getByTestId('dead-letter').filter({ hasText: BROKEN });
    await letter.waitFor();
    expect(await letter.innerText()).toMatch(/payments\.webhook/);
    expect(await letter.innerText()).toMatch(/Cannot read properties/);
    await checkA11y(page);
    await screenshot(page, 'admin-dead-letters');
    await letter.getByRole('button', { name: 'Replay…' }).click();
    await page.getByRole('button', { name: 'Confirm replay' }).click();
    await page.getByText(/Replayed: the payments\.webhook job was sent again/).waitFor();
    await expect.poll(() => letter.getAttribute('data-status'), WAIT).toBe('replayed');

    // The replayed job applies the event.
    await expect
      .poll(
        async () => {
          await page.goto(`/admin/webhooks/${BROKEN}`);
          await page.getByRole('heading', { name: `Webhook ${BROKEN}` }).waitFor();
          return page.locator('[data-state]').first().getAttribute('data-state');
        },
        { timeout: 20_000 },
      )
      .toBe('APPLIED');
    await page.context().close();
  });

  it('runs the ledger check and sees every invariant hold', async () => {
    const page = await adminPage();
    await page.goto('/admin/ledger');
    await page.getByRole('button', { name: 'Run the ledger check' }).click();
    const verdict = page.getByTestId('ledger-verdict');
    await verdict.waitFor();
    expect(await verdict.innerText()).toMatch(/Every invariant holds \(\d+ checked\)/);
    const invariants = page.getByTestId('invariant');
    expect(await invariants.count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid=invariant][data-passed=false]').count()).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'admin-ledger');
    await page.context().close();
  });
});
