// An open-loop load generator: requests arrive on a schedule (a Poisson process at a set rate), each is
// sent at its scheduled time whatever the earlier ones are doing, on a keep-alive connection from a pool
// that grows as needed, and its latency is measured from the SCHEDULED send time. A server that falls
// behind therefore shows its queueing in the figures (no coordinated omission), unlike a closed loop
// (autocannon), where a slow answer also delays the next request. Percentiles per request kind come
// from HDR histograms (microsecond resolution, 3 significant digits).
import http from 'node:http';
import hdr from 'hdr-histogram-js';
import { rand } from './rng.mjs';

const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
const ms = (micros) => Math.round(micros / 10) / 100;

export function percentiles(h) {
  if (h.totalCount === 0) return { count: 0, p50: null, p95: null, p99: null, max: null, mean: null };
  return {
    count: h.totalCount,
    p50: ms(h.getValueAtPercentile(50)),
    p95: ms(h.getValueAtPercentile(95)),
    p99: ms(h.getValueAtPercentile(99)),
    max: ms(h.maxValue),
    mean: ms(h.mean),
  };
}

/**
 * Keep-alive agents with no cap on sockets: a request due while every socket is busy opens a new one.
 * The agent timeout makes Node drop an idle socket a second before the server's keep-alive hint says
 * the server will, so a request is never sent on a socket the server is closing (ECONNRESET).
 */
export function agentPool() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 4096, scheduling: 'lifo', timeout: 60_000 });
  let opened = 0;
  let open = 0;
  let maxOpen = 0;
  return {
    agent,
    track(socket) {
      if (socket.benchSeen) return;
      socket.benchSeen = true;
      opened++;
      open++;
      maxOpen = Math.max(maxOpen, open);
      socket.once('close', () => open--);
    },
    stats: () => ({ opened, maxOpen }),
    destroy: () => agent.destroy(),
  };
}

function send(pool, base, request, timeoutMs, done) {
  const payload = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = { ...request.headers, ...(payload ? { 'content-length': payload.length } : {}) };
  let finished = false;
  const finish = (status, error) => {
    if (finished) return;
    finished = true;
    done(status, error);
  };
  const req = http.request(`${base}${request.path}`, { method: request.method, agent: pool.agent, headers }, (res) => {
    let bytes = 0;
    res.on('data', (chunk) => (bytes += chunk.length));
    res.on('end', () => finish(res.statusCode, null, bytes));
    res.on('error', (error) => finish(0, error));
  });
  req.on('socket', (socket) => pool.track(socket));
  req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs / 1000} s`)));
  req.on('error', (error) => finish(0, error));
  if (payload) req.write(payload);
  req.end();
}

/**
 * One step: arrivals at `rate` per second for `seconds` (Poisson: exponential gaps from a seeded
 * generator, so a step is the same sequence on every run). `pick(i)` gives the i-th request
 * `{ kind, target, method, path, headers, body }`; `bases` maps a target to its base URL. Waits for
 * every request sent (each has `timeoutMs`) and reports, per kind and pooled: counts, failures
 * (transport errors, timeouts, status outside 2xx) and latency percentiles from the scheduled time.
 */
export async function openLoopStep({ rate, seconds, pick, bases, pools, timeoutMs = 30_000, seed = 1, record = true }) {
  const kinds = new Map();
  const all = histogram();
  const lag = histogram();
  const kindOf = (name) => {
    let k = kinds.get(name);
    if (!k) kinds.set(name, (k = { sent: 0, ok: 0, failed: 0, status: {}, errors: [], h: histogram() }));
    return k;
  };
  let inFlight = 0;
  let maxInFlight = 0;
  let sent = 0;
  let resolveIdle;
  const idle = new Promise((r) => (resolveIdle = r));
  let scheduling = true;

  const fire = (scheduledAt, i) => {
    const request = pick(i);
    const k = kindOf(request.kind);
    k.sent++;
    sent++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const sentAt = performance.now();
    lag.recordValue(Math.max(1, Math.round((sentAt - scheduledAt) * 1000)));
    send(pools[request.target], bases[request.target], request, timeoutMs, (status, error) => {
      inFlight--;
      const micros = Math.max(1, Math.round((performance.now() - scheduledAt) * 1000));
      const key = error ? 'error' : String(status);
      k.status[key] = (k.status[key] ?? 0) + 1;
      if (!error && status >= 200 && status < 300) {
        k.ok++;
        k.h.recordValue(micros);
        all.recordValue(micros);
      } else {
        k.failed++;
        if (k.errors.length < 3) k.errors.push(error ? String(error.message ?? error) : `${request.method} ${request.path} → ${status}`);
      }
      if (!scheduling && inFlight === 0) resolveIdle();
    });
  };

  const started = performance.now() + 20;
  const end = started + seconds * 1000;
  let next = started;
  let i = 0;
  const gap = () => (-Math.log(1 - rand(i, 77, seed)) / rate) * 1000;
  await new Promise((resolve) => {
    const pump = () => {
      const now = performance.now();
      while (next <= now && next < end) {
        fire(next, i);
        next += gap();
        i++;
      }
      if (next >= end) return resolve();
      setTimeout(pump, Math.max(0, Math.min(4, next - performance.now() - 0.5)));
    };
    setTimeout(pump, 20);
  });
  scheduling = false;
  if (inFlight > 0) await idle;
  const drained = performance.now();

  const byKind = {};
  let failed = 0;
  for (const [name, k] of [...kinds].sort((a, b) => b[1].sent - a[1].sent)) {
    failed += k.failed;
    byKind[name] = { sent: k.sent, ok: k.ok, failed: k.failed, status: k.status, ...(k.errors.length ? { errors: k.errors } : {}), ...percentiles(k.h) };
  }
  if (!record) return null;
  return {
    rate,
    seconds,
    sent,
    offeredRps: Math.round((sent / seconds) * 10) / 10,
    failed,
    ...percentiles(all),
    drainSeconds: Math.round((drained - end) / 10) / 100,
    maxInFlight,
    generatorLag: percentiles(lag),
    byKind,
  };
}
