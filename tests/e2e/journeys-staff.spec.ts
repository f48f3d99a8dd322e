import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { formatSession } from '../../apps/web/app/lib/dates.js';
import { DEMO, DEMO_PASSWORD, fill, fitsPhone, launchBrowser, phoneContext, signIn, watchConsole } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';

/**
 * Staff journeys walked as people walk them: sign in, then only taps on links and buttons, on a
 * 360-px phone. Each step finds its link by its name; a link that disappears fails the journey.
 */

const STATION = '鼓山镇茶会社区服务点';
const NATIONAL = '全国妇联（演示）';
/** From the national root down to the Fuzhou club. */
const PATH_TO_CLUB = ['福建省妇联', '福州市妇联', '晋安区妇联', '村童妈妈俱乐部'];
/** A calendar date in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
let phoneCounter = 0;
const uniquePhone = () => `157${String(Date.now() + phoneCounter++).slice(-8)}`;
const tag = String(Date.now()).slice(-5);

interface SessionDto {
  id: string;
  startsAt: string;
  endsAt: string;
}
interface ClassDto {
  id: string;
  courseId: string;
  courseCode: string;
  orgId: string;
  orgName: string;
  instructorName: string | null;
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  startsOn: string;
  sessions: SessionDto[];
}

/** The `pg` driver the API uses (no type package in the workspace, so a minimal shape here). */
interface PgClient {
  connect(): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as { Client: new (url: string) => PgClient };

async function newLearner(token: string, orgId: string, name: string, learnerType: 'migrant_worker' | 'volunteer_mother' = 'migrant_worker') {
  const phone = uniquePhone();
  const user = await apiCall<{ id: string }>('POST', '/api/users', token, { phone, name, role: 'learner', orgId, learnerType, password: DEMO_PASSWORD });
  return { id: user.id, name, phone };
}

/** A number as the dashboard prints it ("1,234" → 1234). */
const asNumber = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/** The big number of a headline tile. */
async function tile(page: Page, label: string): Promise<number> {
  return asNumber(await page.locator('.dash-tile').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.dash-number').innerText());
}

/** One figure of a child org's card in the breakdown list. */
async function cardFigure(card: Locator, label: string): Promise<number> {
  return asNumber(await card.locator('div').filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText());
}

/** The API's numbers once its refresher has caught up with every change so far. */
async function settle(token: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const summary = await apiCall<{ pendingUpdates: number }>('GET', '/api/reports/summary', token);
    if (summary.pendingUpdates === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('staff journeys by taps only: instructor, coordinator, federation admin', () => {
  let browser: Browser;
  let db: PgClient;

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

  it('admin: 数据看板 → province → city → county → club by its links, the numbers narrowing and the trail growing, then the CSV', async () => {
    const admin = await apiLogin(DEMO.admin);
    // Numbers settle first, so a card and the page it leads to count the same things.
    await settle(admin.accessToken);

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.admin);
    await page.getByRole('link', { name: zh['common.nav.dashboard'], exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { level: 1, name: zh['dashboard.heading'] }).waitFor();
    await page.locator('.dash-org strong', { hasText: NATIONAL }).waitFor();
    const national = await tile(page, zh['dashboard.tile.learners']);
    expect(national).toBeGreaterThan(0);
    await fitsPhone(page);

    let above = national;
    const trail = [NATIONAL];
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
    // Gansu and Sichuan have learners too: the club is a strict part of the country.
    expect(above).toBeLessThan(national);

    // The CSV of what is on screen, by its link.
    const csvLink = page.getByRole('link', { name: zh['dashboard.export.csv'] });
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csv.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 3)).toEqual(['组织', '层级', '学员']);
    expect(rows.some((row) => row.startsWith(STATION))).toBe(true);
    // The same address, asked again with her cookies: it answers as a CSV file.
    const response = await context.request.get(new URL((await csvLink.getAttribute('href'))!, page.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('instructor: 上课点名 → a session of her running class → taps the roll and saves → its history shows her marks', async () => {
    const coordinator = (await apiLogin(DEMO.coordinator)).accessToken;
    const { items } = await apiCall<{ items: ClassDto[] }>('GET', '/api/classes?limit=100', coordinator);
    const now = Date.now();
    // The demo elder-care class she is teaching (started a week before seeding).
    // Other specs may open elder-care classes at the same station; take one with a session she can still mark.
    const markable = (k: ClassDto) => k.sessions.some((s) => new Date(s.endsAt).getTime() < now && new Date(s.endsAt).getTime() > now - 6 * 86_400_000);
    const running = items
      .filter((k) => k.courseCode === 'VOC-ELDER' && k.orgName === STATION && k.instructorName === '林芳' && markable(k))
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
    expect(running).toBeDefined();
    // A session that is over and still hers to mark (within 7 days).
    const session = running.sessions
      .filter((s) => new Date(s.endsAt).getTime() < now && new Date(s.endsAt).getTime() > now - 6 * 86_400_000)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
    expect(session).toBeDefined();
    // Two new learners of her own, so the demo learners' marks stay as seeded.
    const learners = [await newLearner(coordinator, running.orgId, `旅程点名甲${tag}`), await newLearner(coordinator, running.orgId, `旅程点名乙${tag}`)];
    const current = await apiCall<ClassDto>('GET', `/api/classes/${running.id}`, coordinator);
    const needed = current.enrolledCount + current.waitlistCount + learners.length;
    if (current.capacity < needed) await apiCall('PATCH', `/api/classes/${running.id}`, coordinator, { capacity: needed });
    for (const learner of learners) await apiCall('POST', `/api/classes/${running.id}/enrollments`, coordinator, { learnerId: learner.id });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.instructor);
    await page.getByRole('link', { name: zh['common.nav.teach'], exact: true }).click();
    await page.waitForURL(/\/teach$/);
    await page.getByRole('heading', { level: 1, name: zh['attendance.teach.heading'] }).waitFor();
    await fitsPhone(page);

    // The session's card (under 今天 or 最近 7 天), found by its date and time as she reads them.
    const actions = page.getByRole('navigation', { name: fill(zh['attendance.teach.actions'], { when: formatSession(session.startsAt, session.endsAt, 'zh-CN') }) });
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
      await entry.getByText(new RegExp(`^林芳 · .+ · ${zh['attendance.history.source.roster']}$`)).waitFor();
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
    const login = await apiLogin(DEMO.coordinator);
    const token = login.accessToken;
    const { items: orgs } = await apiCall<{ items: { id: string; name: string }[] }>('GET', '/api/orgs', token);
    const station = orgs.find((o) => o.name === STATION)!;
    const { items: instructors } = await apiCall<{ items: { id: string; phone: string }[] }>('GET', '/api/users?role=instructor', token);
    const instructor = instructors.find((u) => u.phone === DEMO.instructor)!;
    const course = await apiCall<{ id: string; title: string; assessments: { id: string; kind: string }[] }>('GET', '/api/courses/CARE-SAFE', token);
    const mother = await newLearner(token, station.id, `发证旅程${tag}`, 'volunteer_mother');
    // A capacity no other class of hers has, to tell this class's card apart in the list.
    const capacity = 50 + (Number(tag) % 49);
    const klass = await apiCall<ClassDto>('POST', '/api/classes', token, {
      courseId: course.id,
      orgId: station.id,
      instructorId: instructor.id,
      startsOn: chinaDay(-9),
      endsOn: chinaDay(-2),
      capacity,
      location: '茶会社区活动室',
      sessions: [-9, -4].map((d) => ({ startsAt: `${chinaDay(d)}T09:00:00+08:00`, endsAt: `${chinaDay(d)}T11:00:00+08:00` })),
    });
    const enrollment = await apiCall<{ id: string }>('POST', `/api/classes/${klass.id}/enrollments`, token, { learnerId: mother.id });
    for (const session of klass.sessions) await apiCall('PUT', `/api/sessions/${session.id}/attendance`, token, { marks: [{ learnerId: mother.id, status: 'present' }] });
    // Her passed quiz, written as a paper test would be: every API path that meets the last requirement issues at
    // once, so a learner who meets the rules without a certificate is one whose automatic issue did not happen.
    const quiz = course.assessments.find((x) => x.kind === 'quiz')!;
    await db.query(`INSERT INTO assessment_attempts (assessment_id, enrollment_id, learner_id, attempt_no, score, passed, answers) VALUES ($1, $2, $3, 1, 100, true, '{}')`, [
      quiz.id,
      enrollment.id,
      mother.id,
    ]);

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.coordinator);

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
    await page.getByRole('status').getByText(new RegExp(`^已为 ${mother.name} 发证，编号 `)).waitFor();
    await row.getByText(zh['certificates.status.valid'], { exact: true }).waitFor();
    const certificate = await db.query<{ code: string; issued_by: string | null }>('SELECT code, issued_by FROM certificates WHERE enrollment_id = $1', [enrollment.id]);
    expect(certificate.rows).toHaveLength(1);
    // Issued by her hand, not by the automatic rule.
    expect(certificate.rows[0].issued_by).toBe(login.user.id);
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

    // Back home by the top bar, then 用人单位与岗位 → 住家保洁员 → refer 黄美玲.
    await page.getByRole('link', { name: zh['common.nav.myHearth'], exact: true }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('link', { name: zh['common.nav.manageJobs'], exact: true }).click();
    await page.waitForURL(/\/manage\/jobs$/);
    await page.getByRole('link', { name: '住家保洁员' }).click();
    await page.waitForURL(/\/manage\/jobs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: '住家保洁员' }).waitFor();
    const candidates = page.getByRole('region', { name: new RegExp(`^${zh['referrals.board.candidates'].replace('{n}', '\\d+').replace(/[（）]/g, '.')}$`) });
    const huang = candidates.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /黄美玲/ }) });
    // 王桂香 is already at the interview: not offered again.
    expect(await candidates.getByRole('heading', { name: /王桂香/ }).count()).toBe(0);
    await fitsPhone(page);
    await huang.getByLabel(zh['referrals.board.referNote']).fill('有住家保洁经验，周末也可以上岗');
    await huang.getByRole('button', { name: zh['referrals.board.refer'] }).click();
    await page.getByRole('status').getByText(fill(zh['referrals.board.referred'], { name: '黄美玲', employer: '福州家家福家政服务有限公司' })).waitFor();
    // She moves from the candidates to the referred column.
    expect(await candidates.getByRole('heading', { name: /黄美玲/ }).count()).toBe(0);
    const referred = page.getByRole('region', { name: new RegExp(`^${zh['referrals.status.referred']}（`) });
    await referred.getByRole('heading', { name: '黄美玲' }).waitFor();
    await referred.getByText(/有住家保洁经验/).waitFor();
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
