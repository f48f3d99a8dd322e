import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO, DEMO_PASSWORD, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';

const NATIONAL = '全国妇联（演示）';
/** The demo tree from the national root down to the Fuzhou club. */
const PATH_TO_CLUB = ['福建省妇联', '福州市妇联', '晋安区妇联', '村童妈妈俱乐部'];
const CLUB = '村童妈妈俱乐部';
const uniquePhone = (prefix: string) => `${prefix}${String(Date.now()).slice(-8)}`;


/** The big number of a headline tile, as a number ("1,234" → 1234). */
async function tile(page: Page, label: string): Promise<number> {
  const text = await page.locator('.dash-tile').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.dash-number').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

/** The aggregates are refreshed every few seconds: reload until the tile shows at least `min`. */
async function waitForTile(page: Page, label: string, min: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await tile(page, label);
    if (value >= min) return value;
    if (Date.now() > deadline) throw new Error(`${label} stayed at ${value}, expected at least ${min}`);
    await page.waitForTimeout(1000);
    await page.reload();
  }
}

/** The API's numbers once its refresher has caught up with every change so far. */
async function settledSummary(token: string, orgId: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const summary = await apiCall<{ learners: number; pendingUpdates: number }>('GET', `/api/reports/summary?orgId=${orgId}`, token);
    if (summary.pendingUpdates === 0 || Date.now() > deadline) return summary;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('federation dashboard, audit trail and personal-data rights through the real Chinese pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a federation admin reads the headline numbers and charts, drills down to a club and downloads the CSV', async () => {
    // A fresh learner at the club, so the club's count must go up once the aggregates catch up.
    const coordinator = await apiLogin(DEMO.coordinator);
    const admin = await apiLogin(DEMO.admin);
    const before = await settledSummary(admin.accessToken, coordinator.user.orgId);
    await apiCall('POST', '/api/users', coordinator.accessToken, {
      phone: uniquePhone('134'),
      name: '看板新学员',
      role: 'learner',
      learnerType: 'migrant_worker',
      orgId: coordinator.user.orgId,
      password: DEMO_PASSWORD,
    });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.admin);
    await page.goto(`${WEB()}/dashboard`);
    await page.getByRole('heading', { level: 1, name: zh['dashboard.heading'] }).waitFor();
    await page.getByText(NATIONAL).first().waitFor();
    // Headline numbers: big tiles with their labels, and when the figures were counted.
    for (const label of ['dashboard.tile.learners', 'dashboard.tile.volunteerMothers', 'dashboard.tile.ready', 'dashboard.tile.enrollments', 'dashboard.tile.attendanceRate', 'dashboard.tile.certificates', 'dashboard.tile.referrals', 'dashboard.tile.hires', 'dashboard.tile.placementRate'] as const) {
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
      await page.locator('.dash-children').getByRole('link', { name: new RegExp(`^${name}`) }).click();
      await page.locator('.dash-org strong', { hasText: name }).waitFor();
      expect(new URL(page.url()).searchParams.get('orgId')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const path = page.getByRole('navigation', { name: zh['dashboard.path'] });
    for (const name of [NATIONAL, ...PATH_TO_CLUB.slice(0, -1)]) await path.getByRole('link', { name }).waitFor();
    await path.getByText(CLUB).waitFor();
    await waitForTile(page, zh['dashboard.tile.learners'], before.learners + 1);

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
    expect(rows.some((row) => row.startsWith('鼓山镇茶会社区服务点'))).toBe(true);

    // Back up to her own org through the breadcrumb.
    await path.getByRole('link', { name: NATIONAL }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard' && !url.searchParams.has('orgId'));
    await page.locator('.dash-org strong', { hasText: NATIONAL }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: charts are already drawn, dates filter through a plain GET form, a coordinator stays in her subtree', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${WEB()}/login`);
    await page.getByLabel(zh['common.field.phone'], { exact: true }).fill(DEMO.coordinator);
    await page.getByLabel(zh['common.field.password']).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.waitForURL(/\/app$/);
    await page.goto(`${WEB()}/dashboard`);
    await page.locator('.dash-org strong', { hasText: CLUB }).waitFor();
    expect(await page.locator('.dash-figure svg').count()).toBeGreaterThanOrEqual(1);

    await page.getByText(zh['dashboard.period.custom']).click();
    await page.getByLabel(zh['dashboard.period.from']).fill('2026-01-01');
    await page.getByLabel(zh['dashboard.period.to']).fill('2026-06-30');
    await page.getByRole('button', { name: zh['dashboard.period.apply'] }).click();
    await page.waitForURL(/from=2026-01-01&to=2026-06-30/);
    await page.getByText('2026年1月1日 至 2026年6月30日').first().waitFor();

    // The national root is above her club: not found, as the API says.
    const admin = await apiLogin(DEMO.admin);
    const root = (await apiCall<{ items: { id: string; parentId: string | null }[] }>('GET', '/api/orgs', admin.accessToken)).items.find((o) => o.parentId === null)!;
    const response = await page.goto(`${WEB()}/dashboard?orgId=${root.id}`);
    expect(response?.status()).toBe(404);
    await context.close();
  });

  it('a learner downloads her data, erases her account and can no longer sign in; the admin sees it in the audit trail', async () => {
    const phone = uniquePhone('133');
    const password = 'erase-me-2026';
    await apiCall('POST', '/api/auth/register', null, { phone, password, name: '将注销的学员', learnerType: 'migrant_worker' });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, phone, password);
    await page.goto(`${WEB()}/me`);
    await page.getByRole('heading', { level: 1, name: zh['account.me.heading'] }).waitFor();
    await page.getByText(phone).waitFor();
    await page.getByText('将注销的学员').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: zh['account.me.export'] }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { profile: { phone: string; name: string } };
    expect(exported.profile.phone).toBe(phone);
    expect(exported.profile.name).toBe('将注销的学员');

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
    const adminContext = await phoneContext(browser);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, DEMO.admin);
    await adminPage.goto(`${WEB()}/admin/audit`);
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
