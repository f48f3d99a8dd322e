import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/app/i18n/en.js';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { chooseJoinOrg, DEMO, DEMO_PASSWORD, fitsPhone, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';
import { newLearner, newWorld, uniquePersonName, uniquePhone } from '../support/fixtures.js';

describe('signing up and in through the real Chinese pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a migrant worker registers on a phone, lands on her home page, signs out and back in', async () => {
    const world = await newWorld({ place: '鼓山' });
    const name = uniquePersonName('陈');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${WEB()}/register`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const phone = uniquePhone();
    await chooseJoinOrg(page, world.tag, world.station.name);
    await page.getByLabel(zh['common.field.name']).fill(name);
    await page.getByLabel(zh['common.field.phone']).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill('my-password-1');
    await page.getByLabel(zh['people.learnerType.migrant_worker'], { exact: false }).check();
    await page.getByRole('button', { name: zh['account.register.submit'] }).click();
    await page.waitForURL(/\/app$/);
    await page.getByText(name).first().waitFor();
    await page.getByText(zh['people.role.learner']).first().waitFor();

    await page.getByRole('button', { name: zh['common.nav.signOut'] }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/app'));
    await page.goto(`${WEB()}/app`);
    await page.waitForURL(/\/login/);
    await page.getByLabel(zh['common.field.phone']).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill('my-password-1');
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.waitForURL(/\/app$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows Chinese errors on the form for a taken phone and a wrong password', async () => {
    const world = await newWorld({ place: '鼓山' });
    const taken = await newLearner(world);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${WEB()}/register`);
    await chooseJoinOrg(page, world.tag, world.station.name);
    await page.getByLabel(zh['common.field.name']).fill('重复');
    await page.getByLabel(zh['common.field.phone']).fill(taken.phone);
    await page.getByLabel(zh['common.field.password']).fill('my-password-1');
    await page.getByLabel(zh['people.learnerType.volunteer_mother'], { exact: false }).check();
    await page.getByRole('button', { name: zh['account.register.submit'] }).click();
    await page.getByText(zh['common.error.PHONE_TAKEN']).first().waitFor();

    await page.goto(`${WEB()}/login`);
    await page.getByLabel(zh['common.field.phone']).fill(world.coordinator.phone);
    await page.getByLabel(zh['common.field.password']).fill('wrong-password');
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.getByText(zh['common.error.INVALID_CREDENTIALS']).first().waitFor();
    await context.close();
  });

  // The one browser test of the demo seed itself: the README's demo logins must keep working.
  it("the README's demo coordinator signs in with JavaScript off and sees her club", async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${WEB()}/login`);
    await page.getByLabel(zh['common.field.phone']).fill(DEMO.coordinator);
    await page.getByLabel(zh['common.field.password']).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.waitForURL(/\/app$/);
    await page.getByText('村童妈妈俱乐部').first().waitFor();
    await page.getByText(zh['people.role.coordinator']).first().waitFor();
    await context.close();
  });

  it('switches to English and back, downloading only the messages of the language shown', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    const catalogues: string[] = [];
    page.on('request', (r) => {
      const m = /\/assets\/(zh-CN|en)-[\w-]+\.js$/.exec(r.url());
      if (m) catalogues.push(m[1]);
    });
    await page.goto(`${WEB()}/`);
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.getByRole('button', { name: zh['common.lang.other'] }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('button', { name: 'English' }).waitFor({ state: 'detached' });
    // A page rendered in the browser after the switch speaks English too.
    await page.waitForFunction(() => (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
    await page.getByRole('link', { name: en['common.nav.courses'], exact: true }).click();
    await page.waitForURL(/\/courses$/);
    await page.getByRole('heading', { level: 1, name: en['courses.heading'] }).waitFor();
    expect(catalogues).toEqual(['zh-CN', 'en']);
    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(problems).toEqual([]);
    await context.close();
  });
  it('a learner changes her own password on her account page with JavaScript off, after Chinese errors for each mistake', async () => {
    const world = await newWorld({ place: '鼓山' });
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const phone = uniquePhone();
    await page.goto(`${WEB()}/register`);
    await chooseJoinOrg(page, world.tag, world.station.name);
    await page.getByLabel(zh['common.field.name']).fill(uniquePersonName('周'));
    await page.getByLabel(zh['common.field.phone']).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill('first-password-1');
    await page.getByLabel(zh['people.learnerType.migrant_worker'], { exact: false }).check();
    await page.getByRole('button', { name: zh['account.register.submit'] }).click();
    await page.waitForURL(/\/app$/);

    await page.goto(`${WEB()}/me`);
    await page.getByRole('link', { name: zh['account.me.password.link'] }).click();
    await page.waitForURL(/\/me\/password$/);
    await fitsPhone(page);
    const current = page.getByLabel(zh['account.password.current']);
    const next = page.getByLabel(zh['account.password.new'], { exact: true });
    const again = page.getByLabel(zh['account.password.confirm']);
    const submit = page.getByRole('button', { name: zh['account.password.submit'] });

    await current.fill('first-password-1');
    await next.fill('second-password-2');
    await again.fill('second-password-3');
    await submit.click();
    await page.getByText(zh['account.password.mismatch']).first().waitFor();

    await page.getByLabel(zh['account.password.current']).fill('not-my-password');
    await page.getByLabel(zh['account.password.new'], { exact: true }).fill('second-password-2');
    await page.getByLabel(zh['account.password.confirm']).fill('second-password-2');
    await page.getByRole('button', { name: zh['account.password.submit'] }).click();
    await page.getByText(zh['common.error.CURRENT_PASSWORD_INCORRECT']).first().waitFor();
    expect(await page.getByLabel(zh['account.password.current']).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(zh['account.password.current']).fill('first-password-1');
    await page.getByLabel(zh['account.password.new'], { exact: true }).fill('second-password-2');
    await page.getByLabel(zh['account.password.confirm']).fill('second-password-2');
    await page.getByRole('button', { name: zh['account.password.submit'] }).click();
    await page.waitForURL(/\/me\?password=changed$/);
    await page.getByText(zh['account.me.password.changed']).waitFor();

    // Still signed in here with the new tokens; signing in again needs the new password.
    await page.goto(`${WEB()}/app`);
    await page.waitForURL(/\/app$/);
    await page.getByRole('button', { name: zh['common.nav.signOut'] }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/app'));
    await page.goto(`${WEB()}/login`);
    await page.getByLabel(zh['common.field.phone']).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill('first-password-1');
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.getByText(zh['common.error.INVALID_CREDENTIALS']).first().waitFor();
    await page.getByLabel(zh['common.field.phone']).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill('second-password-2');
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.waitForURL(/\/app$/);
    await context.close();
  });
});
