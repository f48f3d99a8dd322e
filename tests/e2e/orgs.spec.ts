import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser, WEB } from '../support/browser.js';
import { newWorld, signedIn } from '../support/fixtures.js';

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
    const world = await newWorld({ place: '甘肃', above: ['province', 'city'] });
    const [{ name: province }, { name: city }] = world.above;
    const county = world.county.name;
    const stamp = world.tag;
    const { context, page, problems } = await signedIn(browser, world.admin);
    // The home page's next steps lead here.
    await page.getByRole('link', { name: zh['home.steps.admin.orgs'] }).first().click();
    await page.waitForURL(/\/admin\/orgs$/);
    await page.getByRole('heading', { level: 1, name: zh['orgs.heading'] }).waitFor();
    await current(page, province);
    expect(await page.getByRole('navigation', { name: zh['orgs.path'] }).count()).toBe(0);
    // Only lower kinds, highest first.
    expect(await kindOptions(page)).toEqual(['city', 'county', 'club', 'station'].map((k) => zh[`orgs.kind.${k}` as 'orgs.kind.city']));
    await fitsPhone(page);

    // Down one level at a time; each page lists only its own children.
    await childLink(page, city).click();
    await current(page, city);
    await childLink(page, county).click();
    await current(page, county);
    expect(new URL(page.url()).searchParams.get('parent')).toMatch(/^[0-9a-f-]{36}$/);
    const path = page.getByRole('navigation', { name: zh['orgs.path'] });
    await path.getByRole('link', { name: province }).waitFor();
    await path.getByRole('link', { name: city }).waitFor();
    await path.locator('[aria-current="page"]', { hasText: county }).waitFor();
    await childLink(page, world.club.name).waitFor();
    expect(await childLink(page, world.station.name).count()).toBe(0);
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
    await page
      .getByRole('status')
      .getByText(fill(zh['orgs.create.done'], { name: station }))
      .waitFor();
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
    await hit.getByText(`${province} › ${city} › ${county}`).waitFor();
    await hit.click();
    await current(page, station);
    await page.getByText(zh['orgs.create.lowest']).waitFor();
    await fitsPhone(page);

    // Back to her own org through the breadcrumb.
    await page.getByRole('navigation', { name: zh['orgs.path'] }).getByRole('link', { name: province }).click();
    await page.waitForURL(/\/admin\/orgs$/);
    await current(page, province);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("another province's org, or a made-up id, is not found; her search never shows another province", async () => {
    const world = await newWorld({ place: '甘肃', above: ['province'] });
    const other = await newWorld({ place: '四川', above: ['province'] });
    const sichuan = other.above[0];
    const otherCounty = other.county.name;

    const { context, page } = await signedIn(browser, world.admin);
    for (const parent of [sichuan.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await page.goto(`${WEB()}/admin/orgs?parent=${parent}`);
      expect(response?.status()).toBe(404);
      await page.getByRole('heading', { name: zh['common.errorPage.404.title'] }).waitFor();
    }
    await page.goto(`${WEB()}/admin/orgs?q=${encodeURIComponent(otherCounty)}`);
    await page.getByText(fill(zh['orgs.search.empty'], { q: otherCounty })).waitFor();
    await context.close();
  });

  it('refuses a coordinator the way other admin pages do', async () => {
    const world = await newWorld({ place: '福州' });
    const { context, page } = await signedIn(browser, world.coordinator);
    for (const path of ['/admin/orgs', '/admin/audit']) {
      const response = await page.goto(`${WEB()}${path}`);
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { name: zh['common.errorPage.403.title'] }).waitFor();
    }
    await context.close();
  });

  it('works without JavaScript: a province admin searches with a plain GET form and adds a club with a plain POST', async () => {
    const world = await newWorld({ place: '福建', above: ['province', 'city'] });
    const [{ name: province }, { name: city }] = world.above;
    const { context, page } = await signedIn(browser, world.admin, { javaScriptEnabled: false });
    await page.getByRole('link', { name: zh['home.steps.admin.orgs'] }).first().click();
    await page.waitForURL(/\/admin\/orgs$/);
    await current(page, province);
    expect(await kindOptions(page)).toHaveLength(4);

    const search = `县妇联-${world.tag}`;
    await page.getByLabel(zh['orgs.search.label']).fill(search);
    await page.getByRole('button', { name: zh['orgs.search.submit'] }).click();
    await page.waitForURL(/q=/);
    const hit = childLink(page, world.county.name);
    await hit.getByText(`${province} › ${city}`).waitFor();
    await hit.click();
    await current(page, world.county.name);

    const club = `晋安区测试俱乐部${world.tag}`;
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
