import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO_PASSWORD, fill, fitsPhone, launchBrowser, phoneContext, signIn, watchConsole } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';

/** Jinta County (Gansu): its coordinator, the caring-mother station and the station's instructor. */
const JINTA_COORDINATOR = '13900000006';
const JINTA_INSTRUCTOR = '13900000009';
const STATION = '金塔县金塔镇爱心妈妈驿站';

/** A calendar date in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
let phoneSeq = 0;
const uniquePhone = (prefix: string) => `${prefix}${String(Date.now() + phoneSeq++).slice(-8)}`;

interface Learner {
  phone: string;
  id: string;
  enrollmentId: string;
  course: string;
}

/**
 * A caring mother of the Jinta station in a CARE-SAFE class that starts next week; then her
 * coordinator moves its first session and cancels its second: two notifications by their real cause.
 */
async function learnerWithMovedClass(name: string): Promise<Learner> {
  const token = (await apiLogin(JINTA_COORDINATOR)).accessToken;
  const { items: orgs } = await apiCall<{ items: { id: string; name: string }[] }>('GET', '/api/orgs', token);
  const station = orgs.find((o) => o.name === STATION)!;
  const { items: instructors } = await apiCall<{ items: { id: string; phone: string }[] }>('GET', '/api/users?role=instructor', token);
  const instructor = instructors.find((u) => u.phone === JINTA_INSTRUCTOR)!;
  const phone = uniquePhone('136');
  const { id } = await apiCall<{ id: string }>('POST', '/api/users', token, { phone, name, role: 'learner', orgId: station.id, password: DEMO_PASSWORD, learnerType: 'volunteer_mother' });
  const course = await apiCall<{ id: string; title: string }>('GET', '/api/courses/CARE-SAFE?lang=zh-CN', token);
  const k = await apiCall<{ id: string; sessions: { id: string }[] }>('POST', '/api/classes', token, {
    courseId: course.id,
    orgId: station.id,
    instructorId: instructor.id,
    startsOn: chinaDay(7),
    endsOn: chinaDay(20),
    capacity: 10,
    location: '驿站一楼',
    sessions: [7, 14].map((d) => ({ startsAt: `${chinaDay(d)}T09:00:00+08:00`, endsAt: `${chinaDay(d)}T12:00:00+08:00` })),
  });
  const enrollmentId = (await apiCall<{ id: string }>('POST', `/api/classes/${k.id}/enrollments`, token, { learnerId: id })).id;
  await apiCall('PATCH', `/api/sessions/${k.sessions[0].id}`, token, { startsAt: `${chinaDay(8)}T14:00:00+08:00`, endsAt: `${chinaDay(8)}T17:00:00+08:00` });
  await apiCall('POST', `/api/sessions/${k.sessions[1].id}/cancel`, token);
  return { phone, id, enrollmentId, course: course.title };
}

const bell = (page: Page, unread: number) => page.getByRole('link', { name: unread ? fill(zh['account.notifications.bell.unread'], { n: unread }) : zh['account.notifications.bell'], exact: true });

describe('notifications: the bell, her inbox and her SMS choices', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a caring mother whose class was moved sees the bell count, reads it in Chinese, opens its page, marks all read, and chooses her SMS', async () => {
    const her = await learnerWithMovedClass('赵春花');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, her.phone);

    await bell(page, 2).click();
    await page.getByRole('heading', { name: zh['account.notifications.heading'], level: 1 }).waitFor();
    await fitsPhone(page);
    const moved = page.getByRole('button', { name: new RegExp(`^${zh['account.notifications.unread']}\\s*上课时间有变：${her.course}$`) });
    const cancelled = page.getByRole('button', { name: new RegExp(`^${zh['account.notifications.unread']}\\s*这节课取消了：${her.course}$`) });
    await moved.waitFor();
    await cancelled.waitFor();
    // Newest first: the cancellation came after the move.
    const titles = await page.locator('.inbox-open').allTextContents();
    expect(titles.map((t) => t.replace(zh['account.notifications.unread'], ''))).toEqual([`这节课取消了：${her.course}`, `上课时间有变：${her.course}`]);
    await expect(page.getByText(/改为 .*14:00–17:00/).count()).resolves.toBe(1);

    // Opening it goes to her class page and counts it read.
    await moved.click();
    await page.waitForURL(new RegExp(`/learn/${her.enrollmentId}$`));
    await bell(page, 1).click();
    await page.getByRole('heading', { name: zh['account.notifications.heading'], level: 1 }).waitFor();
    await page.getByRole('button', { name: `上课时间有变：${her.course}`, exact: true }).waitFor();

    await page.getByRole('button', { name: zh['account.notifications.markAll'] }).click();
    await page.getByRole('status').filter({ hasText: zh['account.notifications.markedAll'] }).waitFor();
    await bell(page, 0).waitFor();
    expect(await page.locator('.bell-count').count()).toBe(0);
    await page.getByText(zh['account.notifications.allRead']).waitFor();

    // Her SMS choices: she also wants to hear by SMS when a certificate is about to expire.
    await page.getByRole('link', { name: zh['account.notifications.settingsLink'] }).click();
    await page.getByRole('heading', { name: zh['account.notifications.settings.heading'], level: 1 }).waitFor();
    await fitsPhone(page);
    const expiring = page.getByRole('checkbox', { name: zh['account.notifications.kind.certificate.expiring'] });
    expect(await expiring.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: zh['account.notifications.kind.session.changed'] }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: zh['account.notifications.kind.followup.due'] }).count()).toBe(0);
    await expiring.check();
    await page.getByRole('button', { name: zh['account.notifications.settings.save'] }).click();
    await page.getByRole('status').filter({ hasText: zh['account.notifications.settings.saved'] }).waitFor();
    expect(await page.getByRole('checkbox', { name: zh['account.notifications.kind.certificate.expiring'] }).isChecked()).toBe(true);
    const prefs = await apiCall<{ smsKinds: string[]; smsOptedOutAt: string | null }>('GET', '/api/me/notification-preferences', (await apiLogin(her.phone)).accessToken);
    expect(prefs.smsKinds).toContain('certificate.expiring');
    expect(prefs.smsOptedOutAt).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript: the bell, the list, opening one, and marking all read are plain links and forms', async () => {
    const her = await learnerWithMovedClass('钱秀芳');
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, her.phone);

    await bell(page, 2).click();
    await page.getByRole('heading', { name: zh['account.notifications.heading'], level: 1 }).waitFor();
    await fitsPhone(page);
    await page.getByText(fill(zh['account.notifications.unreadCount'], { n: 2 })).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${zh['account.notifications.unread']}\\s*这节课取消了：${her.course}$`) }).click();
    await page.waitForURL(new RegExp(`/learn/${her.enrollmentId}$`));
    await bell(page, 1).click();
    await page.getByRole('link', { name: zh['account.notifications.filter.unread'] }).click();
    await page.waitForURL(/unread=1/);
    expect(await page.locator('.inbox-open').allTextContents()).toEqual([`${zh['account.notifications.unread']}上课时间有变：${her.course}`]);
    await page.getByRole('button', { name: zh['account.notifications.markAll'] }).click();
    await page.getByText(zh['account.notifications.markedAll']).waitFor();
    await bell(page, 0).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
