import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, launchBrowser } from '../support/browser.js';
import { chinaDay, newClass, newLearner, newWorld, signedIn, uniquePhone } from '../support/fixtures.js';

describe('courses, enrollment and classes through the real Chinese pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a migrant worker finds the housekeeping course on her phone, enrols, and sees the class in 我的班级', async () => {
    // A housekeeping class at her club's station, starting next week.
    const world = await newWorld({ place: '鼓山' });
    const STATION = world.station.name;
    await newClass(world, { course: 'VOC-HOUSE', days: [7, 9, 14, 16, 21], from: '09:00', to: '17:00' });
    const learner = await newLearner(world, { learnerType: 'migrant_worker' });
    const { context, page, problems } = await signedIn(browser, learner);

    await page.getByRole('link', { name: zh['common.nav.courses'], exact: true }).click();
    await page.waitForURL(/\/courses$/);
    await page.getByRole('link', { name: zh['courses.category.vocational'], exact: true }).click();
    await page.waitForURL(/category=vocational/);
    await page.getByRole('link', { name: '家政服务员' }).click();
    await page.waitForURL(/\/courses\/VOC-HOUSE$/);
    await page.getByRole('heading', { level: 1, name: '家政服务员' }).waitFor();
    // Lessons fold away; opening one shows its Markdown rendered.
    await page.getByText(fill(zh['courses.detail.lessonTitle'], { n: 1, title: '职业规范与沟通' })).click();
    await page.getByText('守时守信').waitFor();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: STATION }) });
    await card.waitFor();
    await card.getByRole('button', { name: zh['classes.enrol.submit'] }).click();
    await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();
    await card.getByText(zh['classes.enrollmentStatus.enrolled']).waitFor();

    await card.getByRole('link', { name: zh['classes.enrol.seeMyClasses'] }).click();
    await page.waitForURL(/\/my\/classes$/);
    const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '家政服务员' }) });
    await mine.waitFor();
    await mine.getByText(STATION).waitFor();
    await mine.getByText(zh['classes.mine.nextSession']).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a coordinator opens a beautician class at a station and imports a CSV of learners into it', async () => {
    const world = await newWorld({ place: '鼓山' });
    const STATION = world.station.name;
    const { context, page, problems } = await signedIn(browser, world.coordinator);

    await page.getByRole('link', { name: zh['common.nav.manageClasses'] }).click();
    await page.waitForURL(/\/manage\/classes$/);
    await page.getByRole('link', { name: zh['classes.list.new'] }).click();
    await page.waitForURL(/\/manage\/classes\/new$/);

    await page.getByLabel(zh['classes.new.course'], { exact: true }).selectOption({ label: '美容师' });
    await page.getByLabel(zh['classes.new.org']).selectOption({ label: fill(zh['orgs.picker.option'], { name: STATION, kind: zh['orgs.kind.station'] }) });
    await page
      .getByLabel(zh['classes.new.instructor'])
      .selectOption({ label: fill(zh['classes.new.instructorOption'], { name: world.instructor.name, org: STATION }) });
    const [first, second, last] = [chinaDay(20), chinaDay(21), chinaDay(27)];
    await page.getByLabel(zh['classes.new.startsOn']).fill(first);
    await page.getByLabel(zh['classes.new.endsOn']).fill(last);
    await page.getByLabel(zh['classes.new.capacity']).fill('10');
    await page.getByLabel(zh['classes.new.location']).fill('茶会社区活动室');
    // Sessions one by one (the schedule helper is class-schedule.spec.ts).
    await page.getByText(zh['classes.schedule.manual']).click();
    const row = (n: number) => page.getByRole('group', { name: fill(zh['classes.new.sessionN'], { n }), exact: true });
    await row(1).getByLabel(zh['classes.new.sessionDate']).fill(first);
    await row(1).getByLabel(zh['classes.new.sessionStart']).fill('09:00');
    await row(1).getByLabel(zh['classes.new.sessionEnd']).fill('11:30');
    await row(2).getByLabel(zh['classes.new.sessionDate']).fill(second);
    await row(2).getByLabel(zh['classes.new.sessionStart']).fill('14:00');
    await row(2).getByLabel(zh['classes.new.sessionEnd']).fill('16:00');
    await page.getByRole('button', { name: zh['classes.new.submit'] }).click();

    await page.waitForURL(/\/manage\/classes\/[0-9a-f-]{36}/);
    const beautyClassUrl = page.url().split('?')[0];
    await page.getByText(zh['classes.manage.created']).waitFor();
    await page.getByRole('heading', { level: 1, name: '美容师' }).waitFor();
    await page.getByText(fill(zh['classes.edit.sessions'], { n: 2 })).waitFor();
    // Entered as China time, shown as China time.
    await page.getByText(/09:00–11:30/).waitFor();
    await page.getByText(/14:00–16:00/).waitFor();

    await page.getByRole('link', { name: zh['classes.manage.importLink'] }).click();
    await page.waitForURL(/\/manage\/import\?classId=/);
    const [goodA, goodB] = [uniquePhone(), uniquePhone()];
    const csv = `姓名,手机号,类型\n王小红,${goodA},进城务工妇女\n号码错了,12345,进城务工妇女\n刘春花,${goodB},爱心妈妈\n`;
    await page.getByLabel(zh['classes.import.file']).setInputFiles({ name: '学员.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: zh['classes.import.submit'] }).click();

    await page.getByText(fill(zh['classes.import.result.imported'], { n: 2 })).waitFor();
    const rejected = page.getByRole('row').filter({ hasText: '12345' });
    await rejected.getByRole('cell', { name: '3', exact: true }).waitFor();
    await rejected.getByText(zh['classes.import.reject.INVALID_PHONE']).waitFor();
    expect(await page.getByRole('row').count()).toBe(2); // the header and the one bad line

    await page.getByRole('link', { name: zh['classes.import.result.toClass'] }).click();
    await page.waitForURL(beautyClassUrl);
    await page.getByText('王小红', { exact: true }).waitFor();
    await page.getByText('刘春花', { exact: true }).waitFor();
    await page.getByText(fill(zh['classes.manage.roster'], { n: 2, capacity: 10 })).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with JavaScript off, a learner enrols in a beautician class and withdraws again after confirming', async () => {
    const world = await newWorld({ place: '鼓山' });
    await newClass(world, { course: 'VOC-BEAUTY', days: [20, 21], location: '茶会社区活动室' });
    const learner = await newLearner(world, { learnerType: 'migrant_worker' });
    const { context, page } = await signedIn(browser, learner, { javaScriptEnabled: false });
    await page.getByRole('link', { name: zh['common.nav.courses'], exact: true }).click();
    await page.waitForURL(/\/courses$/);
    await page.getByRole('link', { name: zh['courses.category.vocational'], exact: true }).click();
    await page.waitForURL(/category=vocational/);
    await page.getByRole('link', { name: '美容师' }).click();
    await page.waitForURL(/\/courses\/VOC-BEAUTY$/);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: world.station.name }) });
    await card.getByRole('button', { name: zh['classes.enrol.submit'] }).click();
    await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();

    await card.getByRole('link', { name: zh['classes.enrol.seeMyClasses'] }).click();
    await page.waitForURL(/\/my\/classes$/);
    const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '美容师' }) });
    await mine.getByText(zh['classes.enrollmentStatus.enrolled']).waitFor();
    await mine.getByText(zh['classes.mine.withdraw']).click();
    await mine.getByText(zh['classes.mine.withdrawConfirm.enrolled']).waitFor();
    await mine.getByRole('button', { name: zh['classes.mine.withdrawYes'] }).click();
    await page.getByText(fill(zh['classes.mine.withdrawn'], { course: '美容师' })).waitFor();
    expect(await page.getByRole('heading', { name: '美容师' }).count()).toBe(0);
    await context.close();
  });
});
