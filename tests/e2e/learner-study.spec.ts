import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, fitsPhone, launchBrowser } from '../support/browser.js';
import { markPresent, newClass, newLearner, newWorld, signedIn, uniquePersonName, type Person } from '../support/fixtures.js';
import { connectDb, type PgClient } from '../support/db.js';

const LAW_MPL = '《中华人民共和国未成年人保护法》（2020年修订）';

/** A phone with a Chinese voice: speechSynthesis answers one zh-CN voice and records what it is asked to say. */
function stubChineseVoice() {
  const w = window as unknown as { __spoken: string[]; SpeechSynthesisUtterance: unknown };
  w.__spoken = [];
  const voice = { lang: 'zh-CN', name: 'Test Chinese', voiceURI: 'test-zh', default: true, localService: true };
  const synth = {
    getVoices: () => [voice],
    speak: (u: { text: string }) => w.__spoken.push(u.text),
    cancel: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    speaking: false,
    pending: false,
    paused: false,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = class {
    text: string;
    constructor(text: string) {
      this.text = text;
    }
  };
}

/** The browser as it is (headless Chromium has no voices): notes when the page has asked for them. */
function watchVoices() {
  const w = window as unknown as { __voicesAsked: boolean };
  w.__voicesAsked = false;
  if (!('speechSynthesis' in window)) {
    w.__voicesAsked = true;
    return;
  }
  const real = window.speechSynthesis.getVoices.bind(window.speechSynthesis);
  window.speechSynthesis.getVoices = () => {
    w.__voicesAsked = true;
    return real();
  };
}

const fontSize = (page: Page, selector: string) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);

describe('a learner studies: home → her class → a lesson (read aloud, larger text) → the quiz → progress → readiness', () => {
  let browser: Browser;
  let db: PgClient;
  let mother: Person & { enrollmentId: string };
  let stationName = '';
  let lessons: { position: number; title: string }[] = [];
  let quizId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    db = await connectDb();

    // The coordinator registers a caring mother, puts her in a LAW-MPL class whose four 2-hour sessions
    // are held (she attended them all), and in a CARE-SAFE class that starts next week.
    const world = await newWorld({ place: '金塔' });
    stationName = world.station.name;
    const her = await newLearner(world, { name: uniquePersonName('王') });
    const law = await newClass(world, { course: 'LAW-MPL', days: [-9, -7, -5, -3], endsIn: 5, location: '驿站二楼活动室', learners: [her] });
    await markPresent(
      world,
      law.sessions.map((s) => s.id),
      [her],
    );
    lessons = law.course.lessons;
    quizId = law.course.assessments.find((a) => a.kind === 'quiz')!.id;
    mother = { ...her, enrollmentId: law.enrollments[her.id] };
    await newClass(world, { course: 'CARE-SAFE', days: [7, 14], from: '09:00', to: '12:00', location: '驿站一楼', learners: [her] });
  });
  afterAll(async () => {
    await db.end();
    await browser.close();
  });

  it('on a phone with a Chinese voice she only clicks: reads a lesson aloud and in larger text, passes the quiz, and sees where she stands', async () => {
    const { context, page, problems } = await signedIn(browser, mother, { initScript: stubChineseVoice });

    // Home: her class, with its next step, leads to her class page.
    const home = page.getByRole('region', { name: zh['learning.home.heading'] });
    const card = home.getByRole('listitem').filter({ has: page.getByRole('heading', { name: LAW_MPL }) });
    await card.getByText(fill(zh['learning.next.quiz'], { title: '《未成年人保护法》结业测验' })).waitFor();
    await fitsPhone(page);
    await card.getByRole('link', { name: `${zh['learning.open']} · ${LAW_MPL}` }).click();

    // Her class page: the next step highlighted, the lessons, her progress against each rule, stated in words.
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}$`));
    await page.getByRole('heading', { level: 1, name: LAW_MPL }).waitFor();
    const next = page.getByRole('region', { name: zh['learning.next.heading'] });
    await next.getByRole('link', { name: zh['learning.progress.takeQuiz'] }).waitFor();
    await page.getByText(fill(zh['learning.progress.hoursValue'], { actual: 8, required: 8 })).waitFor();
    await page.getByText(zh['learning.attendanceRule']).waitFor();
    // The seeded titles already say "第一课": never "第 1 课：第一课".
    expect(lessons[0].title.startsWith('第一课')).toBe(true);
    const lessonLinks = page
      .getByRole('list')
      .filter({ has: page.getByRole('link', { name: lessons[0].title }) })
      .getByRole('link');
    expect(await lessonLinks.count()).toBe(lessons.length);
    expect(await page.getByText(/第\s*1\s*课：第一课/).count()).toBe(0);
    await fitsPhone(page);
    await page.getByRole('link', { name: lessons[0].title }).click();

    // A lesson: read aloud (her phone has a Chinese voice), then larger text.
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}/lessons/1$`));
    await page.getByRole('heading', { level: 1, name: lessons[0].title }).waitFor();
    const readAloud = page.getByRole('button', { name: zh['learning.readAloud.lesson'] });
    await readAloud.click();
    await page.getByRole('button', { name: zh['learning.readAloud.stop'] }).waitFor();
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
    expect(spoken[0]).toContain(lessons[0].title);
    expect(spoken.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: zh['learning.readAloud.stop'] }).click();
    const normal = await fontSize(page, '#lesson-text p');
    await page.getByRole('link', { name: zh['learning.text.larger'] }).click();
    await page.waitForURL(/text=large/);
    await page.getByRole('link', { name: zh['learning.text.normal'] }).waitFor();
    expect(await fontSize(page, '#lesson-text p')).toBeGreaterThan(normal * 1.2);
    await fitsPhone(page);
    // Remembered: the next lesson is large too.
    await page.getByRole('link', { name: zh['learning.lesson.next'] }).click();
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}/lessons/2$`));
    await page.getByRole('heading', { level: 1, name: lessons[1].title }).waitFor();
    expect(await fontSize(page, '#lesson-text p')).toBeGreaterThan(normal * 1.2);

    // Back to her class, and to the quiz from the highlighted next step.
    await page.getByRole('link', { name: zh['learning.lesson.back'] }).click();
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}$`));
    await page.getByRole('region', { name: zh['learning.next.heading'] }).getByRole('link', { name: zh['learning.progress.takeQuiz'] }).click();
    await page.waitForURL(new RegExp(`/learn/quiz/${quizId}\\?enrollment=${mother.enrollmentId}$`));
    await page.getByRole('button', { name: fill(zh['learning.readAloud.question'], { n: 1 }) }).waitFor();
    await page.getByRole('button', { name: fill(zh['learning.readAloud.question'], { n: 1 }) }).click();
    await page.getByRole('button', { name: zh['learning.readAloud.stop'] }).click();

    const { rows: questions } = await db.query<{ prompt_zh: string; options: { 'zh-CN': string }[]; correct: number[] }>(
      'SELECT prompt_zh, options, correct FROM questions WHERE assessment_id = $1',
      [quizId],
    );
    expect(questions.length).toBeGreaterThan(5);
    for (const q of questions) {
      const group = page.getByRole('group', { name: q.prompt_zh });
      for (const index of q.correct) await group.getByLabel(q.options[index]['zh-CN'], { exact: true }).check();
    }
    await fitsPhone(page);
    await page.getByRole('button', { name: zh['learning.quiz.submit'] }).click();
    await page.getByText(zh['learning.quiz.result.passed']).waitFor();
    await page.getByText(zh['learning.quiz.result.certificate']).waitFor();

    // Her progress, updated: the quiz passed and the certificate issued.
    await page.getByRole('link', { name: zh['learning.quiz.backToProgress'] }).first().click();
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}$`));
    await page.getByText(zh['learning.progress.certificate']).waitFor();
    const quizItem = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '《未成年人保护法》结业测验' }) });
    await quizItem.getByText(zh['learning.progress.met'], { exact: true }).waitFor();
    await quizItem.getByText(fill(zh['learning.progress.scoreValue'], { score: 100, pass: 80 }).split('，')[0]).waitFor();

    // Readiness: where she stands in each required course.
    await page.getByRole('link', { name: zh['common.nav.myHearth'] }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('link', { name: zh['common.nav.readiness'] }).click();
    await page.waitForURL(/\/my\/readiness$/);
    const item = (title: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    await item(/未成年人保护法/)
      .getByText(zh['certificates.readiness.state.done'], { exact: true })
      .waitFor();
    const careSafe = item(/关爱服务注意事项/);
    await careSafe.getByText(`已报名：${stationName}`).waitFor();
    await careSafe.getByText(zh['certificates.readiness.class.progressNone']).waitFor();
    await careSafe.getByRole('link', { name: new RegExp(`^${zh['certificates.readiness.class.toClass']}`) }).waitFor();
    expect(await page.getByRole('link', { name: '去报名', exact: true }).count()).toBe(0);
    // A course she has not started: a word saying so, and the way to a class to enrol in.
    const pjd = item(/预防未成年人犯罪法/);
    await pjd.getByText(zh['certificates.readiness.class.notStarted']).waitFor();
    await pjd.getByRole('link', { name: new RegExp(`^(${zh['certificates.readiness.courseLink']}|${zh['certificates.readiness.class.enrol']})`) }).waitFor();
    await fitsPhone(page);

    // Her CARE-SAFE class page, from the readiness list.
    await careSafe.getByRole('link', { name: new RegExp(`^${zh['certificates.readiness.class.toClass']}`) }).click();
    await page.waitForURL(/\/learn\/[0-9a-f-]{36}$/);
    await page
      .getByRole('region', { name: zh['learning.next.heading'] })
      .getByText(/^按时上课：/)
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without a voice for Chinese (headless Chromium) there is no read-aloud button; from my classes she reaches her class', async () => {
    const { context, page, problems } = await signedIn(browser, mother, { initScript: watchVoices });
    await page.getByRole('link', { name: zh['common.nav.myClasses'] }).click();
    await page.waitForURL(/\/my\/classes$/);
    await page.getByRole('link', { name: `${zh['learning.open']} · ${LAW_MPL}` }).click();
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}$`));
    await page.getByRole('link', { name: lessons[0].title }).click();
    await page.getByRole('heading', { level: 1, name: lessons[0].title }).waitFor();
    await page.waitForFunction(() => (window as unknown as { __voicesAsked: boolean }).__voicesAsked);
    const zhVoices = await page.evaluate(() =>
      'speechSynthesis' in window ? window.speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('zh')).length : 0,
    );
    expect(await page.getByRole('button', { name: zh['learning.readAloud.lesson'] }).count()).toBe(zhVoices > 0 ? 1 : 0);
    // The larger text she chose in the first test is not hers on this phone: text starts normal.
    await page.getByRole('link', { name: zh['learning.text.larger'] }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript: no read-aloud button in the page, and larger text still works', async () => {
    const { context, page } = await signedIn(browser, mother, { javaScriptEnabled: false });
    await page.getByRole('link', { name: `${zh['learning.open']} · ${LAW_MPL}` }).click();
    await page.waitForURL(new RegExp(`/learn/${mother.enrollmentId}$`));
    await page.getByRole('link', { name: lessons[2].title }).click();
    await page.getByRole('heading', { level: 1, name: lessons[2].title }).waitFor();
    expect(await page.getByRole('button', { name: zh['learning.readAloud.lesson'] }).count()).toBe(0);
    await page.getByRole('link', { name: zh['learning.text.larger'] }).click();
    await page.waitForURL(/text=large/);
    await page.getByRole('link', { name: zh['learning.text.normal'] }).click();
    await page.waitForURL(/text=normal/);
    await page.getByRole('link', { name: zh['learning.text.larger'] }).waitFor();
    await fitsPhone(page);
    await context.close();
  });
});
