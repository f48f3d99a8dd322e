import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { apiCall } from '../support/api.js';
import { fitsPhone, launchBrowser } from '../support/browser.js';
import { newWorld, signedIn, tokenOf } from '../support/fixtures.js';

const LAW_TITLE = '《中华人民共和国未成年人保护法》（2020年修订）';

describe('a province admin authors her own courses, and only views the national catalogue', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the national law course is read-only for her; her province course opens in the form', async () => {
    // A province of its own, and its admin.
    const world = await newWorld({ place: '甘肃', above: ['province'] });
    const own = { code: `GS-OWN-${world.tag}`, title: `甘肃手工编织（${world.tag}）` };
    await apiCall('POST', '/api/courses', await tokenOf(world.admin), {
      code: own.code,
      title: own.title,
      category: 'vocational',
      requiredHours: 6,
      minAttendancePct: 80,
      passMark: 60,
      requiredForVolunteers: false,
    });

    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.getByRole('link', { name: zh['common.nav.courseAdmin'] }).first().click();
    await page.getByRole('heading', { level: 1, name: zh['courses.admin.list.heading'] }).waitFor();
    const lawCard = page.locator('.course-admin-card', { has: page.getByRole('link', { name: LAW_TITLE }) });
    await lawCard.getByText(zh['courses.admin.status.readOnly']).waitFor();
    const ownCard = page.locator('.course-admin-card', { has: page.getByRole('link', { name: own.title }) });
    await ownCard.waitFor();
    expect(await ownCard.getByText(zh['courses.admin.status.readOnly']).count()).toBe(0);
    await fitsPhone(page);

    await lawCard.getByRole('link', { name: LAW_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: LAW_TITLE }).waitFor();
    await page.getByText(zh['courses.admin.readOnly.notice']).waitFor();
    expect(await page.getByRole('button', { name: zh['courses.admin.save'] }).count()).toBe(0);
    await fitsPhone(page);

    await page.getByRole('link', { name: zh['courses.admin.backToList'] }).click();
    await page.getByRole('link', { name: own.title }).click();
    await page.getByRole('heading', { level: 1, name: own.title }).waitFor();
    await page.getByRole('button', { name: zh['courses.admin.save'] }).waitFor();
    expect(await page.getByText(zh['courses.admin.readOnly.notice']).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
