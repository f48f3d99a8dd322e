import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { fill, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import { newClass, newLearner, newWorld, signedIn, tokenOf, type Person, type World } from '../support/fixtures.js';
import { deviceStorage } from '../support/device-storage.js';

const QUEUE_KEY = 'hearth.attendance.queue.v1';
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

type Status = 'present' | 'late' | 'absent' | 'excused';
type Learner = Person;
interface SessionDto {
  id: string;
  startsAt: string;
  endsAt: string;
}
interface HistoryRow {
  learnerId: string;
  from: Status | null;
  to: Status;
  source: string;
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
  let world: World;
  let coordinator = '';
  let instructor = '';
  /** The station's instructor (the class's), who takes the roll. */
  let teacher: Person;
  /** A class held since last week, and its session of three days ago (recent enough for the instructor to mark). */
  let pastSession: SessionDto;
  let trio: Learner[] = [];
  /** A class with a session on now and one 10 days ago. */
  let nowSession: SessionDto;
  let oldSession: SessionDto;
  let ownLearners: Learner[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // The tests of this file follow one roll call through: a world of its own, shared by them.
    world = await newWorld({ place: '鼓山' });
    teacher = world.instructor;
    coordinator = await tokenOf(world.coordinator);
    instructor = await tokenOf(world.instructor);
    const tag = world.tag;
    const learner = (name: string) => newLearner(world, { name: `${name}${tag}`, learnerType: 'migrant_worker', org: world.station });
    trio = [await learner('考勤甲'), await learner('考勤乙'), await learner('考勤丙')];
    const held = await newClass(world, { course: 'VOC-ELDER', days: [-6, -3], endsIn: 30, location: '茶会社区活动室', learners: trio });
    pastSession = held.sessions[1];

    ownLearners = [await learner('签到丁'), await learner('签到戊'), await learner('点名己')];
    const ownClass = await newClass(world, {
      course: 'VOC-ELDER',
      startsIn: -11,
      endsIn: 1,
      sessions: [
        { startsAt: minutes(-10 * 24 * 60 - 120), endsAt: minutes(-10 * 24 * 60) },
        { startsAt: minutes(-30), endsAt: minutes(90) },
      ],
      location: '茶会社区活动室',
      learners: ownLearners,
    });
    [oldSession, nowSession] = ownClass.sessions;
  });
  afterAll(() => browser.close());

  it('the instructor marks a past session by taps on her phone, then offline, and the queue syncs each mark exactly once', async () => {
    const [a, b, c] = trio;
    const { context, page, problems } = await signedIn(browser, teacher);

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
    expect((everything.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []).filter((p) => p !== teacher.phone)).toEqual([]);
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
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.goto(`${WEB()}/teach/sessions/${pastSession.id}`);
    await page.getByRole('link', { name: zh['attendance.roster.historyLink'] }).click();
    await page.getByRole('heading', { level: 1, name: zh['attendance.history.heading'] }).waitFor();
    const entries = page.getByRole('listitem').filter({ hasText: trio[0].name });
    expect(await entries.count()).toBe(2);
    await entries.filter({ hasText: zh['attendance.history.source.offline-sync'] }).getByText(zh['attendance.status.late']).waitFor();
    await entries.first().getByText(teacher.name).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an instructor cannot change marks more than 7 days after a session', async () => {
    const { context, page } = await signedIn(browser, teacher);
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
    await page.getByLabel(zh['common.field.password']).fill(d.password);
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
    const { context, page, problems } = await signedIn(browser, teacher);
    await page.goto(`${WEB()}/teach`);
    await page.locator(`a[href="/teach/sessions/${nowSession.id}/code"]`).click();
    await page.getByRole('heading', { level: 1, name: zh['attendance.code.heading'] }).waitFor();
    await page.getByRole('img', { name: zh['attendance.code.qrLabel'] }).locator('svg').waitFor();
    const digits = (await page.locator('.code-digits').innerText()).replace(/\s/g, '');
    expect(digits).toMatch(/^\d{6}$/);
    await apiCall('POST', `/api/sessions/${nowSession.id}/check-in`, await tokenOf(e), { code: digits });
    expect((await marks(instructor, nowSession.id)).get(e.id)).toBe('present');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript the roster is a form that posts and saves, with an all-present button', async () => {
    const [d, e, f] = ownLearners;
    const { context, page } = await signedIn(browser, teacher, { javaScriptEnabled: false });
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
