import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildIfStale } from '../../server/test/real-server';
import { freePort } from '../../server/src/platform/net';

/**
 * The browser-test kit: the real server (`node apps/server/dist/main.js`) on its embedded
 * defaults — embedded PostgreSQL, embedded Stripe sandbox, demo data — and Debian's Chromium
 * driven by playwright-core. One server per test file.
 */
const ROOT = resolve(__dirname, '../../..');
const WEB = join(ROOT, 'apps/web');
export const SHOTS = join(ROOT, 'test-results/screenshots');

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

export interface App {
  url: string;
  demo: Record<'ADMIN' | 'MERCHANT' | 'USER' | 'OPERATOR', DemoAccount>;
  logs: string[];
  /** The server's DATA_DIR (its embedded PostgreSQL lives in `<dataDir>/postgres`). */
  dataDir: string;
  close(): Promise<void>;
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/** The web bundle the server serves, rebuilt when a source file is newer (vite only: tsc is CI's). */
function buildWebIfStale(): void {
  let built = 0;
  try {
    built = statSync(join(WEB, 'dist/index.html')).mtimeMs;
  } catch {
    /* not built yet */
  }
  if (built > Math.max(newest(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs)) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: WEB,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}${r.stderr}`);
}

export async function startApp(env: Record<string, string> = {}): Promise<App> {
  await buildIfStale();
  buildWebIfStale();
  // A free port can be taken by another process before the server binds it (two test files, or
  // other work on the machine, start at once): a new pair of ports then, not a failed file.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (err) {
      if (attempt >= 3 || !String(err).includes('EADDRINUSE')) throw err;
    }
  }
}

async function startOnce(env: Record<string, string>): Promise<App> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tender-web-'));
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
    cwd: ROOT,
    // The embedded defaults: no DATABASE_URL, no REDIS_URL, nothing of the runner's environment.
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmpdir(),
      DATA_DIR: dataDir,
      PORT: String(port),
      STRIPE_SANDBOX_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const collect = (b: Buffer) => logs.push(...b.toString().split('\n').filter(Boolean));
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  // The banner (demo accounts) follows the sandbox's start: wait for it, not only readiness.
  while (!logs.some((l) => l.includes('Demo accounts'))) {
    if (proc.exitCode !== null) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`server exited:\n${logs.slice(-30).join('\n')}`);
    }
    if (Date.now() > deadline)
      throw new Error(`server not up in 120 s:\n${logs.slice(-30).join('\n')}`);
    await sleep(200);
  }
  const creds = await readFile(join(dataDir, 'demo-credentials.txt'), 'utf8');
  const demo = Object.fromEntries(
    creds
      .trim()
      .split('\n')
      .map((line) => {
        const [role, email, password] = line.trim().split(/\s+/) as [string, string, string];
        return [role, { role, email, password }];
      }),
  ) as App['demo'];
  return {
    url,
    demo,
    logs,
    dataDir,
    close: async () => {
      proc.kill('SIGTERM');
      if (proc.exitCode === null) await new Promise((done) => proc.once('exit', done));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 740 };

export async function newPage(browser: Browser, app: App, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: app.url });
  const page = await context.newPage();
  return page;
}

export async function login(page: Page, account: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('signed-in-as').first().waitFor({ state: 'attached' });
}

/** The deepest elements whose right edge passes `width`, for a failure message. */
function widest(page: Page, width: number): Promise<string> {
  return page.evaluate((w) => {
    const out = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > w + 0.5)
      .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > w + 0.5))
      .slice(0, 5)
      .map(
        (el) =>
          `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 60)}"> ${Math.round(el.getBoundingClientRect().right)} px: ${(el.textContent ?? '').slice(0, 40)}`,
      );
    return out.join('; ') || 'nothing found';
  }, width);
}

/**
 * The page at 1440 px and at 375 px, saved under test-results/screenshots/ for a reviewer; fails if
 * the page is wider than the screen.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['1440', DESKTOP],
    ['375', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    // Nothing may widen the page past the screen (a long id, a table): no sideways scrolling.
    // Components that measure the window lay out again after the resize, later on a loaded
    // machine: the width is polled, and a failure names what sticks out.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
        timeout: 3_000,
        message: `${name} at ${label} px is wider than the screen: ${await widest(page, size.width)}`,
      })
      .toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** axe-core in the page: no serious or critical violation. */
export async function checkA11y(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays in force.
  axeSource ??= await readFile(AXE, 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: {
              id: string;
              impact: string;
              nodes: { target: string[]; html: string; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run();
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        where: v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
      }));
  });
  expect(violations).toEqual([]);
}

/** A card typed on the sandbox's hosted payment page (its own origin: never Tender's). */
export async function payOnHostedPage(page: Page, card = '4242424242424242'): Promise<void> {
  await page.waitForURL(/\/c\/pay\//);
  await page.locator('[name=card_number]').fill(card);
  await page.locator('[name=exp_month]').fill('12');
  await page.locator('[name=exp_year]').fill(String(new Date().getFullYear() + 2));
  await page.locator('[name=cvc]').fill('123');
  const email = page.locator('[name=email]');
  if (await email.count()) await email.fill('buyer@example.test');
  const name = page.locator('[name=name]');
  if (await name.count()) await name.fill('Test Buyer');
  await page.locator('#card-form button[type=submit]').click();
}
