import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, launchBrowser, phoneContext, WEB } from '../support/browser.js';
import { certify, markPresent, newClass, newLearner, newWorld, signedIn, uniquePersonName } from '../support/fixtures.js';
import { connectDb, type PgClient } from '../support/db.js';

const LAW_MPL = '《中华人民共和国未成年人保护法》（2020年修订）';
/** Three characters: the public page shows 李**. Each test has her in its own station, found there by this name. */
const MOTHER_NAME = '李秀珍';
/** A caring mother is ready to pair with these four certificates. */
const OTHER_REQUIRED = ['LAW-PJD', 'CARE-PSY', 'CARE-SAFE'];

/**
 * A certificate code as the API makes them (10 characters + a Luhn mod 31 check character); copied
 * here because tests do not import the API's internals.
 */
function certificateCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const n = alphabet.length;
  let body = '';
  for (let i = 0; i < 10; i++) body += alphabet[Math.floor(Math.random() * n)];
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * alphabet.indexOf(body[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return body + alphabet[(n - (sum % n)) % n];
}

/** A caring mother of a fresh station who earned the LAW-MPL certificate (and, with `ready`, the other three required). */
async function certifiedMother(options: { ready?: boolean } = {}) {
  const world = await newWorld({ place: '金塔' });
  const her = await newLearner(world, { name: MOTHER_NAME });
  if (options.ready) for (const code of OTHER_REQUIRED) await certify(world, her, code);
  const law = await certify(world, her, 'LAW-MPL');
  return { world, ...her, certificate: law.code, classId: law.classId };
}

describe('certificates: a caring mother becomes ready to pair, and anyone can verify her certificate', () => {
  let browser: Browser;
  let db: PgClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectDb();
  });
  afterAll(async () => {
    await db.end();
    await browser.close();
  });

  it('a caring mother who attended her law class takes its quiz on her phone and is then ready to pair', async () => {
    // The coordinator registers her, opens a LAW-MPL class with four 2-hour sessions already held, and marks her present.
    const world = await newWorld({ place: '金塔' });
    const her = await newLearner(world, { name: uniquePersonName('李') });
    const klass = await newClass(world, { course: 'LAW-MPL', days: [-9, -7, -5, -3], endsIn: 5, location: '驿站二楼活动室', learners: [her] });
    await markPresent(
      world,
      klass.sessions.map((s) => s.id),
      [her],
    );
    const mother = { ...her, enrollmentId: klass.enrollments[her.id] };
    const quizId = klass.course.assessments.find((a) => a.kind === 'quiz')!.id;
    // She already holds the other three required certificates (from classes held before).
    for (const code of OTHER_REQUIRED) await certify(world, her, code);

    const { context, page, problems } = await signedIn(browser, mother);

    await page.goto(`${WEB()}/my/readiness`);
    await page.getByRole('status').getByText(zh['certificates.readiness.level.not_ready']).waitFor();
    const law = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: LAW_MPL }) });
    await law.getByText(zh['certificates.readiness.state.missing'], { exact: true }).waitFor();
    await page.getByText(fill(zh['certificates.readiness.count'], { done: 3, total: 4 })).waitFor();

    // Her progress in the class: attendance and hours met, the quiz still to take.
    await page.goto(`${WEB()}/learn/${mother.enrollmentId}`);
    await page.getByRole('heading', { level: 1, name: LAW_MPL }).waitFor();
    await page.getByText(fill(zh['learning.progress.hoursValue'], { actual: 8, required: 8 })).waitFor();
    await page.getByRole('link', { name: zh['learning.progress.takeQuiz'] }).first().click();
    await page.waitForURL(/\/learn\/quiz\/[0-9a-f-]{36}\?enrollment=/);

    // The questions come shuffled, options too: answer each by its text, with the answers from the database.
    const { rows: questions } = await db.query<{ prompt_zh: string; options: { 'zh-CN': string }[]; correct: number[] }>(
      'SELECT prompt_zh, options, correct FROM questions WHERE assessment_id = $1',
      [quizId],
    );
    expect(questions.length).toBeGreaterThan(5);
    for (const q of questions) {
      const group = page.getByRole('group', { name: q.prompt_zh });
      for (const index of q.correct) await group.getByLabel(q.options[index]['zh-CN'], { exact: true }).check();
    }
    await page.getByRole('button', { name: zh['learning.quiz.submit'] }).click();
    await page.getByText(zh['learning.quiz.result.passed']).waitFor();
    await page.getByText(fill(zh['learning.quiz.result.score'], { score: 100 })).waitFor();
    await page.getByText(zh['learning.quiz.result.certificate']).waitFor();
    expect(await page.getByText(zh['learning.quiz.result.right'], { exact: true }).count()).toBe(questions.length);

    await page.getByRole('link', { name: zh['learning.quiz.result.seeCertificate'] }).click();
    await page.waitForURL(/\/my\/certificates\/[2-9A-Z]{11}$/);
    await page.getByRole('img', { name: zh['certificates.show.qrLabel'] }).waitFor();
    expect(await page.locator('.cert-qr svg').count()).toBe(1);

    await page.goto(`${WEB()}/my/readiness`);
    await page.getByRole('status').getByText(zh['certificates.readiness.level.ready']).waitFor();
    await law.getByText(zh['certificates.readiness.state.done'], { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a stranger opens the QR link with JavaScript off: valid, masked name, and no scripts in the page', async () => {
    const mother = await certifiedMother();
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${WEB()}/verify/${mother.certificate}`);
    expect(response?.status()).toBe(200);
    const html = await response!.text();
    expect(html).not.toMatch(/<script(?![^>]*\bnonce=)/i);
    expect(html).not.toMatch(/modulepreload/i);
    expect(html).not.toContain(MOTHER_NAME);
    expect(html).not.toContain(mother.phone);

    const verdict = page.getByRole('status');
    await verdict.getByText(zh['certificates.status.valid'], { exact: true }).waitFor();
    await verdict.getByText(zh['certificates.verify.valid.lead']).waitFor();
    await page.getByText('李**', { exact: true }).waitFor();
    await page.getByText(LAW_MPL).waitFor();
    await page.getByText(mother.world.station.name).waitFor();

    // Typed by hand, lower case with dashes, the code finds the same page.
    await page.getByRole('link', { name: zh['certificates.verify.another'] }).click();
    await page.waitForURL(/\/verify$/);
    const typed = `${mother.certificate.slice(0, 4)}-${mother.certificate.slice(4, 8)}-${mother.certificate.slice(8)}`.toLowerCase();
    await page.getByLabel(zh['certificates.verify.codeLabel']).fill(typed);
    await page.getByRole('button', { name: zh['certificates.verify.submit'], exact: true }).click();
    await page.waitForURL(new RegExp(`/verify/${mother.certificate}$`));
    await page.getByRole('status').getByText(zh['certificates.status.valid'], { exact: true }).waitFor();
    await context.close();
  });

  it('the coordinator sees her among the caring mothers ready to pair, then revokes the certificate; the QR link says so', async () => {
    const mother = await certifiedMother({ ready: true });
    const { context, page } = await signedIn(browser, mother.world.coordinator, { javaScriptEnabled: false });

    await page.goto(`${WEB()}/manage/volunteers?ready=true`);
    const card = page.getByRole('listitem').filter({ hasText: mother.phone });
    await card.getByText(MOTHER_NAME).waitFor();
    await card.getByText(fill(zh['certificates.volunteers.progress'], { done: 4, required: 4 })).waitFor();

    await page.goto(`${WEB()}/manage/classes/${mother.classId}/certificates`);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: MOTHER_NAME }) });
    await row.getByText(zh['certificates.status.valid'], { exact: true }).waitFor();
    await row.getByText(zh['certificates.manage.revoke']).click();
    await row.getByLabel(zh['certificates.manage.revoke.reason']).selectOption({ label: zh['certificates.reason.issued_in_error'] });
    await row.getByRole('button', { name: zh['certificates.manage.revoke.yes'] }).click();
    const shown = `${mother.certificate.slice(0, 4)}-${mother.certificate.slice(4, 8)}-${mother.certificate.slice(8)}`;
    await page.getByText(fill(zh['certificates.manage.revoked'], { name: MOTHER_NAME, code: shown })).waitFor();
    await row.getByText(zh['certificates.status.revoked'], { exact: true }).waitFor();

    const stranger = await phoneContext(browser, { javaScriptEnabled: false });
    const check = await stranger.newPage();
    await check.goto(`${WEB()}/verify/${mother.certificate}`);
    await check.getByRole('status').getByText(zh['certificates.status.revoked'], { exact: true }).waitFor();
    await check.getByText(fill(zh['certificates.verify.revokedReason'], { reason: zh['certificates.reason.issued_in_error'] })).waitFor();
    await stranger.close();
    await context.close();
  });

  it('an expired certificate tells whoever checks it that the holder has renewed it, with a link to the new one', async () => {
    const mother = await certifiedMother();
    const [oldCode, newCode] = [certificateCode(), certificateCode()];
    await db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, issued_at, expires_at)
       SELECT $2, learner_id, course_id, org_id, now() - interval '26 months', now() - interval '2 months' FROM certificates WHERE code = $1
       UNION ALL
       SELECT $3, learner_id, course_id, org_id, now(), now() + interval '2 years' FROM certificates WHERE code = $1`,
      [mother.certificate, oldCode, newCode],
    );
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${WEB()}/verify/${oldCode}`);
    await page.getByRole('status').getByText(zh['certificates.status.expired'], { exact: true }).waitFor();
    const shown = `${newCode.slice(0, 4)}-${newCode.slice(4, 8)}-${newCode.slice(8)}`;
    await page.getByText(fill(zh['certificates.verify.renewed'], { code: shown })).waitFor();
    await page.getByRole('link', { name: zh['certificates.verify.renewedOpen'] }).click();
    await page.waitForURL(new RegExp(`/verify/${newCode}$`));
    await page.getByRole('status').getByText(zh['certificates.status.valid'], { exact: true }).waitFor();
    expect(await page.getByText(zh['certificates.verify.renewedOpen']).count()).toBe(0);
    await context.close();
  });
});
