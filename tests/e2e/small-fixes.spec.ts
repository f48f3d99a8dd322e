import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { en } from '../../apps/web/app/i18n/en.js';
import { fill, fitsPhone, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';
import {
  consentToReferrals,
  newEmployer,
  newJob,
  newLearner,
  newWorld,
  refer,
  referredCandidate,
  signedIn,
  uniquePersonName,
  type Employer,
  type Person,
  type World,
} from '../support/fixtures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every audit action the API writes, found in its source as `action: '…'` (plus job.open/closed, written as job.${status}). */
function auditActionsInApi(): string[] {
  const found = new Set<string>(['job.open', 'job.closed']);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
        // An audit entry's `action: 'x.y',` (not a parameter typed as a union of access-policy actions, `action: 'x.read' | …`).
        for (const m of readFileSync(path, 'utf8').matchAll(/action: ['`]([a-z_]+\.[a-z_]+)['`](?!\s*[|=])/g)) found.add(m[1]);
      }
    }
  };
  walk(join(root, 'apps/api/src'));
  return [...found].sort();
}

/** Where a button sits, relative to the heading of the section it is in (a notice above the section moves both alike). */
async function placeOf(button: Locator, heading: Locator) {
  const [b, h] = [await button.boundingBox(), await heading.boundingBox()];
  return { x: Math.round(b!.x), y: Math.round(b!.y - h!.y), width: Math.round(b!.width) };
}

/** The move buttons of an employer's referral page in the order a reader meets them, and where the two ending moves sit. */
async function moveButtons(page: Page) {
  const section = page.getByRole('region', { name: zh['referrals.move.legend'] });
  const heading = section.getByRole('heading', { name: zh['referrals.move.legend'] });
  const names = await section.getByRole('button').allInnerTexts();
  const ending = section.getByRole('group', { name: zh['referrals.move.ending'] });
  return {
    names: names.map((n) => n.trim()),
    endingNames: (await ending.getByRole('button').allInnerTexts()).map((n) => n.trim()),
    forward: await placeOf(section.getByRole('button').first(), heading),
    notHired: await placeOf(section.getByRole('button', { name: zh['referrals.moveTo.not_hired'] }), heading),
    withdraw: await placeOf(section.getByRole('button', { name: zh['referrals.moveTo.withdrawn'] }), heading),
  };
}

describe('small fixes: stable move buttons, confirmed endings, login hint, her data in words, audit in words, tel links', () => {
  let browser: Browser;
  /** A county of its own: a partner employer's opening, and three migrant workers each referred to it (one per test below). */
  let world: World;
  let employer: Employer;
  const learners: Person[] = [];
  let jobTitle = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    world = await newWorld({ place: '福州' });
    employer = await newEmployer(world);
    const job = await newJob(world, employer, { title: `保洁员（${world.tag}）`, requiredCourses: [] });
    jobTitle = job.title;
    for (const surname of ['冯', '韩', '邓']) {
      const learner = await newLearner(world, { name: uniquePersonName(surname), learnerType: 'migrant_worker' });
      await consentToReferrals(learner);
      await refer(world, learner, job);
      learners.push(learner);
    }
    // One referral already moved on, for the audit trail.
    await referredCandidate(world, job, { steps: ['contacted'] });
  });
  afterAll(() => browser.close());

  it('every audit action the API writes has words in both languages', () => {
    const actions = auditActionsInApi();
    expect(actions).toContain('certificate.issue');
    const missing = actions.filter((a) => !(`audit.action.${a}` in zh) || !(`audit.action.${a}` in en));
    expect(missing).toEqual([]);
  });

  it('the login page tells her to ask her coordinator when she forgot her password', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${WEB()}/login`);
    const form = page.locator('form').filter({ has: page.getByLabel(zh['common.field.password']) });
    await form.getByText(zh['account.login.forgotPassword']).waitFor();
    expect(zh['account.login.forgotPassword']).toContain('忘记密码？请联系您所在俱乐部或服务站的协调员重置');
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const [i, javaScriptEnabled] of [
    [0, true],
    [1, false],
  ] as const) {
    it(`the employer's move buttons keep their places from step to step, and an ending asks to confirm (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const learner = learners[i];
      const { context, page, problems } = await signedIn(browser, employer.staff, { javaScriptEnabled });
      await page.getByRole('link', { name: zh['common.nav.candidates'] }).first().click();
      await page.getByRole('link', { name: learner.name }).click();
      await page.getByRole('heading', { level: 1, name: learner.name }).waitFor();
      await page.locator(`a[href="tel:${learner.phone}"]`).waitFor();

      const first = await moveButtons(page);
      expect(first.names).toEqual([zh['referrals.moveTo.contacted'], zh['referrals.moveTo.not_hired'], zh['referrals.moveTo.withdrawn']]);
      expect(first.endingNames).toEqual([zh['referrals.moveTo.not_hired'], zh['referrals.moveTo.withdrawn']]);
      await fitsPhone(page);
      for (const status of ['contacted', 'interviewing'] as const) {
        await page.getByRole('button', { name: zh[`referrals.moveTo.${status}`] }).click();
        await page.getByText(fill(zh['referrals.moved'], { status: zh[`referrals.status.${status}`] })).waitFor();
        const now = await moveButtons(page);
        // Same order, same places: the step forward first, then 未录用 and 撤回推荐, set apart, where they were.
        expect(now.names.slice(1)).toEqual(first.names.slice(1));
        expect(now.endingNames).toEqual(first.endingNames);
        expect(now.forward).toEqual(first.forward);
        expect(now.notHired).toEqual(first.notHired);
        expect(now.withdraw).toEqual(first.withdraw);
      }

      // An ending asks first; 取消 leaves the referral as it was.
      const ending = i === 0 ? 'withdrawn' : 'not_hired';
      await page.getByRole('button', { name: zh[`referrals.moveTo.${ending}`] }).click();
      await page.getByText(zh[`referrals.confirm.question.${ending}`]).waitFor();
      await page.getByRole('link', { name: zh['referrals.confirm.cancel'] }).click();
      await page.getByRole('button', { name: zh['referrals.moveTo.hired'] }).waitFor();
      expect(await page.getByText(zh[`referrals.confirm.question.${ending}`]).count()).toBe(0);
      expect(await page.locator('.badges').innerText()).toContain(zh['referrals.status.interviewing']);

      await page.getByLabel(zh['referrals.move.note']).fill('岗位已招满。');
      await page.getByRole('button', { name: zh[`referrals.moveTo.${ending}`] }).click();
      await page.getByText(zh[`referrals.confirm.question.${ending}`]).waitFor();
      await fitsPhone(page);
      await page.getByRole('button', { name: zh[`referrals.confirm.yes.${ending}`] }).click();
      await page.getByText(fill(zh['referrals.moved'], { status: zh[`referrals.status.${ending}`] })).waitFor();
      await page.getByText(zh['referrals.move.final']).waitFor();
      await page.getByText(fill(zh['referrals.history.note'], { note: '岗位已招满。' })).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("the coordinator's job board also asks before ending a referral (JavaScript off)", async () => {
    const learner = learners[2];
    const { context, page } = await signedIn(browser, world.coordinator, { javaScriptEnabled: false });
    await page.getByRole('link', { name: zh['common.nav.manageJobs'] }).first().click();
    await page.getByRole('link', { name: jobTitle }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: learner.name }) });
    await card.getByText(zh['referrals.move.open']).click();
    await card.getByRole('button', { name: zh['referrals.moveTo.withdrawn'] }).click();
    const asked = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: learner.name }) });
    await asked.getByText(zh['referrals.confirm.question.withdrawn']).waitFor();
    await asked.getByRole('button', { name: zh['referrals.confirm.yes.withdrawn'] }).click();
    await page.getByText(fill(zh['referrals.moved'], { status: zh['referrals.status.withdrawn'] })).waitFor();
    const withdrawn = page.getByRole('region', { name: new RegExp(`^${zh['referrals.status.withdrawn']}（`) });
    await withdrawn.getByRole('heading', { name: learner.name }).waitFor();
    await fitsPhone(page);
    await context.close();
  });

  it('the learner reaches a readable, printable page of her data from 我的资料与数据 (JavaScript on and off)', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const learner = learners[0];
      const { context, page, problems } = await signedIn(browser, learner, { javaScriptEnabled });
      await page.getByRole('link', { name: zh['common.nav.profile'] }).first().click();
      await page.getByRole('link', { name: zh['account.me.readable'] }).click();
      await page.getByRole('heading', { level: 1, name: zh['account.myData.heading'] }).waitFor();
      for (const key of [
        'account.myData.profile',
        'account.myData.enrollments',
        'account.myData.attendance',
        'account.myData.certificates',
        'account.myData.consents',
        'account.myData.referrals',
      ] as const) {
        await page.getByRole('heading', { level: 2, name: zh[key], exact: true }).waitFor();
      }
      const profile = page.getByRole('region', { name: zh['account.myData.profile'], exact: true });
      await profile.getByText(learner.name).waitFor();
      await profile.getByText(learner.phone).waitFor();
      await profile.getByText(`${zh['people.role.learner']} · ${zh['people.learnerType.migrant_worker']}`).waitFor();
      await page.getByRole('region', { name: zh['account.myData.consents'], exact: true }).getByText(zh['account.myData.consent.grant']).waitFor();
      const referrals = page.getByRole('region', { name: zh['account.myData.referrals'], exact: true });
      await referrals.getByText(jobTitle).waitFor();
      // Its status in words (已推荐, or 已撤回 once the employer test above ended it).
      expect(await referrals.getByRole('listitem').innerText()).toMatch(new RegExp(`${zh['referrals.status.referred']}|${zh['referrals.status.withdrawn']}`));
      // Print with JavaScript; without it, the page says how to print from the browser's menu.
      if (javaScriptEnabled) await page.getByRole('button', { name: zh['account.myData.print'] }).waitFor();
      else await page.getByText(zh['account.myData.printNoJs']).waitFor();
      expect(await page.getByRole('button', { name: zh['account.myData.print'] }).count()).toBe(javaScriptEnabled ? 1 : 0);
      expect(await page.getByRole('link', { name: zh['account.me.export'] }).getAttribute('href')).toBe('/me/export.json');
      // No developer's codes on her page.
      expect(await page.locator('main').innerText()).not.toMatch(/migrant_worker|withdrawn|"grant"/);
      await fitsPhone(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('link', { name: zh['account.myData.back'] }).isVisible()).toBe(false);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it("the admin's audit page shows what happened in words, not codes", async () => {
    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.getByRole('link', { name: zh['common.nav.audit'] }).first().click();
    await page.getByRole('heading', { level: 1, name: zh['audit.heading'] }).waitFor();
    const list = page.locator('.audit-list');
    await list.waitFor();
    await list.getByText(zh['audit.action.referral.move'], { exact: true }).first().waitFor();
    const visible = await list.innerText();
    const codes = auditActionsInApi().filter((code) => visible.includes(code));
    expect(codes).toEqual([]);
    const actions = await list.locator('.audit-action').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    // The filter offers words too.
    const options = await page.getByLabel(zh['audit.action']).locator('option').allInnerTexts();
    for (const option of options) expect(option).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the coordinator sees the partner employer with a phone number and never an empty tel: link', async () => {
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.getByRole('link', { name: zh['common.nav.manageJobs'] }).first().click();
    await page.getByRole('heading', { name: employer.name }).waitFor();
    const hrefs = await page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`tel:${employer.contactPhone}`);
    for (const href of hrefs) expect(href).toMatch(/^tel:\+?\d{5,}$/);
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
