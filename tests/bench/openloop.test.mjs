// Checks of the open-loop generator against local servers with known behaviour:
// `node --test tests/bench/openloop.test.mjs` (a few seconds; no database, no product).
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, test } from 'node:test';
import { agentPool, openLoopStep } from './lib/openloop.mjs';

const servers = [];
after(() => servers.forEach((s) => s.close()));

function serve(handler) {
  const server = http.createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

const step = (base, options) => {
  const pools = { web: agentPool() };
  return openLoopStep({ bases: { web: base }, pools, pick: () => ({ kind: 'get', target: 'web', method: 'GET', path: '/' }), ...options }).finally(() =>
    pools.web.destroy(),
  );
};

test('latency counts the queue: a server answering one request at a time, every 50 ms, offered 40 per second', async () => {
  // Served one after another: the queue grows by 20 requests a second, so the last ones wait ~1 s.
  // A closed loop with one connection would report ~50 ms for every request here.
  let queue = Promise.resolve();
  const base = await serve((req, res) => {
    queue = queue.then(() => new Promise((r) => setTimeout(r, 50))).then(() => res.end('ok'));
  });
  const r = await step(base, { rate: 40, seconds: 2 });
  assert.equal(r.failed, 0);
  assert.ok(r.sent >= 50 && r.sent <= 110, `sent ${r.sent}`);
  assert.ok(r.p99 > 600, `p99 ${r.p99} ms should show the queue`);
  assert.ok(r.p50 > 150, `p50 ${r.p50} ms should show the queue`);
});

test('no coordinated omission: requests scheduled during a 1 s stall are still sent on time and count the stall', async () => {
  const stallUntil = Date.now() + 1000;
  const base = await serve((req, res) => setTimeout(() => res.end('ok'), Math.max(0, stallUntil - Date.now())));
  const r = await step(base, { rate: 50, seconds: 2 });
  assert.equal(r.failed, 0);
  assert.ok(r.sent >= 70, `sent ${r.sent}: arrivals must not wait for answers`);
  assert.ok(r.max >= 850, `max ${r.max} ms should hold the stall`);
  assert.ok(r.maxInFlight >= 30, `${r.maxInFlight} in flight: the pool must grow during the stall`);
});

test('kinds and failures: a non-2xx answer is a failure, kept out of the latencies, and counted per kind', async () => {
  const base = await serve((req, res) => {
    res.statusCode = req.url === '/bad' ? 500 : 200;
    res.end('x');
  });
  const pools = { web: agentPool() };
  let i = 0;
  const r = await openLoopStep({
    rate: 100,
    seconds: 1,
    bases: { web: base },
    pools,
    pick: () =>
      i++ % 4 === 0 ? { kind: 'bad', target: 'web', method: 'GET', path: '/bad' } : { kind: 'good', target: 'web', method: 'POST', path: '/', body: '{}' },
  });
  pools.web.destroy();
  assert.equal(r.byKind.bad.failed, r.byKind.bad.sent);
  assert.equal(r.byKind.bad.count, 0);
  assert.equal(r.byKind.good.failed, 0);
  assert.equal(r.failed, r.byKind.bad.sent);
  assert.equal(r.count, r.byKind.good.ok);
  assert.deepEqual(Object.keys(r.byKind.bad.status), ['500']);
});

test("latency is taken from the scheduled time: the generator's own lag counts against the figures, never for them", async () => {
  const base = await serve((req, res) => res.end('ok'));
  // The generator's event loop is blocked for 400 ms early in the step: the requests due meanwhile go
  // out late; timed from their actual send they would look instant.
  setTimeout(() => {
    const end = Date.now() + 400;
    while (Date.now() < end);
  }, 150);
  const r = await step(base, { rate: 50, seconds: 1 });
  assert.equal(r.failed, 0);
  assert.ok(r.generatorLag.max >= 300, `generator lag max ${r.generatorLag.max} ms`);
  assert.ok(r.max >= 300, `max ${r.max} ms must include the lag`);
  assert.ok(r.p95 >= 200, `p95 ${r.p95} ms must include the lag`);
});
