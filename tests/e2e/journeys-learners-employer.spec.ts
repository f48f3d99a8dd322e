import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { apiCall, apiLogin } from '../support/api.js';
import { chooseJoinOrg, DEMO, DEMO_PASSWORD, fill, fitsPhone, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';

/**
 * Journeys that walk like people: each signs in (or registers), then only clicks links and buttons through
 * a role's whole job, on a 360-px phone. Other people's parts (the instructor's marks, the coordinator moving
 * sessions into the past) are done beside the pages through the API. If a link one of them needs disappears,
 * the journey fails.
 */

const suffix = String(Date.now()).slice(-6);
const uniquePhone = (prefix: string) => `${prefix}${String(Date.now()).slice(-8)}`;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A calendar date in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
/** A session of `hours` at 09:00 China time, `days` from today. */
const sessionAt = (days: number, hours: number, location: string) => ({
  startsAt: `${chinaDay(days)}T09:00:00+08:00`,
  endsAt: `${chinaDay(days)}T${String(9 + hours).padStart(2, '0')}:00:00+08:00`,
  location,
});

const JINTA_COORDINATOR = '13900000006';
const JINTA_INSTRUCTOR = '13900000009';
const JINTA_STATION = '金塔县金塔镇爱心妈妈驿站';
const HOUSEKEEPING = '家政服务员';
const CARE_SAFE = '关爱服务注意事项';

interface PgClient {
  connect(): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as { Client: new (url: string) => PgClient };
interface Question {
  id: string;
  prompt_zh: string;
  options: { 'zh-CN': string }[];
  correct: number[];
}

interface ClassDto {
  id: string;
  sessions: { id: string; startsAt: string; endsAt: string }[];
}
interface CourseDto {
  id: string;
  lessons: { position: number; title: string }[];
  assessments: { id: string; kind: string; title: string }[];
}

/** The coordinator moves every session of a class into the past (held), one per day from `firstDay` days ago. */
async function holdSessions(token: string, klass: ClassDto, firstDay: number) {
  let day = firstDay;
  for (const s of klass.sessions) {
    const hours = Math.round((new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()) / HOUR);
    const { startsAt, endsAt } = sessionAt(-day, hours, '');
    await apiCall('PATCH', `/api/sessions/${s.id}`, token, { startsAt, endsAt });
    day -= 1;
  }
}

/** Back home by the header's link. */
async function home(page: Page) {
  await page.getByRole('link', { name: zh['common.nav.myHearth'] }).click();
  await page.waitForURL(/\/app$/);
  await page.getByRole('heading', { name: zh['home.app.nextSteps'] }).waitFor();
}

describe('journeys by clicks: a migrant woman, a caring mother, an employer', () => {
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

  const questionsOf = async (assessmentId: string) =>
    (await db.query<Question>('SELECT id, prompt_zh, options, correct FROM questions WHERE assessment_id = $1', [assessmentId])).rows;

  it('a migrant woman registers into her station, enrols from the catalogue, studies, passes the quiz and shows her valid certificate', async () => {
    // Beside the pages: a fresh station of the demo club, and a housekeeping class there whose sessions are all ahead.
    const admin = await apiLogin(DEMO.admin);
    const coordinator = await apiLogin(DEMO.coordinator);
    const stationName = `紫阳${suffix}驿站`;
    const station = await apiCall<{ id: string }>('POST', '/api/orgs', admin.accessToken, { name: stationName, kind: 'station', parentId: coordinator.user.orgId });
    // Its own instructor (a class's instructor belongs to its club or station).
    const instructorPhone = uniquePhone('133');
    await apiCall('POST', '/api/users', coordinator.accessToken, { phone: instructorPhone, name: '林老师', role: 'instructor', orgId: station.id, password: DEMO_PASSWORD });
    const instructor = await apiLogin(instructorPhone);
    const course = await apiCall<CourseDto>('GET', '/api/courses/VOC-HOUSE?lang=zh-CN', coordinator.accessToken);
    const quiz = course.assessments.find((a) => a.kind === 'quiz')!;
    const practical = course.assessments.find((a) => a.kind === 'practical')!;
    const room = `紫阳${suffix}活动室`;
    // 40 hours: five 8-hour days, the first one next week.
    const klass = await apiCall<ClassDto>('POST', '/api/classes', coordinator.accessToken, {
      courseId: course.id,
      orgId: station.id,
      instructorId: instructor.user.id,
      startsOn: chinaDay(7),
      endsOn: chinaDay(20),
      capacity: 10,
      sessions: [7, 8, 9, 10, 11].map((d) => sessionAt(d, 8, room)),
    });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    const phone = uniquePhone('135');
    const password = 'my-password-1';

    // She registers from the front page: her name, phone, password, that she is a migrant worker, her station by name.
    await page.goto(`${WEB()}/`);
    await page.getByRole('link', { name: zh['home.registerCta'] }).first().click();
    await page.waitForURL(/\/register$/);
    await page.getByLabel(zh['common.field.name']).fill('陈秀珍');
    await page.getByLabel(zh['common.field.phone']).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill(password);
    await page.getByLabel(zh['people.learnerType.migrant_worker'], { exact: false }).check();
    await chooseJoinOrg(page, `紫阳${suffix}`, stationName);
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['account.register.submit'], exact: true }).click();
    await page.waitForURL(/\/app$/);
    await page.getByText(stationName).first().waitFor();
    const me = await apiLogin(phone, password);

    // 课程 → 职业技能 → 家政服务员 → the class at her station → 报名.
    await page.getByRole('link', { name: zh['common.nav.courses'], exact: true }).click();
    await page.waitForURL(/\/courses$/);
    await page.getByRole('link', { name: zh['courses.category.vocational'], exact: true }).click();
    await page.waitForURL(/category=vocational/);
    await page.getByRole('link', { name: HOUSEKEEPING }).click();
    await page.waitForURL(/\/courses\/VOC-HOUSE$/);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: stationName }) });
    // Hers is the only class at her station: its schedule folds away, the enrol button does not.
    await page.getByRole('heading', { level: 1, name: HOUSEKEEPING }).waitFor();
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    await fitsPhone(page);
    await card.getByRole('button', { name: zh['classes.enrol.submit'] }).click();
    await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();

    // Home: 我的课堂 → 进入课堂.
    await home(page);
    const mine = page.getByRole('region', { name: zh['learning.home.heading'] });
    await fitsPhone(page);
    await mine.getByRole('link', { name: `${zh['learning.open']} · ${HOUSEKEEPING}` }).click();
    await page.waitForURL(/\/learn\/[0-9a-f-]{36}$/);
    const classUrl = page.url();
    await page.getByRole('heading', { level: 1, name: HOUSEKEEPING }).waitFor();

    // A lesson, and back.
    await page.getByRole('link', { name: course.lessons[0].title }).click();
    await page.waitForURL(/\/lessons\/1$/);
    await page.getByRole('heading', { level: 1, name: course.lessons[0].title }).waitFor();
    await fitsPhone(page);
    await page.getByRole('link', { name: zh['learning.lesson.back'] }).click();
    await page.waitForURL(classUrl);

    // The quiz, from its line in her progress.
    const quizItem = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: quiz.title }) });
    await quizItem.getByRole('link', { name: zh['learning.progress.takeQuiz'] }).click();
    await page.waitForURL(new RegExp(`/learn/quiz/${quiz.id}\\?enrollment=`));
    const questions = await questionsOf(quiz.id);
    expect(questions.length).toBeGreaterThan(2);
    for (const q of questions) {
      const group = page.getByRole('group', { name: q.prompt_zh });
      for (const index of q.correct) await group.getByLabel(q.options[index]['zh-CN'], { exact: true }).check();
    }
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['learning.quiz.submit'] }).click();
    await page.getByText(zh['learning.quiz.result.passed']).waitFor();

    // Beside the pages: the instructor grades her practical; the coordinator moves the five days into the past
    // (held) and the instructor marks her present at each, which issues the certificate.
    await apiCall('POST', `/api/assessments/${practical.id}/results`, instructor.accessToken, { learnerId: me.user.id, score: 90 });
    await holdSessions(coordinator.accessToken, klass, 5);
    for (const s of klass.sessions) await apiCall('PUT', `/api/sessions/${s.id}/attendance`, instructor.accessToken, { marks: [{ learnerId: me.user.id, status: 'present' }] });
    const { items: certs } = await apiCall<{ items: { code: string; course: { code: string } }[] }>('GET', '/api/me/certificates', me.accessToken);
    expect(certs.filter((c) => c.course.code === 'VOC-HOUSE')).toHaveLength(1);

    // 我的证书 → the certificate → its verification page: 有效.
    await home(page);
    await page.getByRole('link', { name: zh['common.nav.certificates'], exact: true }).click();
    await page.waitForURL(/\/my\/certificates$/);
    const certCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: HOUSEKEEPING }) });
    await fitsPhone(page);
    await certCard.getByRole('link', { name: zh['certificates.mine.show'] }).click();
    await page.waitForURL(/\/my\/certificates\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: HOUSEKEEPING }).waitFor();
    await fitsPhone(page);
    await page.getByRole('link', { name: zh['certificates.show.verifyLink'] }).click();
    await page.waitForURL(/\/verify\/[^/]+$/);
    const verdict = page.getByRole('status').filter({ hasText: zh['certificates.status.valid'] });
    await verdict.getByText(zh['certificates.status.valid'], { exact: true }).waitFor();
    // The public page shows her course and only the first character of her name.
    await page.getByText(HOUSEKEEPING).first().waitFor();
    await page.getByText('陈**', { exact: true }).waitFor();
    expect(await page.getByText('陈秀珍').count()).toBe(0);
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a new caring mother sees what she is missing, enrols in a required course from there, and once done sees it certified', async () => {
    // Beside the pages: the Jinta coordinator registers her at the station and opens a CARE-SAFE class there.
    const coordinator = await apiLogin(JINTA_COORDINATOR);
    const { items: orgs } = await apiCall<{ items: { id: string; name: string }[] }>('GET', `/api/orgs?q=${encodeURIComponent(JINTA_STATION)}`, coordinator.accessToken);
    const station = orgs.find((o) => o.name === JINTA_STATION)!;
    const { items: instructors } = await apiCall<{ items: { id: string; phone: string }[] }>('GET', `/api/users?role=instructor&q=${JINTA_INSTRUCTOR}`, coordinator.accessToken);
    const instructorId = instructors.find((u) => u.phone === JINTA_INSTRUCTOR)!.id;
    const phone = uniquePhone('134');
    const mother = await apiCall<{ id: string }>('POST', '/api/users', coordinator.accessToken, {
      phone,
      name: '赵玉梅',
      role: 'learner',
      orgId: station.id,
      password: DEMO_PASSWORD,
      learnerType: 'volunteer_mother',
    });
    const course = await apiCall<CourseDto>('GET', '/api/courses/CARE-SAFE?lang=zh-CN', coordinator.accessToken);
    const quiz = course.assessments.find((a) => a.kind === 'quiz')!;
    const room = `驿站${suffix}号教室`;
    const klass = await apiCall<ClassDto>('POST', '/api/classes', coordinator.accessToken, {
      courseId: course.id,
      orgId: station.id,
      instructorId,
      startsOn: chinaDay(3),
      endsOn: chinaDay(10),
      capacity: 10,
      sessions: [3, 4].map((d) => sessionAt(d, 2, room)),
    });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, phone);

    // 结对准备情况: not ready; the safety course is missing, with the way to a class.
    await page.getByRole('link', { name: zh['common.nav.readiness'] }).first().click();
    await page.waitForURL(/\/my\/readiness$/);
    const item = () => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: CARE_SAFE }) });
    await item().getByText(zh['certificates.readiness.state.missing'], { exact: true }).waitFor();
    await item().getByText(zh['certificates.readiness.class.notStarted']).waitFor();
    expect(await page.getByText(zh['certificates.readiness.state.done'], { exact: true }).count()).toBe(0);
    await fitsPhone(page);
    await item().getByRole('link', { name: `${zh['certificates.readiness.class.enrol']} · ${CARE_SAFE}` }).click();
    await page.waitForURL(/\/courses\/CARE-SAFE#class-/);

    // The course page: the class in her station's room → 报名.
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: JINTA_STATION }) }).filter({ hasText: room });
    await fitsPhone(page);
    await card.getByRole('button', { name: zh['classes.enrol.submit'] }).click();
    await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();

    // Back at readiness: enrolled in that class, nothing held yet.
    await home(page);
    await page.getByRole('link', { name: zh['common.nav.readiness'] }).first().click();
    await page.waitForURL(/\/my\/readiness$/);
    await item().getByText(new RegExp(`^已报名：${JINTA_STATION}`)).waitFor();
    await item().getByText(zh['certificates.readiness.class.progressNone']).waitFor();

    // Beside the pages: both sessions held and attended, and she passed the quiz (on her own phone, earlier).
    const herself = await apiLogin(phone);
    const questions = await questionsOf(quiz.id);
    const attempt = await apiCall<{ passed: boolean }>('POST', `/api/assessments/${quiz.id}/attempts`, herself.accessToken, {
      answers: Object.fromEntries(questions.map((q) => [q.id, q.correct])),
    });
    expect(attempt.passed).toBe(true);
    await holdSessions(coordinator.accessToken, klass, 3);
    for (const s of klass.sessions) await apiCall('PUT', `/api/sessions/${s.id}/attendance`, coordinator.accessToken, { marks: [{ learnerId: mother.id, status: 'present' }] });

    // Readiness again, by clicks: the safety course is done, with its certificate to show.
    await home(page);
    await page.getByRole('link', { name: zh['common.nav.readiness'] }).first().click();
    await page.waitForURL(/\/my\/readiness$/);
    await item().getByText(zh['certificates.readiness.state.done'], { exact: true }).waitFor();
    await fitsPhone(page);
    await item().getByRole('link', { name: zh['certificates.mine.show'] }).click();
    await page.waitForURL(/\/my\/certificates\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: CARE_SAFE }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  describe('the employer', () => {
    /** Her list of referrals, opened from home; the section of one status. */
    async function openList(page: Page) {
      await page.getByRole('link', { name: zh['common.nav.candidates'] }).first().click();
      await page.waitForURL(/\/employer$/);
      await page.getByRole('heading', { level: 2, name: zh['referrals.employer.referrals'] }).waitFor();
    }
    const section = (page: Page, status: 'interviewing' | 'hired' | 'referred' | 'not_hired') =>
      page.getByRole('region', { name: new RegExp(`^${zh[`referrals.status.${status}`]}（`) });
    const row = (page: Page, status: Parameters<typeof section>[1], name: string, jobTitle: string) =>
      section(page, status).getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) }).filter({ hasText: jobTitle });

    it('opens the referral of 王桂香 at the interview step and records her hired, with a note', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      const problems = watchConsole(page);
      await signIn(page, DEMO.employer);
      await openList(page);
      await fitsPhone(page);
      await row(page, 'interviewing', '王桂香', '住家保洁员').getByRole('link', { name: '王桂香', exact: true }).click();
      await page.waitForURL(/\/employer\/referrals\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: '王桂香' }).waitFor();
      // Her certificate, with the way to check it.
      await page.getByRole('link', { name: new RegExp(`^${zh['referrals.candidate.verify'].split('{')[0]}`) }).first().waitFor();
      await fitsPhone(page);
      await page.getByLabel(zh['referrals.move.note']).fill('下周一上岗，先试用一个月。');
      await page.getByRole('button', { name: zh['referrals.moveTo.hired'] }).click();
      await page.getByText(fill(zh['referrals.moved'], { status: zh['referrals.status.hired'] })).waitFor();
      await page.getByText('下周一上岗，先试用一个月。').first().waitFor();
      await page.getByText(zh['referrals.move.final']).waitFor();
      await page.getByRole('link', { name: zh['referrals.employer.back'] }).click();
      await page.waitForURL(/\/employer$/);
      await row(page, 'hired', '王桂香', '住家保洁员').waitFor();
      expect(await row(page, 'interviewing', '王桂香', '住家保洁员').count()).toBe(0);
      await fitsPhone(page);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('records a fresh referral of 黄美玲 as not hired, which asks to confirm first', async () => {
      // Beside the pages: the coordinator posts a second opening of the same employer and refers 黄美玲 to it.
      const coordinator = await apiLogin(DEMO.coordinator);
      const { items: jobs } = await apiCall<{ items: { title: string; employerId: string; employerName?: string; requiredCourses: { id: string }[] }[] }>('GET', '/api/jobs?open=true', coordinator.accessToken);
      const house = jobs.find((j) => j.title === '住家保洁员')!;
      const jobTitle = `钟点保洁员${suffix}`;
      const job = await apiCall<{ id: string }>('POST', '/api/jobs', coordinator.accessToken, {
        employerId: house.employerId,
        title: jobTitle,
        description: '按小时上门保洁，时间灵活。',
        requiredCourseIds: house.requiredCourses.map((c) => c.id),
        location: '福州市晋安区鼓山镇',
        positions: 2,
      });
      const { items: learners } = await apiCall<{ items: { id: string; phone: string }[] }>('GET', '/api/users?role=learner&q=13900000011', coordinator.accessToken);
      await apiCall('POST', '/api/referrals', coordinator.accessToken, { learnerId: learners.find((u) => u.phone === '13900000011')!.id, jobId: job.id });

      const context = await phoneContext(browser);
      const page = await context.newPage();
      const problems = watchConsole(page);
      await signIn(page, DEMO.employer);
      await openList(page);
      await row(page, 'referred', '黄美玲', jobTitle).getByRole('link', { name: '黄美玲', exact: true }).click();
      await page.waitForURL(/\/employer\/referrals\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: '黄美玲' }).waitFor();
      await page.getByText(jobTitle).first().waitFor();
      await page.getByLabel(zh['referrals.move.note']).fill('时间对不上，她只能周末来。');
      await page.getByRole('group', { name: zh['referrals.move.ending'] }).getByRole('button', { name: zh['referrals.moveTo.not_hired'] }).click();
      // Asked first: the question, the note, and 确认 or 取消.
      const confirm = page.getByRole('group', { name: zh['referrals.confirm.question.not_hired'] });
      await confirm.getByText(fill(zh['referrals.confirm.note'], { note: '时间对不上，她只能周末来。' })).waitFor();
      await fitsPhone(page);
      await confirm.getByRole('button', { name: zh['referrals.confirm.yes.not_hired'] }).click();
      await page.getByText(fill(zh['referrals.moved'], { status: zh['referrals.status.not_hired'] })).waitFor();
      await page.getByText(zh['referrals.move.final']).waitFor();
      await page.getByRole('link', { name: zh['referrals.employer.back'] }).click();
      await page.waitForURL(/\/employer$/);
      await row(page, 'not_hired', '黄美玲', jobTitle).waitFor();
      expect(await row(page, 'referred', '黄美玲', jobTitle).count()).toBe(0);
      await fitsPhone(page);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
