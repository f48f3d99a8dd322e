import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO, fill, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';

const STATION = '鼓山镇茶会社区服务点';
/** A calendar date in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const uniquePhone = (prefix: string) => `${prefix}${String(Date.now()).slice(-8)}`;

describe('courses, enrollment and classes through the real Chinese pages', () => {
  let browser: Browser;
  /** The class the coordinator creates, for the later test. */
  let beautyClassUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a migrant worker finds the housekeeping course on her phone, enrols, and sees the class in 我的班级', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.learner);

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

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: STATION }) }).first();
    await card.waitFor();
    const enrol = card.getByRole('button', { name: zh['classes.enrol.submit'] });
    // Another suite sharing the demo data may have enrolled her already; then the card says so instead.
    if (await enrol.count()) {
      await enrol.click();
      await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();
    }
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
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.coordinator);

    await page.getByRole('link', { name: zh['common.nav.manageClasses'] }).click();
    await page.waitForURL(/\/manage\/classes$/);
    await page.getByRole('link', { name: zh['classes.list.new'] }).click();
    await page.waitForURL(/\/manage\/classes\/new$/);

    await page.getByLabel(zh['classes.new.course'], { exact: true }).selectOption({ label: '美容师' });
    await page.getByLabel(zh['classes.new.org']).selectOption({ label: fill(zh['orgs.picker.option'], { name: STATION, kind: zh['orgs.kind.station'] }) });
    await page.getByLabel(zh['classes.new.instructor']).selectOption({ label: fill(zh['classes.new.instructorOption'], { name: '林芳', org: STATION }) });
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
    beautyClassUrl = page.url().split('?')[0];
    await page.getByText(zh['classes.manage.created']).waitFor();
    await page.getByRole('heading', { level: 1, name: '美容师' }).waitFor();
    await page.getByText(fill(zh['classes.edit.sessions'], { n: 2 })).waitFor();
    // Entered as China time, shown as China time.
    await page.getByText(/09:00–11:30/).waitFor();
    await page.getByText(/14:00–16:00/).waitFor();

    await page.getByRole('link', { name: zh['classes.manage.importLink'] }).click();
    await page.waitForURL(/\/manage\/import\?classId=/);
    const [goodA, goodB] = [uniquePhone('136'), uniquePhone('135')];
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

  it('with JavaScript off, a learner enrols in that class and withdraws again after confirming', async () => {
    expect(beautyClassUrl).not.toBe('');
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, DEMO.learner);
    await page.goto(`${WEB()}/courses/VOC-BEAUTY`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: STATION }) }).first();
    await card.getByRole('button', { name: zh['classes.enrol.submit'] }).click();
    await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();

    await page.goto(`${WEB()}/my/classes`);
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
