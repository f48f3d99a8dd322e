import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/app/i18n/en.js';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO, DEMO_PASSWORD, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';

const uniquePhone = () => `137${String(Date.now()).slice(-8)}`;

describe('signing up and in through the real Chinese pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a migrant worker registers on a phone, lands on her home page, signs out and back in', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${WEB()}/register`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const phone = uniquePhone();
    await page.getByLabel(zh['field.name']).fill('陈小梅');
    await page.getByLabel(zh['field.phone']).fill(phone);
    await page.getByLabel(zh['field.password']).fill('my-password-1');
    await page.getByLabel(zh['learnerType.migrant_worker'], { exact: false }).check();
    await page.getByRole('button', { name: zh['register.submit'] }).click();
    await page.waitForURL(/\/app$/);
    await page.getByText('陈小梅').first().waitFor();
    await page.getByText(zh['role.learner']).first().waitFor();

    await page.getByRole('button', { name: zh['nav.signOut'] }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/app'));
    await page.goto(`${WEB()}/app`);
    await page.waitForURL(/\/login/);
    await page.getByLabel(zh['field.phone']).fill(phone);
    await page.getByLabel(zh['field.password']).fill('my-password-1');
    await page.getByRole('button', { name: zh['login.submit'] }).click();
    await page.waitForURL(/\/app$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows Chinese errors on the form for a taken phone and a wrong password', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${WEB()}/register`);
    await page.getByLabel(zh['field.name']).fill('重复');
    await page.getByLabel(zh['field.phone']).fill(DEMO.learner);
    await page.getByLabel(zh['field.password']).fill('my-password-1');
    await page.getByLabel(zh['learnerType.volunteer_mother'], { exact: false }).check();
    await page.getByRole('button', { name: zh['register.submit'] }).click();
    await page.getByText(zh['error.PHONE_TAKEN']).first().waitFor();

    await page.goto(`${WEB()}/login`);
    await page.getByLabel(zh['field.phone']).fill(DEMO.employer);
    await page.getByLabel(zh['field.password']).fill('wrong-password');
    await page.getByRole('button', { name: zh['login.submit'] }).click();
    await page.getByText(zh['error.INVALID_CREDENTIALS']).first().waitFor();
    await context.close();
  });

  it('a coordinator signs in with JavaScript off and sees her club', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${WEB()}/login`);
    await page.getByLabel(zh['field.phone']).fill(DEMO.coordinator);
    await page.getByLabel(zh['field.password']).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: zh['login.submit'] }).click();
    await page.waitForURL(/\/app$/);
    await page.getByText('村童妈妈俱乐部').first().waitFor();
    await page.getByText(zh['role.coordinator']).first().waitFor();
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
    await page.getByRole('button', { name: zh['lang.other'] }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('button', { name: 'English' }).waitFor({ state: 'detached' });
    // A page rendered in the browser after the switch speaks English too.
    await page.waitForFunction(() => (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
    await page.getByRole('link', { name: en['nav.courses'], exact: true }).click();
    await page.waitForURL(/\/courses$/);
    await page.getByRole('heading', { level: 1, name: en['courses.heading'] }).waitFor();
    expect(catalogues).toEqual(['zh-CN', 'en']);
    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(problems).toEqual([]);
    await context.close();
  });
});
