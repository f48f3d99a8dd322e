import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import { chinaDay, newClass, newLearner, newWorld, signedIn, tokenOf, uniquePersonName } from '../support/fixtures.js';

interface Learner {
  phone: string;
  password: string;
  enrollmentId: string;
  course: string;
}

/**
 * A caring mother of a fresh station in a CARE-SAFE class that starts next week; then her
 * coordinator moves its first session and cancels its second: two notifications by their real cause.
 */
async function learnerWithMovedClass(name: string): Promise<Learner> {
  const world = await newWorld({ place: '金塔' });
  const her = await newLearner(world, { name: uniquePersonName(name) });
  const k = await newClass(world, { course: 'CARE-SAFE', days: [7, 14], from: '09:00', to: '12:00', location: '驿站一楼', learners: [her] });
  const token = await tokenOf(world.coordinator);
  await apiCall('PATCH', `/api/sessions/${k.sessions[0].id}`, token, { startsAt: `${chinaDay(8)}T14:00:00+08:00`, endsAt: `${chinaDay(8)}T17:00:00+08:00` });
  await apiCall('POST', `/api/sessions/${k.sessions[1].id}/cancel`, token);
  return { phone: her.phone, password: her.password, enrollmentId: k.enrollments[her.id], course: k.course.title };
}

const bell = (page: Page, unread: number) =>
  page.getByRole('link', { name: unread ? fill(zh['account.notifications.bell.unread'], { n: unread }) : zh['account.notifications.bell'], exact: true });

describe('notifications: the bell, her inbox and her SMS choices', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a caring mother whose class was moved sees the bell count, reads it in Chinese, opens its page, marks all read, and chooses her SMS', async () => {
    const her = await learnerWithMovedClass('赵');
    const { context, page, problems } = await signedIn(browser, her);

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
    const prefs = await apiCall<{ smsKinds: string[]; smsOptedOutAt: string | null }>('GET', '/api/me/notification-preferences', await tokenOf(her));
    expect(prefs.smsKinds).toContain('certificate.expiring');
    expect(prefs.smsOptedOutAt).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript: the bell, the list, opening one, and marking all read are plain links and forms', async () => {
    const her = await learnerWithMovedClass('钱');
    const { context, page, problems } = await signedIn(browser, her, { javaScriptEnabled: false });

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
