// Offline app figures for BENCHMARKS.md (issue #16; docs/decisions/014-offline-web-app.md):
//  1. what a first visit downloads: the sign-in page with its files, then the service worker's precache
//     (transfer = bytes on the wire, compressed; decoded = bytes after decompression);
//  2. what the offline store holds for an instructor with 3 classes (entries and bytes per cache);
//  3. the time to open her roster cold with no signal, at 4x CPU slowdown (median of 5).
// Usage: `npm run build && node tests/bench/offline.mjs` (starts the product on free ports with a fresh
// data dir, like the e2e tests), or HEARTH_WEB_URL=… HEARTH_API_URL=… node tests/bench/offline.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort } from '../../scripts/embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'Hearth@2026';
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function product() {
  if (process.env.HEARTH_WEB_URL && process.env.HEARTH_API_URL)
    return { web: process.env.HEARTH_WEB_URL, api: process.env.HEARTH_API_URL, stop: async () => {} };
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-offline-'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      HEARTH_DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      PORT: String(webPort),
      SEED_DEMO: 'true',
      RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  await new Promise((done, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Hearth is running')) {
        clearInterval(timer);
        done();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(output));
      }
    }, 100);
  });
  return {
    web: `http://127.0.0.1:${webPort}`,
    api: `http://127.0.0.1:${apiPort}`,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function call(api, method, path, token, body) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}
const login = async (api, phone) => (await call(api, 'POST', '/api/auth/login', null, { phone, password: PASSWORD })).accessToken;

/** Runs `check` in the page until it is true (caches are read through promises). */
async function until(page, check, timeout = 30_000) {
  await page.evaluate(`(async () => {
    const test = ${check};
    const end = Date.now() + ${timeout};
    while (!(await test())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((done) => setTimeout(done, 100));
    }
  })()`);
}

/** Bytes of every response the page itself loaded (CDP: encoded = on the wire, decoded = after decompression). */
function countBytes(cdp) {
  const bytes = { transfer: 0, decoded: 0, requests: 0 };
  cdp.on('Network.dataReceived', (e) => (bytes.decoded += e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    bytes.transfer += e.encodedDataLength;
    bytes.requests += 1;
  });
  return bytes;
}

/** Body bytes as sent by the server for this Accept-Encoding. */
const wireBytes = (url, encoding) =>
  new Promise((done, fail) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let n = 0;
      res.on('data', (chunk) => (n += chunk.length));
      res.on('end', () => done(n));
    }).on('error', fail);
  });

const { web, api, stop } = await product();
const profiles = [];
const browserProfile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-phone-'));
  profiles.push(dir);
  return dir;
};
try {
  // 1. A first visit: the sign-in page and its files, then the worker installs and precaches the shell.
  const first = await chromium.launchPersistentContext(browserProfile(), { ...CHROMIUM, ...PHONE });
  const page = await first.newPage();
  const cdp = await first.newCDPSession(page);
  await cdp.send('Network.enable');
  const pageBytes = countBytes(cdp);
  await page.goto(`${web}/login`, { waitUntil: 'load' });
  await until(page, `async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)`);
  const precached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'));
    return (await (await caches.open(name)).keys()).map((r) => r.url);
  });
  const precache = { transfer: 0, decoded: 0, files: precached.length };
  for (const url of precached) {
    // What the worker's request costs on the wire (gzip, as the web's compression middleware answers):
    // counted from the raw socket bytes of the body (fetch would decompress them).
    precache.transfer += await wireBytes(url, 'gzip');
    precache.decoded += await wireBytes(url, 'identity');
  }
  await first.close();

  // 2. An instructor with 3 classes, each with sessions today and in the coming week, 6 learners each.
  const coordinator = await login(api, '13900000002');
  const { items: orgs } = await call(api, 'GET', '/api/orgs', coordinator);
  const station = orgs.find((o) => o.name === '鼓山镇茶会社区服务点');
  const { items: classes } = await call(api, 'GET', '/api/classes?limit=100', coordinator);
  const course = classes.find((k) => k.courseCode === 'VOC-ELDER');
  const tag = String(Date.now()).slice(-6);
  const phone = (n) => `155${tag}${String(n).padStart(2, '0')}`;
  const instructor = await call(api, 'POST', '/api/users', coordinator, {
    phone: phone(0),
    name: `基准老师${tag}`,
    role: 'instructor',
    orgId: station.id,
    password: PASSWORD,
  });
  const day = (d) => new Date(Date.now() + 8 * 3600_000 + d * 86_400_000).toISOString().slice(0, 10);
  const at = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
  let rosterSession = null;
  let firstClass = null;
  let n = 1;
  for (let k = 0; k < 3; k++) {
    const klass = await call(api, 'POST', '/api/classes', coordinator, {
      courseId: course.courseId,
      orgId: station.id,
      instructorId: instructor.id,
      startsOn: day(0),
      endsOn: day(7),
      capacity: 10,
      location: `活动室 ${k + 1}`,
      sessions: [
        { startsAt: at(-30 + k * 150), endsAt: at(90 + k * 150) },
        { startsAt: at((2 + k) * 1440), endsAt: at((2 + k) * 1440 + 120) },
        { startsAt: at((5 + (k % 2)) * 1440), endsAt: at((5 + (k % 2)) * 1440 + 120) },
      ],
    });
    rosterSession ??= klass.sessions[0];
    firstClass ??= klass;
    for (let i = 0; i < 6; i++) {
      const learner = await call(api, 'POST', '/api/users', coordinator, {
        phone: phone(n++),
        name: `学员${k}${i}${tag}`,
        role: 'learner',
        orgId: station.id,
        learnerType: 'migrant_worker',
        password: PASSWORD,
      });
      await call(api, 'POST', `/api/classes/${klass.id}/enrollments`, coordinator, { learnerId: learner.id });
    }
  }
  const context = await chromium.launchPersistentContext(browserProfile(), { ...CHROMIUM, ...PHONE });
  const signIn = await context.newPage();
  await signIn.goto(`${web}/login`);
  await signIn.getByLabel('手机号', { exact: true }).fill(phone(0));
  await signIn.getByLabel('密码').fill(PASSWORD);
  await signIn.getByRole('button', { name: '登录' }).click();
  await signIn.waitForURL(/\/app$/);
  await until(signIn, `async () => Boolean(await caches.match('/__hearth/offline-meta', { cacheName: 'hearth-meta' }))`);
  const store = await signIn.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      let bytes = 0;
      const requests = await cache.keys();
      for (const request of requests) bytes += (await (await cache.match(request)).blob()).size;
      out[name.replace(/^(hearth-pages-[0-9a-f]+)-[0-9a-f]+$/, '$1-<account>').replace(/^workbox-precache-v2-.*$/, 'workbox-precache-v2')] = {
        entries: requests.length,
        bytes,
      };
    }
    return out;
  });

  // 2b. A learner in two courses (the elder-care class above and a housekeeping class): what her store holds.
  const house = classes.find((k) => k.courseCode === 'VOC-HOUSE');
  const second = await call(api, 'POST', '/api/classes', coordinator, {
    courseId: house.courseId,
    orgId: station.id,
    instructorId: instructor.id,
    startsOn: day(1),
    endsOn: day(14),
    capacity: 10,
    location: '活动室 4',
    sessions: [{ startsAt: at(1440), endsAt: at(1440 + 120) }],
  });
  const learnerPhone = phone(90);
  const learner = await call(api, 'POST', '/api/users', coordinator, {
    phone: learnerPhone,
    name: `基准学员${tag}`,
    role: 'learner',
    orgId: station.id,
    learnerType: 'migrant_worker',
    password: PASSWORD,
  });
  for (const k of [firstClass, second]) await call(api, 'POST', `/api/classes/${k.id}/enrollments`, coordinator, { learnerId: learner.id });
  const learnerContext = await chromium.launchPersistentContext(browserProfile(), { ...CHROMIUM, ...PHONE });
  const learnerPage = await learnerContext.newPage();
  await learnerPage.goto(`${web}/login`);
  await learnerPage.getByLabel('手机号', { exact: true }).fill(learnerPhone);
  await learnerPage.getByLabel('密码').fill(PASSWORD);
  await learnerPage.getByRole('button', { name: '登录' }).click();
  await learnerPage.waitForURL(/\/app$/);
  await until(learnerPage, `async () => Boolean(await caches.match('/__hearth/offline-meta', { cacheName: 'hearth-meta' }))`);
  const learnerStore = await learnerPage.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('hearth-pages-'));
    const cache = await caches.open(name);
    const requests = await cache.keys();
    let bytes = 0;
    for (const request of requests) bytes += (await (await cache.match(request)).blob()).size;
    return { entries: requests.length, bytes };
  });
  await learnerContext.close();

  // 3. Cold, no signal, 4x CPU slowdown: from the address typed (or the home-screen icon) to her roster alive.
  await context.setOffline(true);
  const times = [];
  for (let run = 0; run < 5; run++) {
    const cold = await context.newPage();
    if (process.env.DEBUG) cold.on('console', (m) => console.log('cold:', m.type(), m.text()));
    const throttle = await context.newCDPSession(cold);
    await throttle.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const started = performance.now();
    await cold.goto(`${web}/teach/sessions/${rosterSession.id}`, { waitUntil: 'commit' });
    // Hydrated: the sync status (rendered by React once live) says she is offline; the banner is there.
    await cold.getByText('离线 · 数据更新于').waitFor();
    // Alive: React has hydrated the stored page (its sync status is drawn only then) and her learners are there.
    await cold.getByText('离线：记录先存在手机上').waitFor(); // attendance.sync.offline
    await cold.getByRole('button', { name: `学员00${tag}` }).waitFor();
    times.push(performance.now() - started);
    await cold.close();
  }
  await context.close();
  times.sort((a, b) => a - b);

  console.log('\n## Offline app (issue #16)\n');
  console.log(
    `First visit (/login, then the worker's install): page ${pageBytes.requests} responses, ${kb(pageBytes.transfer)} transfer, ${kb(pageBytes.decoded)} decoded;`,
  );
  console.log(`precache ${precache.files} files, ${kb(precache.transfer)} transfer, ${kb(precache.decoded)} decoded.`);
  console.log('Offline store of an instructor with 3 classes (9 sessions in her week, 6 learners each):');
  for (const [name, s] of Object.entries(store)) console.log(`  ${name}: ${s.entries} entries, ${kb(s.bytes)}`);
  console.log(
    `Offline store of a learner in 2 courses (her pages: home, classes, class pages, lessons, quizzes, certificates): ${learnerStore.entries} entries, ${kb(learnerStore.bytes)}.`,
  );
  console.log(
    `Roster opened cold with no signal at 4x CPU slowdown: median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}).`,
  );
} finally {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  await stop();
}
