import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSimulatedCharger,
  type SimulatedCharger,
} from '../../server/src/charging/simulator/charger';
import { DEMO_WALLETS } from '../../server/src/onchain/demo-wallets';
import {
  checkA11y,
  DESKTOP,
  launchBrowser,
  login,
  payOnHostedPage,
  PHONE,
  screenshot,
  startApp,
  type App,
} from './kit';
import { postJson, saveCard, signIn, signUp } from './seed-api';

/**
 * The ad-hoc (no account) driver over the real server: a station of the demo operator's company
 * made through the API, its charger the simulator (fast meter readings, so the cost visibly
 * rises). A visitor who never signs in pays by a card typed in the sandbox's card form (a hold),
 * or after, by a card link on the sandbox's hosted checkout, or checks a USDC wallet first; the
 * session's page opens only with the key its link carries.
 */
describe('charging, as a guest without an account', () => {
  let app: App;
  let browser: Browser;
  let charger: SimulatedCharger;
  /** The harbour charger's connectors (EUR tariff). */
  let connectors: string[];
  /** A connector under a USD tariff: the USDC option is offered there. */
  let dollars: string;
  /** The guest sessions the journeys made (a key of one must not open the other). */
  const made: { id: string; key: string }[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const token = await signIn(app, app.demo.OPERATOR.email, app.demo.OPERATOR.password);
    const tariff = await postJson<{ id: string }>(
      app,
      '/api/v1/tariffs',
      {
        name: 'Quay AC',
        currency: 'eur',
        energyPricePerKwh: 39_000,
        sessionFee: 50,
        taxRateBasisPoints: 1900,
        holdAmount: 5000,
      },
      token,
    );
    const usd = await postJson<{ id: string }>(
      app,
      '/api/v1/tariffs',
      {
        name: 'Pier DC',
        currency: 'usd',
        energyPricePerKwh: 45_000,
        taxRateBasisPoints: 0,
        holdAmount: 3000,
      },
      token,
    );
    const station = await postJson<{ id: string }>(
      app,
      '/api/v1/stations',
      {
        name: 'Quay Car Park',
        address: '2 Quay Street, 20457 Hamburg',
        latitude: 53.5461,
        longitude: 9.9661,
        timeZone: 'Europe/Berlin',
        tariffId: tariff.id,
      },
      token,
    );
    const pier = await postJson<{ id: string }>(
      app,
      '/api/v1/stations',
      {
        name: 'Pier 9',
        address: '9 Pier Road, San Francisco',
        latitude: 37.8,
        longitude: -122.4,
        timeZone: 'America/Los_Angeles',
        tariffId: usd.id,
      },
      token,
    );
    const ocppId = `GUEST-CP-${process.pid}`;
    const made = await postJson<{ id: string }>(
      app,
      '/api/v1/chargers',
      { stationId: station.id, ocppId },
      token,
    );
    connectors = [];
    for (const n of [1, 2, 3])
      connectors.push(
        (
          await postJson<{ id: string }>(
            app,
            `/api/v1/chargers/${made.id}/connectors`,
            { connectorId: n, type: 'TYPE_2', maxPowerW: 22_000 },
            token,
          )
        ).id,
      );
    const pierCharger = await postJson<{ id: string }>(
      app,
      '/api/v1/chargers',
      { stationId: pier.id, ocppId: `GUEST-PIER-${process.pid}` },
      token,
    );
    dollars = (
      await postJson<{ id: string }>(
        app,
        `/api/v1/chargers/${pierCharger.id}/connectors`,
        { connectorId: 1, type: 'CCS_1', maxPowerW: 50_000 },
        token,
      )
    ).id;
    // 100 kW read every second: about a cent every second at €0.39/kWh.
    charger = await startSimulatedCharger({
      url: app.url,
      chargePointId: ocppId,
      connectors: 3,
      powerKw: 100,
      meterIntervalMs: 1000,
    });
  }, 180_000);
  afterAll(async () => {
    await charger?.stop();
    await browser?.close();
    await app?.close();
  });

  async function open(viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: app.url });
    return context.newPage();
  }

  /** A money amount on the page, in cents (the page's own text, e.g. "€0.42"). */
  const cents = async (page: Page, testId: string) =>
    Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));
  const status = (page: Page) => page.locator('[data-status]').first().getAttribute('data-status');

  /** Types a card into the sandbox's framed card form (its own origin, never Tender's). */
  async function typeCard(page: Page, number = '4242424242424242') {
    const frame = page.frameLocator('[data-testid=card-frame]');
    await frame.locator('#number').fill(number);
    await frame.locator('#exp').fill(`12/${String(new Date().getFullYear() + 2).slice(2)}`);
    await frame.locator('#cvc').fill('123');
  }

  /** The guest's page after a start: its id and key from the URL the page went to. */
  async function landed(page: Page): Promise<{ id: string; key: string }> {
    await page.waitForURL(/\/charge\/guest\/\w+#key=[\w-]+$/);
    const u = new URL(page.url());
    return {
      id: u.pathname.split('/').pop()!,
      key: new URLSearchParams(u.hash.slice(1)).get('key')!,
    };
  }

  /** Charging, the cost rising by itself; then Stop. Returns the cost seen while charging. */
  async function chargeAndStop(page: Page): Promise<number> {
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('CHARGING');
    await expect.poll(() => cents(page, 'cost'), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await cents(page, 'cost');
    await expect.poll(() => cents(page, 'cost'), { timeout: 20_000 }).toBeGreaterThan(first);
    expect(await page.getByTestId('energy').innerText()).toMatch(/^[\d.,]+ kWh$/);
    await page.getByRole('button', { name: 'Stop charging' }).click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('COMPLETED');
    return first;
  }

  it('at 375 px: pays by a card typed in, watches the cost rise, stops, reads the receipt', async () => {
    const page = await open();
    const api: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) api.push(r.url() + (r.postData() ?? ''));
    });
    await page.goto(`/charge/${connectors[0]}`);
    await page.getByRole('heading', { name: 'Quay Car Park · connector 1' }).waitFor();
    await expect.poll(() => page.getByText('Free: plug in your car and start.').count()).toBe(1);
    // The card is the first way to pay: the price panel and the choice say what is held.
    expect(await page.getByTestId('hold-sentence').innerText()).toBe(
      '€50.00 is held on your card; you pay only what you use.',
    );
    expect(await page.getByRole('radio', { name: /^Card/ }).isChecked()).toBe(true);
    await page.getByLabel('E-mail for the receipt (optional)').fill('guest@example.test');
    await typeCard(page);
    await checkA11y(page);
    await screenshot(page, 'guest-connector');

    const started = page.waitForRequest((r) => r.url().endsWith('/api/v1/session/start'));
    await page.getByRole('button', { name: 'Start charging' }).click();
    const start = await started;
    expect(start.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const sent = start.postDataJSON() as { payment: { type: string; paymentMethodId: string } };
    expect(sent.payment.type).toBe('card');
    expect(sent.payment.paymentMethodId).toMatch(/^pm_/);
    const { id, key } = await landed(page);
    made.push({ id, key });
    expect(key.length).toBeGreaterThanOrEqual(43);
    // The key goes as a header only: never in a URL the server sees.
    expect(api.some((u) => u.split('?')[0]!.includes(key) || u.includes(`key=${key}`))).toBe(false);

    await page.getByRole('heading', { name: 'Charging at Quay Car Park' }).waitFor();
    expect(await page.getByTestId('session-link').innerText()).toBe(
      `${app.url}/charge/guest/${id}#key=${key}`,
    );
    const first = await chargeAndStop(page);
    const hold = page.getByTestId('receipt-hold');
    await expect
      .poll(() => hold.getAttribute('data-capture'), { timeout: 30_000 })
      .toBe('CAPTURED');
    const total = await cents(page, 'receipt-total');
    expect(total).toBeGreaterThan(first);
    expect(await cents(page, 'receipt-captured')).toBe(total);
    expect(await hold.innerText()).toContain(
      `The rest of the hold, €${((5000 - total) / 100).toFixed(2)}, is released.`,
    );
    await checkA11y(page);
    await screenshot(page, 'guest-receipt');

    // The kept link opens the session again in a new tab (its own sessionStorage).
    const again = await open(DESKTOP);
    await again.goto(`/charge/guest/${id}#key=${key}`);
    await again.getByTestId('receipt-total').waitFor();
    expect(await cents(again, 'receipt-total')).toBe(total);
    await again.context().close();
    await page.context().close();
  });

  it('pays after by card link: stop, Pay now, the hosted checkout, back: paid', async () => {
    const page = await open();
    await page.goto(`/charge/${connectors[1]}`);
    await page.getByTestId('pay-choice').filter({ hasText: 'Pay after by card link' }).click();
    // No hold: the cap in words, in the choice and in the price panel.
    const cap = 'No hold: charging stops at €50.00 unless you stop it sooner.';
    expect(await page.getByTestId('pay-cap').innerText()).toContain(cap);
    expect(await page.getByTestId('hold-sentence').innerText()).toContain(cap);
    await page.getByRole('button', { name: 'Start charging' }).click();
    const { id, key } = await landed(page);
    made.push({ id, key });
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('CHARGING');
    expect(await page.getByTestId('cap-sentence').innerText()).toContain(
      'Charging stops at €50.00 unless you stop it sooner.',
    );
    await checkA11y(page);
    await screenshot(page, 'guest-link-live');
    await chargeAndStop(page);
    const link = page.getByTestId('link-status');
    await expect
      .poll(() => link.getAttribute('data-link-status'), { timeout: 30_000 })
      .toBe('PENDING');
    const cost = await cents(page, 'cost');
    expect(await link.innerText()).toBe(`€${(cost / 100).toFixed(2)} to pay by card.`);
    await checkA11y(page);
    await screenshot(page, 'guest-link-pay');

    // Given up on the hosted page first: back, still to pay, the same link.
    await page.getByRole('link', { name: 'Pay now' }).click();
    await page.waitForURL(/\/c\/pay\//);
    await page.locator('#cancel').click();
    await page.waitForURL(new RegExp(`/charge/guest/${id}\\?checkout=cancel$`));
    await expect
      .poll(() => link.innerText(), { timeout: 20_000 })
      .toBe(
        `You left the payment page without paying. €${(cost / 100).toFixed(2)} is still to pay.`,
      );
    await page.getByRole('link', { name: 'Pay now' }).click();
    await payOnHostedPage(page);
    // Back on the guest's page, without the key in the URL: the tab kept it.
    await page.waitForURL(new RegExp(`/charge/guest/${id}\\?checkout=success`));
    await expect
      .poll(() => link.getAttribute('data-link-status'), { timeout: 30_000 })
      .toBe('PAID');
    expect(await link.innerText()).toBe(`Paid: €${(cost / 100).toFixed(2)}. Thank you.`);
    expect(await cents(page, 'receipt-total')).toBe(cost);
    expect(await page.getByRole('link', { name: 'Pay now' }).count()).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'guest-link-paid');
    await page.context().close();
  });

  it('a signed-in driver may pay another way: after, by card link, on their own session page', async () => {
    const me = await signUp(app, 'Lina');
    await saveCard(app, me);
    const page = await open();
    await login(page, me);
    await page.goto(`/charge/${connectors[2]}`);
    // The saved card first; the other ways a press away, without the receipt e-mail (the account's).
    await page.getByRole('radio', { name: /Visa ending in 4242/ }).waitFor();
    await page.getByRole('button', { name: /Pay another way/ }).click();
    expect(await page.getByLabel('E-mail for the receipt (optional)').count()).toBe(0);
    await page.getByTestId('pay-choice').filter({ hasText: 'Pay after by card link' }).click();
    const starts = page.getByRole('button', { name: 'Start charging' });
    await starts.last().click();
    await page.waitForURL(/\/charge\/sessions\/\w+$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('CHARGING');
    expect(await page.getByTestId('cap-sentence').innerText()).toContain(
      'Charging stops at €50.00 unless you stop it sooner.',
    );
    await page.getByRole('button', { name: 'Stop charging' }).click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('COMPLETED');
    const link = page.getByTestId('link-status');
    await expect
      .poll(() => link.getAttribute('data-link-status'), { timeout: 30_000 })
      .toBe('PENDING');
    await page.getByRole('link', { name: 'Pay now' }).click();
    await payOnHostedPage(page);
    await page.waitForURL(new RegExp(`/charge/sessions/${id}\\?checkout=success`));
    await expect
      .poll(() => link.getAttribute('data-link-status'), { timeout: 30_000 })
      .toBe('PAID');
    await checkA11y(page);
    await screenshot(page, 'driver-link-paid');
    await page.context().close();
  });

  it('a wrong, missing or foreign key shows only that the link is not valid', async () => {
    const page = await open();
    const wrong = 'A'.repeat(43);
    await page.goto(`/charge/guest/ses_01JDOESNOTEXIST#key=${wrong}`);
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    // Nothing else: no figures, no Stop, no station.
    expect(await page.getByTestId('cost').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Stop charging' }).count()).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'guest-not-valid');
    // A real session's key on another real session's page: the same, nothing of either shown.
    expect(made.length).toBe(2);
    await page.goto(`/charge/guest/${made[1]!.id}#key=${made[0]!.key}`);
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    expect(await page.getByTestId('cost').count()).toBe(0);
    // Its own key still opens it.
    await page.goto(`/charge/guest/${made[1]!.id}#key=${made[1]!.key}`);
    await page.getByTestId('cost').waitFor();
    // No key at all (a link cut short), here in the same tab: the refused key was not kept, so
    // the same page, and no request was needed to say so.
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/session/')) asked.push(r.url());
    });
    await page.goto('/charge/guest/ses_01JDOESNOTEXIST');
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    expect(asked).toEqual([]);
    await page.context().close();
  });

  it('USDC: the pre-check of a demo wallet short of USDC says what is missing; no start', async () => {
    const page = await open();
    await page.goto(`/charge/${dollars}`);
    await page.getByRole('heading', { name: 'Pier 9 · connector 1' }).waitFor();
    await page.getByTestId('pay-choice').filter({ hasText: 'Pay after in USDC' }).click();
    expect(await page.getByTestId('pay-cap').innerText()).toContain(
      'No hold: charging stops at $30.00 unless you stop it sooner.',
    );
    const amount = page.getByLabel('Amount (USDC)');
    expect(await amount.inputValue()).toBe('30.00');
    expect(await amount.getAttribute('readonly')).not.toBeNull();
    const short = DEMO_WALLETS.find((w) => w.kind === 'short_of_usdc')!;
    await page.getByLabel('Wallet address').fill(short.address);
    await page.getByRole('button', { name: 'Check wallet' }).click();
    await expect
      .poll(() => page.locator('[data-precheck-state]').getAttribute('data-precheck-state'), {
        timeout: 30_000,
      })
      .toBe('answered');
    expect(await page.getByRole('status').filter({ hasText: 'cannot pay' }).innerText()).toContain(
      'This wallet cannot pay 30 USDC',
    );
    expect(await page.getByTestId('shortfalls').innerText()).toContain(
      '29.75 USDC more is needed: the wallet holds 0.25 USDC of 30 USDC.',
    );
    expect(await page.getByRole('button', { name: 'Start charging' }).isDisabled()).toBe(true);
    await checkA11y(page);
    await screenshot(page, 'guest-usdc-short');
    // A euro-priced connector offers no USDC, and says why.
    await page.goto(`/charge/${connectors[0]}`);
    await page.getByText('Only where the price is in US dollars.').waitFor();
    expect(await page.getByRole('radio', { name: /Pay after in USDC/ }).isDisabled()).toBe(true);
    await page.context().close();
  });
});
