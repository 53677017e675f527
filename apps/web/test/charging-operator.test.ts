import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSimulatedCharger,
  type SimulatedCharger,
} from '../../server/src/charging/simulator/charger';
import { checkA11y, launchBrowser, login, newPage, screenshot, startApp, type App } from './kit';

/**
 * The operator's charging pages through the real app and a real OCPP charger: the demo operator
 * makes a tariff, a station and a charger in the browser; the simulated charger (OCPP 1.6J over
 * WebSocket, with the password the page showed once) connects; the pages show it online and its
 * connector Available; the operator reads its configuration, resets it, is refused a command it
 * does not implement, reads the exchange in the OCPP log, and sees it offline once it is gone.
 */
describe('the operator charging pages', () => {
  let app: App;
  let browser: Browser;
  let charger: SimulatedCharger | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await charger?.stop();
    await browser?.close();
    await app?.close();
  });

  const form = (page: Page, name: string) => page.getByRole('form', { name });

  it('a customer opening the charging pages sees Not allowed, and no Charging entry', async () => {
    const page = await newPage(browser, app);
    await login(page, app.demo.USER);
    for (const path of ['/charging/stations', '/charging/tariffs']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    }
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Charging' }).count()).toBe(
      0,
    );
    await page.context().close();
  });

  it('an operator sets up a station and a charger, the charger connects, and the operator commands it and reads its log', async () => {
    const ocppId = `CP-${Date.now()}`;
    const page = await newPage(browser, app);
    const streams: Request[] = [];
    /** Reads of a charger and its connectors (the OCPP log, read again on news, aside). */
    const reads: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('/events')) streams.push(r);
      else if (r.method() === 'GET' && !path.endsWith('/ocpp-messages')) reads.push(path);
    });
    await login(page, app.demo.OPERATOR);

    // The area, from the menu: the demo station, one of its two chargers connected (simulated
    // in-process by the server).
    await page.getByRole('navigation').getByRole('link', { name: 'Charging' }).click();
    await page.getByRole('heading', { name: 'Charging stations' }).waitFor();
    const demo = page.getByTestId('station-row').filter({ hasText: 'Demo Charging Hub' });
    await expect.poll(() => demo.getByTestId('chargers-online').innerText()).toBe('1 of 2 online');
    await checkA11y(page);
    await screenshot(page, 'charging-stations-demo');

    // A tariff, typed as decimals: €0.3249 per kWh is 32490 thousandths of a cent for the API.
    await page
      .getByRole('navigation', { name: 'Charging sections' })
      .getByRole('link', { name: 'Tariffs' })
      .click();
    await page.getByRole('heading', { name: 'Tariffs' }).waitFor();
    const tariffForm = form(page, 'New tariff');
    await tariffForm.getByLabel('Tariff name').fill('Standard AC');
    await tariffForm.getByLabel(/Price per kWh/).fill('0.3249');
    await tariffForm.getByLabel(/Price per kWh/).blur();
    await tariffForm.getByLabel(/Session fee/).fill('1,00');
    await tariffForm.getByLabel(/Tax rate/).fill('19');
    // Too many decimals for EUR's unit price: said in words, nothing sent.
    await tariffForm.getByLabel(/Idle fee per minute/).fill('0.123456');
    await tariffForm
      .getByText(/with up to 5 decimals/)
      .first()
      .waitFor();
    await tariffForm.getByLabel(/Idle fee per minute/).fill('0.10');
    await tariffForm.getByLabel('Idle grace (minutes)').fill('15');
    await tariffForm.getByLabel(/Hold amount/).fill('50');
    // A peak period on weekdays replaces the energy price from 07:00 to 22:00.
    await tariffForm.getByRole('button', { name: 'Add a period' }).click();
    const period = tariffForm.getByRole('group', { name: 'Period 1' });
    await period.getByLabel('Period name').fill('Peak');
    await period.getByLabel(/Price per kWh/).fill('0.45');
    await checkA11y(page);
    await screenshot(page, 'charging-tariff-new');
    await tariffForm.getByRole('button', { name: 'Create tariff' }).click();
    await page.waitForURL(/\/charging\/tariffs\/trf_/);
    const summary = page.getByTestId('tariff-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/0[.,]3249/);
    expect(await summary.innerText()).toMatch(/19 % included in the prices/);
    expect(await summary.innerText()).toMatch(/after 15 free minutes/);
    expect(await summary.innerText()).toMatch(/Peak, Mon–Fri 07:00–22:00: €0[.,]45 per kWh/);
    await checkA11y(page);
    await screenshot(page, 'charging-tariff');

    // A station: a wrong latitude is refused in words first.
    await page
      .getByRole('navigation', { name: 'Charging sections' })
      .getByRole('link', { name: 'Stations' })
      .click();
    const stationForm = form(page, 'New station');
    await stationForm.getByLabel('Station name').fill('Harbour car park');
    await stationForm.getByLabel('Address').fill('Kai 1, 20457 Hamburg');
    await stationForm.getByLabel('Latitude').fill('153.5');
    await stationForm.getByLabel('Longitude').fill('9.99');
    await stationForm.getByLabel('Time zone').fill('Europe/Hamburg');
    await stationForm.getByRole('button', { name: 'Create station' }).click();
    await stationForm.getByText('A latitude between -90 and 90').waitFor();
    await stationForm.getByText('A time zone such as Europe/Berlin.').waitFor();
    await checkA11y(page);
    await screenshot(page, 'charging-station-new');
    await stationForm.getByLabel('Latitude').fill('53.5413');
    await stationForm.getByLabel('Time zone').fill('Europe/Berlin');
    await stationForm.getByRole('button', { name: 'Create station' }).click();
    await page.waitForURL(/\/charging\/stations\/stn_/);
    await page.getByRole('heading', { name: 'Harbour car park' }).waitFor();
    await page.getByText('No chargers yet.').waitFor();

    // It is priced by the new tariff.
    const details = form(page, 'Station details');
    await details.getByLabel('Tariff').selectOption({ label: 'Standard AC (EUR)' });
    await details.getByRole('button', { name: 'Save changes' }).click();
    await details.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // A charger with a generated password, shown this once.
    const add = form(page, 'Add a charger');
    await add.getByLabel('Charge point id').fill(ocppId);
    await add.getByRole('button', { name: 'Generate' }).click();
    const password = await add.getByLabel('Password (optional)').inputValue();
    expect(password).toMatch(/^[\x21-\x7e]{24}$/);
    await add.getByRole('button', { name: 'Add charger' }).click();
    expect(await add.getByTestId('new-password').innerText()).toBe(password);
    expect(await add.getByLabel('Password (optional)').inputValue()).toBe('');
    const card = page.getByTestId('charger-card');
    await card.waitFor();
    await card.locator('[data-online=false]').waitFor();
    await checkA11y(page);
    await screenshot(page, 'charging-station-offline');

    // The simulated charger connects with that password, boots and reports its two connectors.
    charger = await startSimulatedCharger({
      url: app.url,
      chargePointId: ocppId,
      password,
      connectors: 2,
      powerKw: 11,
      meterIntervalMs: 10_000,
    });
    await card.locator('[data-online=true]').waitFor({ timeout: 15_000 });
    const first = card.locator('[data-testid=connector][data-connector="1"]');
    await first.locator('[data-status=AVAILABLE]').waitFor({ timeout: 15_000 });
    expect(await first.innerText()).toContain('Available');
    expect(await first.getByTestId('connector-error').innerText()).toContain('No error');
    expect(await card.getByTestId('connector').count()).toBe(2);

    // Reported connectors are described here: type and power.
    await first.getByRole('button', { name: 'Describe' }).click();
    await first.getByLabel('Type').selectOption({ label: 'Type 2' });
    await first.getByLabel('Max power (kW)').fill('11');
    await first.getByRole('button', { name: 'Save connector' }).click();
    await expect.poll(() => first.innerText()).toContain('11 kW');

    // Its QR code: a preview and both files, for printing.
    await first.getByRole('button', { name: 'QR code' }).click();
    const qr = first.getByTestId('connector-qr');
    await qr.getByRole('img').waitFor();
    expect(await qr.getByRole('link', { name: 'Download SVG' }).getAttribute('href')).toMatch(
      /^data:image\/svg\+xml/,
    );
    await expect
      .poll(() => qr.getByRole('link', { name: 'Download PNG' }).getAttribute('href'))
      .toMatch(/^data:image\/png/);
    // And what drivers scanning it are told, priced by the server (19 % already in the prices).
    expect(await first.getByTestId('driver-price').innerText()).toMatch(
      /tax included: €0[.,]3249 per kWh, €0[.,]10 per idle minute after 15 min, €1[.,]00 per session, or the prices of 1 time-of-day period/,
    );
    await checkA11y(page);
    await screenshot(page, 'charging-station');

    await page.getByRole('link', { name: 'All stations' }).click();
    const row = page.getByTestId('station-row').filter({ hasText: 'Harbour car park' });
    await expect.poll(() => row.getByTestId('chargers-online').innerText()).toBe('1 of 1 online');
    await checkA11y(page);
    await screenshot(page, 'charging-stations');

    // The charger's page: what its BootNotification said.
    await row.getByRole('link', { name: 'Harbour car park' }).click();
    await page.getByTestId('charger-card').getByRole('link', { name: ocppId }).click();
    await page.getByRole('heading', { name: `Charger ${ocppId}` }).waitFor();
    const fact = (k: string) => page.getByTestId(`fact-${k}`).innerText();
    await expect.poll(() => fact('Vendor')).toBe('Tender');
    expect(await fact('Model')).toBe('Simulated Charger');
    expect(await fact('Firmware')).toBe('sim-1.0.0');
    expect(await fact('Serial number')).toBe(`SIM-${ocppId}`.slice(0, 25));
    expect(await fact('Password')).toBe('Set (never shown)');

    // GetConfiguration (the default command): the charger's keys, in a table.
    const commands = form(page, 'Send a command');
    await commands.getByRole('button', { name: 'Send GetConfiguration' }).click();
    const answer = page.getByTestId('command-answer');
    await answer.waitFor({ timeout: 35_000 });
    expect(await answer.getAttribute('data-outcome')).toBe('result');
    expect(
      await answer.getByTestId('config-key').filter({ hasText: 'HeartbeatInterval' }).innerText(),
    ).toContain('300');
    await checkA11y(page);
    await screenshot(page, 'charging-charger-configuration');

    // Reset, Soft: Accepted — and the charger boots again.
    await commands.getByLabel('Command').selectOption('Reset');
    await commands.getByLabel('Kind of reset').selectOption('Soft');
    await commands.getByRole('button', { name: 'Send Reset' }).click();
    await page.getByText('The charger answered Reset: Accepted.').waitFor();

    // A command it does not implement, as raw JSON: its CallError in words.
    await commands.getByLabel('Command').selectOption('GetCompositeSchedule');
    await commands.getByLabel('Payload (JSON)').fill('{ not json');
    await commands.getByRole('button', { name: 'Send GetCompositeSchedule' }).click();
    await commands.getByText('The payload is not valid JSON.').waitFor();
    // One OCPP's schema refuses is a 400 in words, and nothing is sent.
    await commands.getByLabel('Payload (JSON)').fill('{"connectorId": 1}');
    await commands.getByRole('button', { name: 'Send GetCompositeSchedule' }).click();
    await page.locator('[data-outcome=failed]').waitFor();
    expect(await answer.innerText()).toMatch(
      /Payload: payload is not a valid GetCompositeSchedule/,
    );
    await commands
      .getByLabel('Payload (JSON)')
      .fill(JSON.stringify({ connectorId: 1, duration: 3600 }));
    await commands.getByRole('button', { name: 'Send GetCompositeSchedule' }).click();
    await page.locator('[data-outcome=call-error]').waitFor();
    expect(await answer.innerText()).toContain('The charger does not implement this command.');

    // The log: the calls both ways, newest first, each payload on request.
    const log = page.getByRole('region', { name: 'OCPP messages' });
    await expect
      .poll(() => log.getByTestId('ocpp-what').allInnerTexts())
      .toEqual(expect.arrayContaining(['GetConfiguration', 'Answer to GetConfiguration', 'Reset']));
    const boot = log
      .getByTestId('ocpp-row')
      .filter({ has: page.getByText('BootNotification', { exact: true }) })
      .first();
    expect(await boot.getAttribute('data-direction')).toBe('IN');
    await boot.getByText('Show payload').click();
    expect(await boot.locator('pre').innerText()).toContain('"chargePointVendor": "Tender"');
    await checkA11y(page);
    await screenshot(page, 'charging-charger');

    // Gone: offline — pushed by the charger events stream (opened with the bearer token), not
    // polled: the charger and its connectors are not read again while it goes.
    await expect.poll(() => page.getByTestId('live-status').innerText()).toBe('Live');
    const stream = streams.find((r) => new URL(r.url()).pathname === '/api/v1/chargers/events');
    expect(stream?.headers()['authorization']).toMatch(/^Bearer /);
    const chargerId = new URL(page.url()).pathname.split('/').pop()!;
    const before = reads.filter((p) => p.startsWith(`/api/v1/chargers/${chargerId}`)).length;
    await charger.stop();
    charger = undefined;
    await page.locator('[data-online=false]').first().waitFor({ timeout: 5_000 });
    expect(
      reads.filter((p) => p.startsWith(`/api/v1/chargers/${chargerId}`)).length,
      'GET /chargers/{id}, /chargers/{id}/connectors while streaming',
    ).toBe(before);
    await commands.getByLabel('Command').selectOption('ClearCache');
    await commands.getByRole('button', { name: 'Send ClearCache' }).click();
    await page
      .getByText('The charger is offline: it is not connected to Tender, so nothing was sent.')
      .waitFor();
    await page.context().close();
  }, 180_000);

  it("an admin sees the operator's station with its company, and names the company of a new one", async () => {
    const page = await newPage(browser, app);
    await login(page, app.demo.ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Charging' }).click();
    const row = page.getByTestId('station-row').filter({ hasText: 'Harbour car park' });
    await expect.poll(() => row.innerText()).toContain('Demo Charging Co');
    const stationForm = form(page, 'New station');
    await stationForm.getByLabel('Company').selectOption({ label: 'Demo Charging Co' });
    await checkA11y(page);
    await screenshot(page, 'charging-stations-admin');
    await page.context().close();
  });
});
