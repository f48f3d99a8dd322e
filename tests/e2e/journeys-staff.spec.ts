import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { formatSession } from '../../apps/web/app/lib/dates.js';
import { fill, fitsPhone, launchBrowser } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import {
  certify,
  consentToReferrals,
  markPresent,
  newClass,
  newEmployer,
  newJob,
  newLearner,
  newOrg,
  newPerson,
  newWorld,
  referredCandidate,
  signedIn,
  tokenOf,
  uniquePersonName,
} from '../support/fixtures.js';
import { eventually } from '../support/wait.js';
import { connectDb, type PgClient } from '../support/db.js';

/**
 * Staff journeys walked as people walk them: sign in, then only taps on links and buttons, on a
 * 360-px phone. Each step finds its link by its name; a link that disappears fails the journey.
 */

/** A number as the dashboard prints it ("1,234" → 1234). */
const asNumber = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/** The big number of a headline tile. */
async function tile(page: Page, label: string): Promise<number> {
  return asNumber(
    await page
      .locator('.dash-tile')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('.dash-number')
      .innerText(),
  );
}

/** One figure of a child org's card in the breakdown list. */
async function cardFigure(card: Locator, label: string): Promise<number> {
  return asNumber(
    await card
      .locator('div')
      .filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd')
      .innerText(),
  );
}

/** The API's numbers once its refresher has caught up with every change so far. */
const settle = (token: string) =>
  eventually(
    () => apiCall<{ pendingUpdates: number }>('GET', '/api/reports/summary', token),
    (s) => s.pendingUpdates === 0,
    'the dashboard aggregates to catch up',
  );

describe('staff journeys by taps only: instructor, coordinator, federation admin', () => {
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

  it('admin: 数据看板 → province → city → county → club by its links, the numbers narrowing and the trail growing, then the CSV', async () => {
    // A province of its own down to a club and its station, learners at both, and one in a neighbouring club.
    const world = await newWorld({ place: '福建', above: ['province', 'city'] });
    await newLearner(world);
    await newLearner(world, { learnerType: 'migrant_worker' });
    const neighbour = await newOrg(world.admin, world.county.id, 'club', `邻村妈妈俱乐部-${world.tag}`);
    await newPerson(world.admin, 'learner', neighbour, { learnerType: 'migrant_worker' });
    const [province, city] = world.above;
    /** From the province down to the club. */
    const PATH_TO_CLUB = [city.name, world.county.name, world.club.name];
    // Numbers settle first, so a card and the page it leads to count the same things.
    await settle(await tokenOf(world.admin));

    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.getByRole('link', { name: zh['common.nav.dashboard'], exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { level: 1, name: zh['dashboard.heading'] }).waitFor();
    await page.locator('.dash-org strong', { hasText: province.name }).waitFor();
    const top = await tile(page, zh['dashboard.tile.learners']);
    expect(top).toBe(3);
    await fitsPhone(page);

    let above = top;
    const trail = [province.name];
    for (const name of PATH_TO_CLUB) {
      const children = page.getByRole('region', { name: zh['dashboard.breakdown.heading'] });
      const link = children.getByRole('link', { name: new RegExp(`^${name}`) });
      const card = children.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^${name}`) }) });
      const learners = await cardFigure(card, zh['dashboard.tile.learners']);
      await link.click();
      await page.locator('.dash-org strong', { hasText: name }).waitFor();
      // The child's page counts what its card on the parent's page said.
      expect(await tile(page, zh['dashboard.tile.learners'])).toBe(learners);
      expect(learners).toBeLessThanOrEqual(above);
      above = learners;
      // The trail: every org above is a link back, the one shown is not.
      const path = page.getByRole('navigation', { name: zh['dashboard.path'] });
      for (const crumb of trail) await path.getByRole('link', { name: crumb, exact: true }).waitFor();
      await path.getByText(name, { exact: true }).waitFor();
      expect(await path.getByRole('link', { name, exact: true }).count()).toBe(0);
      trail.push(name);
      await fitsPhone(page);
    }
    // The neighbouring club has a learner too: the club is a strict part of the province.
    expect(above).toBe(2);

    // The CSV of what is on screen, by its link.
    const csvLink = page.getByRole('link', { name: zh['dashboard.export.csv'] });
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csv.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 3)).toEqual(['组织', '层级', '学员']);
    expect(rows.some((row) => row.startsWith(world.station.name))).toBe(true);
    // The same address, asked again with her cookies: it answers as a CSV file.
    const response = await context.request.get(new URL((await csvLink.getAttribute('href'))!, page.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('instructor: 上课点名 → a session of her running class → taps the roll and saves → its history shows her marks', async () => {
    // Her elder-care class at the station, running since last week, with two learners; its session of three days ago is hers to mark (within 7 days).
    const world = await newWorld({ place: '鼓山' });
    const learners = [await newLearner(world, { name: `旅程点名甲${world.tag}` }), await newLearner(world, { name: `旅程点名乙${world.tag}` })];
    const running = await newClass(world, { course: 'VOC-ELDER', days: [-10, -3, 4], location: '茶会社区活动室', learners });
    const session = running.sessions[1];

    const { context, page, problems } = await signedIn(browser, world.instructor);
    await page.getByRole('link', { name: zh['common.nav.teach'], exact: true }).click();
    await page.waitForURL(/\/teach$/);
    await page.getByRole('heading', { level: 1, name: zh['attendance.teach.heading'] }).waitFor();
    await fitsPhone(page);

    // The session's card (under 今天 or 最近 7 天), found by its date and time as she reads them.
    const actions = page.getByRole('navigation', {
      name: fill(zh['attendance.teach.actions'], { when: formatSession(session.startsAt, session.endsAt, 'zh-CN') }),
    });
    await actions.getByRole('link', { name: zh['attendance.teach.mark'], exact: true }).click();
    await page.waitForURL(new RegExp(`/teach/sessions/${session.id}$`));

    const [a, b] = learners;
    const row = (name: string) => page.getByRole('button', { name: new RegExp(name) });
    await row(a.name).getByText(zh['attendance.status.none'], { exact: true }).waitFor();
    await page.getByText(zh['attendance.sync.online'], { exact: true }).waitFor();
    await row(a.name).click(); // 出勤
    await row(b.name).click();
    await row(b.name).click(); // 迟到
    await row(b.name).getByText(zh['attendance.status.late'], { exact: true }).waitFor();
    await fitsPhone(page);
    await page.getByRole('button', { name: fill(zh['attendance.roster.saveCount'], { n: 2 }) }).click();
    await page.getByText(fill(zh['attendance.roster.saved'], { n: 2 })).waitFor();

    await page.getByRole('link', { name: zh['attendance.roster.historyLink'] }).click();
    await page.waitForURL(new RegExp(`/teach/sessions/${session.id}/history$`));
    await page.getByRole('heading', { level: 1, name: zh['attendance.history.heading'] }).waitFor();
    for (const [learner, status] of [
      [a, zh['attendance.status.present']],
      [b, zh['attendance.status.late']],
    ] as const) {
      const entry = page.getByRole('listitem').filter({ hasText: learner.name });
      expect(await entry.count()).toBe(1);
      await entry.getByText(`${zh['attendance.status.none']} → ${status}`).waitFor();
      // Who marked it, when, and how: "林芳 · 2026年…日 21:07 · 点名".
      await entry.getByText(new RegExp(`^${world.instructor.name} · .+ · ${zh['attendance.history.source.roster']}$`)).waitFor();
    }
    await fitsPhone(page);
    // And back to the roll, by its link.
    await page.getByRole('link', { name: zh['attendance.history.back'] }).click();
    await page.waitForURL(new RegExp(`/teach/sessions/${session.id}$`));
    await row(a.name).getByText(zh['attendance.status.present'], { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('coordinator: issues a certificate from a finished class, revokes it with a reason, the public page says so; then refers a certified trainee', async () => {
    // A caring mother who attended every session of a child-safety class that ended two days ago.
    const world = await newWorld({ place: '鼓山' });
    const mother = await newLearner(world, { name: `发证旅程${world.tag}` });
    const capacity = 50;
    const klass = await newClass(world, { course: 'CARE-SAFE', days: [-9, -4], endsIn: -2, capacity, location: '茶会社区活动室', learners: [mother] });
    const course = klass.course;
    const enrollment = { id: klass.enrollments[mother.id] };
    await markPresent(
      world,
      klass.sessions.map((s) => s.id),
      [mother],
    );
    // An opening of a partner employer: one graduate already at the interview, one certified who agreed to referrals.
    const employer = await newEmployer(world);
    const job = await newJob(world, employer);
    const wang = await referredCandidate(world, job, { name: uniquePersonName('王'), steps: ['contacted', 'interviewing'] });
    const huang = await newLearner(world, { name: uniquePersonName('黄'), learnerType: 'migrant_worker' });
    await certify(world, huang, 'VOC-HOUSE');
    await consentToReferrals(huang);
    // Her passed quiz, written as a paper test would be: every API path that meets the last requirement issues at
    // once, so a learner who meets the rules without a certificate is one whose automatic issue did not happen.
    const quiz = course.assessments.find((x) => x.kind === 'quiz')!;
    await db.query(
      `INSERT INTO assessment_attempts (assessment_id, enrollment_id, learner_id, attempt_no, score, passed, answers) VALUES ($1, $2, $3, 1, 100, true, '{}')`,
      [quiz.id, enrollment.id, mother.id],
    );

    const { context, page, problems } = await signedIn(browser, world.coordinator);

    // 班级管理 → finished classes → the class → 考核与发证.
    await page.getByRole('link', { name: zh['common.nav.manageClasses'], exact: true }).click();
    await page.waitForURL(/\/manage\/classes$/);
    await page.getByRole('navigation', { name: zh['classes.list.filter'] }).getByRole('link', { name: zh['classes.list.show.closed'] }).click();
    await page.waitForURL(/\/manage\/classes\?show=closed$/);
    const card = page.getByRole('listitem').filter({ hasText: fill(zh['classes.list.enrolled'], { n: 1, capacity }) });
    await card.getByRole('link', { name: course.title }).click();
    await page.waitForURL(new RegExp(`/manage/classes/${klass.id}$`));
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await page.getByRole('link', { name: zh['certificates.manage.link'] }).click();
    await page.waitForURL(new RegExp(`/manage/classes/${klass.id}/certificates$`));
    await fitsPhone(page);

    const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: mother.name }) });
    await row.getByText(zh['certificates.manage.complete']).waitFor();
    await row.getByRole('button', { name: zh['certificates.manage.issue'], exact: true }).click();
    await page
      .getByRole('status')
      .getByText(new RegExp(`^已为 ${mother.name} 发证，编号 `))
      .waitFor();
    await row.getByText(zh['certificates.status.valid'], { exact: true }).waitFor();
    const certificate = await db.query<{ code: string; issued_by: string | null }>('SELECT code, issued_by FROM certificates WHERE enrollment_id = $1', [
      enrollment.id,
    ]);
    expect(certificate.rows).toHaveLength(1);
    // Issued by her hand, not by the automatic rule.
    expect(certificate.rows[0].issued_by).toBe(world.coordinator.id);
    const code = certificate.rows[0].code;
    const shown = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
    await row.getByText(fill(zh['certificates.manage.certificate'], { code: shown })).waitFor();
    await fitsPhone(page);

    // Revoked, with a reason and a note.
    await row.getByText(zh['certificates.manage.revoke']).click();
    await row.getByLabel(zh['certificates.manage.revoke.reason']).selectOption({ label: zh['certificates.reason.issued_in_error'] });
    await row.getByLabel(zh['certificates.manage.revoke.note']).fill('班级日期录错，重新开班后再发');
    await row.getByRole('button', { name: zh['certificates.manage.revoke.yes'] }).click();
    await page.getByText(fill(zh['certificates.manage.revoked'], { name: mother.name, code: shown })).waitFor();
    await row.getByText(zh['certificates.status.revoked'], { exact: true }).waitFor();
    await row.getByText(fill(zh['certificates.verify.revokedReason'], { reason: zh['certificates.reason.issued_in_error'] })).waitFor();

    // The public page, by its link, says so too.
    await row.getByRole('link', { name: zh['certificates.manage.verifyLink'] }).click();
    await page.waitForURL(new RegExp(`/verify/${code}$`));
    await page.getByRole('status').getByText(zh['certificates.status.revoked'], { exact: true }).waitFor();
    await page.getByText(fill(zh['certificates.verify.revokedReason'], { reason: zh['certificates.reason.issued_in_error'] })).waitFor();
    await fitsPhone(page);

    // Back home by the top bar, then 用人单位与岗位 → the opening → refer the certified graduate.
    await page.getByRole('link', { name: zh['common.nav.myHearth'], exact: true }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('link', { name: zh['common.nav.manageJobs'], exact: true }).click();
    await page.waitForURL(/\/manage\/jobs$/);
    await page.getByRole('link', { name: job.title }).click();
    await page.waitForURL(/\/manage\/jobs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: job.title }).waitFor();
    const candidates = page.getByRole('region', { name: new RegExp(`^${zh['referrals.board.candidates'].replace('{n}', '\\d+').replace(/[（）]/g, '.')}$`) });
    const candidate = candidates.getByRole('listitem').filter({ has: page.getByRole('heading', { name: huang.name }) });
    // The other graduate is already at the interview: not offered again.
    await candidate.waitFor();
    expect(await candidates.getByRole('heading', { name: wang.name }).count()).toBe(0);
    await fitsPhone(page);
    await candidate.getByLabel(zh['referrals.board.referNote']).fill('有住家保洁经验，周末也可以上岗');
    await candidate.getByRole('button', { name: zh['referrals.board.refer'] }).click();
    await page
      .getByRole('status')
      .getByText(fill(zh['referrals.board.referred'], { name: huang.name, employer: employer.name }))
      .waitFor();
    // She moves from the candidates to the referred column.
    expect(await candidates.getByRole('heading', { name: huang.name }).count()).toBe(0);
    const referred = page.getByRole('region', { name: new RegExp(`^${zh['referrals.status.referred']}（`) });
    await referred.getByRole('heading', { name: huang.name }).waitFor();
    await referred.getByText(/有住家保洁经验/).waitFor();
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
