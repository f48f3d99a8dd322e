import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO, DEMO_PASSWORD, fill, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { apiCall, apiLogin } from '../support/api.js';
import { deviceStorage } from '../support/device-storage.js';

const STATION = '鼓山镇茶会社区服务点';
const QUEUE_KEY = 'hearth.attendance.queue.v1';
/** A calendar date in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
let phoneCounter = 0;
const uniquePhone = () => `158${String(Date.now() + phoneCounter++).slice(-8)}`;
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

type Status = 'present' | 'late' | 'absent' | 'excused';
interface Learner {
  id: string;
  name: string;
  phone: string;
}
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
interface HistoryRow {
  learnerId: string;
  from: Status | null;
  to: Status;
  source: string;
}

async function token(phone: string): Promise<{ token: string; userId: string }> {
  const result = await apiLogin(phone);
  return { token: result.accessToken, userId: result.user.id };
}

async function newLearner(coordinator: string, orgId: string, name: string): Promise<Learner> {
  const phone = uniquePhone();
  const user = await apiCall<{ id: string }>('POST', '/api/users', coordinator, { phone, name, role: 'learner', orgId, learnerType: 'migrant_worker', password: DEMO_PASSWORD });
  return { id: user.id, name, phone };
}

/** Enrols the learners, first making room: other suites enrol into the same demo class. */
async function enrolAll(coordinator: string, klass: ClassDto, learners: Learner[]) {
  const current = await apiCall<ClassDto>('GET', `/api/classes/${klass.id}`, coordinator);
  const needed = current.enrolledCount + current.waitlistCount + learners.length;
  if (current.capacity < needed) await apiCall('PATCH', `/api/classes/${klass.id}`, coordinator, { capacity: needed });
  for (const learner of learners) {
    const result = await apiCall<{ status: string }>('POST', `/api/classes/${klass.id}/enrollments`, coordinator, { learnerId: learner.id });
    expect(result.status).toBe('enrolled');
  }
}

async function marks(accessToken: string, sessionId: string): Promise<Map<string, Status | null>> {
  const roster = await apiCall<{ items: { learnerId: string; status: Status | null }[] }>('GET', `/api/sessions/${sessionId}/attendance`, accessToken);
  return new Map(roster.items.map((i) => [i.learnerId, i.status]));
}

async function history(accessToken: string, sessionId: string, learners: Learner[]): Promise<Map<string, [Status | null, Status][]>> {
  const { items } = await apiCall<{ items: HistoryRow[] }>('GET', `/api/sessions/${sessionId}/attendance/history`, accessToken);
  return new Map(learners.map((l) => [l.id, items.filter((h) => h.learnerId === l.id).map((h): [Status | null, Status] => [h.from, h.to])]));
}

/** Going offline on purpose makes the browser log the failed requests; those are not bugs. */
const unexpected = (problems: string[]) => problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));

describe('attendance at the station: roll call on a phone, offline sync, check-in codes', () => {
  let browser: Browser;
  let coordinator = '';
  let instructor = '';
  let instructorId = '';
  /** The demo VOC-ELDER class (started a week before seeding) and one of its past sessions. */
  let demoClass: ClassDto;
  let pastSession: SessionDto;
  const tag = String(Date.now()).slice(-5);
  let trio: Learner[] = [];
  /** A class of our own with a session on now and one 10 days ago. */
  let ownClass: ClassDto;
  let nowSession: SessionDto;
  let oldSession: SessionDto;
  let ownLearners: Learner[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinator = (await token(DEMO.coordinator)).token;
    ({ token: instructor, userId: instructorId } = await token(DEMO.instructor));

    const { items } = await apiCall<{ items: ClassDto[] }>('GET', '/api/classes?limit=100', coordinator);
    const now = Date.now();
    const candidates = items
      .filter((k) => k.courseCode === 'VOC-ELDER' && k.orgName === STATION && k.instructorName === '林芳')
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    demoClass = candidates[0];
    expect(demoClass).toBeDefined();
    // The latest session that is over, and recent enough for the instructor to mark (7 days).
    pastSession = demoClass.sessions
      .filter((s) => new Date(s.endsAt).getTime() < now && new Date(s.endsAt).getTime() > now - 6 * 86_400_000)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
    expect(pastSession).toBeDefined();
    trio = [
      await newLearner(coordinator, demoClass.orgId, `考勤甲${tag}`),
      await newLearner(coordinator, demoClass.orgId, `考勤乙${tag}`),
      await newLearner(coordinator, demoClass.orgId, `考勤丙${tag}`),
    ];
    await enrolAll(coordinator, demoClass, trio);

    ownClass = await apiCall<ClassDto>('POST', '/api/classes', coordinator, {
      courseId: demoClass.courseId,
      orgId: demoClass.orgId,
      instructorId,
      startsOn: chinaDay(-11),
      endsOn: chinaDay(1),
      capacity: 10,
      location: '茶会社区活动室',
      sessions: [
        { startsAt: minutes(-10 * 24 * 60 - 120), endsAt: minutes(-10 * 24 * 60) },
        { startsAt: minutes(-30), endsAt: minutes(90) },
      ],
    });
    [oldSession, nowSession] = ownClass.sessions;
    ownLearners = [
      await newLearner(coordinator, demoClass.orgId, `签到丁${tag}`),
      await newLearner(coordinator, demoClass.orgId, `签到戊${tag}`),
      await newLearner(coordinator, demoClass.orgId, `点名己${tag}`),
    ];
    await enrolAll(coordinator, ownClass, ownLearners);
  });
  afterAll(() => browser.close());

  it('the instructor marks a past session by taps on her phone, then offline, and the queue syncs each mark exactly once', async () => {
    const [a, b, c] = trio;
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.instructor);

    await page.goto(`${WEB()}/teach`);
    await page.getByRole('heading', { level: 1, name: zh['attendance.teach.heading'] }).waitFor();
    await page.getByRole('heading', { name: zh['attendance.teach.recent'] }).waitFor();
    await page.locator(`a[href="/teach/sessions/${pastSession.id}"]`).click();
    await page.waitForURL(new RegExp(`/teach/sessions/${pastSession.id}$`));

    // One large button per learner once the page is live; each tap moves her to the next mark.
    const row = (learner: Learner) => page.getByRole('button', { name: learner.name });
    const tap = async (learner: Learner, times: number) => {
      for (let i = 0; i < times; i++) await row(learner).click();
    };
    await row(a).waitFor();
    await page.getByText(zh['attendance.sync.online'], { exact: true }).waitFor();
    await tap(a, 1); // present
    await tap(b, 2); // late
    await tap(c, 3); // absent
    await row(c).getByText(zh['attendance.status.absent']).waitFor();
    await page.getByRole('button', { name: fill(zh['attendance.roster.saveCount'], { n: 3 }) }).click();
    await page.getByText(fill(zh['attendance.roster.saved'], { n: 3 })).waitFor();
    let server = await marks(instructor, pastSession.id);
    expect([server.get(a.id), server.get(b.id), server.get(c.id)]).toEqual(['present', 'late', 'absent']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // No signal: the taps are saved on the phone, nothing reaches the server.
    await context.setOffline(true);
    await page.getByText(zh['attendance.sync.offline']).waitFor();
    await tap(a, 1); // late
    await tap(b, 1); // absent
    await tap(c, 1); // excused
    await page.getByRole('button', { name: fill(zh['attendance.roster.saveCount'], { n: 3 }) }).click();
    await page.getByText(fill(zh['attendance.sync.pending'], { n: 3 })).waitFor();
    await page.getByText(zh['attendance.roster.savedOffline']).waitFor();
    await row(a).getByText(zh['attendance.roster.queued']).waitFor();
    const stored = (await page.evaluate((key) => window.localStorage.getItem(key), QUEUE_KEY)) ?? '';
    expect(stored).toContain(a.id);
    expect(stored).toContain('offline-sync');
    // Only ids and marks on the phone: no names, no phone numbers.
    for (const learner of trio) {
      expect(stored).not.toContain(learner.name);
      expect(stored).not.toContain(learner.phone);
    }
    // Everything scripts can read on the device (storage, cookies, the service worker's caches, IndexedDB):
    // no phone number but her own, no token (the session cookie is httpOnly).
    const everything = await deviceStorage(page);
    expect((everything.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []).filter((p) => p !== DEMO.instructor)).toEqual([]);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(everything).not.toContain('hearth_session');
    server = await marks(instructor, pastSession.id);
    expect([server.get(a.id), server.get(b.id), server.get(c.id)]).toEqual(['present', 'late', 'absent']);

    // Back online: the queue drains by itself.
    await context.setOffline(false);
    await page.getByText(fill(zh['attendance.sync.pending'], { n: 3 })).waitFor({ state: 'detached' });
    await page.waitForFunction((key) => window.localStorage.getItem(key) === null, QUEUE_KEY);
    server = await marks(instructor, pastSession.id);
    expect([server.get(a.id), server.get(b.id), server.get(c.id)]).toEqual(['late', 'absent', 'excused']);

    // A retry of a batch the server already has (its answer lost on the way) changes nothing.
    await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), { key: QUEUE_KEY, value: stored });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction((key) => window.localStorage.getItem(key) === null, QUEUE_KEY);

    const rows = await history(coordinator, pastSession.id, trio);
    expect(rows.get(a.id)).toEqual([
      [null, 'present'],
      ['present', 'late'],
    ]);
    expect(rows.get(b.id)).toEqual([
      [null, 'late'],
      ['late', 'absent'],
    ]);
    expect(rows.get(c.id)).toEqual([
      [null, 'absent'],
      ['absent', 'excused'],
    ]);
    await row(a).getByText(zh['attendance.status.late']).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('a coordinator reads the corrections of that session', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.coordinator);
    await page.goto(`${WEB()}/teach/sessions/${pastSession.id}`);
    await page.getByRole('link', { name: zh['attendance.roster.historyLink'] }).click();
    await page.getByRole('heading', { level: 1, name: zh['attendance.history.heading'] }).waitFor();
    const entries = page.getByRole('listitem').filter({ hasText: trio[0].name });
    expect(await entries.count()).toBe(2);
    await entries.filter({ hasText: zh['attendance.history.source.offline-sync'] }).getByText(zh['attendance.status.late']).waitFor();
    await entries.first().getByText(/林芳/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an instructor cannot change marks more than 7 days after a session', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.instructor);
    await page.goto(`${WEB()}/teach/sessions/${oldSession.id}`);
    await page.getByText(zh['attendance.roster.closed']).waitFor();
    await page.getByText(ownLearners[0].name).waitFor();
    expect(await page.getByRole('button', { name: zh['attendance.roster.allPresent'] }).count()).toBe(0);
    await context.close();
  });

  it('a learner scans the check-in code, signs in on the way, and is marked present', async () => {
    const [d] = ownLearners;
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    const { code } = await apiCall<{ code: string }>('POST', `/api/sessions/${nowSession.id}/check-in-code`, instructor);
    await page.goto(`${WEB()}/check-in/${nowSession.id}?code=${code}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel(zh['common.field.phone'], { exact: true }).fill(d.phone);
    await page.getByLabel(zh['common.field.password']).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: zh['account.login.submit'] }).click();
    await page.waitForURL(new RegExp(`/check-in/${nowSession.id}\\?code=${code}$`));
    await page.getByRole('heading', { level: 1, name: zh['attendance.checkIn.heading'] }).waitFor();
    expect(await page.getByLabel(zh['attendance.checkIn.code']).inputValue()).toBe(code);

    // A wrong code is refused in her language.
    await page.getByLabel(zh['attendance.checkIn.code']).fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: zh['attendance.checkIn.submit'] }).click();
    await page.getByText(zh['attendance.checkIn.invalidCode']).first().waitFor();

    await page.getByLabel(zh['attendance.checkIn.code']).fill(code);
    await page.getByRole('button', { name: zh['attendance.checkIn.submit'] }).click();
    await page.getByText(zh['attendance.checkIn.done']).waitFor();
    expect((await marks(instructor, nowSession.id)).get(d.id)).toBe('present');

    // Back on the page: "已签到", no second check-in.
    await page.goto(`${WEB()}/check-in/${nowSession.id}`);
    await page.getByText(zh['attendance.checkInState.already'], { exact: true }).waitFor();
    expect(await page.getByLabel(zh['attendance.checkIn.code']).count()).toBe(0);

    // 我的班级 shows her attendance and class hours.
    await page.goto(`${WEB()}/my/classes`);
    const mine = page.getByRole('listitem').filter({ hasText: fill(zh['attendance.mine.value'], { held: 2, attended: 1, pct: 50 }) });
    await mine.waitFor();
    await mine.getByText(fill(zh['attendance.mine.hoursValue'], { n: 2 })).waitFor();
    // Checked in already: "已签到" instead of the check-in button.
    await mine.getByText(zh['attendance.checkInState.already'], { exact: true }).waitFor();
    expect(await mine.getByRole('link', { name: zh['attendance.mine.checkIn'] }).count()).toBe(0);
    expect(unexpected(problems).filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
    await context.close();
  });

  it('the instructor shows the rotating code as a QR code and in big digits, and it checks a learner in', async () => {
    const [, e] = ownLearners;
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, DEMO.instructor);
    await page.goto(`${WEB()}/teach`);
    await page.locator(`a[href="/teach/sessions/${nowSession.id}/code"]`).click();
    await page.getByRole('heading', { level: 1, name: zh['attendance.code.heading'] }).waitFor();
    await page.getByRole('img', { name: zh['attendance.code.qrLabel'] }).locator('svg').waitFor();
    const digits = (await page.locator('.code-digits').innerText()).replace(/\s/g, '');
    expect(digits).toMatch(/^\d{6}$/);
    const learner = await token(e.phone);
    await apiCall('POST', `/api/sessions/${nowSession.id}/check-in`, learner.token, { code: digits });
    expect((await marks(instructor, nowSession.id)).get(e.id)).toBe('present');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript the roster is a form that posts and saves, with an all-present button', async () => {
    const [d, e, f] = ownLearners;
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, DEMO.instructor);
    await page.goto(`${WEB()}/teach/sessions/${nowSession.id}`);
    const group = page.getByRole('group', { name: f.name });
    await group.getByLabel(zh['attendance.status.late']).check();
    // Each post answers with a new page: wait for it, not for the same message on the old one.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: zh['attendance.roster.save'], exact: true }).click()]);
    await page.getByText(fill(zh['attendance.roster.saved'], { n: 1 })).waitFor();
    expect((await marks(instructor, nowSession.id)).get(f.id)).toBe('late');
    expect(await page.getByRole('group', { name: f.name }).getByLabel(zh['attendance.status.late']).isChecked()).toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: zh['attendance.roster.allPresent'] }).click()]);
    await page.getByText(fill(zh['attendance.roster.saved'], { n: 1 })).waitFor();
    const server = await marks(instructor, nowSession.id);
    expect([server.get(d.id), server.get(e.id), server.get(f.id)]).toEqual(['present', 'present', 'present']);
    const rows = await history(coordinator, nowSession.id, ownLearners);
    expect(rows.get(f.id)).toEqual([
      [null, 'late'],
      ['late', 'present'],
    ]);
    expect(rows.get(d.id)).toEqual([[null, 'present']]);

    // The code page refreshes itself without JavaScript.
    await page.goto(`${WEB()}/teach/sessions/${nowSession.id}/code`);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);

    // The paper sheet: every learner with boxes to tick.
    await page.goto(`${WEB()}/teach/sessions/${nowSession.id}/print`);
    await page.getByRole('heading', { level: 1, name: new RegExp(zh['attendance.print.heading']) }).waitFor();
    for (const learner of ownLearners) await page.getByRole('rowheader', { name: learner.name }).waitFor();
    await page.getByRole('columnheader', { name: zh['attendance.status.excused'] }).waitFor();
    await page.getByText(zh['attendance.print.instructorSignature']).waitFor();
    await context.close();
  });
});
