import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { apiCall, apiLogin } from '../support/api.js';
import { chooseJoinOrg, fill, fitsPhone, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';
import {
  chinaDay,
  markPresent,
  newClass,
  newEmployer,
  newJob,
  newLearner,
  newWorld,
  referredCandidate,
  signedIn,
  tokenOf,
  uniquePersonName,
  uniquePhone,
  type Klass,
} from '../support/fixtures.js';
import { connectDb, type PgClient } from '../support/db.js';

/**
 * Journeys that walk like people: each signs in (or registers), then only clicks links and buttons through
 * a role's whole job, on a 360-px phone. Other people's parts (the instructor's marks, the coordinator moving
 * sessions into the past) are done beside the pages through the API. If a link one of them needs disappears,
 * the journey fails.
 */

const HOUR = 3600_000;
/** A session of `hours` at 09:00 China time, `days` from today. */
const sessionAt = (days: number, hours: number, location: string) => ({
  startsAt: `${chinaDay(days)}T09:00:00+08:00`,
  endsAt: `${chinaDay(days)}T${String(9 + hours).padStart(2, '0')}:00:00+08:00`,
  location,
});

const HOUSEKEEPING = '家政服务员';
const CARE_SAFE = '关爱服务注意事项';

interface Question {
  id: string;
  prompt_zh: string;
  options: { 'zh-CN': string }[];
  correct: number[];
}

/** The coordinator moves every session of a class into the past (held), one per day from `firstDay` days ago. */
async function holdSessions(token: string, klass: Klass, firstDay: number) {
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
    db = await connectDb();
  });
  afterAll(async () => {
    await db.end();
    await browser.close();
  });

  const questionsOf = async (assessmentId: string) =>
    (await db.query<Question>('SELECT id, prompt_zh, options, correct FROM questions WHERE assessment_id = $1', [assessmentId])).rows;

  it('a migrant woman registers into her station, enrols from the catalogue, studies, passes the quiz and shows her valid certificate', async () => {
    // Beside the pages: a fresh station with its instructor, and a housekeeping class there whose sessions are all ahead.
    const world = await newWorld({ place: '紫阳' });
    const stationName = world.station.name;
    const instructor = await tokenOf(world.instructor);
    const coordinator = await tokenOf(world.coordinator);
    const room = `紫阳活动室-${world.tag}`;
    // 40 hours: five 8-hour days, the first one next week.
    const klass = await newClass(world, { course: 'VOC-HOUSE', days: [7, 8, 9, 10, 11], endsIn: 20, from: '09:00', to: '17:00', location: room });
    const course = klass.course;
    const quiz = course.assessments.find((a) => a.kind === 'quiz')!;
    const practical = course.assessments.find((a) => a.kind === 'practical')!;

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    const phone = uniquePhone();
    const password = 'my-password-1';

    // She registers from the front page: her name, phone, password, that she is a migrant worker, her station by name.
    await page.goto(`${WEB()}/`);
    await page.getByRole('link', { name: zh['home.registerCta'] }).first().click();
    await page.waitForURL(/\/register$/);
    await page.getByLabel(zh['common.field.name']).fill('陈秀珍');
    await page.getByLabel(zh['common.field.phone']).fill(phone);
    await page.getByLabel(zh['common.field.password']).fill(password);
    await page.getByLabel(zh['people.learnerType.migrant_worker'], { exact: false }).check();
    await chooseJoinOrg(page, world.tag, stationName);
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
    await apiCall('POST', `/api/assessments/${practical.id}/results`, instructor, { learnerId: me.user.id, score: 90 });
    await holdSessions(coordinator, klass, 5);
    for (const s of klass.sessions)
      await apiCall('PUT', `/api/sessions/${s.id}/attendance`, instructor, { marks: [{ learnerId: me.user.id, status: 'present' }] });
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
    // Beside the pages: the coordinator registers her at the station and opens a CARE-SAFE class there.
    const world = await newWorld({ place: '金塔' });
    const station = world.station.name;
    const mother = await newLearner(world, { name: uniquePersonName('赵') });
    const room = `驿站教室-${world.tag}`;
    const klass = await newClass(world, { course: 'CARE-SAFE', days: [3, 4], endsIn: 10, from: '09:00', to: '11:00', location: room });
    const quiz = klass.course.assessments.find((a) => a.kind === 'quiz')!;
    const { context, page, problems } = await signedIn(browser, mother);

    // 结对准备情况: not ready; the safety course is missing, with the way to a class.
    await page.getByRole('link', { name: zh['common.nav.readiness'] }).first().click();
    await page.waitForURL(/\/my\/readiness$/);
    const item = () => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: CARE_SAFE }) });
    await item().getByText(zh['certificates.readiness.state.missing'], { exact: true }).waitFor();
    await item().getByText(zh['certificates.readiness.class.notStarted']).waitFor();
    expect(await page.getByText(zh['certificates.readiness.state.done'], { exact: true }).count()).toBe(0);
    await fitsPhone(page);
    await item()
      .getByRole('link', { name: `${zh['certificates.readiness.class.enrol']} · ${CARE_SAFE}` })
      .click();
    await page.waitForURL(/\/courses\/CARE-SAFE#class-/);

    // The course page: the class in her station's room → 报名.
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: station }) })
      .filter({ hasText: room });
    await fitsPhone(page);
    await card.getByRole('button', { name: zh['classes.enrol.submit'] }).click();
    await page.getByText(zh['classes.enrol.done.enrolled']).waitFor();

    // Back at readiness: enrolled in that class, nothing held yet.
    await home(page);
    await page.getByRole('link', { name: zh['common.nav.readiness'] }).first().click();
    await page.waitForURL(/\/my\/readiness$/);
    await item().getByText(`已报名：${station}`).waitFor();
    await item().getByText(zh['certificates.readiness.class.progressNone']).waitFor();

    // Beside the pages: both sessions held and attended, and she passed the quiz (on her own phone, earlier).
    const questions = await questionsOf(quiz.id);
    const attempt = await apiCall<{ passed: boolean }>('POST', `/api/assessments/${quiz.id}/attempts`, await tokenOf(mother), {
      answers: Object.fromEntries(questions.map((q) => [q.id, q.correct])),
    });
    expect(attempt.passed).toBe(true);
    await holdSessions(await tokenOf(world.coordinator), klass, 3);
    await markPresent(
      world,
      klass.sessions.map((s) => s.id),
      [mother],
    );

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
      section(page, status)
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name, exact: true }) })
        .filter({ hasText: jobTitle });

    it('opens the referral of a graduate at the interview step and records her hired, with a note', async () => {
      const world = await newWorld({ place: '鼓山' });
      const employer = await newEmployer(world);
      const job = await newJob(world, employer);
      const her = await referredCandidate(world, job, { name: uniquePersonName('王'), steps: ['contacted', 'interviewing'] });
      const { context, page, problems } = await signedIn(browser, employer.staff);
      await openList(page);
      await fitsPhone(page);
      await row(page, 'interviewing', her.name, job.title).getByRole('link', { name: her.name, exact: true }).click();
      await page.waitForURL(/\/employer\/referrals\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: her.name }).waitFor();
      // Her certificate, with the way to check it.
      await page
        .getByRole('link', { name: new RegExp(`^${zh['referrals.candidate.verify'].split('{')[0]}`) })
        .first()
        .waitFor();
      await fitsPhone(page);
      await page.getByLabel(zh['referrals.move.note']).fill('下周一上岗，先试用一个月。');
      await page.getByRole('button', { name: zh['referrals.moveTo.hired'] }).click();
      await page.getByText(fill(zh['referrals.moved'], { status: zh['referrals.status.hired'] })).waitFor();
      await page.getByText('下周一上岗，先试用一个月。').first().waitFor();
      await page.getByText(zh['referrals.move.final']).waitFor();
      await page.getByRole('link', { name: zh['referrals.employer.back'] }).click();
      await page.waitForURL(/\/employer$/);
      await row(page, 'hired', her.name, job.title).waitFor();
      expect(await row(page, 'interviewing', her.name, job.title).count()).toBe(0);
      await fitsPhone(page);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('records a fresh referral as not hired, which asks to confirm first', async () => {
      // Beside the pages: the coordinator posts an opening of a partner employer and refers a graduate to it.
      const world = await newWorld({ place: '鼓山' });
      const employer = await newEmployer(world);
      const job = await newJob(world, employer, { title: `钟点保洁员-${world.tag}` });
      const jobTitle = job.title;
      const her = await referredCandidate(world, job, { name: uniquePersonName('黄') });
      const { context, page, problems } = await signedIn(browser, employer.staff);
      await openList(page);
      await row(page, 'referred', her.name, jobTitle).getByRole('link', { name: her.name, exact: true }).click();
      await page.waitForURL(/\/employer\/referrals\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: her.name }).waitFor();
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
      await row(page, 'not_hired', her.name, jobTitle).waitFor();
      expect(await row(page, 'referred', her.name, jobTitle).count()).toBe(0);
      await fitsPhone(page);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
