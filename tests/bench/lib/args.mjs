// Command-line options of `npm run bench` / `node tests/bench/run.mjs`.
import { parseArgs } from 'node:util';

export const HELP = `Hearth benchmark suite — national-scale data, every figure beside its physical limit.

Usage:
  npm run bench -- [options]          (builds first, then runs tests/bench/run.mjs)
  node tests/bench/run.mjs [options]  (uses the existing build)

Options:
  --scale S|M|L        data set size: 10,000 / 100,000 / 1,000,000 learners (default S)
  --duration <s>       measured seconds per case and per anchor (default 15; use 3 for a trial run)
  --warmup <s>         warm-up seconds before each case and each anchor (default 3)
  --rounds <n>         the case and its anchors take turns in n rounds of duration/n seconds each
                       (default 3), so drift in the machine's load hits them alike
  --connections <n>    concurrent connections for the HTTP cases (default 32)
  --instances <n>      API instances (1 or 2); with 2, every API case also runs across both
                       instances, and shared-state checks run (login throttle, idempotency, jobs)
  --only <a,b,…>       run only these cases (names as printed; e.g. verify,roster-mark)
  --case peak          the peak-hour case alone: an open-loop mix of a Monday morning's requests
                       through the web (arrivals at a set rate), in steps of growing rate until p95
                       reaches 300 ms or a request fails (tests/bench/method.md, "Peak hour")
  --step-seconds <s>   peak: measured seconds per step (default 30)
  --start-rate <r>     peak: arrival rate of the first step, requests/s (default: one province's peak)
  --rate-factor <f>    peak: each step's rate is the previous one's times f (default 1.25)
  --max-steps <n>      peak: at most n climbing steps (default 16)
  --refine <n>         peak: then n bisection steps between the last passing and the first failing
                       rate (default 2)
  --skip-web           no web cases and no client-JS check
  --api-node-options <flags>
                       extra Node/V8 flags for the measured API processes (e.g. a heap budget), in
                       addition to the ones the product starts the API with
  --fresh              regenerate the data set even if a complete one exists
  --data-only          stop after the data set is ready (generation/load/refresh timings)
  --no-md              do not rewrite BENCHMARKS.md
  --report-only        only regenerate BENCHMARKS.md from bench/results/*.json (no database, no load)
  -h, --help           this text

What it does:
  1. Data set: generated once per scale into .data/bench-<scale> (embedded PostgreSQL) with COPY,
     secondary indexes dropped and rebuilt, triggers off during the load; then every org is marked
     dirty and the API's own stats refresh job is timed. Reused while .data/bench-<scale>/dataset.json
     says it is complete (dates are moved forward so running classes stay current).
  2. Starts the real API (apps/api/dist/main.js) and web (apps/web/server.js) against it, and drives
     load with autocannon: fixed connections, no pipelining, a warm-up, then --duration seconds.
  3. Each case runs beside its anchors, measured in the same run: a bare Node HTTP server answering
     the same bytes (framework ceiling) and the case's own SQL straight through pg at the same
     concurrency (database limit); raw argon2 for login; COPY for the CSV import.
  4. Prints the table (req/s, p50, p95, p99, ratio to anchors, peak API RSS, load average), writes
     bench/results/<scale>-<timestamp>.json and regenerates BENCHMARKS.md from the latest full runs.

Ctrl-C stops the API, the web, the bare server and PostgreSQL cleanly.`;

export const CASE_NAMES = [
  'verify',
  'login',
  'my-enrollments',
  'roster-read',
  'roster-mark',
  'self-enrol',
  'province-summary',
  'csv-import',
  'web-courses',
  'web-roster',
  'web-js',
];

/** Cases run alone with `--case` (measured differently from the closed-loop cases). */
export const PEAK_CASES = ['peak'];

export function readArgs(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'S' },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '32' },
      instances: { type: 'string', default: '1' },
      only: { type: 'string' },
      case: { type: 'string' },
      'step-seconds': { type: 'string', default: '30' },
      'start-rate': { type: 'string' },
      'rate-factor': { type: 'string', default: '1.25' },
      'max-steps': { type: 'string', default: '16' },
      refine: { type: 'string', default: '2' },
      'skip-web': { type: 'boolean', default: false },
      'api-node-options': { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'data-only': { type: 'boolean', default: false },
      'no-md': { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  const scale = values.scale.toUpperCase();
  if (!['S', 'M', 'L'].includes(scale)) throw new Error(`--scale must be S, M or L (got ${values.scale})`);
  const number = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${values[name]})`);
    return n;
  };
  const only = values.only
    ? values.only
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
  for (const name of only ?? []) if (!CASE_NAMES.includes(name)) throw new Error(`--only: unknown case "${name}" (cases: ${CASE_NAMES.join(', ')})`);
  if (values.case !== undefined && !PEAK_CASES.includes(values.case))
    throw new Error(`--case: unknown case "${values.case}" (cases: ${PEAK_CASES.join(', ')})`);
  if (values.case && only) throw new Error('--case and --only do not go together');
  return {
    help: false,
    scale,
    duration: number('duration', 1, 600),
    warmup: number('warmup', 0, 60),
    // A slice under a second is mostly the load generator's start-up.
    rounds: Math.max(1, Math.min(Math.round(number('rounds', 1, 20)), Math.floor(number('duration', 1, 600)))),
    connections: Math.round(number('connections', 1, 1000)),
    instances: Math.round(number('instances', 1, 2)),
    only,
    case: values.case ?? null,
    peak: {
      stepSeconds: number('step-seconds', 1, 600),
      startRps: values['start-rate'] === undefined ? null : number('start-rate', 0.1, 100_000),
      factor: number('rate-factor', 1.01, 10),
      maxSteps: Math.round(number('max-steps', 1, 100)),
      refine: Math.round(number('refine', 0, 10)),
    },
    skipWeb: values['skip-web'],
    apiNodeOptions: values['api-node-options'] ?? null,
    fresh: values.fresh,
    dataOnly: values['data-only'],
    writeMd: !values['no-md'],
    reportOnly: values['report-only'],
  };
}
