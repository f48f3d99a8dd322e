import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser } from '../support/browser.js';
import { chinaDay, newWorld, signedIn, type World } from '../support/fixtures.js';

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

/** The dates the helper should list: these weekdays from `first`, `count` of them. */
function expectedDates(first: string, weekdays: number[], count: number): string[] {
  const out: string[] = [];
  for (let t = new Date(`${first}T00:00:00Z`).getTime(); out.length < count; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (weekdays.includes(weekdayOf(day))) out.push(day);
  }
  return out;
}

/** What a listed date says: "5月10日 周日 09:00–11:00". */
const dateItem = (day: string, start: string, end: string) =>
  fill(zh['classes.schedule.item'], {
    date: fill(zh['classes.schedule.date'], {
      m: Number(day.slice(5, 7)),
      d: Number(day.slice(8, 10)),
      w: zh[`classes.schedule.weekday.${weekdayOf(day)}` as keyof typeof zh],
    }),
    start,
    end,
  });

/** From the home page to the new-class form, by clicking. */
async function openNewClassForm(page: Page) {
  await page.getByRole('link', { name: zh['common.nav.manageClasses'] }).click();
  await page.waitForURL(/\/manage\/classes$/);
  await page.getByRole('link', { name: zh['classes.list.new'] }).click();
  await page.waitForURL(/\/manage\/classes\/new$/);
  await page.getByRole('group', { name: zh['classes.schedule.heading'] }).waitFor();
}

/** Course, station, instructor, capacity, and the helper: Tuesdays and Thursdays, 09:00–11:00, 8 sessions. */
async function fillClass(page: Page, first: string, world: World) {
  const station = world.station.name;
  await page.getByLabel(zh['classes.new.course'], { exact: true }).selectOption({ label: '家政服务员' });
  await page.getByLabel(zh['classes.new.org']).selectOption({ label: fill(zh['orgs.picker.option'], { name: station, kind: zh['orgs.kind.station'] }) });
  await page
    .getByLabel(zh['classes.new.instructor'])
    .selectOption({ label: fill(zh['classes.new.instructorOption'], { name: world.instructor.name, org: station }) });
  await page.getByLabel(zh['classes.new.capacity']).fill('12');
  const helper = page.getByRole('group', { name: zh['classes.schedule.heading'] });
  await helper.getByRole('checkbox', { name: zh['classes.schedule.weekday.2'], exact: true }).check();
  await helper.getByRole('checkbox', { name: zh['classes.schedule.weekday.4'], exact: true }).check();
  await helper.getByLabel(zh['classes.schedule.start'], { exact: true }).fill('09:00');
  await helper.getByLabel(zh['classes.schedule.end'], { exact: true }).fill('11:00');
  await helper.getByLabel(zh['classes.schedule.first'], { exact: true }).fill(first);
  await helper.getByLabel(zh['classes.schedule.count'], { exact: true }).fill('8');
  return helper;
}

describe('running a class: the schedule helper, then moving and cancelling sessions', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a coordinator schedules 8 sessions on two weekdays, drops a holiday, then moves and cancels sessions and opens a history', async () => {
    const world = await newWorld({ place: '鼓山' });
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await openNewClassForm(page);

    const first = chinaDay(21);
    const dates = expectedDates(first, [2, 4], 8);
    const helper = await fillClass(page, first, world);
    // With JavaScript the list follows the fields at once.
    const list = helper.getByRole('group', { name: fill(zh['classes.schedule.list'], { n: 8 }) });
    await list.waitFor();
    expect(await list.getByRole('checkbox').count()).toBe(8);
    await list.getByRole('checkbox', { name: dateItem(dates[0], '09:00', '11:00') }).waitFor();
    // A holiday: the third date is dropped.
    await list.getByRole('checkbox', { name: dateItem(dates[2], '09:00', '11:00') }).uncheck();
    await helper.getByRole('group', { name: fill(zh['classes.schedule.list'], { n: 7 }) }).waitFor();
    await helper.getByText(fill(zh['classes.schedule.total'], { n: 7, hours: 14 })).waitFor();
    // 14 hours against the 40 the course requires: a warning, not a refusal.
    await helper.getByText(fill(zh['classes.schedule.belowHours'], { hours: 14, required: 40 })).waitFor();
    await fitsPhone(page);
    await helper.screenshot({ path: join(tmpdir(), 'hearth-schedule-helper-360.png') });

    await page.getByRole('button', { name: zh['classes.new.submit'] }).click();
    await page.waitForURL(/\/manage\/classes\/[0-9a-f-]{36}\?created=1/);
    await page.getByText(zh['classes.manage.created']).waitFor();
    const schedule = page.getByRole('region', { name: fill(zh['classes.edit.sessions'], { n: 7 }) });
    await schedule.waitFor();
    const rows = schedule.getByRole('listitem');
    expect(await rows.count()).toBe(7);
    await fitsPhone(page);

    // Move the first session to the afternoon and to another room.
    const firstRow = rows.nth(0);
    await firstRow.getByText(zh['classes.edit.move.open'], { exact: true }).click();
    await firstRow.getByLabel(zh['classes.new.sessionStart']).fill('14:00');
    await firstRow.getByLabel(zh['classes.new.sessionEnd']).fill('16:00');
    await firstRow.getByLabel(zh['classes.edit.location']).fill('茶会社区二楼');
    await firstRow.getByRole('button', { name: zh['classes.edit.move.submit'] }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已改为/ })
      .waitFor();
    await rows
      .nth(0)
      .getByText(/14:00–16:00/)
      .waitFor();
    await rows.nth(0).getByText('茶会社区二楼').waitFor();

    // Cancel the second: it stays, struck through, and no longer counts.
    const secondRow = rows.nth(1);
    await secondRow.getByText(zh['classes.edit.cancel.open'], { exact: true }).click();
    await secondRow.getByRole('button', { name: zh['classes.edit.cancel.yes'] }).click();
    await page.getByRole('region', { name: fill(zh['classes.edit.sessions'], { n: 6 }) }).waitFor();
    const cancelled = page
      .getByRole('region', { name: fill(zh['classes.edit.sessions'], { n: 6 }) })
      .getByRole('listitem')
      .nth(1);
    await cancelled.getByText(zh['classes.edit.cancelled']).waitFor();
    expect(await cancelled.locator('.schedule-when').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    expect(await cancelled.getByText(zh['classes.edit.cancel.open'], { exact: true }).count()).toBe(0);
    await page.getByRole('region', { name: fill(zh['classes.edit.sessions'], { n: 6 }) }).screenshot({ path: join(tmpdir(), 'hearth-class-schedule-360.png') });

    // Each session row links its attendance history.
    await page
      .getByRole('region', { name: fill(zh['classes.edit.sessions'], { n: 6 }) })
      .getByRole('listitem')
      .nth(0)
      .getByRole('link', { name: new RegExp(zh['classes.edit.history']) })
      .click();
    await page.waitForURL(/\/teach\/sessions\/[0-9a-f-]{36}\/history$/);
    await page.getByRole('heading', { name: zh['attendance.history.heading'] }).waitFor();
    await page.getByText(zh['attendance.history.empty']).waitFor();
    await fitsPhone(page);
    await page.getByRole('link', { name: zh['classes.edit.backToClass'] }).click();
    await page.waitForURL(/\/manage\/classes\/[0-9a-f-]{36}$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with JavaScript off, "预览日程" lists the dates, and an unticked date is left out of the class', async () => {
    const world = await newWorld({ place: '鼓山' });
    const { context, page } = await signedIn(browser, world.coordinator, { javaScriptEnabled: false });
    await openNewClassForm(page);

    const first = chinaDay(35);
    const dates = expectedDates(first, [2, 4], 8);
    const helper = await fillClass(page, first, world);
    // No list until the server draws it.
    expect(await helper.getByRole('checkbox', { name: dateItem(dates[0], '09:00', '11:00') }).count()).toBe(0);
    await helper.getByRole('button', { name: zh['classes.schedule.preview'] }).click();
    const list = page.getByRole('group', { name: fill(zh['classes.schedule.list'], { n: 8 }) });
    await list.waitFor();
    expect(await list.getByRole('checkbox').count()).toBe(8);
    // What was typed is still there.
    expect(await page.getByLabel(zh['classes.new.capacity']).inputValue()).toBe('12');
    await page.getByText(fill(zh['classes.schedule.belowHours'], { hours: 16, required: 40 })).waitFor();
    await fitsPhone(page);

    await list.getByRole('checkbox', { name: dateItem(dates[7], '09:00', '11:00') }).uncheck();
    await page.getByRole('button', { name: zh['classes.new.submit'] }).click();
    await page.waitForURL(/\/manage\/classes\/[0-9a-f-]{36}\?created=1/);
    await page.getByRole('region', { name: fill(zh['classes.edit.sessions'], { n: 7 }) }).waitFor();
    await context.close();
  });
});
