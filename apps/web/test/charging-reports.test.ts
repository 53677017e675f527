import { RPCClient } from 'ocpp-rpc';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/platform/net';
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
import { getJson, postJson, saveCard, signIn, signUp } from './seed-api';

/**
 * The operator's running business over the real server and a real OCPP charge point (ocpp-rpc,
 * driven message by message so the energy is exact): two finished sessions — one captured, one
 * whose capture the sandbox fails — then the Sessions page with the failure in red and its retry,
 * the session's detail, the Reports page's charts and table; and a driver who reserves a
 * connector from its page at 375 px and cancels, seen on the operator's Reservations page.
 */
describe('charging reports, sessions and reservations', () => {
  let app: App;
  let browser: Browser;
  let cp: RPCClient;
  let sandbox: string;
  let operator: string;
  let connectors: string[];
  let sessions: { ok: string; failed: string };
  let transactions: number[];
  const starts: { connectorId: number; idTag: string }[] = [];

  const faults = async (method: 'POST' | 'DELETE', body?: object) => {
    const res = await fetch(`${sandbox}/_sandbox/faults`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(res.ok).toBe(true);
  };
  const session = (id: string) =>
    getJson<{ status: string; captureStatus: string }>(app, `/api/v1/sessions/${id}`, operator);
  /** Polls until `check` holds (expect.poll is for tests only; the setup uses this too). */
  async function eventually(check: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
    for (const end = Date.now() + ms; Date.now() < end;) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`never: ${what}`);
  }
  const until = (id: string, want: Record<string, string>) =>
    eventually(
      async () => {
        const s = (await session(id)) as Record<string, string>;
        return Object.entries(want).every(([k, v]) => s[k] === v);
      },
      `session ${id} ${JSON.stringify(want)}`,
    );

  /** A driver's session on connector n: the remote start, then the charger's own messages. */
  async function charge(n: number, wh: number, failCapture: boolean) {
    const me = await signUp(app, 'Rhea');
    await saveCard(app, me);
    const s = await postJson<{ id: string }>(
      app,
      '/api/v1/sessions/start',
      { connectorId: connectors[n - 1] },
      me.accessToken,
    );
    await eventually(() => starts.some((x) => x.connectorId === n), 'the remote start');
    const idTag = starts.filter((x) => x.connectorId === n).at(-1)!.idTag;
    const t = (await cp.call('StartTransaction', {
      connectorId: n,
      idTag,
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    await until(s.id, { status: 'CHARGING' });
    // Every provider call fails from here (the capture's first try and its backed-off retries)
    // until the test clears the faults.
    if (failCapture) await faults('POST', { type: 'api_error', count: 1000 });
    await cp.call('StopTransaction', {
      transactionId: t.transactionId,
      meterStop: wh,
      timestamp: new Date().toISOString(),
      reason: 'Local',
    });
    return { id: s.id, transactionId: t.transactionId };
  }

  beforeAll(async () => {
    const port = await freePort();
    sandbox = `http://127.0.0.1:${port}`;
    [app, browser] = await Promise.all([
      startApp({
        STRIPE_SANDBOX_PORT: String(port),
        // One injected provider error is one failed capture (no client retry hides it).
        STRIPE_MAX_NETWORK_RETRIES: '0',
        CHARGING_FEE_BPS: '1000',
        JOBS_POLL_INTERVAL_SECONDS: '0.5',
      }),
      launchBrowser(),
    ]);
    operator = await signIn(app, app.demo.OPERATOR.email, app.demo.OPERATOR.password);
    // €4 a kWh and nothing else, no tax: 10 kWh is exactly €40.00.
    const tariff = await postJson<{ id: string }>(
      app,
      '/api/v1/tariffs',
      {
        name: 'Flat 4',
        currency: 'eur',
        energyPricePerKwh: 400_000,
        taxRateBasisPoints: 0,
        holdAmount: 5000,
      },
      operator,
    );
    const station = await postJson<{ id: string }>(
      app,
      '/api/v1/stations',
      {
        name: 'Quay Reports',
        address: '3 Quay Street, 20457 Hamburg',
        latitude: 53.5461,
        longitude: 9.9661,
        timeZone: 'Europe/Berlin',
        tariffId: tariff.id,
      },
      operator,
    );
    const ocppId = `WEB-RPT-${process.pid}`;
    const charger = await postJson<{ id: string }>(
      app,
      '/api/v1/chargers',
      { stationId: station.id, ocppId },
      operator,
    );
    connectors = [];
    for (const n of [1, 2])
      connectors.push(
        (
          await postJson<{ id: string }>(
            app,
            `/api/v1/chargers/${charger.id}/connectors`,
            { connectorId: n, type: 'TYPE_2', maxPowerW: 22_000 },
            operator,
          )
        ).id,
      );
    cp = new RPCClient({
      endpoint: `${app.url.replace('http://', 'ws://')}/ocpp`,
      identity: ocppId,
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
    } as ConstructorParameters<typeof RPCClient>[0]);
    cp.handle('RemoteStartTransaction', ({ params }) => {
      starts.push(params as { connectorId: number; idTag: string });
      return Promise.resolve({ status: 'Accepted' });
    });
    cp.handle('RemoteStopTransaction', () => Promise.resolve({ status: 'Accepted' }));
    cp.handle('ReserveNow', () => Promise.resolve({ status: 'Accepted' }));
    cp.handle('CancelReservation', () => Promise.resolve({ status: 'Accepted' }));
    await cp.connect();
    await cp.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Bare' });
    for (const connectorId of [1, 2])
      await cp.call('StatusNotification', {
        connectorId,
        errorCode: 'NoError',
        status: 'Available',
        timestamp: new Date().toISOString(),
      });
    // 10 kWh captured (€40.00), then 5 kWh (€20.00) whose capture fails.
    const ok = await charge(1, 10_000, false);
    await until(ok.id, { status: 'COMPLETED', captureStatus: 'CAPTURED' });
    const failed = await charge(2, 5_000, true);
    await until(failed.id, { status: 'COMPLETED', captureStatus: 'FAILED' });
    sessions = { ok: ok.id, failed: failed.id };
    transactions = [ok.transactionId, failed.transactionId];
  }, 240_000);
  afterAll(async () => {
    await cp?.close({ force: true }).catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  /** A page in Berlin's time zone, the station's: "today" on the report is the station's today. */
  async function open(viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      baseURL: app.url,
      timezoneId: 'Europe/Berlin',
    });
    return context.newPage();
  }
  const tab = (page: Page, name: string) =>
    page
      .getByRole('navigation', { name: 'Charging sections' })
      .getByRole('link', { name, exact: true })
      .click();

  it('the operator sees the failed capture in red with its reason, retries it, reads the session', async () => {
    const page = await open();
    await login(page, app.demo.OPERATOR);
    await page.goto('/charging/stations');
    await tab(page, 'Sessions');
    await page.getByRole('heading', { name: 'Charging sessions', exact: true }).waitFor();
    const rows = page.getByTestId('ops-session-row');
    const failed = rows.and(page.locator('[data-capture=FAILED]'));
    await failed.waitFor();
    expect(await failed.count()).toBe(1);
    expect(await failed.getByTestId('ops-session-cost').innerText()).toBe('€20.00');
    expect(await failed.getByTestId('failed-capture').innerText()).toMatch(/\w+/);
    expect(await failed.getByText('Capture failed').count()).toBe(1);
    const captured = rows.and(page.locator('[data-capture=CAPTURED]'));
    expect(await captured.getByTestId('ops-session-cost').innerText()).toBe('€40.00');
    await checkA11y(page);
    await screenshot(page, 'charging-ops-sessions-failed');

    // Only the failed captures, by the filter; then none at another state.
    await page.getByLabel('Payment').selectOption({ label: 'Failed captures' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(page.url()).toContain('capture=FAILED');
    await page.getByLabel('Payment').selectOption({ label: 'Hold released' });
    await page.getByText('No session matches these filters.').waitFor();
    await page.getByLabel('Payment').selectOption({ label: 'Failed captures' });
    await expect.poll(() => rows.count()).toBe(1);

    // The provider is back; retry now: the capture job runs at once, and the row turns Captured.
    await faults('DELETE');
    const retried = page.waitForResponse((r) =>
      r.url().endsWith(`/api/v1/sessions/${sessions.failed}/retry-capture`),
    );
    await rows.getByRole('button', { name: 'Retry capture now' }).click();
    expect((await retried).status()).toBe(202);
    await until(sessions.failed, { captureStatus: 'CAPTURED' });

    // Its detail: the OCPP transaction, the line items, what the card paid.
    await page.goto(`/charging/sessions/${sessions.failed}`);
    await page.getByRole('heading', { name: 'Charging session', exact: true }).waitFor();
    await expect
      .poll(() => page.getByTestId('ops-captured').innerText(), { timeout: 15_000 })
      .toBe('€20.00');
    expect(await page.getByTestId('ocpp-transaction').innerText()).toBe(String(transactions[1]));
    expect(await page.getByTestId('ops-energy').innerText()).toBe('5.00 kWh');
    expect(await page.getByTestId('ops-total').innerText()).toBe('€20.00');
    const lines = await page.getByTestId('ops-line').allInnerTexts();
    expect(lines.some((l) => /Energy · 5\.00 kWh\s+€20\.00/.test(l))).toBe(true);
    expect(await page.getByTestId('failed-capture').count()).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'charging-ops-session');
    await page.context().close();
  });

  it('the report shows the day’s energy and revenue as charts and as a table', async () => {
    // Both sessions are captured by now (the retry above, or the job's own retry).
    await until(sessions.failed, { captureStatus: 'CAPTURED' });
    const page = await open();
    await login(page, app.demo.OPERATOR);
    await page.goto('/charging/sessions');
    await tab(page, 'Reports');
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    const report = page.getByTestId('station-report').filter({ hasText: 'Quay Reports' });
    await report.waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
      new Date(),
    );
    const row = report.locator(`[data-testid=report-row][data-day="${today}"]`);
    expect(await row.getByTestId('report-energy').innerText()).toBe('15.00 kWh');
    expect(await row.getByTestId('report-gross').innerText()).toBe('€60.00');
    expect(await row.getByTestId('report-fee').innerText()).toBe('€6.00');
    expect(await row.getByTestId('report-net').innerText()).toBe('€54.00');
    // The charts: an accessible summary, and today's bars with the same numbers.
    const energy = report.getByTestId('energy-chart').getByRole('img');
    expect(await energy.getAttribute('aria-label')).toBe(
      '15.00 kWh delivered at Quay Reports in this range.',
    );
    const bars = report.getByTestId('energy-chart').locator(`[data-day="${today}"] rect title`);
    expect(await bars.allTextContents()).toEqual([expect.stringMatching(/Energy: 15 kWh$/)]);
    const revenue = report.getByTestId('revenue-chart');
    expect(await revenue.getByRole('img').getAttribute('aria-label')).toBe(
      '€60.00 captured at Quay Reports, of which €54.00 for your company.',
    );
    expect(await revenue.locator(`[data-day="${today}"] rect title`).allTextContents()).toEqual([
      expect.stringMatching(/Your company: €54\.00$/),
      expect.stringMatching(/Platform fee: €6\.00$/),
    ]);
    await checkA11y(page);
    await screenshot(page, 'charging-reports');

    // A range without sessions says so.
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByLabel('To').fill('2020-01-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No completed sessions in this range.', { exact: false }).waitFor();
    // A reversed range is refused in words before anything is sent.
    await page.getByLabel('From').fill('2020-02-10');
    await page.getByText('The start must not be after the end.').waitFor();
    await screenshot(page, 'charging-reports-empty');
    await page.context().close();
  });

  it('a driver reserves a connector at 375 px and cancels; the operator sees both', async () => {
    const me = await signUp(app, 'Ines');
    await saveCard(app, me);
    const page = await open(PHONE);
    await login(page, me);
    await page.goto(`/charge/${connectors[0]}`);
    await page.getByRole('heading', { name: 'Quay Reports · connector 1' }).waitFor();
    await page.getByRole('heading', { name: 'Reserve', exact: true }).waitFor();
    await page.getByLabel('Hold it for').selectOption({ label: '30 minutes' });
    await checkA11y(page);
    await screenshot(page, 'charge-reserve');
    await page.getByRole('button', { name: 'Reserve for 30 minutes' }).click();
    const mine = page.getByTestId('my-reservation');
    await mine.waitFor();
    expect(await mine.getAttribute('data-status')).toBe('ACTIVE');
    expect(await mine.innerText()).toMatch(/held for you until .+ \((30|29) min left\)/);
    await checkA11y(page);
    await screenshot(page, 'charge-reserved');

    // The operator's list has it, Reserved, with a cancel button.
    const ops = await open();
    await login(ops, app.demo.OPERATOR);
    await ops.goto('/charging/stations');
    await tab(ops, 'Reservations');
    const row = ops.getByTestId('ops-reservation-row').first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('ACTIVE');
    await expect.poll(() => row.innerText()).toContain('Quay Reports');
    expect(await row.getByRole('button', { name: 'Cancel reservation' }).count()).toBe(1);
    await checkA11y(ops);
    await screenshot(ops, 'charging-ops-reservations');

    // The driver cancels: the connector can be reserved again.
    await page.getByRole('button', { name: 'Cancel reservation' }).click();
    await page.getByRole('button', { name: /^Reserve for \d+ minutes$/ }).waitFor();
    expect(await mine.count()).toBe(0);
    await ops.reload();
    await expect
      .poll(() => ops.getByTestId('ops-reservation-row').first().getAttribute('data-status'))
      .toBe('CANCELLED');
    expect(
      await ops
        .getByTestId('ops-reservation-row')
        .first()
        .getByRole('button', { name: 'Cancel reservation' })
        .count(),
    ).toBe(0);

    // Reserved again; this time the operator cancels it from the list.
    await postJson(
      app,
      '/api/v1/reservations',
      { connectorId: connectors[0], minutes: 10 },
      me.accessToken,
    );
    await ops.reload();
    const again = ops.getByTestId('ops-reservation-row').first();
    await expect.poll(() => again.getAttribute('data-status')).toBe('ACTIVE');
    await again.getByRole('button', { name: 'Cancel reservation' }).click();
    await expect.poll(() => again.getAttribute('data-status')).toBe('CANCELLED');
    expect(await ops.getByTestId('ops-reservation-row').count()).toBe(2);
    await page.reload();
    await page.getByRole('button', { name: /^Reserve for \d+ minutes$/ }).waitFor();
    await page.context().close();
    await ops.context().close();
  });
});
