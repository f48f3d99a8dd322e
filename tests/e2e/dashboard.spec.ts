import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import { markPresent, newClass, newLearner, newWorld, signedIn, tokenOf, uniquePersonName, uniquePhone } from '../support/fixtures.js';
import { eventually } from '../support/wait.js';

/** The big number of a headline tile, as a number ("1,234" → 1234). */
async function tile(page: Page, label: string): Promise<number> {
  const text = await page
    .locator('.dash-tile')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.dash-number')
    .innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

/** The API's numbers once its refresher has caught up with every change so far. */
const settledSummary = (token: string, orgId: string) =>
  eventually(
    () => apiCall<{ learners: number; pendingUpdates: number }>('GET', `/api/reports/summary?orgId=${orgId}`, token),
    (s) => s.pendingUpdates === 0,
    'the dashboard aggregates to catch up',
  );

describe('federation dashboard, audit trail and personal-data rights through the real Chinese pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a federation admin reads the headline numbers and charts, drills down to a club and downloads the CSV', async () => {
    // A province of its own down to a club; a fresh learner at the club, so the club's count must go up once the aggregates catch up.
    const world = await newWorld({ place: '福建', above: ['province', 'city'] });
    const [province, city] = world.above;
    const PATH_TO_CLUB = [city.name, world.county.name, world.club.name];
    // She attended a session of a running class: the attendance chart has something to draw.
    const mother = await newLearner(world);
    const klass = await newClass(world, { course: 'CARE-SAFE', days: [-3], endsIn: 5, learners: [mother] });
    await markPresent(world, [klass.sessions[0].id], [mother]);
    const admin = await tokenOf(world.admin);
    const before = await settledSummary(admin, world.club.id);
    await newLearner(world, { name: uniquePersonName('看'), learnerType: 'migrant_worker' });

    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.getByRole('link', { name: zh['common.nav.dashboard'], exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { level: 1, name: zh['dashboard.heading'] }).waitFor();
    await page.getByText(province.name).first().waitFor();
    // Headline numbers: big tiles with their labels, and when the figures were counted.
    for (const label of [
      'dashboard.tile.learners',
      'dashboard.tile.volunteerMothers',
      'dashboard.tile.ready',
      'dashboard.tile.enrollments',
      'dashboard.tile.attendanceRate',
      'dashboard.tile.certificates',
      'dashboard.tile.referrals',
      'dashboard.tile.hires',
      'dashboard.tile.placementRate',
    ] as const) {
      await page.locator('.dash-tile dt', { hasText: new RegExp(`^${zh[label]}$`) }).waitFor();
    }
    expect(await tile(page, zh['dashboard.tile.learners'])).toBeGreaterThan(0);
    await page.getByText(zh['dashboard.updated'].replace(' {time}', '')).waitFor();
    // Charts are SVG drawn on the server, each with a label saying its numbers and a table of them.
    await page.getByRole('heading', { name: zh['dashboard.chart.trend.title'] }).waitFor();
    await page.getByRole('heading', { name: zh['dashboard.chart.attendance.title'] }).waitFor();
    const charts = page.locator('.dash-figure svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    expect(await charts.first().getAttribute('aria-label')).toContain(zh['dashboard.chart.trend.title']);
    await page.locator('.dash-numbers > summary', { hasText: zh['dashboard.chart.showTable'] }).first().click();
    await page.getByRole('columnheader', { name: zh['dashboard.col.month'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Down the tree, one child org at a time, through the breakdown list.
    for (const name of PATH_TO_CLUB) {
      await page
        .locator('.dash-children')
        .getByRole('link', { name: new RegExp(`^${name}`) })
        .click();
      await page.locator('.dash-org strong', { hasText: name }).waitFor();
      expect(new URL(page.url()).searchParams.get('orgId')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const path = page.getByRole('navigation', { name: zh['dashboard.path'] });
    for (const name of [province.name, ...PATH_TO_CLUB.slice(0, -1)]) await path.getByRole('link', { name }).waitFor();
    await path.getByText(world.club.name).waitFor();
    // The aggregates catch up within seconds; then the page counts her.
    await settledSummary(admin, world.club.id);
    await page.reload();
    expect(await tile(page, zh['dashboard.tile.learners'])).toBe(before.learners + 1);

    // The period filter: one-tap presets, and the CSV of what is on screen.
    await page.getByRole('link', { name: zh['dashboard.period.year'], exact: true }).click();
    await page.waitForURL(/from=\d{4}-01-01&to=\d{4}-12-31/);
    // The URL changes as the navigation completes; the preset is marked once the new page has rendered.
    await page.getByRole('link', { name: zh['dashboard.period.year'], exact: true }).and(page.locator('[aria-current="page"]')).waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: zh['dashboard.export.csv'] }).click()]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csv.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 3)).toEqual(['组织', '层级', '学员']);
    expect(rows.some((row) => row.startsWith(world.station.name))).toBe(true);

    // Back up to her own org through the breadcrumb.
    await path.getByRole('link', { name: province.name }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard' && !url.searchParams.has('orgId'));
    await page.locator('.dash-org strong', { hasText: province.name }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: charts are already drawn, dates filter through a plain GET form, a coordinator stays in her subtree', async () => {
    const world = await newWorld({ place: '福州' });
    const { context, page } = await signedIn(browser, world.coordinator, { javaScriptEnabled: false });
    await page.getByRole('link', { name: zh['common.nav.dashboard'], exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.locator('.dash-org strong', { hasText: world.club.name }).waitFor();
    expect(await page.locator('.dash-figure svg').count()).toBeGreaterThanOrEqual(1);

    await page.getByText(zh['dashboard.period.custom']).click();
    await page.getByLabel(zh['dashboard.period.from']).fill('2026-01-01');
    await page.getByLabel(zh['dashboard.period.to']).fill('2026-06-30');
    await page.getByRole('button', { name: zh['dashboard.period.apply'] }).click();
    await page.waitForURL(/from=2026-01-01&to=2026-06-30/);
    await page.getByText('2026年1月1日 至 2026年6月30日').first().waitFor();

    // Her county is above her club: not found, as the API says.
    const response = await page.goto(`${WEB()}/dashboard?orgId=${world.county.id}`);
    expect(response?.status()).toBe(404);
    await context.close();
  });

  it('a learner downloads her data, erases her account and can no longer sign in; the admin sees it in the audit trail', async () => {
    // She registers herself at a club of a county of its own, whose admin reads the audit trail.
    const world = await newWorld({ place: '福州' });
    const phone = uniquePhone();
    const password = 'erase-me-2026';
    const name = uniquePersonName('将');
    await apiCall('POST', '/api/auth/register', null, { phone, password, name, learnerType: 'migrant_worker', orgId: world.club.id });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, phone, password);
    await page.goto(`${WEB()}/me`);
    await page.getByRole('heading', { level: 1, name: zh['account.me.heading'] }).waitFor();
    await page.getByText(phone).waitFor();
    await page.getByText(name).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: zh['account.me.export'] }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { profile: { phone: string; name: string } };
    expect(exported.profile.phone).toBe(phone);
    expect(exported.profile.name).toBe(name);

    await page.getByRole('link', { name: zh['account.me.erase.link'] }).click();
    await page.waitForURL(/\/me\/delete$/);
    await page.getByRole('heading', { name: zh['account.erase.removed.heading'] }).waitFor();
    await page.getByText(zh['account.erase.kept.certificates']).waitFor();
    const confirm = page.getByLabel(zh['account.erase.confirmLabel'].replace('{word}', zh['account.erase.word']));
    // A wrong word erases nothing.
    await confirm.fill('好的');
    await page.getByRole('button', { name: zh['account.erase.submit'] }).click();
    await page.getByText(zh['account.erase.wrongWord'].replace('{word}', zh['account.erase.word'])).first().waitFor();
    await confirm.fill(zh['account.erase.word']);
    await page.getByRole('button', { name: zh['account.erase.submit'] }).click();
    await page.waitForURL(/\/me\/deleted$/);
    await page.getByRole('heading', { name: zh['account.goodbye.heading'] }).waitFor();
    await page.getByRole('link', { name: zh['common.nav.signIn'] }).waitFor();

    await page.goto(`${WEB()}/login`);
    await page.getByLabel(zh['common.field.phone'], { exact: true }).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill(password);
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.getByText(zh['common.error.INVALID_CREDENTIALS']).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // The admin finds the erasure in the audit trail, in plain words.
    const { context: adminContext, page: adminPage } = await signedIn(browser, world.admin);
    await adminPage.getByRole('link', { name: zh['common.nav.audit'], exact: true }).first().click();
    await adminPage.waitForURL(/\/admin\/audit$/);
    await adminPage.getByRole('heading', { level: 1, name: zh['audit.heading'] }).waitFor();
    await adminPage.locator('summary', { hasText: zh['audit.filters'] }).click();
    await adminPage.getByLabel(zh['audit.action'], { exact: true }).selectOption('user.erase');
    await adminPage.getByRole('button', { name: zh['audit.submit'] }).click();
    await adminPage.waitForURL(/action=user\.erase/);
    const event = adminPage.locator('.audit-event').first();
    await event.getByText(zh['audit.action.user.erase']).waitFor();
    await event.getByText(zh['audit.erasedUser']).waitFor();
    expect(await adminPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await adminContext.close();
  });
});
