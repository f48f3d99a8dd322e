import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';
import { newWorld, signedIn, uniqueTag, type World } from '../support/fixtures.js';

const stamp = uniqueTag();

const lesson = (page: Page, n: number) => page.getByRole('group', { name: fill(zh['courses.admin.lesson.legend'], { n }), exact: true });

async function fillLesson(page: Page, n: number, values: { title: string; hours: string; body: string }) {
  const group = lesson(page, n);
  await group.getByLabel(zh['courses.admin.lesson.title'], { exact: true }).fill(values.title);
  await group.getByLabel(zh['courses.admin.lesson.hours'], { exact: true }).fill(values.hours);
  await group.getByLabel(zh['courses.admin.lesson.body'], { exact: true }).fill(values.body);
}

describe('course authoring through the real Chinese pages', () => {
  let browser: Browser;
  const course = { code: `E2E-CARE-${stamp}`, title: `留守儿童心理陪伴（${stamp}）` };
  let editUrl = '';
  /** A county of its own whose admin authors the course; the tests follow that one course through. */
  let world: World;

  beforeAll(async () => {
    browser = await launchBrowser();
    world = await newWorld({ place: '晋安' });
  });
  afterAll(() => browser.close());

  it('an admin writes a draft with two lessons: listed as a draft, absent from the public catalogue', async () => {
    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.getByRole('link', { name: zh['common.nav.courseAdmin'] }).first().click();
    await page.getByRole('heading', { level: 1, name: zh['courses.admin.list.heading'] }).waitFor();
    await page.getByRole('link', { name: zh['courses.admin.list.new'] }).click();
    await page.waitForURL(/\/admin\/courses\/new$/);

    await page.getByLabel(zh['courses.admin.field.code'], { exact: true }).fill(course.code);
    await page.getByLabel(zh['courses.admin.field.title'], { exact: true }).fill(course.title);
    await page.getByLabel(zh['courses.admin.field.category'], { exact: true }).selectOption({ label: zh['courses.category.care'] });
    await page.getByLabel(zh['courses.admin.field.description'], { exact: true }).fill('陪伴留守儿童时怎样倾听、怎样回应。');
    await page.getByLabel(zh['courses.admin.field.requiredHours'], { exact: true }).fill('4');
    await page.getByLabel(zh['courses.admin.field.validityMonths'], { exact: true }).fill('24');
    await page.getByRole('checkbox', { name: zh['courses.admin.field.requiredForVolunteers'] }).check();
    await fillLesson(page, 1, { title: '倾听孩子', hours: '2', body: '## 先听后说\n\n**不要急着讲道理**，先让孩子说完。' });
    await page.getByRole('button', { name: zh['courses.admin.lessons.add'] }).click();
    await page.getByText(fill(zh['courses.admin.done.added'], { n: 2 }), { exact: false }).waitFor();
    // The first lesson is kept as typed while the second is added.
    expect(await lesson(page, 1).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).inputValue()).toBe('倾听孩子');
    await fillLesson(page, 2, { title: '情绪与安全', hours: '2', body: '- 认识情绪\n- 遇到危险找谁' });
    expect(await page.getByRole('radio', { name: zh['courses.admin.publish.draft'] }).isChecked()).toBe(true);
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['courses.admin.save'] }).click();

    await page.waitForURL(/\/admin\/courses\/[0-9a-f-]{36}\?created=1$/);
    editUrl = page.url().replace(/\?.*$/, '');
    await page.getByText(zh['courses.admin.created.draft']).waitFor();
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    expect(await lesson(page, 2).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).inputValue()).toBe('情绪与安全');
    // The preview renders the Markdown the way the course page will.
    await lesson(page, 1).getByText(zh['courses.admin.lesson.preview']).click();
    await lesson(page, 1).locator('.prose strong', { hasText: '不要急着讲道理' }).waitFor();

    await page.goto(`${WEB()}/admin/courses?category=care`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: course.title }) });
    await card.getByText(zh['courses.admin.status.draft'], { exact: true }).waitFor();
    await card.getByText(zh['courses.detail.requiredForVolunteers'], { exact: true }).waitFor();
    await card.getByText(fill(zh['courses.admin.list.lessons'], { n: 2 }), { exact: true }).waitFor();
    await card.getByText(fill(zh['courses.admin.list.classes'], { n: 0 }), { exact: true }).waitFor();
    await fitsPhone(page);

    await page.goto(`${WEB()}/courses`);
    await page.getByRole('heading', { level: 1, name: zh['courses.heading'] }).waitFor();
    expect(await page.getByRole('link', { name: course.title }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const guest = await phoneContext(browser);
    const guestPage = await guest.newPage();
    expect((await guestPage.goto(`${WEB()}/courses/${course.code}`))?.status()).toBe(404);
    await guest.close();
  });

  it('once published it is in the catalogue, and its lesson text renders on the course page', async () => {
    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.goto(editUrl);
    // Published without the volunteer requirement: in this shared demo product every caring mother
    // would otherwise owe the new course, and other suites check her readiness.
    await page.getByRole('checkbox', { name: zh['courses.admin.field.requiredForVolunteers'] }).uncheck();
    await page.getByRole('radio', { name: zh['courses.admin.publish.published'] }).check();
    await page.getByRole('button', { name: zh['courses.admin.save'] }).click();
    await page.waitForURL(/\?saved=1$/);
    await page.getByText(zh['courses.admin.saved.published']).waitFor();
    await page.getByText(zh['courses.admin.status.published'], { exact: true }).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const guest = await phoneContext(browser);
    const guestPage = await guest.newPage();
    const guestProblems = watchConsole(guestPage);
    await guestPage.goto(`${WEB()}/courses?category=care`);
    await guestPage.getByRole('link', { name: course.title }).click();
    await guestPage.waitForURL(new RegExp(`/courses/${course.code}$`));
    await guestPage.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await guestPage.getByText(fill(zh['courses.detail.lessonTitle'], { n: 1, title: '倾听孩子' })).click();
    await guestPage.locator('.prose strong', { hasText: '不要急着讲道理' }).waitFor();
    await guestPage.getByText(fill(zh['courses.detail.lessonTitle'], { n: 2, title: '情绪与安全' })).click();
    await guestPage.locator('.prose li', { hasText: '遇到危险找谁' }).waitFor();
    await fitsPhone(guestPage);
    expect(guestProblems).toEqual([]);
    await guest.close();
  });

  it('a wrong value comes back in Chinese on its field, with everything typed kept', async () => {
    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.goto(editUrl);
    const attendance = page.getByLabel(zh['courses.admin.field.minAttendancePct'], { exact: true });
    await attendance.fill('150');
    await page.getByLabel(zh['courses.admin.field.title'], { exact: true }).fill(`${course.title}（修订）`);
    await lesson(page, 2).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).fill('');
    await page.getByRole('button', { name: zh['courses.admin.save'] }).click();

    await page.getByRole('alert').getByText(zh['common.form.errorSummary']).waitFor();
    await page.locator('#field-minAttendancePct-error').getByText(zh['courses.admin.error.minAttendancePct']).waitFor();
    expect(await attendance.getAttribute('aria-invalid')).toBe('true');
    expect(await attendance.getAttribute('aria-describedby')).toContain('field-minAttendancePct-error');
    await lesson(page, 2)
      .getByText(fill(zh['courses.admin.error.lessonTitle'], { n: 2 }))
      .first()
      .waitFor();
    expect(await attendance.inputValue()).toBe('150');
    expect(await page.getByLabel(zh['courses.admin.field.title'], { exact: true }).inputValue()).toBe(`${course.title}（修订）`);
    expect(await lesson(page, 1).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).inputValue()).toBe('倾听孩子');

    // Nothing was saved.
    await page.goto(editUrl);
    expect(await page.getByLabel(zh['courses.admin.field.minAttendancePct'], { exact: true }).inputValue()).toBe('80');
    await page.getByRole('heading', { level: 1, name: course.title, exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a coordinator the way the audit page does', async () => {
    const { context, page } = await signedIn(browser, world.coordinator);
    for (const path of ['/admin/courses', '/admin/courses/new', editUrl.replace(WEB(), '')]) {
      const response = await page.goto(`${WEB()}${path}`);
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { name: zh['common.errorPage.403.title'] }).waitFor();
    }
    await context.close();
  });

  it('works without JavaScript: add, move and remove lessons, then save a draft', async () => {
    const { context, page } = await signedIn(browser, world.admin, { javaScriptEnabled: false });
    await page.getByRole('link', { name: zh['common.nav.courseAdmin'] }).first().click();
    await page.getByRole('link', { name: zh['courses.admin.list.new'] }).click();
    await page.waitForURL(/\/admin\/courses\/new$/);

    const code = `E2E-NOJS-${stamp}`;
    await page.getByLabel(zh['courses.admin.field.code'], { exact: true }).fill(code.toLowerCase());
    await page.getByLabel(zh['courses.admin.field.title'], { exact: true }).fill(`家电安全（${stamp}）`);
    await page.getByLabel(zh['courses.admin.field.category'], { exact: true }).selectOption({ label: zh['courses.category.vocational'] });
    await page.getByLabel(zh['courses.admin.field.requiredHours'], { exact: true }).fill('3');
    await fillLesson(page, 1, { title: '用电常识', hours: '1', body: '先断电，再检修。' });
    await page.getByRole('button', { name: zh['courses.admin.lessons.add'] }).click();
    await page.getByText(fill(zh['courses.admin.done.added'], { n: 2 }), { exact: false }).waitFor();
    expect(await lesson(page, 1).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).inputValue()).toBe('用电常识');
    await fillLesson(page, 2, { title: '燃气安全', hours: '2', body: '闻到异味先开窗。' });
    await page.getByRole('button', { name: zh['courses.admin.lessons.add'] }).click();
    await lesson(page, 3).waitFor();

    await page.getByRole('button', { name: fill(zh['courses.admin.lesson.moveUpLabel'], { n: 2 }) }).click();
    await page.getByText(fill(zh['courses.admin.done.moved'], { n: 1 }), { exact: false }).waitFor();
    expect(await lesson(page, 1).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).inputValue()).toBe('燃气安全');
    expect(await lesson(page, 2).getByLabel(zh['courses.admin.lesson.body'], { exact: true }).inputValue()).toBe('先断电，再检修。');
    await page.getByRole('button', { name: fill(zh['courses.admin.lesson.removeLabel'], { n: 3 }) }).click();
    await page.getByText(fill(zh['courses.admin.done.removed'], { n: 3 }), { exact: false }).waitFor();
    expect(await lesson(page, 3).count()).toBe(0);
    expect(await page.getByLabel(zh['courses.admin.field.code'], { exact: true }).inputValue()).toBe(code);

    // The preview shows the edited text rendered, and stays unfolded after the round trip.
    await lesson(page, 1).getByLabel(zh['courses.admin.lesson.body'], { exact: true }).fill('**先关阀门**，再开窗。<b>不要</b>');
    await lesson(page, 1).getByText(zh['courses.admin.lesson.preview']).click();
    await lesson(page, 1).getByRole('button', { name: zh['courses.admin.lesson.refreshPreview'] }).click();
    await page.getByText(zh['courses.admin.done.preview'], { exact: false }).waitFor();
    await lesson(page, 1).locator('.prose strong', { hasText: '先关阀门' }).waitFor();
    // Raw HTML stays text, as on the course page.
    await lesson(page, 1).locator('.prose').getByText('<b>不要</b>', { exact: false }).waitFor();
    await fitsPhone(page);

    await page.getByRole('button', { name: zh['courses.admin.save'] }).click();
    await page.waitForURL(/\/admin\/courses\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText(zh['courses.admin.created.draft']).waitFor();
    expect(await lesson(page, 1).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).inputValue()).toBe('燃气安全');
    expect(await lesson(page, 2).getByLabel(zh['courses.admin.lesson.title'], { exact: true }).inputValue()).toBe('用电常识');
    await context.close();
  });
});
