/**
 * Issue #16: the installable app opens and works with no signal (a real Chromium service worker, in a
 * browser profile on disk so the worker and its stores survive closing the browser).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { API, fill, fitsPhone, launchPhone, signIn, watchConsole, WEB } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import { certify, newClass, newLearner, newWorld, tokenOf, type Klass, type Person } from '../support/fixtures.js';
import { deviceStorage, storageNames } from '../support/device-storage.js';
import { pdfImages } from '../support/pdf-images.js';
import { eventually } from '../support/wait.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const QUEUE_KEY = 'hearth.attendance.queue.v1';
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
/** Going offline on purpose makes the browser log the failed requests; those are not bugs. */
const unexpected = (problems: string[]) => problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 503/.test(p));

/** A port nothing listens on (for a web server of the test's own). */
const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });

/** The page's service worker answers with its version (build id, and the deployment's RELEASE_ID). */
const workerVersion = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((done) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => done(String(event.data));
        navigator.serviceWorker.controller!.postMessage({ type: 'VERSION' }, [channel.port2]);
      }),
  );

/**
 * Waits until `check` (run in the page, async) is true, asking again every 100 ms: the worker's caches
 * are only readable through promises, which page.waitForFunction does not wait for.
 */
async function until(page: Page, check: string, arg?: unknown, timeout = 20_000) {
  // An expression evaluated by the browser's devtools protocol (no eval under the page's CSP).
  await page.evaluate(`(async () => {
    const test = ${check};
    const end = Date.now() + ${timeout};
    while (!(await test(${JSON.stringify(arg ?? null)}))) {
      if (Date.now() > end) throw new Error('timed out waiting for the offline store');
      await new Promise((done) => setTimeout(done, 100));
    }
  })()`);
}

/** Waits until her offline store holds `url` (the worker fetches her pack after sign-in). */
const stored = (page: Page, url: string) =>
  until(
    page,
    `async (url) => {
      for (const name of await caches.keys()) {
        if (name.startsWith('hearth-pages-') && (await (await caches.open(name)).match(url))) return true;
      }
      return false;
    }`,
    url,
  );

describe('offline: the app opens cold with no signal, marks arrive once, sign-out forgets, updates replace the worker', () => {
  const profiles: string[] = [];
  let coordinator = '';
  let instructorPhone = '';
  let instructorToken = '';
  let klass: Klass;
  let learners: Person[] = [];
  let qrUrl = '';

  const profile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-phone-'));
    profiles.push(dir);
    return dir;
  };

  beforeAll(async () => {
    // The tests of this file follow one instructor's phone through: a world of its own, shared by them.
    const world = await newWorld({ place: '鼓山' });
    coordinator = await tokenOf(world.coordinator);
    instructorPhone = world.instructor.phone;
    instructorToken = await tokenOf(world.instructor);
    learners = [
      await newLearner(world, { name: `离线甲${world.tag}`, learnerType: 'migrant_worker', org: world.station }),
      await newLearner(world, { name: `离线乙${world.tag}`, learnerType: 'migrant_worker', org: world.station }),
    ];
    // A session on now (marking open) and one in three days: both in her coming week.
    klass = await newClass(world, {
      course: 'VOC-ELDER',
      startsIn: 0,
      endsIn: 4,
      sessions: [
        { startsAt: minutes(-30), endsAt: minutes(90) },
        { startsAt: minutes(3 * 24 * 60), endsAt: minutes(3 * 24 * 60 + 120) },
      ],
      location: '村委会活动室',
      learners,
    });
    // A printed certificate's QR (a graduate's): the verification URL with the signed token after '#t='.
    const graduate = await newLearner(world);
    const certificates = [await certify(world, graduate, 'CARE-SAFE')];
    const graduateToken = await tokenOf(graduate);
    const pdf = await fetch(`${API()}/api/certificates/${certificates[0].code}/pdf`, { headers: { authorization: `Bearer ${graduateToken}` } });
    qrUrl = pdfImages(Buffer.from(await pdf.arrayBuffer()))
      .map((img) => jsQR(img.rgba, img.width, img.height))
      .find(Boolean)!.data;
    expect(qrUrl).toMatch(/\/verify\/[0-9A-Z]+#t=[\w-]+\.[\w-]+\.[\w-]+$/);
  });
  afterAll(() => {
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });

  it('the instructor opens her roster cold with no signal, marks, closes the browser; the marks reach the server once; sign-out forgets the store', async () => {
    const dir = profile();
    const session = klass.sessions[0];
    const rosterPath = `/teach/sessions/${session.id}`;
    let context: BrowserContext = await launchPhone(dir);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, instructorPhone);
    // With signal, right after sign-in, the worker stores her pack: /app, /teach and her week's rosters.
    await stored(page, `${WEB()}${rosterPath}`);
    await stored(page, `${WEB()}/teach/sessions/${klass.sessions[1].id}`);

    // No signal. A new page, opened cold on the app (as from the home screen).
    await context.setOffline(true);
    const cold = await context.newPage();
    const coldProblems = watchConsole(cold);
    await cold.goto(`${WEB()}/app`);
    const banner = cold.getByRole('status').filter({ hasText: /^离线 · 数据更新于 / });
    await banner.waitFor();
    await cold.getByRole('link', { name: zh['common.nav.teach'], exact: true }).click();
    await cold.waitForURL(/\/teach$/);
    await cold.getByRole('heading', { level: 1, name: zh['attendance.teach.heading'] }).waitFor();
    await banner.waitFor();
    await cold.locator(`a[href="${rosterPath}"]`).click();
    await cold.waitForURL(new RegExp(`${rosterPath}$`));
    await banner.waitFor();
    const row = (name: string) => cold.getByRole('button', { name });
    await row(learners[0].name).waitFor();
    await cold.getByText(zh['attendance.sync.offline']).waitFor();
    await row(learners[0].name).click(); // present
    await row(learners[1].name).click();
    await row(learners[1].name).click(); // late
    await cold.getByRole('button', { name: fill(zh['attendance.roster.saveCount'], { n: 2 }) }).click();
    await cold.getByText(zh['attendance.roster.savedOffline']).waitFor();
    await fitsPhone(cold);

    // A page that needs signal and is not stored says so, in her language.
    await cold.goto(`${WEB()}/my/referrals`);
    await cold.getByRole('heading', { level: 1, name: zh['offline.page.title'] }).waitFor();

    // What the phone holds (pages, queue, outbox): learners' names on her roster, but no phone number, no token.
    const everything = await deviceStorage(cold);
    expect(everything).toContain(session.id);
    expect(everything).toContain('hearth-pages-');
    expect(everything).toContain('"hearth-offline/outbox"');
    for (const learner of learners) expect(everything).not.toContain(learner.phone);
    expect((everything.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []).filter((p) => p !== instructorPhone)).toEqual([]);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(everything).not.toContain('hearth_session');
    // (Not asserted: that the server has nothing yet. DevTools' offline emulation is per page, so the
    // browser believes it is online and Background Sync may already deliver the outbox from the worker.)
    expect(unexpected(problems)).toEqual([]);
    expect(unexpected(coldProblems)).toEqual([]);

    // The browser is closed with the marks still on the phone, and opened again where there is signal.
    await context.close();
    context = await launchPhone(dir);
    const again = context.pages()[0] ?? (await context.newPage());
    const againProblems = watchConsole(again);
    await again.goto(`${WEB()}/app`);
    await again.getByRole('heading', { name: zh['home.app.nextSteps'] }).waitFor();
    await again.waitForFunction((key) => window.localStorage.getItem(key) === null, QUEUE_KEY, { polling: 100 });
    const roster = await apiCall<{ items: { learnerId: string; status: string | null }[] }>('GET', `/api/sessions/${session.id}/attendance`, instructorToken);
    expect(new Map(roster.items.map((i) => [i.learnerId, i.status]))).toEqual(
      new Map([
        [learners[0].id, 'present'],
        [learners[1].id, 'late'],
      ]),
    );
    // Exactly once: one change per learner in the session's history, whoever sent it (the page or Background Sync).
    const { items: changes } = await apiCall<{ items: { learnerId: string; to: string }[] }>(
      'GET',
      `/api/sessions/${session.id}/attendance/history`,
      coordinator,
    );
    expect(changes.map((c) => `${c.learnerId}:${c.to}`).sort()).toEqual([`${learners[0].id}:present`, `${learners[1].id}:late`].sort());

    // Signing out forgets her offline store: pages, meta, queued-marks outbox.
    await stored(again, `${WEB()}${rosterPath}`);
    await again.getByRole('button', { name: zh['common.nav.signOut'] }).click();
    await again.getByRole('link', { name: zh['common.nav.signIn'] }).first().waitFor();
    await until(again, `async () => (await caches.keys()).every((name) => !name.startsWith('hearth-pages-') && name !== 'hearth-meta')`);
    const left = await storageNames(again);
    expect(left.caches.filter((name) => name.startsWith('hearth-pages-') || name === 'hearth-meta')).toEqual([]);
    expect(left.databases).not.toContain('hearth-offline');
    expect(await deviceStorage(again)).not.toContain(session.id);
    expect(unexpected(againProblems)).toEqual([]);
    await context.close();
  });

  it('a learner opens her lesson cold with no signal, from her home page by links', async () => {
    const context = await launchPhone(profile());
    const page = await context.newPage();
    const problems = watchConsole(page);
    const learner = learners[0];
    await signIn(page, learner.phone);
    // The pages her pack lists (her class page and its lessons) are stored after sign-in, with signal.
    const urls: string[] = await page.evaluate(async () => (await (await fetch('/learn/offline-urls.json')).json()).urls ?? []);
    const classPath = urls.find((u) => /^\/learn\/[0-9a-f-]{36}$/.test(u))!;
    const lessonPath = urls.find((u) => u.startsWith(`${classPath}/lessons/`))!;
    expect(lessonPath).toBeTruthy();
    for (const url of urls) await stored(page, `${WEB()}${url}`);

    await context.setOffline(true);
    const cold = await context.newPage();
    const coldProblems = watchConsole(cold);
    await cold.goto(`${WEB()}/app`);
    const banner = cold.getByRole('status').filter({ hasText: /^离线 · 数据更新于 / });
    await banner.waitFor();
    await cold.locator('a[href="/my/classes"]').first().click();
    await cold.waitForURL(/\/my\/classes$/);
    await banner.waitFor();
    await cold.locator(`a[href="${classPath}"]`).first().click();
    await cold.waitForURL(new RegExp(`${classPath}$`));
    await banner.waitFor();
    await cold.locator(`a[href="${lessonPath}"]`).first().click();
    await cold.waitForURL(new RegExp(`${lessonPath}$`));
    await banner.waitFor();
    await cold.getByRole('heading', { level: 1 }).waitFor();
    await fitsPhone(cold);
    // Her store holds her pages, never another learner's phone number or a token.
    const everything = await deviceStorage(cold);
    expect(everything).not.toContain(learners[1].phone);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(unexpected(problems)).toEqual([]);
    expect(unexpected(coldProblems)).toEqual([]);
    await context.close();
  });

  it("a printed certificate's QR is checked on a phone with no signal, opened cold", async () => {
    const context = await launchPhone(profile());
    const page = await context.newPage();
    const problems = watchConsole(page);
    const [base, jws] = qrUrl.split('#t=');
    const url = `${WEB()}${new URL(base).pathname}`;
    // A verifier checked one certificate with signal before (its page installs the worker, after it is shown).
    await page.goto(`${url}#t=${jws}`);
    await page.locator('#offline-check').getByText(zh['certificates.offline.valid']).waitFor();
    await until(
      page,
      `async () => {
        const name = (await caches.keys()).find((n) => n.startsWith('hearth-public-'));
        return Boolean((await navigator.serviceWorker.getRegistration())?.active && name && (await (await caches.open(name)).match('/verify/offline')));
      }`,
    );
    await context.setOffline(true);

    const cold = await context.newPage();
    const coldProblems = watchConsole(cold);
    await cold.goto(`${url}#t=${jws}`);
    await cold.getByRole('heading', { level: 1, name: zh['offline.verify.heading'] }).waitFor();
    await cold.getByText(zh['offline.verify.intro']).waitFor();
    const check = cold.locator('#offline-check');
    await check.getByText(zh['certificates.offline.valid']).waitFor();
    await fitsPhone(cold);
    // A token changed by one character fails, still with no signal.
    const [h, p, s] = jws.split('.');
    const i = Math.floor(s.length / 2);
    await cold.evaluate(
      (t) => {
        location.hash = `t=${t}`;
      },
      `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`,
    );
    await check.getByText(zh['certificates.offline.invalid']).waitFor();
    expect(unexpected(problems)).toEqual([]);
    expect(unexpected(coldProblems)).toEqual([]);
    await context.close();
  });

  it('"添加到主屏幕" is offered after sign-in, from her second page on, never on the first, and "不用了" hides it for good', async () => {
    const context = await launchPhone(profile());
    const page = await context.newPage();
    const problems = watchConsole(page);
    const heading = page.getByRole('heading', { name: zh['offline.install.heading'] });
    await page.goto(`${WEB()}/`);
    await page.getByRole('link', { name: zh['common.nav.signIn'] }).first().waitFor();
    expect(await heading.count()).toBe(0);
    await signIn(page, instructorPhone);
    // Her first page after signing in: nothing in the way yet.
    expect(await heading.count()).toBe(0);
    await page.getByRole('link', { name: zh['common.nav.teach'], exact: true }).click();
    await page.waitForURL(/\/teach$/);
    await heading.waitFor();
    // The browser's own prompt where it offers one, otherwise how to do it from the menu.
    const card = page.locator('section', { has: heading });
    expect((await card.getByRole('button', { name: zh['offline.install.add'] }).count()) + (await card.getByText(zh['offline.install.howto']).count())).toBe(1);
    await fitsPhone(page);
    await card.getByRole('button', { name: zh['offline.install.dismiss'] }).click();
    await heading.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: zh['common.nav.myHearth'] }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('heading', { name: zh['home.app.nextSteps'] }).waitFor();
    expect(await heading.count()).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('a new deployment replaces the worker when she taps "新版本", and the old version\'s caches go', async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    let server: ChildProcess | null = null;
    const start = async (release: string) => {
      const child = spawn(process.execPath, [join(root, 'apps/web/server.js')], {
        env: {
          ...process.env,
          PORT: String(port),
          API_URL: API(),
          NODE_ENV: 'production',
          SESSION_SECRET: randomBytes(32).toString('base64'),
          RELEASE_ID: release,
        },
        stdio: 'ignore',
      });
      server = child;
      const up = await eventually(
        () =>
          fetch(`${origin}/healthz`).then(
            (r) => r.ok,
            () => false,
          ),
        (ok) => ok || child.exitCode !== null,
        `the web server for release ${release} to answer`,
        { interval: 50 },
      );
      if (!up) throw new Error(`the web server for release ${release} exited (${child.exitCode})`);
    };
    const stop = async () => {
      const child = server!;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    };
    const context = await launchPhone(profile());
    try {
      await start('r1');
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { polling: 100 });
      const first = await workerVersion(page);
      expect(first).toMatch(/-r1$/);

      // The next deployment: the same address answers with a changed worker. She opens the app again
      // (a second page; the first stays open, in use).
      await stop();
      await start('r2');
      const second = await context.newPage();
      const secondProblems = watchConsole(second);
      await second.goto(`${origin}/`);
      // The new worker waits (both pages keep the old one) until she taps the prompt.
      const reload = second.getByRole('button', { name: zh['offline.update.reload'] });
      await reload.waitFor({ timeout: 20_000 });
      expect(await workerVersion(page)).toBe(first);
      expect(await workerVersion(second)).toBe(first);
      await Promise.all([second.waitForEvent('load'), reload.click()]);
      await second.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { polling: 100 });
      expect(await workerVersion(second)).toBe(first.replace(/-r1$/, '-r2'));
      await until(second, `async () => !(await caches.keys()).some((name) => name.endsWith('-r1'))`);
      expect(unexpected(secondProblems)).toEqual([]);
      const { caches } = await storageNames(second);
      expect(caches.filter((name) => name.endsWith('-r1'))).toEqual([]);
      expect(caches).toContain(`hearth-public-${first.replace(/-r1$/, '-r2')}`);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await context.close();
      if (server) await stop();
    }
  });
});
