import AxeBuilder from '@axe-core/playwright';
import { Test, TestingModule } from '@nestjs/testing';
import { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { CliModule } from '../../src/cli/cli.module';
import { DemoSeeder, SeedResult } from '../../src/demo/demo-seeder';
import { createTestApp, TestApp } from '../helpers/app';

export const PASSWORD = 'demo-password-2026';
export const SHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');
const DEMO = join(__dirname, '../../data/demo/pride-of-place.json');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface WebUnderTest {
  t: TestApp;
  base: string;
  demo: SeedResult;
  browser: Browser;
  /** A fresh browser (its own cookies); console errors and page errors are collected. */
  open(options?: { javaScript?: boolean }): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/**
 * The real app on a random port, with the demo data in a fresh SQLite database, and Debian's
 * chromium driven by playwright-core. The clock is a board meeting after the demo quarter.
 */
export async function startWeb(): Promise<WebUnderTest> {
  const t = await createTestApp({ now: new Date('2026-05-12T09:00:00Z') });
  const cli: TestingModule = await Test.createTestingModule({ imports: [CliModule] }).compile();
  await cli.init();
  const seeder = cli.get(DemoSeeder);
  const demo = await seeder.seed(await seeder.load(DEMO));
  await cli.close();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    t,
    base,
    demo,
    browser,
    async open({ javaScript = true } = {}) {
      const context = await browser.newContext({ baseURL: base, javaScriptEnabled: javaScript, viewport: { width: 1024, height: 800 } });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
      });
      return { context, page, problems };
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** axe-core's WCAG 2.2 AA violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe-core on the page as it is now: no violation of WCAG 2.2 AA. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the form; in Welsh (`lang: 'cy'`) the Welsh labels are used, as a Welsh reader sees them. */
export async function signIn(page: Page, email: string, { lang = 'en' }: { lang?: 'en' | 'cy' } = {}): Promise<void> {
  const words = lang === 'cy' ? { email: 'Cyfeiriad e-bost', password: 'Cyfrinair', button: 'Mewngofnodi' } : { email: 'Email address', password: 'Password', button: 'Sign in' };
  await page.goto(lang === 'cy' ? '/sign-in?lang=cy' : '/sign-in');
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: words.button }).click();
  await page.waitForLoadState('load');
}

/** Presses Tab until the focused element's text (or value) contains `text`, as a keyboard user would. */
export async function tabTo(page: Page, text: string | RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    // Evaluated in the page (a string, as this file is compiled without the DOM's types).
    const focused = await page.evaluate<string>(`(() => {
      const el = document.activeElement;
      if (!el) return '';
      const label = el.id ? (document.querySelector('label[for="' + el.id + '"]')?.textContent ?? '') : '';
      return (el.textContent ?? '') + ' ' + label + ' ' + (el.value ?? '');
    })()`);
    if (typeof text === 'string' ? focused.includes(text) : text.test(focused)) return;
  }
  throw new Error(`could not reach "${String(text)}" with the Tab key`);
}

/**
 * One started service and browser for the calling `describe`: started before its tests, closed
 * after them. Read through the handle only inside tests and hooks (it is empty before `beforeAll`).
 */
export function useWeb(): WebUnderTest {
  let started: WebUnderTest | undefined;
  beforeAll(async () => {
    started = await startWeb();
  }, 300_000);
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as WebUnderTest, {
    get(_target, key) {
      if (!started) throw new Error('the web service is not started yet: use it inside a test or hook');
      const value = (started as unknown as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
