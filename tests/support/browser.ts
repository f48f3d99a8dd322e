import { expect } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';

export const WEB = () => process.env.HEARTH_WEB_URL!;
export const API = () => process.env.HEARTH_API_URL!;

/** Debian's Chromium, never a downloaded browser, and its flags. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/** The phone's screen (a low-end Android, 360 px wide). */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

/**
 * A phone whose browser profile lives in `userDataDir`: its service worker, caches and storage
 * survive closing the context (the browser closed at the station) and opening it again.
 */
export function launchPhone(userDataDir: string, options: { locale?: string } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, ...PHONE, locale: options.locale ?? 'zh-CN' });
}

/** A phone-sized context (a low-end Android), Chinese by default. */
export async function phoneContext(browser: Browser, options: { locale?: string; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    ...PHONE,
    locale: options.locale ?? 'zh-CN',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
}

/** Fails the test on any console error or uncaught page error (a good habit from the Epic Stack). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    // A form answered 4xx on purpose (e.g. a wrong password) is logged by the browser as a failed load; that is not a bug.
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()))
      problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

export const DEMO_PASSWORD = 'Hearth@2026';
export const DEMO = {
  admin: '13900000001',
  coordinator: '13900000002',
  instructor: '13900000003',
  learner: '13900000004',
  volunteer: '13900000005',
  employer: '13900000007',
} as const;

/** A message with its `{name}` placeholders filled, as the web's translate() does. */
export const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

/** Signs in through the Chinese login page and waits for /app itself to be drawn. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD) {
  await page.goto(`${WEB()}/login`);
  await page.getByLabel(zh['common.field.phone'], { exact: true }).fill(phone);
  await page.getByLabel(zh['common.field.password']).fill(password);
  await page.getByRole('button', { name: zh['account.login.submit'] }).click();
  // The URL changes before the page is drawn: wait for /app itself, not the sign-in page's links.
  await page.waitForURL(/\/app$/);
  await page.getByRole('heading', { name: zh['home.app.nextSteps'] }).waitFor();
}

/** Nothing wider than the 360px phone. */
export const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

/** On the registration page: searches her club or station by part of its name and chooses the one named `name`. */
export async function chooseJoinOrg(page: Page, search: string, name: string) {
  await page.getByLabel(zh['account.joinOrg.search.label']).fill(search);
  await page.getByRole('button', { name: zh['account.joinOrg.search.submit'], exact: true }).click();
  await page.getByRole('radio', { name }).check();
}
