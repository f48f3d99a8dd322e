import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO, fill, fitsPhone, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';

const PROVINCE_ADMIN = '13900000008';
const stamp = String(Date.now()).slice(-6);


/** The org the page is about. */
const current = (page: Page, name: string) => page.locator('#orgs-current-name', { hasText: name }).waitFor();
const childLink = (page: Page, name: string) => page.locator('.orgs-list').getByRole('link', { name: new RegExp(`^${name}`) });
const kindOptions = (page: Page) => page.getByLabel(zh['orgs.create.kind'], { exact: true }).locator('option').allInnerTexts();

describe('the organisation tree through the real Chinese pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a province admin walks down to a county, adds a station, sees it listed and finds it by name', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, PROVINCE_ADMIN);
    // The home page's next steps lead here.
    await page.getByRole('link', { name: zh['home.steps.admin.orgs'] }).first().click();
    await page.waitForURL(/\/admin\/orgs$/);
    await page.getByRole('heading', { level: 1, name: zh['orgs.heading'] }).waitFor();
    await current(page, '甘肃省妇联');
    expect(await page.getByRole('navigation', { name: zh['orgs.path'] }).count()).toBe(0);
    // Only lower kinds, highest first.
    expect(await kindOptions(page)).toEqual(['city', 'county', 'club', 'station'].map((k) => zh[`orgs.kind.${k}` as 'orgs.kind.city']));
    await fitsPhone(page);

    // Down one level at a time; each page lists only its own children.
    await childLink(page, '酒泉市妇联').click();
    await current(page, '酒泉市妇联');
    await childLink(page, '金塔县妇联').click();
    await current(page, '金塔县妇联');
    expect(new URL(page.url()).searchParams.get('parent')).toMatch(/^[0-9a-f-]{36}$/);
    const path = page.getByRole('navigation', { name: zh['orgs.path'] });
    await path.getByRole('link', { name: '甘肃省妇联' }).waitFor();
    await path.getByRole('link', { name: '酒泉市妇联' }).waitFor();
    await path.locator('[aria-current="page"]', { hasText: '金塔县妇联' }).waitFor();
    await childLink(page, '金塔县爱心妈妈志愿服务队').waitFor();
    expect(await childLink(page, '金塔县金塔镇爱心妈妈驿站').count()).toBe(0);
    expect(await kindOptions(page)).toEqual([zh['orgs.kind.club'], zh['orgs.kind.station']]);

    // A name left empty is refused on its field.
    await page.getByRole('button', { name: zh['orgs.create.submit'] }).click();
    const nameError = fill(zh['orgs.error.name'], { max: 200 });
    await page.locator('#field-name-error', { hasText: nameError }).waitFor();
    expect(await page.getByLabel(zh['orgs.create.name'], { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // Add a station straight under the county.
    const station = `金塔县测试驿站${stamp}`;
    await page.getByLabel(zh['orgs.create.name'], { exact: true }).fill(station);
    await page.getByLabel(zh['orgs.create.kind'], { exact: true }).selectOption({ label: zh['orgs.kind.station'] });
    await page.getByRole('button', { name: zh['orgs.create.submit'] }).click();
    await page.getByRole('status').getByText(fill(zh['orgs.create.done'], { name: station })).waitFor();
    const listed = childLink(page, station);
    await listed.waitFor();
    await listed.getByText(zh['orgs.children.new']).waitFor();
    await page.getByRole('heading', { name: fill(zh['orgs.children.heading'], { n: 2 }) }).waitFor();
    await fitsPhone(page);

    // The same name again under the same county: refused on the name field, in Chinese.
    await page.getByLabel(zh['orgs.create.name'], { exact: true }).fill(station);
    await page.getByLabel(zh['orgs.create.kind'], { exact: true }).selectOption({ label: zh['orgs.kind.station'] });
    await page.getByRole('button', { name: zh['orgs.create.submit'] }).click();
    await page.locator('#field-name-error', { hasText: fill(zh['orgs.error.nameTaken'], { name: station }) }).waitFor();

    // Found by part of its name from anywhere, with the path that tells where it sits.
    await page.getByLabel(zh['orgs.search.label']).fill(`测试驿站${stamp}`);
    await page.getByRole('button', { name: zh['orgs.search.submit'] }).click();
    await page.waitForURL(/\/admin\/orgs\?q=/);
    await page.getByRole('heading', { name: fill(zh['orgs.search.heading'], { q: `测试驿站${stamp}`, n: 1 }) }).waitFor();
    const hit = childLink(page, station);
    await hit.getByText('甘肃省妇联 › 酒泉市妇联 › 金塔县妇联').waitFor();
    await hit.click();
    await current(page, station);
    await page.getByText(zh['orgs.create.lowest']).waitFor();
    await fitsPhone(page);

    // Back to her own org through the breadcrumb.
    await page.getByRole('navigation', { name: zh['orgs.path'] }).getByRole('link', { name: '甘肃省妇联' }).click();
    await page.waitForURL(/\/admin\/orgs$/);
    await current(page, '甘肃省妇联');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("another province's org, or a made-up id, is not found; her search never shows another province", async () => {
    const national = await apiLogin(DEMO.admin);
    const sichuan = (await apiCall<{ items: { id: string; name: string }[] }>('GET', `/api/orgs?q=${encodeURIComponent('四川省妇联')}`, national.accessToken)).items[0];
    expect(sichuan.name).toBe('四川省妇联');

    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, PROVINCE_ADMIN);
    for (const parent of [sichuan.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await page.goto(`${WEB()}/admin/orgs?parent=${parent}`);
      expect(response?.status()).toBe(404);
      await page.getByRole('heading', { name: zh['common.errorPage.404.title'] }).waitFor();
    }
    await page.goto(`${WEB()}/admin/orgs?q=${encodeURIComponent('中江县')}`);
    await page.getByText(fill(zh['orgs.search.empty'], { q: '中江县' })).waitFor();
    await context.close();
  });

  it('refuses a coordinator the way other admin pages do', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.coordinator);
    for (const path of ['/admin/orgs', '/admin/audit']) {
      const response = await page.goto(`${WEB()}${path}`);
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { name: zh['common.errorPage.403.title'] }).waitFor();
    }
    await context.close();
  });

  it('works without JavaScript: the national admin searches with a plain GET form and adds a club with a plain POST', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto(`${WEB()}/admin/orgs`);
    await current(page, '全国妇联（演示）');
    expect(await kindOptions(page)).toHaveLength(5);

    await page.getByLabel(zh['orgs.search.label']).fill('晋安');
    await page.getByRole('button', { name: zh['orgs.search.submit'] }).click();
    await page.waitForURL(/q=/);
    const hit = childLink(page, '晋安区妇联');
    await hit.getByText('全国妇联（演示） › 福建省妇联 › 福州市妇联').waitFor();
    await hit.click();
    await current(page, '晋安区妇联');

    const club = `晋安区测试俱乐部${stamp}`;
    await page.getByLabel(zh['orgs.create.name'], { exact: true }).fill(club);
    await page.getByRole('button', { name: zh['orgs.create.submit'] }).click();
    await page.getByText(fill(zh['orgs.create.done'], { name: club })).waitFor();
    await childLink(page, club).waitFor();
    // The county's highest lower kind is the default: a club.
    await childLink(page, club).getByText(zh['orgs.kind.club']).waitFor();
    await fitsPhone(page);
    await context.close();
  });
});
