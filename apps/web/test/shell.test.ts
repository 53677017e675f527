import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, SHOTS, startApp, type App } from './kit';

const WIDTHS = [375, 768, 1024, 1440] as const;
const ROLES = ['USER', 'MERCHANT', 'OPERATOR', 'ADMIN'] as const;

/**
 * The header of every demo role at every width a reviewer checks: its entries on one row, nothing
 * past the screen's edge, nothing on top of anything else; and each role's first page is one it
 * may use (every role lands on the shop).
 */
describe('the header', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const role of ROLES)
    it(`fits on one row for ${role} at ${WIDTHS.join(', ')} px`, async () => {
      const page = await newPage(browser, app);
      await login(page, app.demo[role]);
      // Where signing in lands: a page this role may use, not "Not allowed".
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('heading', { name: 'Not allowed' }).count()).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 700 });
        await page.waitForTimeout(150);
        await page
          .locator('header')
          .screenshot({ path: join(SHOTS, `header-${role.toLowerCase()}-${width}.png`) });
        const boxes = await page.locator('header').evaluate((header) => {
          const row = header.querySelector('div > div')!;
          return [...row.children]
            .map((el) => el.getBoundingClientRect())
            .filter((r) => r.width > 0)
            .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
        });
        const where = `${role} at ${width} px: ${JSON.stringify(boxes)}`;
        // Logo, nav and account (or logo and Menu) side by side, none past the edge…
        for (let i = 1; i < boxes.length; i++)
          expect(boxes[i]!.left, where).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
        expect(Math.max(...boxes.map((b) => b.right)), where).toBeLessThanOrEqual(width);
        // …and each one line high (a wrapped nav or e-mail doubles its height).
        for (const b of boxes) expect(b.bottom - b.top, where).toBeLessThan(48);
        const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
        if (width >= 1024) expect(await links.count(), where).toBeGreaterThan(0);
      }
      await page.context().close();
    });
});
