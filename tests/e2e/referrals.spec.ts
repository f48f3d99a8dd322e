import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser } from '../support/browser.js';
import { certify, newEmployer, newLearner, newWorld, signedIn, uniquePersonName, type Employer, type Person, type World } from '../support/fixtures.js';

describe('job referrals through the real Chinese pages: consent first, then refer, then hire', () => {
  let browser: Browser;
  /** The tests follow one referral through, in a county of their own: its coordinator, a partner employer and a trainee. */
  let world: World;
  let employer: Employer;
  let EMPLOYER = '';
  let learner: Person;
  let jobTitle = '';
  let referralUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    world = await newWorld({ place: '福州' });
    employer = await newEmployer(world);
    EMPLOYER = employer.name;
    jobTitle = `住家保姆（${world.tag}）`;
    // A fresh migrant worker of the club, holding a valid housekeeping certificate (40 hours).
    learner = await newLearner(world, { name: uniquePersonName('郑'), learnerType: 'migrant_worker' });
    await certify(world, learner, 'VOC-HOUSE');
  });
  afterAll(() => browser.close());

  it('the learner reads the consent page on her phone and agrees', async () => {
    const { context, page, problems } = await signedIn(browser, learner);
    await page.getByRole('link', { name: zh['common.nav.jobs'], exact: true }).first().click();
    await page.waitForURL(/\/jobs$/);
    await page.getByText(zh['referrals.jobs.consentNeeded']).waitFor();
    await page.getByRole('link', { name: zh['referrals.jobs.consentLink'] }).click();
    await page.waitForURL(/\/my\/consent$/);
    await page.getByText(zh['referrals.consent.statusNone']).waitFor();
    // She is told plainly what is shared, and that she can withdraw.
    for (const key of [
      'referrals.consent.field.name',
      'referrals.consent.field.phone',
      'referrals.consent.field.certificates',
      'referrals.consent.field.classHours',
      'referrals.consent.withdrawOpen',
    ] as const) {
      await page.getByText(zh[key], { exact: true }).waitFor();
    }
    expect(await page.getByRole('button', { name: zh['referrals.consent.withdrawButton'] }).count()).toBe(0);
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['referrals.consent.agree'] }).click();
    await page.getByText(zh['referrals.consent.granted']).waitFor();
    await page.getByRole('button', { name: zh['referrals.consent.withdrawButton'] }).waitFor();
    await page.getByRole('cell', { name: zh['referrals.consent.action.grant'], exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the coordinator posts an opening requiring the housekeeping certificate and refers her with a note', async () => {
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.getByRole('link', { name: zh['common.nav.manageJobs'], exact: true }).first().click();
    await page.waitForURL(/\/manage\/jobs$/);
    await page.getByRole('heading', { name: EMPLOYER }).waitFor();
    await page.getByRole('link', { name: zh['referrals.manage.newJob'] }).click();
    await page.waitForURL(/\/manage\/jobs\/new$/);

    await page.getByLabel(zh['referrals.jobForm.employer'], { exact: true }).selectOption({ label: EMPLOYER });
    await page.getByLabel(zh['referrals.jobForm.title']).fill(jobTitle);
    await page.getByLabel(zh['referrals.jobForm.description']).fill('照顾一家三口的日常起居，包住。');
    await page.getByLabel('家政服务员', { exact: true }).check();
    await page.getByLabel(zh['referrals.jobForm.qualifications']).fill('家政服务员，育婴员');
    await page.getByLabel(zh['referrals.jobForm.wageMin']).fill('5000');
    await page.getByLabel(zh['referrals.jobForm.wageMax']).fill('6500');
    await page.getByLabel(zh['referrals.jobForm.positions']).fill('2');
    await page.getByLabel(zh['referrals.jobForm.location']).fill('福州市晋安区');
    await page.getByRole('button', { name: zh['referrals.jobForm.submit'] }).click();

    await page.waitForURL(/\/manage\/jobs\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText(zh['referrals.jobForm.created']).waitFor();
    await page.getByRole('heading', { level: 1, name: jobTitle }).waitFor();
    await page.getByText(fill(zh['referrals.job.wageRange'], { min: 5000, max: 6500 })).waitFor();

    const candidate = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: learner.name }) })
      .filter({ has: page.getByRole('button', { name: zh['referrals.board.refer'] }) });
    await candidate.waitFor();
    await candidate.getByText(fill(zh['referrals.board.classHoursValue'], { n: 40 })).waitFor();
    await candidate.getByLabel(zh['referrals.board.referNote']).fill('做事细心，有三年带孩子经验。');
    await candidate.getByRole('button', { name: zh['referrals.board.refer'] }).click();
    await page.getByText(fill(zh['referrals.board.referred'], { name: learner.name, employer: EMPLOYER })).waitFor();

    // She has left the candidates and waits in the 已推荐 section, with the note kept for the club.
    await candidate.waitFor({ state: 'detached' });
    const referred = page.getByRole('region', { name: fill(zh['referrals.board.section'], { status: zh['referrals.status.referred'], n: 1 }) });
    await referred.getByRole('heading', { name: learner.name }).waitFor();
    await referred.getByText('做事细心，有三年带孩子经验。', { exact: false }).waitFor();
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the employer opens the referral, sees her name and phone, and moves it on to hired', async () => {
    const { context, page, problems } = await signedIn(browser, employer.staff);
    await page.getByRole('link', { name: zh['common.nav.candidates'] }).first().click();
    await page.waitForURL(/\/employer$/);
    await page.getByRole('link', { name: learner.name }).click();
    await page.waitForURL(/\/employer\/referrals\/[0-9a-f-]{36}$/);
    referralUrl = page.url();

    await page.getByRole('heading', { level: 1, name: learner.name }).waitFor();
    await page.locator(`a[href="tel:${learner.phone}"]`).waitFor();
    await page.getByText('家政服务员').first().waitFor();
    // The coordinator's note is for the club and the learner, not the employer.
    expect(await page.getByText('做事细心').count()).toBe(0);
    await fitsPhone(page);

    for (const status of ['contacted', 'interviewing', 'hired'] as const) {
      await page.getByLabel(zh['referrals.move.note']).fill(status === 'hired' ? '下周一上岗。' : '');
      await page.getByRole('button', { name: zh[`referrals.moveTo.${status}`] }).click();
      await page.getByText(fill(zh['referrals.moved'], { status: zh[`referrals.status.${status}`] })).waitFor();
    }
    await page.getByText(zh['referrals.move.final']).waitFor();
    await page.getByText(fill(zh['referrals.history.note'], { note: '下周一上岗。' })).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the learner sees she is hired in 我的推荐', async () => {
    const { context, page, problems } = await signedIn(browser, learner);
    await page.getByRole('link', { name: zh['common.nav.referrals'], exact: true }).first().click();
    await page.waitForURL(/\/my\/referrals$/);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: jobTitle }) });
    await card.getByText(zh['referrals.status.hired'], { exact: true }).waitFor();
    await card.getByText(EMPLOYER).waitFor();
    await card.getByText(fill(zh['referrals.history.moved'], { from: zh['referrals.status.interviewing'], to: zh['referrals.status.hired'] })).waitFor();
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the follow-ups page opens for the coordinator and for the employer, each with the way back to her own work', async () => {
    for (const [person, path, back, backTo] of [
      [world.coordinator, '/manage/followups', zh['referrals.board.back'], '/manage/jobs'],
      [employer.staff, '/employer/followups', zh['referrals.employer.back'], '/employer'],
    ] as const) {
      const { context, page, problems } = await signedIn(browser, person);
      await page.getByRole('link', { name: zh['common.nav.followups'], exact: true }).first().click();
      await page.waitForURL(new RegExp(`${path}$`));
      await page.getByRole('heading', { level: 1, name: zh['referrals.followups.heading'] }).waitFor();
      expect(await page.getByRole('link', { name: back }).getAttribute('href')).toBe(backTo);
      await page.locator('.referrals-followup').or(page.getByText(zh['referrals.followups.empty'])).first().waitFor();
      await fitsPhone(page);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('the employer posts an opening for her own company from her page, with no company to choose', async () => {
    const { context, page, problems } = await signedIn(browser, employer.staff);
    const ownTitle = `仓储打包员（${world.tag}）`;
    await page.getByRole('link', { name: zh['common.nav.candidates'], exact: true }).first().click();
    await page.waitForURL(/\/employer$/);
    await page.getByRole('link', { name: zh['referrals.employer.newJob'] }).click();
    await page.waitForURL(/\/employer\/jobs\/new$/);
    expect(await page.getByLabel(zh['referrals.jobForm.employer'], { exact: true }).count()).toBe(0);
    await page.getByLabel(zh['referrals.jobForm.title']).fill(ownTitle);
    await page.getByLabel('家政服务员', { exact: true }).check();
    await page.getByLabel(zh['referrals.jobForm.positions']).fill('1');
    await page.getByLabel(zh['referrals.jobForm.location']).fill('福州市仓山区');
    await page.getByRole('button', { name: zh['referrals.jobForm.submit'] }).click();
    await page.waitForURL(/\/employer\?created=1$/);
    await page.getByText(zh['referrals.jobForm.created']).waitFor();
    await page.getByText(ownTitle).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("each side's new-opening page refuses the other side's role (403)", async () => {
    for (const [person, path] of [
      [world.coordinator, '/employer/jobs/new'],
      [employer.staff, '/manage/jobs/new'],
    ] as const) {
      const { context, page } = await signedIn(browser, person);
      const response = await page.goto(new URL(path, page.url()).href);
      expect(response?.status()).toBe(403);
      await context.close();
    }
  });

  it("another employer's staff cannot open that referral (404)", async () => {
    expect(referralUrl).not.toBe('');
    const other = await newEmployer(world, { name: `福州好帮手保洁有限公司-${world.tag}`, industry: '保洁' });
    const { context, page } = await signedIn(browser, other.staff);
    const response = await page.goto(referralUrl);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: zh['common.errorPage.404.title'] }).waitFor();
    expect(await page.getByText(learner.name).count()).toBe(0);
    await context.close();
  });
});
