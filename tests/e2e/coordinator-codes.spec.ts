import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO, DEMO_PASSWORD, fill, fitsPhone, launchBrowser, phoneContext, signIn, watchConsole } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';

const stamp = String(Date.now()).slice(-8);
/** Names no other suite uses. */
const NAMES = [`陈秀${stamp.slice(-3)}`, `黄桂${stamp.slice(-3)}`, `刘兰${stamp.slice(-3)}`];
const PHONES = ['135', '136', '137'].map((p) => `${p}${stamp}`);
/** Where the screenshots of the printed sheet go, to be looked at. */
const SHOTS = process.env.HEARTH_SHOTS_DIR ?? '/tmp';

describe('coordinator: import, activation-code sheet, qualification review', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('imports a CSV, downloads the failed rows, prints one activation-code sheet, and a code on it registers the learner', async () => {
    const context = await phoneContext(browser, {});
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.coordinator);
    await page.locator('a[href="/manage/import"]').first().click();
    await page.waitForURL(/\/manage\/import$/);
    await page.getByRole('heading', { name: zh['import.heading'] }).waitFor();

    const csv = ['姓名,手机号,类型,备注', ...NAMES.map((n, i) => `${n},${PHONES[i]},进城务工妇女,第${i + 1}位`), `号码错${stamp.slice(-3)},12345,务工,"=HYPERLINK(""x"")"`].join('\n');
    await page.getByLabel(zh['import.file']).setInputFiles({ name: 'learners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: zh['import.submit'] }).click();
    await page.getByRole('heading', { name: zh['import.result.heading'] }).waitFor();
    await page.getByText(fill(zh['import.result.imported'], { n: 3 })).waitFor();

    // The failed row is listed with its name, and can be downloaded to fix and import again.
    const table = page.getByRole('table', { name: zh['import.rejected.caption'] });
    await table.getByRole('columnheader', { name: zh['import.rejected.name'] }).waitFor();
    await table.getByRole('cell', { name: `号码错${stamp.slice(-3)}` }).waitFor();
    await fitsPhone(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: zh['import.rejected.download'] }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines).toEqual([`姓名,手机号,类型,备注,${zh['import.rejected.errorColumn']}`, `号码错${stamp.slice(-3)},12345,务工,"'=HYPERLINK(""x"")",${zh['import.reject.INVALID_PHONE']}`]);

    // One button: codes for every new learner of this import, on one sheet.
    await page.getByRole('button', { name: zh['import.codes.submit'] }).click();
    await page.waitForURL(/\/manage\/claim-codes$/);
    await page.getByRole('heading', { name: zh['codes.heading'], level: 1 }).waitFor();
    await page.getByText(fill(zh['codes.count'], { n: 3 })).waitFor();
    const cards = page.locator('li.code-card');
    expect(await cards.count()).toBe(3);
    const codes: Record<string, string> = {};
    for (const [i, name] of NAMES.entries()) {
      const card = cards.filter({ hasText: name });
      await card.getByText(`${PHONES[i].slice(0, 3)}****${PHONES[i].slice(-4)}`).waitFor();
      await card.getByText(zh['codes.card.step3']).waitFor();
      codes[name] = ((await card.locator('.code-value').textContent()) ?? '').replace(/\s/g, '');
      expect(codes[name]).toMatch(/^\d{8}$/);
    }
    expect(page.url()).not.toContain(codes[NAMES[0]]);
    await fitsPhone(page);
    await page.screenshot({ path: `${SHOTS}/coordinator-codes-360.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/coordinator-codes-a4.pdf`, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.getByRole('link', { name: zh['codes.back'] }).isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/coordinator-codes-print.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();

    // One of those codes registers its learner (the registration path itself belongs to the auth pages).
    const reg = await apiCall<{ user: { id: string } }>('POST', '/api/auth/register', null, { phone: PHONES[1], password: `Mine-${stamp}`, name: NAMES[1], learnerType: 'migrant_worker', claimCode: codes[NAMES[1]] });
    expect(reg.user.id).toBeTruthy();
    await expect(apiLogin(PHONES[1], `Mine-${stamp}`)).resolves.toMatchObject({ user: { id: reg.user.id } });
  });

  it('she ticks an unactivated learner on the accounts page and prints a sheet for just her', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.coordinator);
    await page.locator('a[href="/manage/people"]').first().click();
    await page.waitForURL(/\/manage\/people$/);
    await page.getByLabel(zh['people.filter.q'], { exact: true }).fill(NAMES[2]);
    await page.getByRole('button', { name: zh['people.filter.submit'] }).click();
    await page.waitForURL(/q=/);
    const card = page.getByRole('listitem').filter({ hasText: NAMES[2] });
    await card.getByLabel(zh['codes.select.label']).check();
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['codes.select.submit'] }).click();
    await page.waitForURL(/\/manage\/claim-codes$/);
    await page.getByText(fill(zh['codes.count'], { n: 1 })).waitFor();
    await page.locator('li.code-card').filter({ hasText: NAMES[2] }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a coordinator verifies one qualification with its course and sends another back; the learner reads the reason', async () => {
    const coord = await apiLogin(DEMO.coordinator);
    const learnerPhone = `138${stamp}`;
    const learnerName = `郑芳${stamp.slice(-3)}`;
    await apiCall('POST', '/api/users', coord.accessToken, { phone: learnerPhone, name: learnerName, role: 'learner', learnerType: 'migrant_worker', orgId: coord.user.orgId, password: DEMO_PASSWORD });
    const learner = await apiLogin(learnerPhone);
    const record = (certificateNumber: string, occupation: string) =>
      apiCall('POST', `/api/learners/${learner.user.id}/external-credentials`, learner.accessToken, { certificateNumber, occupation, issuingBody: '福州市人力资源和社会保障局', issuedOn: '2024-04-01' });
    await record(`HZ${stamp}01`, '家政服务员');
    await record(`YY${stamp}02`, '育婴员');

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.coordinator);
    await page.locator('a[href="/manage/qualifications"]').first().click();
    await page.waitForURL(/\/manage\/qualifications$/);
    await page.getByRole('heading', { name: zh['qual.heading'], level: 1 }).waitFor();
    await fitsPhone(page);

    const card = (occupation: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${learnerName} · ${occupation}` }) });
    await page.screenshot({ path: `${SHOTS}/coordinator-qualifications-360.png`, fullPage: true });
    const house = card('家政服务员');
    // The number is masked in the list.
    const number = `HZ${stamp}01`;
    await house.getByText(`${number.slice(0, 3)}${'*'.repeat(number.length - 6)}${number.slice(-3)}`).waitFor();
    const course = house.getByLabel(zh['qual.course']);
    const vocHouse = await course.locator('option', { hasText: 'VOC-HOUSE' }).getAttribute('value');
    await course.selectOption(vocHouse!);
    await house.getByRole('button', { name: zh['qual.verify'] }).click();
    await page.getByText(fill(zh['qual.verified'], { name: learnerName, occupation: '家政服务员' })).waitFor();

    const baby = card('育婴员');
    await baby.getByText(zh['qual.rejectOpen']).click();
    // A reason is required.
    await baby.getByRole('button', { name: zh['qual.reject'] }).click();
    await page.getByRole('alert').getByText(zh['qual.error.reason']).waitFor();
    const again = card('育婴员');
    await again.getByLabel(zh['qual.reason']).fill('全国查询网站查不到这个编号');
    await again.getByRole('button', { name: zh['qual.reject'] }).click();
    await page.getByText(fill(zh['qual.rejected'], { name: learnerName, occupation: '育婴员' })).waitFor();
    expect(await page.getByRole('heading', { name: new RegExp(learnerName) }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // She sees both decisions on her certificates page.
    const mine = await phoneContext(browser);
    const herPage = await mine.newPage();
    await signIn(herPage, learnerPhone);
    await herPage.locator('a[href="/my/certificates"]').first().click();
    await herPage.waitForURL(/\/my\/certificates$/);
    const item = (occupation: string) => herPage.getByRole('listitem').filter({ has: herPage.getByRole('heading', { name: occupation }) });
    await item('家政服务员').getByText(zh['certificates.external.status.verified']).waitFor();
    await item('育婴员').getByText(zh['certificates.external.status.rejected']).waitFor();
    await item('育婴员').getByText(fill(zh['certificates.external.rejectedReason'], { reason: '全国查询网站查不到这个编号' })).waitFor();

    // She records another one herself: the API's rules answer on the fields first, in Chinese.
    const submit = herPage.getByRole('button', { name: zh['certificates.external.submit'] });
    await herPage.getByLabel(zh['certificates.external.number']).fill('号');
    await herPage.getByLabel(zh['certificates.external.issuedOn']).fill('2024-05-01');
    await submit.click();
    await herPage.getByText(zh['certificates.external.error.number']).first().waitFor();
    await herPage.getByText(zh['certificates.external.error.occupation']).first().waitFor();
    await herPage.getByLabel(zh['certificates.external.number']).fill('S000012345');
    await herPage.getByLabel(zh['certificates.external.occupation']).fill('养老护理员');
    await herPage.getByLabel(zh['certificates.external.issuingBody']).fill('福州市人力资源和社会保障局');
    await submit.click();
    await herPage.getByText(fill(zh['certificates.external.recorded'], { number: 'S000012345' })).waitFor();
    await fitsPhone(herPage);
    await mine.close();

    // The verified one counts as a VOC-HOUSE certificate for her.
    const jobs = await apiCall<{ items: { requiredCourses: { code: string }[]; qualifies: boolean }[] }>('GET', '/api/jobs?open=true&limit=100', learner.accessToken);
    const houseOnly = jobs.items.filter((j) => j.requiredCourses.length > 0 && j.requiredCourses.every((c) => c.code === 'VOC-HOUSE'));
    for (const j of houseOnly) expect(j.qualifies).toBe(true);
  });
});
