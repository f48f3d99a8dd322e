#!/usr/bin/env node
// Hearth benchmark suite — `node tests/bench/run.mjs --help` (or `npm run bench -- --help`).
// Generates (or reuses) a national-scale data set, starts the real API and web on it, and measures
// each case beside its physical limits, in the same run, on the same cores.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { freePort } from '../../scripts/embedded-db.mjs';
import { HELP, readArgs } from './lib/args.mjs';
import { benchSignIns, buildCases, tokenSigner } from './lib/cases.mjs';
import { ensureDataset, PASSWORD } from './lib/dataset.mjs';
import { mergeRounds, runHttp, runLoop } from './lib/measure.mjs';
import { installSignalHandlers, loadAverage, onStop, rssSampler, startApi, startNode, startWeb, stopAll } from './lib/procs.mjs';
import { evaluateTargets, primaryRatio, printPeak, printTable, printTargets, writeBenchmarksMd } from './lib/report.mjs';
import { clientJs, hasRoute, scriptsInHtml, snapshotWeb } from './lib/webjs.mjs';
import { httpRequest } from './lib/http.mjs';
import { SCALES, SESSIONS_PER_CLASS } from './lib/shape.mjs';
import { apiNodeOptions } from '../../scripts/api-runtime.mjs';
import { prewarm } from './lib/prewarm.mjs';
import { PROVINCE_PEAK_RPS, runPeak } from './lib/peak.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const log = (message) => console.log(`[bench] ${message}`);
const tty = process.stderr.isTTY;

function machine(postgres) {
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // keep Node's figure
  }
  return {
    cpus: nproc,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: os.release(),
    node: process.version,
    postgres,
  };
}

/** A ticking bar while a fixed-duration phase runs (terminal only). */
function phaseBar(label, seconds) {
  if (!tty) return () => {};
  const bar = new cliProgress.SingleBar(
    { format: `    ${label.padEnd(40)} {bar} {value}/{total} s`, barsize: 20, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(Math.ceil(seconds), 0);
  const timer = setInterval(() => bar.update(Math.min(Math.ceil(seconds), Math.floor((Date.now() - started) / 1000))), 500);
  return () => {
    clearInterval(timer);
    bar.stop();
  };
}

async function sendOnce(baseUrl, request) {
  return httpRequest(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
}

const short = (r) =>
  `${r.rps.toLocaleString('en-US')} req/s${r.roundRps?.length > 1 ? ` (rounds: ${r.roundRps.map((x) => Math.round(x).toLocaleString('en-US')).join(', ')})` : ''}, p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx ? `, ${r.non2xx} non-2xx ${JSON.stringify(r.status ?? r.lastError ?? '')}` : ''}`;

async function runCase(c, ctx) {
  const { args, rss } = ctx;
  const load = loadAverage();
  if (c.timed) {
    rss.window();
    const stop = phaseBar(`${c.name}: API and COPY, 3 times each`, 60);
    const timed = await c.run().finally(stop);
    const peaks = rss.window();
    log(
      `  ${c.name}: API median ${(timed.api.medianMs / 1000).toFixed(2)} s for ${timed.rows.toLocaleString('en-US')} rows; COPY median ${(timed.copy.medianMs / 1000).toFixed(2)} s`,
    );
    return { name: c.name, title: c.title, request: c.request, target: c.target, timed, rss: ctx.peaksOf(peaks), load };
  }
  const state = await c.prepare();
  if (c.describe) log(`  ${c.name}: ${c.describe(state)}`);
  const next = c.next(state);
  const baseUrl = c.target === 'web' ? ctx.webUrl : ctx.apiUrls[0];
  const sampleRequest = next();
  const sample = await sendOnce(baseUrl, sampleRequest);
  if (sample.status >= 300)
    throw new Error(
      `${c.name}: the sample request ${sampleRequest.method} ${sampleRequest.path} answered ${sample.status}: ${sample.body.toString('utf8').slice(0, 400)}`,
    );
  // The case and its anchors take turns: `--rounds` rounds, each giving every one of them an equal
  // slice of `--duration`, so drift in the shared machine's load falls on the case and its anchors alike.
  // Each gets its warm-up before its first slice and one second before each later slice (not counted):
  // while the others run, idle pool connections close (pg-pool's 10 s idle timeout) and connections
  // to the load generator are new, which a steady service would not pay.
  const slice = args.duration / args.rounds;
  const measure = (urls, nextRequest) => (warmup) => runHttp({ urls, connections: args.connections, duration: slice, warmup, next: nextRequest });
  const runners = [{ name: 'case', run: measure([baseUrl], next), rounds: [], peaks: [] }];
  for (const a of c.anchors) {
    let run;
    if (a.type === 'bare') {
      run = async (warmup) => {
        await httpRequest(`${ctx.bareUrl}/__bench/response`, {
          method: 'PUT',
          body: JSON.stringify({ status: sample.status, contentType: sample.contentType, body: sample.body.toString('base64') }),
        });
        return measure([ctx.bareUrl], () => sampleRequest)(warmup);
      };
    } else if (a.type === 'http') {
      run = measure([a.target === 'web' ? ctx.webUrl : a.target === 'service' ? ctx.serviceUrl : ctx.apiUrls[0]], a.next(state));
    } else {
      const op = a.op(state);
      run = (warmup) => runLoop({ concurrency: args.connections, duration: slice, warmup, op });
    }
    runners.push({ name: a.name, anchor: a, run, rounds: [] });
  }
  const several = ctx.apiUrls.length > 1 && c.target === 'api';
  if (several) runners.push({ name: 'instances', run: measure(ctx.apiUrls, next), rounds: [], peaks: [] });
  const rewarm = Math.min(1, args.warmup);
  const stop = phaseBar(
    `${c.name}: case and ${runners.length - 1} anchors × ${args.rounds}`,
    runners.length * (args.warmup + (args.rounds - 1) * rewarm + args.duration),
  );
  try {
    for (let round = 0; round < args.rounds; round++) {
      // The order turns too, so no one always follows the same neighbour (a write-heavy anchor's
      // checkpoint, say) into its slice.
      for (let i = 0; i < runners.length; i++) {
        const runner = runners[(i + round) % runners.length];
        if (runner.peaks) rss.window();
        runner.rounds.push(await runner.run(round === 0 ? args.warmup : rewarm));
        if (runner.peaks) runner.peaks.push(rss.window());
      }
    }
  } finally {
    stop();
  }
  const maxPeaks = (list) =>
    list.reduce((acc, p) => {
      for (const [k, v] of Object.entries(p)) acc[k] = Math.max(acc[k] ?? 0, v);
      return acc;
    }, {});
  const [caseRunner, ...anchorRunners] = runners;
  const api = mergeRounds(caseRunner.rounds);
  const peaks = ctx.peaksOf(maxPeaks(caseRunner.peaks));
  log(`  ${c.name} ${c.target === 'web' ? 'web' : 'API'}: ${short(api)}`);
  const check = c.checkAfterApi ? await c.checkAfterApi(state, api) : undefined;
  if (check) log(`    check: ${check.oneTransactionPerRoster ? 'pass' : 'FAIL'} — ${check.detail}; ${check.markedByInstructor}`);
  const anchors = [];
  for (const runner of anchorRunners.filter((r) => r.anchor)) {
    const r = mergeRounds(runner.rounds);
    log(`    anchor ${runner.name}: ${short(r)}`);
    anchors.push({ name: runner.name, label: runner.anchor.label, type: runner.anchor.type, ...r });
  }
  let api2;
  let rss2;
  if (several) {
    const runner = runners.at(-1);
    api2 = mergeRounds(runner.rounds);
    rss2 = ctx.peaksOf(maxPeaks(runner.peaks));
    log(`  ${c.name} ×${ctx.apiUrls.length} instances: ${short(api2)} (${(api2.rps / api.rps).toFixed(2)}× of one)`);
  }
  const result = {
    name: c.name,
    title: c.title,
    request: c.request,
    target: c.target,
    primary: c.primary,
    api,
    anchors,
    api2,
    rss: peaks,
    rss2,
    load,
    check,
    sampleBytes: sample.body.length,
  };
  const ratio = primaryRatio(result);
  if (ratio !== null) log(`  ${c.name}: ${ratio.toFixed(2)}× of ${c.primary}`);
  return result;
}

/** With two instances: what must be shared through PostgreSQL really is. */
async function sharedStateChecks(ctx) {
  const [a, b] = ctx.apiUrls;
  const checks = [];
  // 1. Login throttling: failures spread over both instances lock the phone after 5.
  const probe = `19${String(900_000_000 + (ctx.runNumber % 99_999_999)).slice(-9)}`;
  const statuses = [];
  for (let i = 0; i < 6; i++) {
    const response = await httpRequest(`${i % 2 ? b : a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: probe, password: 'wrong-password-1' }),
    });
    statuses.push(response.status);
  }
  checks.push({
    name: 'login throttling across instances',
    pass: statuses.slice(0, 4).every((s) => s === 401) && statuses.slice(4).every((s) => s === 429),
    detail: `6 failed sign-ins for one phone, alternating instances: ${statuses.join(', ')} (expected 401 ×4, then 429)`,
  });
  // 2. Idempotency: the same roster with the same clientMutationId, sent to both at once, twice.
  const {
    rows: [s],
  } = await ctx.db.query(
    `SELECT s.id, k.org_id, (SELECT (array_agg(e.learner_id ORDER BY e.learner_id))[1:40] FROM enrollments e WHERE e.class_id = k.id AND e.status IN ('enrolled','completed','failed')) AS learners
       FROM class_sessions s JOIN classes k ON k.id = s.class_id WHERE s.starts_at < now() - interval '1 hour' AND k.enrolled_count >= 40 ORDER BY random() LIMIT 1`,
  );
  const {
    rows: [coordinator],
  } = await ctx.db.query(`SELECT u.id FROM users u WHERE u.role = 'coordinator' AND u.org_id = (SELECT parent_id FROM organizations WHERE id = $1) LIMIT 1`, [
    s.org_id,
  ]);
  const mutation = `bench-idem-${ctx.runTag}`;
  const body = JSON.stringify({
    marks: s.learners.map((learnerId, i) => ({ learnerId, status: i % 3 ? 'present' : 'absent', note: `idem ${ctx.runTag}` })),
    clientMutationId: mutation,
  });
  const put = (url) =>
    httpRequest(`${url}/api/sessions/${s.id}/attendance`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: ctx.sign(coordinator.id) },
      body,
    }).then((r) => ({ status: r.status, text: r.body.toString('utf8') }));
  const answers = [...(await Promise.all([put(a), put(b)])), ...(await Promise.all([put(b), put(a)]))];
  const {
    rows: [{ n }],
  } = await ctx.db.query(`SELECT count(*)::int AS n FROM attendance_history WHERE client_mutation_id = $1`, [mutation]);
  const same = answers.every((x) => x.status === 200 && x.text === answers[0].text);
  const changed = same ? JSON.parse(answers[0].text).changed : -1;
  checks.push({
    name: 'idempotent marking across instances',
    pass: same && n === changed,
    detail: `4 concurrent PUTs (2 per instance) with one clientMutationId: statuses ${answers.map((x) => x.status).join(', ')}, identical answers: ${same}, history rows written once: ${n} = ${changed}`,
  });
  // 3. Jobs: both instances run the stats refresh; the advisory lock lets one at a time work, and nothing fails.
  const started = Date.now();
  let pending = -1;
  while (Date.now() - started < 60_000) {
    pending = Number((await ctx.db.query(`SELECT count(*) FROM stats_dirty`)).rows[0].count);
    if (pending === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const failures = ctx.apis.flatMap((api) =>
    api.output
      .join('')
      .split('\n')
      .filter((l) => /refresh failed|deadlock|ERROR/i.test(l)),
  );
  checks.push({
    name: 'background jobs shared through PostgreSQL',
    pass: pending === 0 && failures.length === 0,
    detail: `stats refresh drained by the two instances in ${((Date.now() - started) / 1000).toFixed(1)} s (pending ${pending}); job errors in the instances' logs: ${failures.length}${failures.length ? ` (${failures[0].slice(0, 160)})` : ''}`,
  });
  for (const c of checks) log(`  ${c.pass ? 'pass' : 'FAIL'} — ${c.name}: ${c.detail}`);
  return checks;
}

async function webJsCheck(ctx) {
  const js = clientJs(ctx.webDir);
  log(
    `  client JS: ${js.pages.length} pages, largest ${js.max.route} ${(js.max.gzip / 1024).toFixed(1)} KB gzipped (budget 130 KB): ${js.pass ? 'pass' : 'FAIL'}`,
  );
  if (!hasRoute(ctx.webDir, 'verify/:code')) {
    js.verifyPage = { pass: null, note: 'the web build has no /verify/:code page yet' };
  } else {
    const {
      rows: [{ code }],
    } = await ctx.db.query(`SELECT code FROM certificates WHERE status = 'valid' LIMIT 1`);
    const page = await sendOnce(ctx.webUrl, { method: 'GET', path: `/verify/${code}` });
    const scripts = scriptsInHtml(page.body.toString('utf8'));
    const pass = page.status === 200 && scripts.src.length === 0 && scripts.preload.length === 0;
    const row = js.pages.find((p) => p.path === '/verify/:code');
    if (row && pass) row.servedWithoutScripts = true;
    js.verifyPage = {
      pass,
      status: page.status,
      ...scripts,
      note: `GET /verify/<code> → ${page.status}, ${scripts.src.length} <script src>, ${scripts.preload.length} module preloads, ${scripts.inlineCount} inline scripts (${scripts.inlineBytes} bytes), ${page.body.length.toLocaleString('en-US')} bytes of HTML`,
    };
  }
  log(`  verification page: ${js.verifyPage.pass === null ? 'n/a' : js.verifyPage.pass ? 'pass' : 'FAIL'} — ${js.verifyPage.note}`);
  const courses = await sendOnce(ctx.webUrl, { method: 'GET', path: '/courses' });
  js.coursesPageServed = scriptsInHtml(courses.body.toString('utf8'));
  return js;
}

async function main() {
  let args;
  try {
    args = readArgs();
  } catch (error) {
    console.error(`${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(HELP);
    return;
  }
  if (args.reportOnly) {
    writeBenchmarksMd(root, join(root, 'tests/bench/findings.md'));
    log('BENCHMARKS.md regenerated from bench/results');
    return;
  }
  const startedAt = new Date();
  const partial = { scale: args.scale, args, startedAt: startedAt.toISOString(), cases: [] };
  installSignalHandlers(log, (signal) => {
    if (partial.cases.length === 0) return;
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    const file = `bench/results/${args.scale}-${startedAt
      .toISOString()
      .replace(/[:.]/g, '-')
      .replace(/-\d{3}Z$/, 'Z')}-interrupted.json`;
    writeFileSync(join(root, file), JSON.stringify({ ...partial, interrupted: signal, finishedAt: new Date().toISOString() }, null, 2));
    log(`partial figures (${partial.cases.length} cases): ${file}`);
  });
  const loadStart = loadAverage();
  if (args.case === 'peak')
    log(
      `scale ${args.scale}, the peak-hour case: open loop, ${args.peak.stepSeconds} s steps; load average now ${loadStart?.join(' / ')} on ${os.availableParallelism()} cores`,
    );
  else
    log(
      `scale ${args.scale}, ${args.duration} s per case and per anchor in ${args.rounds} turns (+${args.warmup} s warm-up), ${args.connections} connections, ${args.instances} API instance(s); load average now ${loadStart?.join(' / ')} on ${os.availableParallelism()} cores`,
    );
  if (loadStart && loadStart[0] > os.availableParallelism() * 0.5)
    log(`note: the machine is already busy (load ${loadStart[0]}); other work shares these cores and lowers every figure`);

  const data = await ensureDataset({ root, scale: args.scale, fresh: args.fresh, log });
  const m = machine(data.postgresVersion);
  if (args.dataOnly) {
    for (const l of data.marker.load)
      log(
        `  ${l.table.padEnd(22)} ${l.rows.toLocaleString('en-US').padStart(12)} rows ${l.seconds.toFixed(2).padStart(8)} s ${l.rowsPerSecond.toLocaleString('en-US').padStart(10)} rows/s`,
      );
    log(`  refresh of ${data.marker.refresh.orgs.toLocaleString('en-US')} orgs: ${data.marker.refresh.seconds.toFixed(1)} s`);
    return;
  }

  const peakOnly = args.case === 'peak';
  const wanted = (name) => !peakOnly && (!args.only || args.only.includes(name));
  const notes = [];
  const db = new pg.Pool({ connectionString: data.databaseUrl, max: 4 });
  // The anchors' pool has the API's size (DB_POOL_SIZE default 20): the same ceiling on connections.
  const pool = new pg.Pool({ connectionString: data.databaseUrl, max: 20 });
  for (const p of [db, pool]) p.on('error', () => {}); // idle clients cut by a stopping server
  onStop(async () => {
    await db.end().catch(() => {});
    await pool.end().catch(() => {});
  });

  partial.prewarm = await prewarm(db, log);

  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apis = [];
  for (let i = 0; i < args.instances; i++) {
    const port = await freePort();
    log(`API ${i + 1}: starting on port ${port}`);
    const start = () =>
      startApi({
        root,
        port,
        databaseUrl: data.databaseUrl,
        jwtSecret: data.secrets.jwtSecret,
        webOrigin: webUrl,
        name: `api-${i + 1}`,
        extraEnv: args.apiNodeOptions ? { NODE_OPTIONS: apiNodeOptions(args.apiNodeOptions) } : {},
      });
    apis.push(
      await start().catch(async (error) => {
        log(`API ${i + 1} did not start (${error.message.split('\n')[0]}); retrying in 10 s in case apps/api/dist was being rebuilt`);
        await new Promise((r) => setTimeout(r, 10_000));
        return start();
      }),
    );
    apis[i].url = `http://127.0.0.1:${port}`;
  }
  const useWeb = peakOnly || (!args.skipWeb && (wanted('web-courses') || wanted('web-roster') || wanted('web-js')));
  const webDir = useWeb ? await snapshotWeb(root, join(data.dataDir, 'web-snapshot'), log) : join(root, 'apps/web');
  const web = useWeb ? await startWeb({ root, webDir, port: webPort, apiUrl: apis[0].url, sessionSecret: data.secrets.sessionSecret }) : null;
  if (web) log(`web: listening on ${webUrl} (API ${apis[0].url})`);
  const barePort = await freePort();
  await startNode('bare', join(root, 'tests/bench/bare-server.mjs'), {
    cwd: root,
    env: { PORT: String(barePort) },
    healthUrl: `http://127.0.0.1:${barePort}/__bench/health`,
  });
  const rss = rssSampler(() => [...apis, ...(web ? [web] : [])]);
  const peaksOf = (p) => ({ api: Math.max(0, ...apis.map((a) => p[a.name] ?? 0)) || null, web: web ? (p.web ?? null) : null, perProcess: p });

  const runTag = Date.now().toString(36);
  if (peakOnly) {
    await runPeakCase({ args, root, db, pool, apis, web, webUrl, rss, peaksOf, data, runTag, loadStart, startedAt, partial });
    return;
  }
  // The verification case's service floor (same statement, no framework); BENCH_FLOOR_NODE_ARGS for profiling it.
  const servicePort = await freePort();
  await startNode('bare-service', join(root, 'tests/bench/bare-service.mjs'), {
    cwd: root,
    nodeArgs: (process.env.BENCH_FLOOR_NODE_ARGS ?? '').split(' ').filter(Boolean),
    env: { PORT: String(servicePort), DATABASE_URL: data.databaseUrl },
    healthUrl: `http://127.0.0.1:${servicePort}/__bench/health`,
  });
  await benchSignIns(pool);
  const ctx = {
    args,
    db,
    pool,
    apis,
    apiUrls: apis.map((a) => a.url),
    webUrl,
    webDir,
    bareUrl: `http://127.0.0.1:${barePort}`,
    serviceUrl: `http://127.0.0.1:${servicePort}`,
    rss,
    peaksOf,
    sign: tokenSigner(data.secrets.jwtSecret),
    password: PASSWORD,
    runTag,
    runNumber: data.marker.runs,
    log,
  };
  const cases = buildCases(ctx).filter((c) => wanted(c.name));
  const results = partial.cases;
  for (const [i, c] of cases.entries()) {
    log(`case ${i + 1}/${cases.length}: ${c.name} — ${c.request}`);
    if (c.target === 'web' && !web) {
      results.push({ name: c.name, title: c.title, request: c.request, target: c.target, skipped: '--skip-web' });
      continue;
    }
    if (c.requiresRoute && !hasRoute(webDir, c.requiresRoute)) {
      const why = `the web build has no /${c.requiresRoute} page yet`;
      log(`  skipped: ${why}`);
      notes.push(`${c.name} skipped: ${why}.`);
      results.push({ name: c.name, title: c.title, request: c.request, target: c.target, skipped: why });
      continue;
    }
    try {
      results.push(await runCase(c, ctx));
    } catch (error) {
      log(`  ${c.name} failed: ${error.message}`);
      for (const p of [...apis, ...(web ? [web] : [])]) log(`  last output of ${p.name}: ${p.output.join('').split('\n').slice(-8).join('\n    ')}`);
      notes.push(`${c.name} failed: ${error.message.split('\n')[0].slice(0, 300)}`);
      results.push({ name: c.name, title: c.title, request: c.request, target: c.target, skipped: `failed: ${error.message.split('\n')[0].slice(0, 200)}` });
    }
  }
  let sharedChecks;
  if (apis.length > 1) {
    log('shared-state checks across the two API instances');
    sharedChecks = await sharedStateChecks(ctx);
  }
  let webJs;
  if (web && wanted('web-js')) {
    log('web: client JS per page');
    webJs = await webJsCheck(ctx).catch((error) => ({ skipped: error.message }));
  }
  rss.stop();
  const loadEnd = loadAverage();
  notes.push(`RATE_LIMIT_PER_MINUTE is 1,000,000 (the API's maximum; 100,000,000 is refused at boot), far above any rate reached.`);
  if (partial.prewarm)
    notes.push(
      `Before the cases, pg_prewarm read every table and index (${(partial.prewarm.bytes / 2 ** 30).toFixed(1)} GiB) into the OS page cache in ${partial.prewarm.seconds} s, so no case pays first-touch disk reads its anchor would not.`,
    );
  if (data.marker.shiftedDays)
    notes.push(
      `The reused data set's classes and sessions were moved ${data.marker.shiftedDays} day(s) forward since generation so running classes stay current.`,
    );

  const result = {
    scale: args.scale,
    learners: SCALES[args.scale].learners,
    instances: apis.length,
    command: `node tests/bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    args,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: m,
    loadAverage: { start: loadStart, end: loadEnd },
    dataset: { ...data.marker, generatedNow: !!data.generatedNow, sessionsPerClass: SESSIONS_PER_CLASS },
    prewarm: partial.prewarm,
    cases: results,
    sharedChecks,
    webJs,
    peakRss: rss.overall(),
    notes,
  };
  result.targets = evaluateTargets(result);
  printTable(result);
  printTargets(result.targets);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = `bench/results/${args.scale}-${startedAt
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z')}.json`;
  writeFileSync(join(root, file), JSON.stringify({ ...result, file }, null, 2));
  log(`raw figures: ${file}`);
  if (args.writeMd) {
    writeBenchmarksMd(root, join(root, 'tests/bench/findings.md'));
    log('BENCHMARKS.md regenerated from the latest full run of each scale');
  }
}

/** `--case peak`: the open-loop step search; its own result file (<scale>-peak-<time>.json). */
async function runPeakCase({ args, root, db, pool, apis, web, webUrl, rss, peaksOf, data, runTag, loadStart, startedAt, partial }) {
  await benchSignIns(pool);
  const sign = tokenSigner(data.secrets.jwtSecret);
  const ctx = {
    db,
    apiUrls: apis.map((a) => a.url),
    webUrl,
    rss,
    peaksOf,
    sign,
    jwtSecret: data.secrets.jwtSecret,
    sessionSecret: data.secrets.sessionSecret,
    dataDir: data.dataDir,
    today: data.marker.today,
    processes: [...apis, web],
    runTag,
    log,
    loadAverage,
  };
  log(`case: peak — a Monday morning's mix through the web, open loop, Poisson arrivals`);
  const startRps = args.peak.startRps ?? PROVINCE_PEAK_RPS;
  const peak = await runPeak(ctx, {
    startRps,
    factor: args.peak.factor,
    stepSeconds: args.peak.stepSeconds,
    warmupSeconds: Math.max(args.warmup, 10),
    maxSteps: args.peak.maxSteps,
    refine: args.peak.refine,
    sendOnce,
  });
  partial.cases.push({ name: 'peak', peak });
  rss.stop();
  const result = {
    scale: args.scale,
    learners: SCALES[args.scale].learners,
    kind: 'peak',
    instances: apis.length,
    command: `node tests/bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    args,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machine(data.postgresVersion),
    loadAverage: { start: loadStart, end: loadAverage() },
    dataset: { ...data.marker, generatedNow: !!data.generatedNow, sessionsPerClass: SESSIONS_PER_CLASS },
    prewarm: partial.prewarm,
    peak,
    peakRss: rss.overall(),
  };
  printPeak(result);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = `bench/results/${args.scale}-peak-${startedAt
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z')}.json`;
  writeFileSync(join(root, file), JSON.stringify({ ...result, file }, null, 2));
  log(`raw figures: ${file}`);
  if (args.writeMd) {
    writeBenchmarksMd(root, join(root, 'tests/bench/findings.md'));
    log('BENCHMARKS.md regenerated');
  }
}

main()
  .then(() => stopAll())
  .catch(async (error) => {
    console.error(`[bench] failed: ${error.stack ?? error}`);
    await stopAll();
    process.exitCode = 1;
  });
