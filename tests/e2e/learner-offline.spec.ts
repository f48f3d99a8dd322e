import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser, WEB } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import { newClass, newLearner, newWorld, signedIn, tokenOf, uniquePersonName, type Course, type Person } from '../support/fixtures.js';
import { sameOriginPath } from '../../apps/web/app/lib/offline-paths.js';
import { connectDb, type PgClient } from '../support/db.js';

const LAW_MPL = '《中华人民共和国未成年人保护法》（2020年修订）';
const PENDING_KEY = 'hearth.quiz.pending.v1';

describe('a learner without signal: her pages listed for the phone, a quiz handed in offline and graded once', () => {
  let browser: Browser;
  let db: PgClient;
  let mother: Person & { enrollmentId: string };
  let neighbour: Person & { enrollmentId: string };
  let course: Course;
  let quizId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectDb();

    // Fresh data: two caring mothers of a new station in a new LAW-MPL class that starts next week.
    const world = await newWorld({ place: '金塔' });
    const [her, other] = [await newLearner(world, { name: uniquePersonName('赵') }), await newLearner(world, { name: uniquePersonName('钱') })];
    const klass = await newClass(world, { course: 'LAW-MPL', days: [7, 14], location: '村委会二楼', learners: [her, other] });
    course = klass.course;
    quizId = course.assessments.find((a) => a.kind === 'quiz')!.id;
    mother = { ...her, enrollmentId: klass.enrollments[her.id] };
    neighbour = { ...other, enrollmentId: klass.enrollments[other.id] };
  });
  afterAll(async () => {
    await db.end();
    await browser.close();
  });

  it('keeps lesson images of this origin only, as paths (the pages allow no other images)', () => {
    const page = '/learn/e1/lessons/2';
    const origin = 'https://hearth.example.cn';
    expect(sameOriginPath('/media/a.png', origin, page)).toBe('/media/a.png');
    expect(sameOriginPath('img/b.png?v=2', origin, page)).toBe('/learn/e1/lessons/img/b.png?v=2');
    expect(sameOriginPath('https://hearth.example.cn/media/c.png', origin, page)).toBe('/media/c.png');
    expect(sameOriginPath('https://example.org/x.png', origin, page)).toBeNull();
    expect(sameOriginPath('//example.org/x.png', origin, page)).toBeNull();
    expect(sameOriginPath('data:image/png;base64,AAAA', origin, page)).toBeNull();
    expect(sameOriginPath('javascript:alert(1)', origin, page)).toBeNull();
  });

  it('lists her class, every lesson, the quiz and her home pages for the phone, and nothing of another learner', async () => {
    const { context, page, problems } = await signedIn(browser, mother);
    // What the service worker's pack holds for her (an HTTP check with her session, not a page she visits).
    const res = await page.request.get(`${WEB()}/learn/offline-urls.json`);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toContain('no-store');
    const { urls } = (await res.json()) as { urls: string[] };
    expect(urls).toEqual(
      expect.arrayContaining([
        '/app',
        '/my/classes',
        '/my/certificates',
        '/my/readiness',
        `/learn/${mother.enrollmentId}`,
        `/learn/quiz/${quizId}?enrollment=${mother.enrollmentId}`,
      ]),
    );
    for (const lesson of course.lessons) expect(urls).toContain(`/learn/${mother.enrollmentId}/lessons/${lesson.position}`);
    expect(urls.every((u) => u.startsWith('/') && !u.startsWith('//'))).toBe(true);
    expect(urls.join(' ')).not.toContain(neighbour.enrollmentId);
    expect(new Set(urls).size).toBe(urls.length);
    // Every address she is given opens for her.
    let bytes = 0;
    for (const url of urls) {
      const opened = await page.request.get(`${WEB()}${url}`, { maxRedirects: 0 });
      expect({ url, status: opened.status() }).toEqual({ url, status: 200 });
      bytes += (await opened.body()).length;
    }
    console.log(
      `FIGURE learner offline pack: ${urls.length} pages for one class of ${course.lessons.length} lessons, ${Math.round(bytes / 1024)} KiB of HTML (uncompressed, without shared scripts and styles)`,
    );
    // The neighbour's class page is not hers to open.
    expect((await page.request.get(`${WEB()}/learn/${neighbour.enrollmentId}`, { maxRedirects: 0 })).status()).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hands in the quiz without signal: kept on the phone, said to be waiting, handed in once when signal returns', async () => {
    const { context, page, problems } = await signedIn(browser, mother);

    // Home → her class → the quiz, by links.
    await page.getByRole('link', { name: `${zh['learning.open']} · ${LAW_MPL}` }).click();
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}$`));
    await page.getByRole('heading', { level: 1, name: LAW_MPL }).waitFor();
    await page.getByRole('link', { name: zh['learning.progress.takeQuiz'] }).first().click();
    await page.waitForURL(new RegExp(`/learn/quiz/${quizId}\\?enrollment=${mother.enrollmentId}$`));
    await page.locator('form[data-keeps-offline="true"]').waitFor();

    // The bus leaves the village: no signal. She answers every question (a wrong answer to the first).
    await context.setOffline(true);
    const { rows: questions } = await db.query<{ prompt_zh: string; options: { 'zh-CN': string }[]; correct: number[] }>(
      'SELECT prompt_zh, options, correct FROM questions WHERE assessment_id = $1 ORDER BY position',
      [quizId],
    );
    for (const [i, q] of questions.entries()) {
      const group = page.getByRole('group', { name: q.prompt_zh });
      const picks = i === 0 ? [(q.correct[0] + 1) % q.options.length] : q.correct;
      for (const index of picks) await group.getByLabel(q.options[index]['zh-CN'], { exact: true }).check();
    }
    await page.getByRole('button', { name: zh['learning.quiz.submit'] }).click();
    const waiting = page.getByRole('status').filter({ hasText: zh['learning.offlineQuiz.waiting'] });
    await waiting.waitFor();
    await fitsPhone(page);

    // Kept on the phone: ids, option numbers and times only, nothing the server has yet.
    const stored = await page.evaluate((key) => window.localStorage.getItem(key), PENDING_KEY);
    const kept = JSON.parse(stored!) as { attemptId: string; owner: string; answers: Record<string, number[]>; startedAt: string; submittedAt: string }[];
    expect(kept).toHaveLength(1);
    expect(kept[0].owner).toBe(mother.id);
    expect(Object.keys(kept[0].answers)).toHaveLength(questions.length);
    expect(stored).not.toContain(mother.phone);
    expect(stored).not.toContain(questions[0].prompt_zh);
    const attempts = () =>
      db.query<{ n: number; client_attempt_id: string | null; client_submitted_at: Date | null; score: number }>(
        `SELECT count(*) OVER ()::int AS n, client_attempt_id, client_submitted_at, score FROM assessment_attempts WHERE enrollment_id = $1`,
        [mother.enrollmentId],
      );
    expect((await attempts()).rows).toHaveLength(0);

    // Signal again: handed in by itself, graded by the server, her result on the page.
    await context.setOffline(false);
    const expected = Math.round(((questions.length - 1) / questions.length) * 100);
    await page.getByText(fill(zh['learning.quiz.result.score'], { score: expected })).waitFor();
    await page.getByRole('heading', { name: zh['learning.quiz.result.review'] }).waitFor();
    await page.waitForFunction((key) => window.localStorage.getItem(key) === null, PENDING_KEY);
    await fitsPhone(page);

    // Exactly one attempt, under the phone's id, with the phone's time kept.
    let { rows } = await attempts();
    expect(rows).toHaveLength(1);
    expect(rows[0].client_attempt_id).toBe(kept[0].attemptId);
    expect(rows[0].client_submitted_at?.toISOString()).toBe(new Date(kept[0].submittedAt).toISOString());
    expect(rows[0].score).toBe(expected);
    const view = await apiCall<{ attemptsUsed: number; bestScore: number }>('GET', `/api/assessments/${quizId}`, await tokenOf(mother));
    expect(view).toMatchObject({ attemptsUsed: 1, bestScore: expected });

    // The answer was lost on the way and the phone sends it again: still one attempt.
    await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), { key: PENDING_KEY, value: stored! });
    await page.getByRole('link', { name: zh['learning.quiz.backToProgress'] }).first().click();
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}$`));
    await page.waitForFunction((key) => window.localStorage.getItem(key) === null, PENDING_KEY);
    ({ rows } = await attempts());
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('without JavaScript the quiz form posts as before and records the paper id it was opened with', async () => {
    const { context, page, problems } = await signedIn(browser, neighbour, { javaScriptEnabled: false });
    await page.getByRole('link', { name: `${zh['learning.open']} · ${LAW_MPL}` }).click();
    await page.waitForURL(new RegExp(`/learn/${neighbour.enrollmentId}$`));
    await page.getByRole('link', { name: zh['learning.progress.takeQuiz'] }).first().click();
    await page.waitForURL(new RegExp(`/learn/quiz/${quizId}`));
    const paperId = await page.locator('input[name="attemptId"]').inputValue();
    const { rows: questions } = await db.query<{ prompt_zh: string; options: { 'zh-CN': string }[]; correct: number[] }>(
      'SELECT prompt_zh, options, correct FROM questions WHERE assessment_id = $1',
      [quizId],
    );
    for (const q of questions)
      for (const index of q.correct) await page.getByRole('group', { name: q.prompt_zh }).getByLabel(q.options[index]['zh-CN'], { exact: true }).check();
    await page.getByRole('button', { name: zh['learning.quiz.submit'] }).click();
    await page.getByText(fill(zh['learning.quiz.result.score'], { score: 100 })).waitFor();
    await fitsPhone(page);
    const { rows } = await db.query<{ client_attempt_id: string; client_started_at: Date | null }>(
      `SELECT client_attempt_id, client_started_at FROM assessment_attempts WHERE enrollment_id = $1`,
      [neighbour.enrollmentId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].client_attempt_id).toBe(paperId);
    expect(rows[0].client_started_at).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });
});
