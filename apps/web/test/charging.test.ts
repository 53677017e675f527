import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSimulatedCharger,
  type SimulatedCharger,
} from '../../server/src/charging/simulator/charger';
import {
  checkA11y,
  DESKTOP,
  launchBrowser,
  login,
  PHONE,
  screenshot,
  startApp,
  type App,
} from './kit';
import { postJson, saveCard, signIn, signUp, type Account } from './seed-api';

/** The harbour station's place, and a driver's a little way off (about 2.5 km). */
const HARBOUR = { latitude: 53.5461, longitude: 9.9661 };
const NEAR_HARBOUR = { latitude: 53.56, longitude: 10.0 };

/**
 * The EV driver's pages over the real server: a station of the demo operator's company made
 * through the API, its charger the simulator (fast meter readings, so the cost visibly rises),
 * and a driver with a saved sandbox card who starts, watches, stops and reads the receipt on a
 * phone. Also the connector's page signed out, and the station list with and without location.
 */
describe('charging, as a driver', () => {
  let app: App;
  let browser: Browser;
  let charger: SimulatedCharger;
  /** The harbour charger's two connectors. */
  let connectors: string[];
  /** A connector of a charger that never connects, under a tariff with an evening period. */
  let offline: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const token = await signIn(app, app.demo.OPERATOR.email, app.demo.OPERATOR.password);
    const tariff = await postJson<{ id: string }>(
      app,
      '/api/v1/tariffs',
      {
        name: 'Harbour AC',
        currency: 'eur',
        energyPricePerKwh: 39_000,
        idlePricePerMinute: 10_000,
        idleGraceMinutes: 15,
        sessionFee: 50,
        taxRateBasisPoints: 1900,
        holdAmount: 5000,
      },
      token,
    );
    const station = await postJson<{ id: string }>(
      app,
      '/api/v1/stations',
      {
        name: 'Harbour Car Park',
        address: '1 Quay Street, 20457 Hamburg',
        ...HARBOUR,
        timeZone: 'Europe/Berlin',
        tariffId: tariff.id,
      },
      token,
    );
    const ocppId = `WEB-CP-${process.pid}`;
    const made = await postJson<{ id: string }>(
      app,
      '/api/v1/chargers',
      { stationId: station.id, ocppId },
      token,
    );
    connectors = [];
    for (const n of [1, 2])
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
    const evening = await postJson<{ id: string }>(
      app,
      '/api/v1/tariffs',
      {
        name: 'Depot AC',
        currency: 'eur',
        energyPricePerKwh: 29_500,
        timePricePerMinute: 1_000,
        taxRateBasisPoints: 1900,
        holdAmount: 3000,
        periods: [
          {
            name: 'Evening',
            days: [1, 2, 3, 4, 5],
            start: '18:00',
            end: '22:00',
            energyPricePerKwh: 45_000,
          },
        ],
      },
      token,
    );
    const depot = await postJson<{ id: string }>(
      app,
      '/api/v1/stations',
      {
        name: 'Tram Depot',
        address: '9 Depot Road, 22083 Hamburg',
        latitude: 53.58,
        longitude: 10.03,
        timeZone: 'Europe/Berlin',
        tariffId: evening.id,
      },
      token,
    );
    const silent = await postJson<{ id: string }>(
      app,
      '/api/v1/chargers',
      { stationId: depot.id, ocppId: `WEB-OFF-${process.pid}` },
      token,
    );
    offline = (
      await postJson<{ id: string }>(
        app,
        `/api/v1/chargers/${silent.id}/connectors`,
        { connectorId: 1, type: 'CCS_2', maxPowerW: 50_000 },
        token,
      )
    ).id;
    // 100 kW read every second: about a cent every second at €0.39/kWh.
    charger = await startSimulatedCharger({
      url: app.url,
      chargePointId: ocppId,
      connectors: 2,
      powerKw: 100,
      meterIntervalMs: 1000,
    });
  }, 180_000);
  afterAll(async () => {
    await charger?.stop();
    await browser?.close();
    await app?.close();
  });

  async function open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: app.url, ...options });
    return context.newPage();
  }

  async function driver(card?: string): Promise<Account> {
    const me = await signUp(app, 'Dana');
    await saveCard(app, me, card);
    return me;
  }

  /** What the page says of its live view ("Live", "Reconnecting…"), or null when there is none. */
  const liveWords = async (page: Page) => {
    const status = page.getByTestId('live-status');
    return (await status.count()) ? status.first().innerText() : null;
  };

  /** A money amount on the page, in cents (the page's own text, e.g. "€0.42"). */
  const cents = async (page: Page, testId: string) =>
    Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));

  it('at 375 px: starts with a saved card, watches the cost rise, stops, reads the receipt', async () => {
    const me = await driver();
    const page = await open({ viewport: PHONE });
    const streams: Request[] = [];
    const sessionReads: Request[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (/^\/api\/v1\/sessions\/[^/]+\/events$/.test(path)) streams.push(r);
      else if (/^\/api\/v1\/sessions\/(?!start|stop)[^/]+$/.test(path)) sessionReads.push(r);
    });
    await login(page, me);
    await page.goto(`/charge/${connectors[0]}`);
    await page.getByRole('heading', { name: 'Harbour Car Park · connector 1' }).waitFor();
    await expect.poll(() => page.getByText('Free: plug in your car and start.').count()).toBe(1);
    expect(await page.getByTestId('hold-sentence').innerText()).toBe(
      '€50.00 is held on your card; you pay only what you use.',
    );
    const price = await page.getByText('€0.39 per kWh').count();
    expect(price).toBe(1);
    const card = page.getByRole('radio', { name: /Visa ending in 4242/ });
    await expect.poll(() => card.isChecked()).toBe(true);
    await checkA11y(page);
    await screenshot(page, 'charge-connector');

    const started = page.waitForRequest((r) => r.url().endsWith('/api/v1/sessions/start'));
    await page.getByRole('button', { name: 'Start charging' }).click();
    expect((await started).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForURL(/\/charge\/sessions\/\w+/);
    const status = () => page.locator('[data-status]').first().getAttribute('data-status');
    await expect.poll(status, { timeout: 20_000 }).toBe('CHARGING');
    await page.getByRole('heading', { name: 'Charging at Harbour Car Park' }).waitFor();
    // The cost rises on the page by itself, pushed: the session's event stream is open (fetched
    // with the bearer token) and the session is not read again while the figures move.
    await expect.poll(() => liveWords(page), { timeout: 20_000 }).toBe('Live');
    const sessionId = page.url().split('/').pop()!;
    const stream = streams.findLast((r) =>
      r.url().endsWith(`/api/v1/sessions/${sessionId}/events`),
    );
    expect(stream?.headers()['authorization']).toMatch(/^Bearer /);
    const answer = await stream!.response();
    expect((await answer!.allHeaders())['content-type']).toBe('text/event-stream; charset=utf-8');
    const reads = sessionReads.length;
    await expect.poll(() => cents(page, 'cost'), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await cents(page, 'cost');
    await expect.poll(() => cents(page, 'cost'), { timeout: 20_000 }).toBeGreaterThan(first);
    const energy = await page.getByTestId('energy').innerText();
    await expect.poll(() => page.getByTestId('energy').innerText()).not.toBe(energy);
    expect(sessionReads.length, 'GET /sessions/{id} while streaming').toBe(reads);
    expect(await page.getByTestId('energy').innerText()).toMatch(/^[\d.,]+ kWh$/);
    expect(await page.getByTestId('elapsed').innerText()).toMatch(/\d+ (s|min)/);
    await checkA11y(page);
    await screenshot(page, 'charge-live');

    await page.getByRole('button', { name: 'Stop charging' }).click();
    await expect.poll(status, { timeout: 30_000 }).toBe('COMPLETED');
    const hold = page.getByTestId('receipt-hold');
    await expect
      .poll(() => hold.getAttribute('data-capture'), { timeout: 30_000 })
      .toBe('CAPTURED');
    // Settled: the server ended the stream, and the page follows nothing any more.
    await expect.poll(() => page.getByTestId('live-status').count()).toBe(0);
    const total = await cents(page, 'receipt-total');
    expect(total).toBeGreaterThan(first);
    expect(await cents(page, 'cost')).toBe(total);
    expect(await cents(page, 'receipt-captured')).toBe(total);
    // The session fee and the energy, the tax inside the total, the rest of the hold released.
    const lines = await page.getByTestId('receipt-line').allInnerTexts();
    expect(lines.some((l) => /^Energy · [\d.,]+ kWh/.test(l))).toBe(true);
    expect(lines.some((l) => /^Session fee\s+€0\.50$/.test(l))).toBe(true);
    const tax = await cents(page, 'receipt-tax');
    expect(tax).toBeGreaterThan(0);
    expect(tax).toBeLessThan(total);
    expect(await hold.innerText()).toContain(
      `The rest of the hold, €${((5000 - total) / 100).toFixed(2)}, is released.`,
    );
    await checkA11y(page);
    await screenshot(page, 'charge-receipt');

    await page.getByRole('link', { name: 'All your sessions' }).click();
    const row = page.getByTestId('session-row');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    await expect.poll(() => row.innerText()).toMatch(/Harbour Car Park · connector 1/);
    expect(await row.innerText()).toContain('Completed');
    await checkA11y(page);
    await screenshot(page, 'charge-sessions');
    await page.context().close();
  });

  it('a declined card is told in words, and nothing starts', async () => {
    const me = await driver('pm_card_chargeCustomerFail');
    const page = await open({ viewport: PHONE });
    await login(page, me);
    await page.goto(`/charge/${connectors[1]}`);
    await page.getByRole('button', { name: 'Start charging' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/declin/i);
    expect(await alert.innerText()).not.toMatch(/[{}]/);
    expect(page.url()).toContain(`/charge/${connectors[1]}`);
    await checkA11y(page);
    await screenshot(page, 'charge-declined');
    await page.goto('/charge/sessions');
    await page.getByTestId('session-row').waitFor();
    expect(await page.getByTestId('session-row').innerText()).toContain('Failed');
    await page.context().close();
  });

  it('signed out: the price and status, and a sign-in that comes back to the connector', async () => {
    const page = await open();
    await page.goto(`/charge/${connectors[1]}`);
    await page.getByRole('heading', { name: 'Harbour Car Park · connector 2' }).waitFor();
    await page.getByTestId('hold-sentence').waitFor();
    expect(await page.locator('[data-status]').first().innerText()).toBe('Available');
    // No account needed: the ad-hoc ways to pay (charging-guest.test.ts), and a sign-in for a saved card.
    expect(await page.getByTestId('pay-choice').count()).toBe(3);
    await checkA11y(page);
    await screenshot(page, 'charge-signed-out');
    await page.getByRole('link', { name: 'Sign in to charge' }).click();
    await page.waitForURL(/\/login\?next=%2Fcharge%2F/);
    const me = await driver();
    await page.getByLabel('E-mail').fill(me.email);
    await page.getByLabel('Password').fill(me.password);
    await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(new RegExp(`/charge/${connectors[1]}$`));
    await page.getByRole('button', { name: 'Start charging' }).waitFor();
    // A charger that is offline says so; a tariff's periods and time price are listed.
    await page.goto(`/charge/${offline}`);
    await page.getByRole('heading', { name: 'Tram Depot · connector 1' }).waitFor();
    await page.getByText('The charger is offline just now: it cannot start.').waitFor();
    await page.getByText('CCS 2, up to 50 kW').waitFor();
    expect(await page.locator('[data-status]').first().innerText()).toBe('Offline');
    expect(await page.getByTestId('price-periods').innerText()).toBe(
      'Evening · Mon–Fri 18:00–22:00: €0.45 per kWh',
    );
    await page.getByText('€0.01 per minute').waitFor();
    expect(await page.getByTestId('hold-sentence').innerText()).toBe(
      '€30.00 is held on your card; you pay only what you use.',
    );
    expect(await page.getByRole('button', { name: 'Start charging' }).isDisabled()).toBe(true);
    await checkA11y(page);
    await screenshot(page, 'charge-offline');
    // An unknown connector (a mistyped or old QR code) says so in words.
    await page.goto('/charge/connector_nope');
    await page.getByText('This was not found.').waitFor();
    await page.context().close();
  });

  it('stations nearest first with the location granted, by name when refused', async () => {
    const me = await driver();
    const near = await open({
      viewport: PHONE,
      geolocation: NEAR_HARBOUR,
      permissions: ['geolocation'],
    });
    await login(near, me);
    await near.getByRole('button', { name: 'Menu' }).click();
    await near
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Charge' })
      .click();
    await near.getByText('Nearest first from where you are.').waitFor();
    const stations = near.getByTestId('station');
    await expect.poll(() => stations.count()).toBeGreaterThanOrEqual(2);
    const first = stations.first();
    expect(await first.getByRole('heading').innerText()).toBe('Harbour Car Park');
    expect(await first.getByTestId('distance').innerText()).toMatch(/^2[.,]\d km$/);
    expect(await first.getByTestId('free').innerText()).toMatch(/of 2 connectors free/);
    expect(await first.getByTestId('price').innerText()).toBe('€0.39 / kWh');
    // The depot (offline, about 5 km away), then the demo station in Berlin, some 250 km away.
    expect(await stations.getByRole('heading').allInnerTexts()).toEqual([
      'Harbour Car Park',
      'Tram Depot',
      'Demo Charging Hub',
    ]);
    const depot = stations.nth(1);
    expect(await depot.getByTestId('free').innerText()).toBe('0 of 1 connector free');
    expect(await depot.getByTestId('price').innerText()).toBe('€0.295 / kWh + €0.01 / min');
    expect(await stations.nth(2).getByTestId('distance').innerText()).toMatch(/^2\d\d km$/);
    await first.getByRole('button', { name: 'Prices and connectors' }).click();
    await first.getByTestId('hold-sentence').waitFor();
    await checkA11y(near);
    await screenshot(near, 'charge-stations');
    await near.context().close();

    const refused = await open({ viewport: PHONE });
    await login(refused, me);
    await refused.goto('/charge');
    await refused.getByText(/You did not share your position/).waitFor();
    await expect.poll(() => refused.getByTestId('station').count()).toBeGreaterThanOrEqual(2);
    const names = await refused.getByTestId('station').getByRole('heading').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(await refused.getByTestId('distance').count()).toBe(0);
    await checkA11y(refused);
    await screenshot(refused, 'charge-stations-by-name');
    // A driver without sessions is told how to start one.
    await refused.getByRole('link', { name: 'My sessions' }).click();
    await refused.getByText('No charging sessions yet.').waitFor();
    await checkA11y(refused);
    await screenshot(refused, 'charge-sessions-empty');
    await refused.context().close();
  });
  it('without its stream a session page says so and polls; once back it is live again, also on the connector page', async () => {
    const me = await driver();
    const page = await open();
    const reads: string[] = [];
    page.on('request', (r) => {
      if (/^\/api\/v1\/sessions\/(?!start|stop)[^/]+$/.test(new URL(r.url()).pathname))
        reads.push(r.url());
    });
    // A proxy that will not stream: every attempt at the session's stream fails.
    const events = '**/api/v1/sessions/*/events';
    await page.route(events, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { type: 'api_error', code: 'unavailable', message: 'x' } }),
      }),
    );
    await login(page, me);
    await page.goto(`/charge/${connectors[1]}`);
    await page.getByRole('button', { name: 'Start charging' }).click();
    await page.waitForURL(/\/charge\/sessions\/\w+/);
    await expect.poll(() => liveWords(page), { timeout: 15_000 }).toBe('Reconnecting…');
    await expect
      .poll(() => liveWords(page), { timeout: 15_000 })
      .toBe('Updating every few seconds');
    // Polled instead: the session is read again and again, and the cost still rises.
    await expect.poll(() => cents(page, 'cost'), { timeout: 20_000 }).toBeGreaterThan(0);
    const polled = reads.length;
    const cost = await cents(page, 'cost');
    await expect.poll(() => cents(page, 'cost'), { timeout: 20_000 }).toBeGreaterThan(cost);
    expect(reads.length).toBeGreaterThan(polled);
    await checkA11y(page);
    await screenshot(page, 'charge-live-polling');

    // The stream works again: the page goes live by itself, and stops polling.
    await page.unroute(events);
    await expect.poll(() => liveWords(page), { timeout: 30_000 }).toBe('Live');
    const streaming = reads.length;
    const now = await cents(page, 'cost');
    await expect.poll(() => cents(page, 'cost'), { timeout: 20_000 }).toBeGreaterThan(now);
    expect(reads.length).toBe(streaming);

    // The connector's page shows the driver's own session there, live too.
    await page.goto(`/charge/${connectors[1]}`);
    const here = page.getByTestId('session-here');
    await here.waitFor();
    await expect.poll(() => liveWords(page), { timeout: 15_000 }).toBe('Live');
    const there = await cents(page, 'here-cost');
    await expect.poll(() => cents(page, 'here-cost'), { timeout: 20_000 }).toBeGreaterThan(there);
    expect(await page.getByTestId('here-energy').innerText()).toMatch(/^[\d.,]+ kWh$/);
    await checkA11y(page);
    await screenshot(page, 'charge-connector-session-here');

    await page.getByRole('link', { name: 'Open your session' }).click();
    await page.getByRole('button', { name: 'Stop charging' }).click();
    const status = () => page.locator('[data-status]').first().getAttribute('data-status');
    await expect.poll(status, { timeout: 30_000 }).toBe('COMPLETED');
    await page.context().close();
  });
});
