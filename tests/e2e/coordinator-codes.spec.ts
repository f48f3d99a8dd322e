import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser } from '../support/browser.js';
import { newEmployer, newJob, newLearner, newWorld, signedIn, tokenOf, uniquePhone, uniqueTag } from '../support/fixtures.js';
import { apiCall, apiLogin } from '../support/api.js';

const stamp = uniqueTag();
/** Names no other test uses. */
const NAMES = [`陈秀${stamp}`, `黄桂${stamp}`, `刘兰${stamp}`];
const PHONES = [uniquePhone(), uniquePhone(), uniquePhone()];
/** Where the screenshots of the printed sheet go, to be looked at. */
const SHOTS = process.env.HEARTH_SHOTS_DIR ?? '/tmp';

describe('coordinator: import, activation-code sheet, qualification review', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('imports a CSV, downloads the failed rows, prints one activation-code sheet, and a code on it registers the learner', async () => {
    const world = await newWorld({ place: '福州' });
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.locator('a[href="/manage/import"]').first().click();
    await page.waitForURL(/\/manage\/import$/);
    await page.getByRole('heading', { name: zh['classes.import.heading'] }).waitFor();

    const csv = [
      '姓名,手机号,类型,备注',
      ...NAMES.map((n, i) => `${n},${PHONES[i]},进城务工妇女,第${i + 1}位`),
      `号码错${stamp},12345,务工,"=HYPERLINK(""x"")"`,
    ].join('\n');
    await page.getByLabel(zh['classes.import.file']).setInputFiles({ name: 'learners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: zh['classes.import.submit'] }).click();
    await page.getByRole('heading', { name: zh['classes.import.result.heading'] }).waitFor();
    await page.getByText(fill(zh['classes.import.result.imported'], { n: 3 })).waitFor();

    // The failed row is listed with its name, and can be downloaded to fix and import again.
    const table = page.getByRole('table', { name: zh['classes.import.rejected.caption'] });
    await table.getByRole('columnheader', { name: zh['classes.import.rejected.name'] }).waitFor();
    await table.getByRole('cell', { name: `号码错${stamp}` }).waitFor();
    await fitsPhone(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: zh['classes.import.rejected.download'] }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toEqual([
      `姓名,手机号,类型,备注,${zh['classes.import.rejected.errorColumn']}`,
      `号码错${stamp},12345,务工,"'=HYPERLINK(""x"")",${zh['classes.import.reject.INVALID_PHONE']}`,
    ]);

    // One button: codes for every new learner of this import, on one sheet.
    await page.getByRole('button', { name: zh['classes.import.codes.submit'] }).click();
    await page.waitForURL(/\/manage\/claim-codes$/);
    await page.getByRole('heading', { name: zh['people.codes.heading'], level: 1 }).waitFor();
    await page.getByText(fill(zh['people.codes.count'], { n: 3 })).waitFor();
    const cards = page.locator('li.code-card');
    expect(await cards.count()).toBe(3);
    const codes: Record<string, string> = {};
    for (const [i, name] of NAMES.entries()) {
      const card = cards.filter({ hasText: name });
      await card.getByText(`${PHONES[i].slice(0, 3)}****${PHONES[i].slice(-4)}`).waitFor();
      await card.getByText(zh['people.codes.card.step3']).waitFor();
      codes[name] = ((await card.locator('.code-value').textContent()) ?? '').replace(/\s/g, '');
      expect(codes[name]).toMatch(/^\d{8}$/);
    }
    expect(page.url()).not.toContain(codes[NAMES[0]]);
    await fitsPhone(page);
    await page.screenshot({ path: `${SHOTS}/coordinator-codes-360.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/coordinator-codes-a4.pdf`, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.getByRole('link', { name: zh['people.codes.back'] }).isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/coordinator-codes-print.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();

    // One of those codes registers its learner (the registration path itself belongs to the auth pages).
    const reg = await apiCall<{ user: { id: string } }>('POST', '/api/auth/register', null, {
      phone: PHONES[1],
      password: `Mine-${stamp}`,
      name: NAMES[1],
      learnerType: 'migrant_worker',
      claimCode: codes[NAMES[1]],
    });
    expect(reg.user.id).toBeTruthy();
    await expect(apiLogin(PHONES[1], `Mine-${stamp}`)).resolves.toMatchObject({ user: { id: reg.user.id } });
  });

  it('she ticks an unactivated learner on the accounts page and prints a sheet for just her', async () => {
    // A learner the club imported: her account is not activated yet.
    const world = await newWorld({ place: '福州' });
    const name = `刘兰${uniqueTag()}`;
    await apiCall('POST', '/api/imports/learners', await tokenOf(world.coordinator), {
      csv: `name,phone,learnerType\n${name},${uniquePhone()},migrant_worker`,
    });
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.locator('a[href="/manage/people"]').first().click();
    await page.waitForURL(/\/manage\/people$/);
    await page.getByLabel(zh['people.filter.q'], { exact: true }).fill(name);
    await page.getByRole('button', { name: zh['people.filter.submit'] }).click();
    await page.waitForURL(/q=/);
    const card = page.getByRole('listitem').filter({ hasText: name });
    await card.getByLabel(zh['people.codes.select.label']).check();
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['people.codes.select.submit'] }).click();
    await page.waitForURL(/\/manage\/claim-codes$/);
    await page.getByText(fill(zh['people.codes.count'], { n: 1 })).waitFor();
    await page.locator('li.code-card').filter({ hasText: name }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a coordinator verifies one qualification with its course and sends another back; the learner reads the reason', async () => {
    // A migrant worker of a club of its own, and an opening there that asks for the housekeeping certificate.
    const world = await newWorld({ place: '福州' });
    const job = await newJob(world, await newEmployer(world));
    const her = await newLearner(world, { name: `郑芳${uniqueTag()}`, learnerType: 'migrant_worker' });
    const learnerName = her.name;
    const learner = await apiLogin(her.phone);
    const record = (certificateNumber: string, occupation: string) =>
      apiCall('POST', `/api/learners/${learner.user.id}/external-credentials`, learner.accessToken, {
        certificateNumber,
        occupation,
        issuingBody: '福州市人力资源和社会保障局',
        issuedOn: '2024-04-01',
      });
    await record(`HZ${stamp}01`, '家政服务员');
    await record(`YY${stamp}02`, '育婴员');

    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.locator('a[href="/manage/qualifications"]').first().click();
    await page.waitForURL(/\/manage\/qualifications$/);
    await page.getByRole('heading', { name: zh['certificates.qualifications.heading'], level: 1 }).waitFor();
    await fitsPhone(page);

    const card = (occupation: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${learnerName} · ${occupation}` }) });
    await page.screenshot({ path: `${SHOTS}/coordinator-qualifications-360.png`, fullPage: true });
    const house = card('家政服务员');
    // The number is masked in the list.
    const number = `HZ${stamp}01`;
    await house.getByText(`${number.slice(0, 3)}${'*'.repeat(number.length - 6)}${number.slice(-3)}`).waitFor();
    const course = house.getByLabel(zh['certificates.qualifications.course']);
    const vocHouse = await course.locator('option', { hasText: 'VOC-HOUSE' }).getAttribute('value');
    await course.selectOption(vocHouse!);
    await house.getByRole('button', { name: zh['certificates.qualifications.verify'] }).click();
    await page.getByText(fill(zh['certificates.qualifications.verified'], { name: learnerName, occupation: '家政服务员' })).waitFor();

    const baby = card('育婴员');
    await baby.getByText(zh['certificates.qualifications.rejectOpen']).click();
    // A reason is required.
    await baby.getByRole('button', { name: zh['certificates.qualifications.reject'] }).click();
    await page.getByRole('alert').getByText(zh['certificates.qualifications.error.reason']).waitFor();
    const again = card('育婴员');
    await again.getByLabel(zh['certificates.qualifications.reason']).fill('全国查询网站查不到这个编号');
    await again.getByRole('button', { name: zh['certificates.qualifications.reject'] }).click();
    await page.getByText(fill(zh['certificates.qualifications.rejected'], { name: learnerName, occupation: '育婴员' })).waitFor();
    expect(await page.getByRole('heading', { name: new RegExp(learnerName) }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // She sees both decisions on her certificates page.
    const { context: mine, page: herPage } = await signedIn(browser, her);
    await herPage.locator('a[href="/my/certificates"]').first().click();
    await herPage.waitForURL(/\/my\/certificates$/);
    const item = (occupation: string) => herPage.getByRole('listitem').filter({ has: herPage.getByRole('heading', { name: occupation }) });
    await item('家政服务员').getByText(zh['certificates.external.status.verified']).waitFor();
    await item('育婴员').getByText(zh['certificates.external.status.rejected']).waitFor();
    await item('育婴员')
      .getByText(fill(zh['certificates.external.rejectedReason'], { reason: '全国查询网站查不到这个编号' }))
      .waitFor();

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
    const jobs = await apiCall<{ items: { id: string; requiredCourses: { code: string }[]; qualifies: boolean }[] }>(
      'GET',
      '/api/jobs?open=true&limit=100',
      learner.accessToken,
    );
    expect(jobs.items.find((j) => j.id === job.id)).toMatchObject({ requiredCourses: [{ code: 'VOC-HOUSE' }], qualifies: true });
  });
});
