// Load generators: autocannon for HTTP (fixed connections, no pipelining), and a closed-loop
// worker pool for in-process anchors (SQL through pg, argon2). Both record every latency, so
// p50/p95/p99 are exact and computed the same way for a case and its anchors.
import autocannon from 'autocannon';

export function latencyStats(values) {
  if (values.length === 0) return { p50: null, p95: null, p99: null, max: null, mean: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  let sum = 0;
  for (const v of sorted) sum += v;
  const round = (v) => Math.round(v * 100) / 100;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted[sorted.length - 1]), mean: round(sum / sorted.length) };
}

function runAutocannon(options, record) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, pipelining: 1 }, (error, result) => (error ? reject(error) : resolve(result)));
    if (record) instance.on('response', (_client, statusCode, _bytes, responseTime) => record(statusCode, responseTime));
  });
}

/**
 * An HTTP case: `next()` gives each request ({ method, path, headers, body }); the first `warmup`
 * seconds are not counted. `urls` may hold several bases (several API instances): autocannon spreads
 * the connections over them.
 */
export async function runHttp({ urls, connections, duration, warmup, next, timeoutSeconds = 30 }) {
  const base = {
    url: urls.length === 1 ? urls[0] : urls,
    connections,
    timeout: timeoutSeconds,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  };
  if (warmup > 0) await runAutocannon({ ...base, duration: warmup });
  const latencies = [];
  const status = {};
  const started = process.hrtime.bigint();
  const result = await runAutocannon({ ...base, duration }, (code, ms) => {
    latencies.push(ms);
    status[code] = (status[code] ?? 0) + 1;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = Object.entries(status).reduce((a, [code, n]) => a + (code >= 200 && code < 300 ? n : 0), 0);
  return {
    requests: latencies.length,
    ok,
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round((latencies.length / seconds) * 10) / 10,
    ...latencyStats(latencies),
    status,
    non2xx: latencies.length - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    connections,
    latencies,
  };
}

/** A closed loop of `concurrency` workers calling `op(i)` for `duration` seconds (after a warm-up). */
export async function runLoop({ concurrency, duration, warmup, op }) {
  let i = 0;
  const phase = async (seconds, record) => {
    const end = performance.now() + seconds * 1000;
    let failures = 0;
    let lastError = null;
    const worker = async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op(i++);
          record?.(performance.now() - t0);
        } catch (error) {
          failures++;
          lastError = error;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { failures, lastError };
  };
  if (warmup > 0) await phase(warmup);
  const latencies = [];
  const started = performance.now();
  const { failures, lastError } = await phase(duration, (ms) => latencies.push(ms));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    ok: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round((latencies.length / seconds) * 10) / 10,
    ...latencyStats(latencies),
    non2xx: failures,
    errors: failures,
    lastError: lastError ? String(lastError.message ?? lastError) : undefined,
    connections: concurrency,
    latencies,
  };
}

/**
 * One figure from several rounds of the same measurement: requests and seconds summed, latencies
 * pooled (so percentiles stay exact), each round's rate kept to show the spread.
 */
export function mergeRounds(rounds) {
  const latencies = rounds.flatMap((r) => r.latencies);
  const requests = rounds.reduce((a, r) => a + r.requests, 0);
  const seconds = rounds.reduce((a, r) => a + r.seconds, 0);
  const sum = (key) => rounds.reduce((a, r) => a + (r[key] ?? 0), 0);
  const status = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.status ?? {})) status[code] = (status[code] ?? 0) + n;
  return {
    requests,
    ok: sum('ok'),
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round((requests / seconds) * 10) / 10,
    ...latencyStats(latencies),
    ...(rounds[0].status ? { status } : {}),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    ...(rounds[0].timeouts !== undefined ? { timeouts: sum('timeouts') } : {}),
    ...(rounds.some((r) => r.lastError) ? { lastError: rounds.find((r) => r.lastError).lastError } : {}),
    connections: rounds[0].connections,
    roundRps: rounds.map((r) => r.rps),
  };
}

/** One timed call, repeated; reports each duration and the median. */
export async function timeRepeated(times, fn) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const detail = await fn(i);
    runs.push({ ms: Math.round(performance.now() - t0), ...detail });
  }
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { runs, medianMs: sorted[Math.floor(sorted.length / 2)] };
}
