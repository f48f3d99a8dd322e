import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { apiCall } from '../support/api.js';
import { fill, fitsPhone, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';
import { newClass, newLearner, newWorld, signedIn, tokenOf, uniquePersonName, uniquePhone } from '../support/fixtures.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A 2-hour session `days` from now. */
const session = (days: number) => {
  const start = Math.floor((Date.now() + days * DAY) / HOUR) * HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString() };
};

describe('a new woman registers into her station, and a learner is kept from a class she can no longer finish', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  async function registerThroughPage(javaScriptEnabled: boolean, name: string) {
    // A fresh station, in a province of its own; searched by a part of its name no other org has.
    const world = await newWorld({ place: '桃花湾', above: ['province', 'city'] });
    const stationName = world.station.name;
    const search = `驿站-${world.tag}`;
    const context = await phoneContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${WEB()}/`);
    await page.getByRole('link', { name: zh['home.registerCta'] }).first().click();
    await page.waitForURL(/\/register$/);
    await page.getByLabel(zh['common.field.name']).fill(name);
    await page.getByLabel(zh['common.field.phone']).fill(uniquePhone());
    await page.getByLabel(zh['common.field.password']).fill('my-password-1');
    await page.getByLabel(zh['people.learnerType.volunteer_mother'], { exact: false }).check();
    // Without a club or station she is asked for one.
    await page.getByRole('button', { name: zh['account.register.submit'], exact: true }).click();
    await page.getByRole('alert').getByText(zh['account.joinOrg.required']).waitFor();
    // She searches by part of its name; the match shows where it is.
    await page.getByLabel(zh['account.joinOrg.search.label']).fill(search);
    await page.getByRole('button', { name: zh['account.joinOrg.search.submit'], exact: true }).click();
    await page.getByText(fill(zh['account.joinOrg.results'], { q: search, n: 1 })).waitFor();
    const choice = page.getByRole('radio', { name: stationName });
    await choice.waitFor();
    // Its trail: province › city › county › club.
    await page.getByText([...world.above, world.county, world.club].map((o) => o.name).join(' › ')).waitFor();
    // The only match is chosen for her; the fields she filled are still there (the password is asked again without JavaScript).
    expect(await choice.isChecked()).toBe(true);
    expect(await page.getByLabel(zh['common.field.name']).inputValue()).toBe(name);
    if (!javaScriptEnabled) await page.getByLabel(zh['common.field.password']).fill('my-password-1');
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['account.register.submit'], exact: true }).click();
    await page.waitForURL(/\/app$/);
    await page.getByText(name).first().waitFor();
    await page.getByText(stationName).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }

  it('she finds her station by name, chooses it, and lands signed in, in that station', async () => {
    await registerThroughPage(true, uniquePersonName('林'));
  });

  it('the same with JavaScript off: the search is a button of the same form', async () => {
    await registerThroughPage(false, uniquePersonName('黄'));
  });

  it('on the course page, a class too far along is marked, has no enrol button, and points to the next class, where she enrols', async () => {
    const world = await newWorld({ place: '鼓山' });
    const suffix = world.tag;
    const title = `A迟到测试课程${suffix}`;
    const course = await apiCall<{ id: string; code: string }>('POST', '/api/courses', await tokenOf(world.admin), {
      code: `A0-LATE-${suffix}`,
      title,
      category: 'vocational',
      requiredHours: 6,
      minAttendancePct: 80,
      passMark: 60,
      requiredForVolunteers: false,
    });
    const klass = (startsIn: number, endsIn: number, sessions: ReturnType<typeof session>[]) =>
      newClass(world, { course: course.code, startsIn, endsIn, sessions, capacity: 20, location: '活动室' });
    // Running: 3 of 5 sessions held, so at most 2/5 = 40 % < 80 %.
    const late = await klass(-8, 10, [session(-7), session(-5), session(-2), session(3), session(6)]);
    // The next one, not begun.
    await klass(12, 30, [session(13), session(15), session(17), session(20)]);

    const { context, page, problems } = await signedIn(browser, await newLearner(world, { learnerType: 'migrant_worker' }));
    await page.getByRole('link', { name: zh['common.nav.courses'], exact: true }).click();
    await page.waitForURL(/\/courses$/);
    await page.getByRole('link', { name: zh['courses.category.vocational'], exact: true }).click();
    await page.waitForURL(/category=vocational/);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/courses/A0-LATE-${suffix}$`));

    const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    const lateCard = page.locator(`#class-card-${late.id}`);
    await lateCard.getByText(zh['classes.late.badge']).waitFor();
    await lateCard.getByText(fill(zh['classes.late.why'], { held: 3, pct: 80, hours: 6 })).waitFor();
    expect(await lateCard.getByRole('button').count()).toBe(0);
    expect(await cards.count()).toBe(2);
    await lateCard.getByRole('link', { name: zh['classes.late.nextLink'] }).click();
    await page.waitForURL(/#class-card-/);
    const nextId = new URL(page.url()).hash.slice('#class-card-'.length);
    const nextCard = page.locator(`#class-card-${nextId}`);
    expect(nextId).not.toBe(late.id);
    expect(await nextCard.getByText(zh['classes.late.badge']).count()).toBe(0);
    await nextCard.getByRole('button', { name: zh['classes.enrol.submit'] }).click();
    await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
