import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO_PASSWORD, fill, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';

/** Jinta County (Gansu): its coordinator, the caring-mother station and the station's instructor. */
const JINTA_COORDINATOR = '13900000006';
const JINTA_INSTRUCTOR = '13900000009';
const STATION = '金塔县金塔镇爱心妈妈驿站';
const LAW_MPL = '《中华人民共和国未成年人保护法》（2020年修订）';
/** Three characters: the public page shows 李**. */
const MOTHER_NAME = '李秀珍';

/** A calendar date in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const uniquePhone = (prefix: string) => `${prefix}${String(Date.now()).slice(-8)}`;

/** The `pg` driver the API uses (no type package in the workspace, so a minimal shape here). */
interface PgClient {
  connect(): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as { Client: new (url: string) => PgClient };

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

const login = async (phone: string) => (await apiLogin(phone)).accessToken;

describe('certificates: a caring mother becomes ready to pair, and anyone can verify her certificate', () => {
  let browser: Browser;
  let db: PgClient;
  /** Made by the first test, checked by the others. */
  const mother = { phone: '', id: '', enrollmentId: '', classId: '', certificate: '' };

  beforeAll(async () => {
    browser = await launchBrowser();
    const port = readFileSync(join(process.env.HEARTH_E2E_DATA_DIR!, 'pg.port'), 'utf8').trim();
    db = new Client(`postgres://postgres:hearth-local@127.0.0.1:${port}/hearth`);
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await browser.close();
  });

  it('a caring mother who attended her law class takes its quiz on her phone and is then ready to pair', async () => {
    // The coordinator registers her, opens a LAW-MPL class with four 2-hour sessions already held, and marks her present.
    const token = await login(JINTA_COORDINATOR);
    const { items: orgs } = await apiCall<{ items: { id: string; name: string }[] }>('GET', '/api/orgs', token);
    const station = orgs.find((o) => o.name === STATION)!;
    const { items: instructors } = await apiCall<{ items: { id: string; phone: string }[] }>('GET', '/api/users?role=instructor', token);
    const instructor = instructors.find((u) => u.phone === JINTA_INSTRUCTOR)!;
    mother.phone = uniquePhone('138');
    const created = await apiCall<{ id: string }>('POST', '/api/users', token, {
      phone: mother.phone,
      name: MOTHER_NAME,
      role: 'learner',
      orgId: station.id,
      password: DEMO_PASSWORD,
      learnerType: 'volunteer_mother',
    });
    mother.id = created.id;
    const course = await apiCall<{ id: string; assessments: { id: string; kind: string }[] }>('GET', '/api/courses/LAW-MPL', token);
    const quizId = course.assessments.find((a) => a.kind === 'quiz')!.id;
    const klass = await apiCall<{ id: string; sessions: { id: string }[] }>('POST', '/api/classes', token, {
      courseId: course.id,
      orgId: station.id,
      instructorId: instructor.id,
      startsOn: chinaDay(-9),
      endsOn: chinaDay(5),
      capacity: 10,
      location: '驿站二楼活动室',
      sessions: [-9, -7, -5, -3].map((d) => ({ startsAt: `${chinaDay(d)}T09:00:00+08:00`, endsAt: `${chinaDay(d)}T11:00:00+08:00` })),
    });
    mother.classId = klass.id;
    mother.enrollmentId = (await apiCall<{ id: string }>('POST', `/api/classes/${klass.id}/enrollments`, token, { learnerId: mother.id })).id;
    for (const session of klass.sessions) {
      await apiCall('PUT', `/api/sessions/${session.id}/attendance`, token, { marks: [{ learnerId: mother.id, status: 'present' }] });
    }
    // She already holds the other three required certificates (from classes long ago).
    for (const code of ['LAW-PJD', 'CARE-PSY', 'CARE-SAFE']) {
      await db.query(
        `INSERT INTO certificates (code, learner_id, course_id, org_id, issued_at, expires_at, hours)
         SELECT $1, $2, c.id, $3, now() - interval '60 days', now() + interval '300 days', 6 FROM courses c WHERE c.code = $4`,
        [certificateCode(), mother.id, station.id, code],
      );
    }

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, mother.phone);

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
    mother.certificate = new URL(page.url()).pathname.split('/').pop()!;
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
    expect(mother.certificate).not.toBe('');
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
    await page.getByText(STATION).waitFor();

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
    expect(mother.certificate).not.toBe('');
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, JINTA_COORDINATOR);

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
    const [oldCode, newCode] = [certificateCode(), certificateCode()];
    await db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, issued_at, expires_at)
       SELECT $2, learner_id, course_id, org_id, now() - interval '26 months', now() - interval '2 months' FROM certificates WHERE code = $1
       UNION ALL
       SELECT $3, learner_id, course_id, org_id, now() - interval '1 day', now() + interval '23 months' FROM certificates WHERE code = $1`,
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
