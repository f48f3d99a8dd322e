// The data set of one scale: generated and loaded once into .data/bench-<scale>, then reused while
// its marker (dataset.json) says it is complete and was made by this generator version.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hash as argon2Hash } from '@node-rs/argon2';
import { freePort, startEmbeddedPostgres } from '../../../scripts/embedded-db.mjs';
import { copyTable, rebuildIndexes, secondaryIndexes, tableProgress } from './load.mjs';
import { onStop, startApi } from './procs.mjs';
import { buildPlan, chinaToday, GENERATOR_VERSION } from './shape.mjs';
import { tableSpecs } from './tables.mjs';

/** Every generated account has this password (one shared argon2id hash). */
export const PASSWORD = 'Bench@2026!';
const DATABASE = 'hearth';

function readMarker(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function writeMarker(dataDir, marker) {
  writeFileSync(join(dataDir, 'dataset.json'), JSON.stringify(marker, null, 2));
}

/** Secrets kept with the data, so a reused data set keeps working with the same tokens and cookies. */
function secrets(dataDir) {
  const file = join(dataDir, 'bench-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const value = { jwtSecret: randomBytes(48).toString('base64url'), sessionSecret: randomBytes(48).toString('base64url') };
  writeFileSync(file, JSON.stringify(value), { mode: 0o600 });
  return value;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Starts PostgreSQL on the scale's data dir and makes sure the data set is there.
 * @returns {Promise<{ db: object, databaseUrl: string, marker: object, secrets: object }>}
 */
export async function ensureDataset({ root, scale, fresh, log }) {
  const dataDir = join(root, '.data', `bench-${scale}`);
  log(`PostgreSQL: starting the embedded server (data in ${dataDir})`);
  const db = await startEmbeddedPostgres({ dir: dataDir, log: () => {} });
  onStop(async () => {
    await db.stop();
    log('PostgreSQL stopped');
  });
  const admin = new pg.Client({ connectionString: db.url() });
  await admin.connect();
  const {
    rows: [{ server_version: version }],
  } = await admin.query('SHOW server_version');
  // As npm start connects the API: through the server's Unix socket.
  const databaseUrl = db.localUrl(DATABASE);
  const keys = secrets(dataDir);
  const markerFile = join(dataDir, 'dataset.json');
  let marker = readMarker(markerFile);
  const reusable = marker?.complete && marker.version === GENERATOR_VERSION && marker.scale === scale;
  if (reusable && !fresh) {
    await admin.end();
    log(
      `data set: reusing scale ${scale} generated ${marker.generatedAtIso} (${marker.counts.users.toLocaleString('en-US')} users, ${marker.counts.attendance_marks.toLocaleString('en-US')} attendance marks)`,
    );
    marker = await shiftDates(databaseUrl, marker, log);
    marker.runs = (marker.runs ?? 0) + 1;
    writeMarker(dataDir, marker);
    return { db, databaseUrl, marker, secrets: keys, postgresVersion: version, dataDir };
  }
  log(
    marker
      ? `data set: ${fresh ? '--fresh given' : 'previous data set is incomplete or from another generator version'}; rebuilding`
      : 'data set: none yet; generating',
  );
  writeMarker(dataDir, { complete: false, version: GENERATOR_VERSION, scale });
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  // Fewer checkpoints while loading gigabytes; harmless for the measurements afterwards.
  await admin.query(`ALTER SYSTEM SET max_wal_size = '4GB'`);
  await admin.query(`SELECT pg_reload_conf()`);
  await admin.end();

  // Migrations are the API's own: start it once on the empty database.
  let started = Date.now();
  const migrator = await startApi({ root, port: await freePort(), databaseUrl, jwtSecret: keys.jwtSecret, name: 'api (migrate)' });
  await migrator.stop();
  log(`schema: migrated by the API in ${seconds(Date.now() - started)}`);

  const result = await generateAndLoad({ scale, databaseUrl, log });

  // The dashboards' aggregates: every org dirty, then the API's own refresh job, timed.
  const refresh = await timedRefresh({ root, databaseUrl, jwtSecret: keys.jwtSecret, log });

  marker = {
    complete: true,
    version: GENERATOR_VERSION,
    scale,
    generatedAt: result.plan.generatedAt,
    generatedAtIso: new Date(result.plan.generatedAt).toISOString(),
    today: result.plan.today,
    password: PASSWORD,
    counts: Object.fromEntries(result.loads.map((l) => [l.table, l.rows])),
    load: result.loads,
    indexes: { dropped: result.indexes.length, rebuildSeconds: result.rebuildSeconds, timings: result.indexTimings },
    vacuumSeconds: result.vacuumSeconds,
    totalLoadSeconds: result.totalSeconds,
    refresh,
    runs: 1,
  };
  writeMarker(dataDir, marker);
  return { db, databaseUrl, marker, secrets: keys, postgresVersion: version, dataDir, generatedNow: true };
}

async function generateAndLoad({ scale, databaseUrl, log }) {
  const started = Date.now();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  try {
    const { rows: courseRows } = await pool.query(`SELECT id, code, required_hours, validity_months FROM courses`);
    const courses = new Map(courseRows.map((c) => [c.code, { id: c.id, hours: Number(c.required_hours), validityMonths: c.validity_months }]));
    log('password: hashing the shared password once (argon2id, 19 MiB, t=2)');
    const passwordHash = await argon2Hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const plan = buildPlan(scale, { today: chinaToday(), generatedAt: Date.now() });
    log(
      `plan: ${plan.orgs.count.toLocaleString('en-US')} orgs (34 provinces, ${plan.orgs.countyCount} counties, ${plan.orgs.clubCount} clubs, ${plan.orgs.stationCount} stations; ` +
        `busiest station ${Math.max(...plan.stations.learners)} learners, median ${[...plan.stations.learners].sort((a, b) => a - b)[plan.orgs.stationCount >> 1]}), ` +
        `${plan.users.count.toLocaleString('en-US')} users, ${plan.classes.count.toLocaleString('en-US')} classes, ${plan.enrollments.toLocaleString('en-US')} enrollments`,
    );
    const specs = tableSpecs(plan, { courses, passwordHash });
    const client = await pool.connect();
    const loads = [];
    let indexes;
    try {
      indexes = await secondaryIndexes(
        client,
        specs.map((s) => s.table),
      );
      for (const item of indexes) await client.query(item.drop);
      log(`load: dropped ${indexes.length} secondary indexes and unique constraints; triggers and FK checks off in the loading session`);
      await client.query(`SET session_replication_role = replica`);
      await client.query(`SET synchronous_commit = off`);
      for (const spec of specs) {
        const bar = tableProgress(spec.table, spec.estimate);
        const done = await copyTable(client, spec, (rows) => bar.update(rows));
        bar.finish(done.rows);
        loads.push(done);
      }
      await client.query(`SET session_replication_role = DEFAULT`);
    } finally {
      client.release();
    }
    log(
      `load: ${loads.reduce((a, l) => a + l.rows, 0).toLocaleString('en-US')} rows in ${seconds(loads.reduce((a, l) => a + l.seconds * 1000, 0))}; rebuilding ${indexes.length} indexes`,
    );
    const rebuildStarted = Date.now();
    const indexTimings = await rebuildIndexes(pool, indexes);
    const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
    log(
      `indexes: rebuilt in ${rebuildSeconds.toFixed(1)} s (slowest: ${indexTimings
        .sort((a, b) => b.seconds - a.seconds)
        .slice(0, 3)
        .map((t) => `${t.name} ${t.seconds.toFixed(1)} s`)
        .join(', ')})`,
    );
    const vacuumStarted = Date.now();
    await pool.query('VACUUM (ANALYZE)');
    const vacuumSeconds = (Date.now() - vacuumStarted) / 1000;
    log(`vacuum + analyze: ${vacuumSeconds.toFixed(1)} s`);
    return { plan, loads, indexes, indexTimings, rebuildSeconds, vacuumSeconds, totalSeconds: (Date.now() - started) / 1000 };
  } finally {
    await pool.end();
  }
}

/** Marks every org dirty and times the API's refresh job until nothing is dirty. */
async function timedRefresh({ root, databaseUrl, jwtSecret, log }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const api = await startApi({ root, port: await freePort(), databaseUrl, jwtSecret, extraEnv: { STATS_REFRESH_MS: '100' }, name: 'api (refresh)' });
  try {
    // Wait out anything the start itself left dirty, then start the clock on a full refresh.
    for (let i = 0; i < 600 && Number((await pool.query('SELECT count(*) FROM stats_dirty')).rows[0].count) > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    const {
      rows: [{ orgs }],
    } = await pool.query(
      `WITH d AS (INSERT INTO stats_dirty (org_id) SELECT id FROM organizations ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int AS orgs FROM d`,
    );
    const started = Date.now();
    const bar = tableProgress('refresh (orgs)', orgs);
    let left = orgs;
    while (left > 0) {
      await new Promise((r) => setTimeout(r, 50));
      left = Number((await pool.query('SELECT count(*) FROM stats_dirty')).rows[0].count);
      bar.update(orgs - left);
      if (Date.now() - started > 3_600_000) throw new Error('the stats refresh did not finish within an hour');
    }
    // The last batch deletes its dirty rows first and commits with its aggregates: wait for it to be visible.
    const ms = Date.now() - started;
    bar.finish(orgs);
    const {
      rows: [check],
    } = await pool.query(
      `SELECT st.learners, (SELECT count(*)::int FROM users WHERE role = 'learner') AS expected,
              (SELECT coalesce(sum(enrollments), 0)::int FROM org_stats_subtree s WHERE s.org_id = o.id) AS enrollments
         FROM organizations o JOIN org_state_subtree st ON st.org_id = o.id WHERE o.parent_id IS NULL`,
    );
    log(
      `refresh: ${orgs.toLocaleString('en-US')} orgs recomputed by the API's job in ${seconds(ms)} (root now counts ${check.learners.toLocaleString('en-US')} of ${check.expected.toLocaleString('en-US')} learners, ${check.enrollments.toLocaleString('en-US')} enrollments)`,
    );
    return { orgs, seconds: ms / 1000, orgsPerSecond: Math.round(orgs / (ms / 1000)), rootLearners: check.learners, expectedLearners: check.expected };
  } finally {
    await api.stop();
    await pool.end();
  }
}

/**
 * A reused data set is moved forward in time by whole days, so the running classes still have sessions
 * in the last 7 days (instructors may mark them) and the open classes still lie ahead.
 */
async function shiftDates(databaseUrl, marker, log) {
  const days = chinaToday() - marker.today;
  if (days <= 0) return marker;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    await client.query(`UPDATE classes SET starts_on = starts_on + $1::int, ends_on = ends_on + $1::int`, [days]);
    await client.query(`UPDATE class_sessions SET starts_at = starts_at + make_interval(days => $1), ends_at = ends_at + make_interval(days => $1)`, [days]);
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) classes, class_sessions');
    log(`data set: moved classes and sessions ${days} day(s) forward to today (${seconds(Date.now() - started)})`);
  } finally {
    await client.end();
  }
  return { ...marker, today: marker.today + days, shiftedDays: (marker.shiftedDays ?? 0) + days };
}
