import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO, DEMO_PASSWORD, fill, fitsPhone, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';

const EMPLOYER = '福州家家福家政服务有限公司';
const stamp = String(Date.now()).slice(-8);
const uniquePhone = (prefix: string) => `${prefix}${stamp}`;
/** A name no other suite uses, so the candidate list cannot confuse two learners. */
const uniqueName = (surname: string) => surname + [...'秀春桂兰芳燕霞梅丽娟'].sort(() => randomInt(3) - 1).slice(0, 2).join('');

// ---- Certificate codes, as apps/api/src/certificates/certificate-code.ts makes them (tests do not import API code) ----
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function checkChar(body: string): string {
  const n = CODE_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * CODE_ALPHABET.indexOf(body[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return CODE_ALPHABET[(n - (sum % n)) % n];
}
function newCertificateCode(): string {
  let body = '';
  for (let i = 0; i < 10; i++) body += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return body + checkChar(body);
}

// ---- PostgreSQL of the running product (pg ships without types here, hence the small interface) ----
interface PgClient {
  connect(): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
const PG_MODULE = 'pg';
async function withDb<T>(work: (db: PgClient) => Promise<T>): Promise<T> {
  const { default: pg } = (await import(PG_MODULE)) as { default: { Client: new (options: { connectionString: string }) => PgClient } };
  const port = readFileSync(join(process.env.HEARTH_E2E_DATA_DIR!, 'pg.port'), 'utf8').trim();
  const db = new pg.Client({ connectionString: `postgres://postgres:hearth-local@127.0.0.1:${port}/hearth` });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

// ---- The API, for setting up what the pages under test do not do ----

describe('job referrals through the real Chinese pages: consent first, then refer, then hire', () => {
  let browser: Browser;
  const learner = { phone: uniquePhone('135'), name: uniqueName('郑'), id: '' };
  const jobTitle = `住家保姆（${stamp}）`;
  let referralUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    // A fresh migrant worker of 村童妈妈俱乐部, created by its coordinator, holding a valid housekeeping certificate.
    const coordinator = await apiLogin(DEMO.coordinator);
    const created = await apiCall<{ id: string }>('POST', '/api/users', coordinator.accessToken, {
      phone: learner.phone,
      name: learner.name,
      role: 'learner',
      learnerType: 'migrant_worker',
      orgId: coordinator.user.orgId,
      password: DEMO_PASSWORD,
    });
    learner.id = created.id;
    await withDb((db) =>
      db.query(
        `INSERT INTO certificates (code, learner_id, course_id, org_id, issued_at, expires_at, status, hours)
         SELECT $1, $2, c.id, $3, now() - interval '3 days', now() + interval '2 years', 'valid', 40 FROM courses c WHERE c.code = 'VOC-HOUSE'`,
        [newCertificateCode(), learner.id, coordinator.user.orgId],
      ),
    );
  });
  afterAll(() => browser.close());

  it('the learner reads the consent page on her phone and agrees', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, learner.phone);
    await page.goto(`${WEB()}/jobs`);
    await page.getByText(zh['referrals.jobs.consentNeeded']).waitFor();
    await page.getByRole('link', { name: zh['referrals.jobs.consentLink'] }).click();
    await page.waitForURL(/\/my\/consent$/);
    await page.getByText(zh['referrals.consent.statusNone']).waitFor();
    // She is told plainly what is shared, and that she can withdraw.
    for (const key of ['referrals.consent.field.name', 'referrals.consent.field.phone', 'referrals.consent.field.certificates', 'referrals.consent.field.classHours', 'referrals.consent.withdrawOpen'] as const) {
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
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.coordinator);
    await page.goto(`${WEB()}/manage/jobs`);
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
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.employer);
    await page.goto(`${WEB()}/employer`);
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
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, learner.phone);
    await page.goto(`${WEB()}/my/referrals`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: jobTitle }) });
    await card.getByText(zh['referrals.status.hired'], { exact: true }).waitFor();
    await card.getByText(EMPLOYER).waitFor();
    await card.getByText(fill(zh['referrals.history.moved'], { from: zh['referrals.status.interviewing'], to: zh['referrals.status.hired'] })).waitFor();
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the follow-ups page opens for the coordinator and for the employer, each with the way back to her own work', async () => {
    for (const [phone, path, back, backTo] of [
      [DEMO.coordinator, '/manage/followups', zh['referrals.board.back'], '/manage/jobs'],
      [DEMO.employer, '/employer/followups', zh['referrals.employer.back'], '/employer'],
    ] as const) {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      const problems = watchConsole(page);
      await signIn(page, phone);
      await page.goto(`${WEB()}${path}`);
      await page.getByRole('heading', { level: 1, name: zh['referrals.followups.heading'] }).waitFor();
      expect(await page.getByRole('link', { name: back }).getAttribute('href')).toBe(backTo);
      await page.locator('.referrals-followup').or(page.getByText(zh['referrals.followups.empty'])).first().waitFor();
      await fitsPhone(page);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('the employer posts an opening for her own company from her page, with no company to choose', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    const ownTitle = `仓储打包员${stamp}`;
    await signIn(page, DEMO.employer);
    await page.goto(`${WEB()}/employer`);
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
    for (const [phone, path] of [
      [DEMO.coordinator, '/employer/jobs/new'],
      [DEMO.employer, '/manage/jobs/new'],
    ] as const) {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await signIn(page, phone);
      const response = await page.goto(`${WEB()}${path}`);
      expect(response?.status()).toBe(403);
      await context.close();
    }
  });

  it("another employer's staff cannot open that referral (404)", async () => {
    expect(referralUrl).not.toBe('');
    const coordinator = await apiLogin(DEMO.coordinator);
    const other = await apiCall<{ id: string }>('POST', '/api/employers', coordinator.accessToken, {
      name: `福州好帮手保洁有限公司${stamp}`,
      industry: '保洁',
      contactName: '黄经理',
      contactPhone: uniquePhone('136'),
      orgId: coordinator.user.orgId,
    });
    const staffPhone = uniquePhone('137');
    await apiCall('POST', '/api/users', coordinator.accessToken, {
      phone: staffPhone,
      name: '黄志强',
      role: 'employer',
      employerId: other.id,
      orgId: coordinator.user.orgId,
      password: DEMO_PASSWORD,
    });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, staffPhone);
    const response = await page.goto(referralUrl);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: zh['errorPage.404.title'] }).waitFor();
    expect(await page.getByText(learner.name).count()).toBe(0);
    await context.close();
  });
});
