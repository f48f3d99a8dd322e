import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Cookie } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { apiCall } from '../support/api.js';
import { fitsPhone, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { uniquePersonName, uniquePhone } from '../support/fixtures.js';

const PASSWORD = 'shared-phone-1';
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}/;
const REPLAYED_PAGES = ['/app', '/me', '/my/classes', '/my/certificates'];

/** Every way one might read the cookie's value: as sent, URL-decoded, and base64-decoded (once and twice). */
function readings(value: string): string[] {
  const decoded = decodeURIComponent(value);
  const once = Buffer.from(decoded, 'base64').toString('latin1');
  const inner = /"([^"]*)"/.exec(once)?.[1] ?? once;
  return [value, decoded, once, inner, Buffer.from(inner, 'base64').toString('latin1'), Buffer.from(inner, 'hex').toString('latin1')];
}

/** Opens each page in a fresh browser holding only the copied cookie; answers the pages that were served to her. */
async function replay(browser: Browser, cookie: Cookie): Promise<string[]> {
  const context = await phoneContext(browser);
  await context.addCookies([cookie]);
  const page = await context.newPage();
  const accepted: string[] = [];
  for (const path of REPLAYED_PAGES) {
    await page.goto(`${WEB()}${path}`);
    if (!new URL(page.url()).pathname.startsWith('/login')) accepted.push(path);
  }
  await context.close();
  return accepted;
}

describe('signing out on a shared phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a copied session cookie opens nothing once she has signed out, and never shows her tokens', async () => {
    const phone = uniquePhone();
    await apiCall('POST', '/api/auth/register', null, { phone, password: PASSWORD, name: uniquePersonName('共'), learnerType: 'volunteer_mother' });
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, phone, PASSWORD);
    await fitsPhone(page);

    const cookie = (await context.cookies()).find((c) => c.name === 'hearth_session');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    for (const reading of readings(cookie!.value)) {
      expect(reading).not.toMatch(JWT);
      expect(reading).not.toContain('eyJ');
    }

    // The copy works while she is signed in (so the replay below can tell the difference).
    expect(await replay(browser, cookie!)).toEqual(REPLAYED_PAGES);

    await page.getByRole('button', { name: zh['common.nav.signOut'] }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/app'));
    await page.getByRole('link', { name: zh['common.nav.signIn'] }).first().waitFor();

    const accepted = await replay(browser, cookie!);
    expect(accepted).toEqual([]);
    console.log(`FIGURE sign-out replay: the copied cookie replayed on ${REPLAYED_PAGES.length} pages after signing out: ${accepted.length} accepted`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
