// The measured cases. Each has a request generator for the real API (or web), and anchors measured
// in the same run: the framework ceiling (bare Node HTTP answering the same bytes) and the database
// limit (the same SQL through pg at the same concurrency), or argon2 / COPY where those bound it.
import { CHINA_TODAY_SQL } from '../../../apps/api/dist/common/china-time.js';
import { createHash, randomUUID } from 'node:crypto';
import { verify as argon2Verify } from '@node-rs/argon2';
import jwt from 'jsonwebtoken';
import copyStreams from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { IMPORT_PHONE_BASE, personName, phone } from './ids.mjs';
import { timeRepeated } from './measure.mjs';
import { httpRequest, json } from './http.mjs';
import * as SQL from './sql.mjs';

const JSON_HEADERS = { 'content-type': 'application/json' };
const STATUSES = ['present', 'present', 'present', 'present', 'late', 'absent', 'excused'];
const pickFrom = (list) => list[Math.floor(Math.random() * list.length)];

/**
 * Access tokens signed like the API signs them (HS256, iss hearth, aud hearth-api, typ access, the
 * account's token version `ver`, 0 for every generated user), each for the bench's own sign-in of that
 * user: its refresh-token family has the user's id (benchSignIns).
 */
export function tokenSigner(secret) {
  return (userId) =>
    `Bearer ${jwt.sign({ sub: userId, typ: 'access', ver: 0, sid: userId }, secret, { algorithm: 'HS256', issuer: 'hearth', audience: 'hearth-api', expiresIn: '4h' })}`;
}

/** One live sign-in (refresh-token family = the user's id) for every user, so the bench's tokens are accepted. */
export async function benchSignIns(pool) {
  await pool.query(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
     SELECT u.id, u.id, sha256(convert_to('bench-sign-in:' || u.id, 'UTF8')), now() + interval '1 day' FROM users u
     ON CONFLICT (token_hash) DO UPDATE SET revoked_at = NULL, expires_at = EXCLUDED.expires_at`,
  );
}

/** Signs in through the web's own /login form and returns the session cookie. */
export async function webSignIn(webUrl, phoneNumber, password) {
  const response = await httpRequest(`${webUrl}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ phone: phoneNumber, password, next: '/' }).toString(),
  });
  const cookie = [response.headers['set-cookie'] ?? []]
    .flat()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('hearth_session='));
  if (response.status !== 302 || !cookie) throw new Error(`web sign-in answered ${response.status} without a session cookie`);
  return cookie;
}

async function transaction(pool, fn) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const rosterSessionsSql = `
  SELECT s.id AS session_id, s.class_id, k.instructor_id, s.ends_at > now() - interval '6 days 23 hours' AS instructor_may_mark,
         (SELECT u.id FROM users u WHERE u.role = 'coordinator' AND u.org_id = (SELECT parent_id FROM organizations WHERE id = k.org_id) LIMIT 1) AS coordinator_id,
         (SELECT (array_agg(e.learner_id ORDER BY e.learner_id))[1:40] FROM enrollments e WHERE e.class_id = k.id AND e.status IN ('enrolled','completed','failed')) AS learners
    FROM class_sessions s JOIN classes k ON k.id = s.class_id
   WHERE s.starts_at < now() - interval '15 minutes' AND s.starts_at > now() - interval '60 days'
     AND k.enrolled_count >= 40
   ORDER BY s.ends_at > now() - interval '6 days 23 hours' DESC, random()
   LIMIT $1`;

/** Sessions of 40-learner classes that have started; marked by their instructor while she may, else by a coordinator. */
async function rosterSessions(ctx, limit) {
  const { rows } = await ctx.db.query(rosterSessionsSql, [limit]);
  const usable = rows.filter((r) => r.learners?.length === 40);
  if (usable.length === 0) throw new Error('no started sessions of 40-learner classes in the data set');
  return usable.map((r) => {
    const actor = r.instructor_may_mark ? r.instructor_id : r.coordinator_id;
    return { sessionId: r.session_id, classId: r.class_id, learners: r.learners, actor, byInstructor: r.instructor_may_mark, token: ctx.sign(actor) };
  });
}

export function buildCases(ctx) {
  const { args } = ctx;
  const connections = args.connections;
  const duration = args.duration;
  const bareCeiling = { name: 'http-ceiling', label: 'bare Node HTTP, same response bytes', type: 'bare' };

  return [
    // ------------------------------------------------------------------------------------------
    {
      name: 'verify',
      title: 'Certificate verification (public)',
      request: 'GET /api/certificates/verify/:code (random existing codes)',
      target: 'api',
      async prepare() {
        const { rows } = await ctx.db.query(`SELECT code FROM certificates ORDER BY random() LIMIT 20000`);
        return { codes: rows.map((r) => r.code) };
      },
      next: (state) => () => ({ method: 'GET', path: `/api/certificates/verify/${pickFrom(state.codes)}` }),
      anchors: [
        bareCeiling,
        {
          // What any Node service could do with one statement per request on these cores: a bare
          // http server sending the same prepared statement through pg and answering the row as JSON.
          name: 'service-floor',
          label: 'bare Node HTTP + pg: the same statement per request, no framework (tests/bench/bare-service.mjs)',
          type: 'http',
          target: 'service',
          next: (state) => () => ({ method: 'GET', path: `/api/certificates/verify/${pickFrom(state.codes)}` }),
        },
        {
          // The per-address allowance is counted in memory and written once per 250 ms for all
          // addresses (PublicRateLimiter), so a request's own database work is the lookup.
          name: 'db-limit',
          label: 'same SQL via pg: the lookup (a named prepared statement, as the API sends it)',
          type: 'loop',
          op: (state) => async () => {
            await ctx.pool.query({ name: 'certificate-verify', text: SQL.CERT_BY_CODE, values: [pickFrom(state.codes)] });
          },
        },
      ],
      primary: 'db-limit',
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'login',
      title: 'Sign-in (argon2id-bound)',
      request: 'POST /api/auth/login (random learners)',
      target: 'api',
      async prepare() {
        const { rows } = await ctx.db.query(
          `SELECT phone FROM users WHERE role = 'learner' AND status = 'active' AND password_hash IS NOT NULL ORDER BY random() LIMIT 5000`,
        );
        const {
          rows: [{ password_hash: hash }],
        } = await ctx.db.query(`SELECT password_hash FROM users WHERE password_hash IS NOT NULL LIMIT 1`);
        return { phones: rows.map((r) => r.phone), hash };
      },
      next: (state) => () => ({
        method: 'POST',
        path: '/api/auth/login',
        headers: JSON_HEADERS,
        body: JSON.stringify({ phone: pickFrom(state.phones), password: ctx.password }),
      }),
      anchors: [
        {
          name: 'argon2',
          label: `raw argon2id verify in-process (${connections} in flight, libuv pool ${process.env.UV_THREADPOOL_SIZE ?? 4})`,
          type: 'loop',
          op: (state) => async () => {
            if (!(await argon2Verify(state.hash, ctx.password))) throw new Error('argon2 verify failed');
          },
        },
      ],
      primary: 'argon2',
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'my-enrollments',
      title: "Learner's home data",
      request: 'GET /api/me/enrollments (5,000 learner tokens)',
      target: 'api',
      async prepare() {
        const { rows } = await ctx.db.query(
          `SELECT id FROM users WHERE role = 'learner' AND status = 'active' AND password_hash IS NOT NULL ORDER BY random() LIMIT 5000`,
        );
        return { learners: rows.map((r) => ({ id: r.id, token: ctx.sign(r.id) })) };
      },
      next: (state) => () => ({ method: 'GET', path: '/api/me/enrollments', headers: { authorization: pickFrom(state.learners).token } }),
      anchors: [
        bareCeiling,
        {
          name: 'db-limit',
          label: 'same SQL via pg: auth lookup + enrollments',
          type: 'loop',
          op: (state) => async () => {
            const learner = pickFrom(state.learners);
            await ctx.pool.query(SQL.AUTH_USER, [learner.id, learner.id]);
            await ctx.pool.query(SQL.MY_ENROLLMENTS, [learner.id]);
          },
        },
      ],
      primary: 'db-limit',
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'roster-read',
      title: 'Roster read (instructor)',
      request: 'GET /api/sessions/:id/attendance (40-learner classes)',
      target: 'api',
      async prepare() {
        return { sessions: await rosterSessions(ctx, 1000) };
      },
      next: (state) => () => {
        const s = pickFrom(state.sessions);
        return { method: 'GET', path: `/api/sessions/${s.sessionId}/attendance`, headers: { authorization: s.token } };
      },
      anchors: [
        bareCeiling,
        {
          name: 'db-limit',
          label: 'same SQL via pg: auth + session + roster ∥ summaries',
          type: 'loop',
          op: (state) => async () => {
            const s = pickFrom(state.sessions);
            await ctx.pool.query(SQL.AUTH_USER, [s.actor, s.actor]);
            const {
              rows: [session],
            } = await ctx.pool.query(SQL.loadSession(false), [s.sessionId]);
            await Promise.all([ctx.pool.query(SQL.ROSTER_ROWS, [s.sessionId, session.class_id]), ctx.pool.query(SQL.ROSTER_SUMMARIES, [session.class_id])]);
          },
        },
      ],
      primary: 'db-limit',
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'roster-mark',
      title: 'Mark a 40-learner roster',
      request: 'PUT /api/sessions/:id/attendance (40 marks, clientMutationId)',
      target: 'api',
      async prepare() {
        const sessions = await rosterSessions(ctx, 1500);
        return { sessions, counter: 0, sqlCounter: 0, byInstructor: sessions.filter((s) => s.byInstructor).length };
      },
      next: (state) => () => {
        const s = pickFrom(state.sessions);
        const body = {
          marks: s.learners.map((learnerId) => ({ learnerId, status: pickFrom(STATUSES) })),
          clientMutationId: `bench-${ctx.runTag}-${state.counter++}`,
          source: 'roster',
        };
        return {
          method: 'PUT',
          path: `/api/sessions/${s.sessionId}/attendance`,
          headers: { ...JSON_HEADERS, authorization: s.token },
          body: JSON.stringify(body),
        };
      },
      anchors: [
        bareCeiling,
        {
          name: 'db-limit',
          label: 'same SQL via pg: auth + one transaction (key, lock, check, upsert+history, key) + completion candidates',
          type: 'loop',
          op: (state) => async () => {
            const s = pickFrom(state.sessions);
            const statuses = s.learners.map(() => pickFrom(STATUSES));
            const key = `attendance:benchsql-${ctx.runTag}-${state.sqlCounter++}`;
            await ctx.pool.query(SQL.AUTH_USER, [s.actor, s.actor]);
            await transaction(ctx.pool, async (tx) => {
              const hash = createHash('sha256')
                .update(JSON.stringify([s.sessionId, s.learners, statuses]))
                .digest('hex');
              await tx.query(SQL.IDEMPOTENCY_CLAIM, [key, hash]);
              const {
                rows: [session],
              } = await tx.query(SQL.loadSession(true), [s.sessionId]);
              await tx.query(SQL.NOT_ENROLLED, [session.class_id, s.learners]);
              const {
                rows: [{ changed }],
              } = await tx.query(SQL.MARK_UPSERT, [
                s.sessionId,
                s.learners,
                statuses,
                s.learners.map(() => null),
                'roster',
                s.actor,
                key.slice(11),
                session.class_id,
              ]);
              await tx.query(SQL.IDEMPOTENCY_STORE, [key, { saved: s.learners.length, changed }]);
              state.lastChanged = changed;
            });
            if (state.lastChanged > 0) await ctx.pool.query(SQL.AUTO_ISSUE_CANDIDATES, [s.classId, s.learners]);
          },
        },
      ],
      primary: 'db-limit',
      /**
       * One transaction per roster: every roster carries its own clientMutationId, so the marks it wrote
       * (those not overwritten since) must all carry one transaction id, and no transaction may hold two rosters.
       */
      async checkAfterApi(state) {
        const {
          rows: [tx],
        } = await ctx.db.query(
          `SELECT count(*)::int AS rosters, coalesce(sum(xids), 0)::int AS roster_xids, coalesce(max(marks), 0)::int AS max_marks,
                  (SELECT count(*)::int FROM (SELECT xmin::text FROM attendance_marks WHERE client_mutation_id LIKE $1 GROUP BY 1 HAVING count(DISTINCT client_mutation_id) > 1) shared) AS shared_xids
             FROM (SELECT client_mutation_id, count(DISTINCT xmin::text) AS xids, count(*) AS marks, count(DISTINCT session_id) AS sessions
                     FROM attendance_marks WHERE client_mutation_id LIKE $1 GROUP BY 1) t`,
          [`bench-${ctx.runTag}-%`],
        );
        const pass = tx.rosters > 0 && tx.roster_xids === tx.rosters && tx.shared_xids === 0 && tx.max_marks <= 40;
        return {
          oneTransactionPerRoster: pass,
          detail: `${tx.rosters.toLocaleString('en-US')} rosters (of ${state.counter.toLocaleString('en-US')} sent, warm-up included) still own marks; their marks carry ${tx.roster_xids.toLocaleString('en-US')} transaction ids (one each), ${tx.shared_xids} transactions shared by two rosters, ≤ ${tx.max_marks} marks per roster`,
          markedByInstructor: `${state.byInstructor} of ${state.sessions.length} sessions marked by their instructor (within 7 days), the rest by a coordinator`,
        };
      },
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'self-enrol',
      title: 'Self-enrollment into open classes',
      request: 'POST /api/classes/:id/enrollments {} (unique learner × class pairs)',
      target: 'api',
      async prepare() {
        const { rows: classes } = await ctx.db.query(
          `SELECT k.id FROM classes k WHERE k.status IN ('scheduled','running') AND k.ends_on > ${CHINA_TODAY_SQL} + 7
              AND k.starts_on > ${CHINA_TODAY_SQL} AND NOT EXISTS (SELECT 1 FROM course_prerequisites cp WHERE cp.course_id = k.course_id)`,
        );
        const { rows: learners } = await ctx.db.query(
          `SELECT id FROM users WHERE role = 'learner' AND status = 'active' AND password_hash IS NOT NULL ORDER BY random() LIMIT 40000`,
        );
        const want = Math.min(learners.length * classes.length, 60_000);
        const learnerIds = [];
        const classIds = [];
        for (let k = 0; k < want; k++) {
          learnerIds.push(learners[k % learners.length].id);
          classIds.push(classes[(k + Math.floor(k / learners.length)) % classes.length].id);
        }
        const { rows: pairs } = await ctx.db.query(
          `SELECT p.l AS learner_id, p.c AS class_id FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS p(l, c, n)
            WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = p.c AND e.learner_id = p.l AND e.status <> 'withdrawn') ORDER BY p.n`,
          [learnerIds, classIds],
        );
        return {
          pairs: pairs.map((p) => ({ learnerId: p.learner_id, classId: p.class_id, token: ctx.sign(p.learner_id) })),
          cursor: 0,
          classes: classes.length,
        };
      },
      next: (state) => () => {
        const p = state.pairs[state.cursor++ % state.pairs.length];
        return { method: 'POST', path: `/api/classes/${p.classId}/enrollments`, headers: { ...JSON_HEADERS, authorization: p.token }, body: '{}' };
      },
      anchors: [
        bareCeiling,
        {
          name: 'db-limit',
          label: 'same SQL via pg: auth + one transaction (lock class, checks, insert, counter)',
          type: 'loop',
          op: (state) => async () => {
            const p = state.pairs[state.cursor++ % state.pairs.length];
            await ctx.pool.query(SQL.AUTH_USER, [p.learnerId, p.learnerId]);
            await transaction(ctx.pool, async (tx) => {
              const {
                rows: [k],
              } = await tx.query(SQL.LOCK_CLASS, [p.classId]);
              const existing = await tx.query(SQL.EXISTING_ENROLLMENT, [p.classId, p.learnerId]);
              if (existing.rows.length) throw new Error('already enrolled');
              await tx.query(SQL.MISSING_PREREQUISITES, [k.course_id, p.learnerId]);
              const seat = k.enrolled_count < k.capacity;
              await tx.query(SQL.INSERT_ENROLLMENT, [
                p.classId,
                p.learnerId,
                seat ? 'enrolled' : 'waitlisted',
                seat ? null : k.waitlist_count + 1,
                p.learnerId,
              ]);
              await tx.query(seat ? SQL.SEAT_TAKEN : SQL.WAITLIST_JOINED, [p.classId]);
            });
          },
        },
      ],
      primary: 'db-limit',
      describe: (state) => `${state.pairs.length.toLocaleString('en-US')} fresh pairs over ${state.classes} open classes`,
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'province-summary',
      title: 'Province report summary (national admin)',
      request: 'GET /api/reports/summary?orgId=<province>',
      target: 'api',
      async prepare() {
        const {
          rows: [admin],
        } = await ctx.db.query(
          `SELECT u.id FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.role = 'admin' AND o.depth = 0 AND u.status = 'active' LIMIT 1`,
        );
        const { rows } = await ctx.db.query(`SELECT id FROM organizations WHERE kind = 'province'`);
        return { admin: admin.id, token: ctx.sign(admin.id), provinces: rows.map((r) => r.id) };
      },
      next: (state) => () => ({ method: 'GET', path: `/api/reports/summary?orgId=${pickFrom(state.provinces)}`, headers: { authorization: state.token } }),
      anchors: [
        bareCeiling,
        {
          name: 'db-limit',
          label: 'same SQL via pg: auth + org + the one summary statement',
          type: 'loop',
          op: (state) => async () => {
            const org = pickFrom(state.provinces);
            const range = [org, '1900-01-01', '9999-12-01'];
            await ctx.pool.query(SQL.AUTH_USER, [state.admin, state.admin]);
            await ctx.pool.query(SQL.FIND_ORG, [org]);
            await ctx.pool.query(SQL.SUMMARY, range);
          },
        },
      ],
      primary: 'db-limit',
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'csv-import',
      title: 'CSV import, 10,000 learners (coordinator)',
      request: 'POST /api/imports/learners (10,000-row CSV, ~350 KB)',
      target: 'api',
      timed: true,
      async run() {
        const {
          rows: [coordinator],
        } = await ctx.db.query(
          `SELECT u.id, u.org_id FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.role = 'coordinator' AND o.kind = 'county' AND u.status = 'active' ORDER BY random() LIMIT 1`,
        );
        const token = ctx.sign(coordinator.id);
        const ROWS = 10_000;
        const block = (j) => IMPORT_PHONE_BASE + ((ctx.runNumber * 8 + j) % 25_000) * 20_000;
        const rowsOf = (j) => Array.from({ length: ROWS }, (_, k) => ({ name: personName(block(j) + k), phone: phone(block(j) + k) }));
        const api = [];
        const copy = [];
        const reps = 3;
        for (let rep = 0; rep < reps; rep++) {
          // The API: one request, the whole file in one transaction.
          const rows = rowsOf(rep * 2);
          const csv = `name,phone,learnerType\n${rows.map((r) => `${r.name},${r.phone},migrant_worker`).join('\n')}\n`;
          const a = await timeRepeated(1, async () => {
            const response = await httpRequest(`${ctx.apiUrls[0]}/api/imports/learners`, {
              method: 'POST',
              headers: { ...JSON_HEADERS, authorization: token },
              body: JSON.stringify({ csv, importId: randomUUID() }),
              timeoutMs: 300_000,
            });
            const body = json(response);
            if (response.status !== 201) throw new Error(`import answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
            return { status: response.status, created: body.created, existing: body.existing, rejected: body.rejected.length, bytes: csv.length };
          });
          api.push(a.runs[0]);
          // The physical limit: COPY of the same kind of rows (fresh phones) into users, triggers on, one transaction.
          const copyRows = rowsOf(rep * 2 + 1);
          const c = await timeRepeated(1, async () => {
            const client = await ctx.pool.connect();
            try {
              await client.query('START TRANSACTION');
              const text = copyRows.map((r) => `${r.phone}\t${r.name}\tlearner\t${coordinator.org_id}\tmigrant_worker`).join('\n') + '\n';
              await pipeline(Readable.from([text]), client.query(copyStreams.from(`COPY users (phone, name, role, org_id, learner_type) FROM STDIN`)));
              await client.query('COMMIT');
            } catch (error) {
              await client.query('ROLLBACK').catch(() => {});
              throw error;
            } finally {
              client.release();
            }
            return { rows: ROWS };
          });
          copy.push(c.runs[0]);
        }
        const median = (list) => list.map((r) => r.ms).sort((x, y) => x - y)[Math.floor(list.length / 2)];
        return { rows: ROWS, api: { runs: api, medianMs: median(api) }, copy: { runs: copy, medianMs: median(copy) } };
      },
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'web-courses',
      title: 'Web: course catalogue page (SSR)',
      request: 'GET /courses on the web (anonymous)',
      target: 'web',
      async prepare() {
        return {};
      },
      next: () => () => ({ method: 'GET', path: '/courses' }),
      anchors: [
        bareCeiling,
        {
          name: 'api-call',
          label: 'the API call behind it: GET /api/courses',
          type: 'http',
          target: 'api',
          next: () => () => ({ method: 'GET', path: '/api/courses' }),
        },
        {
          name: 'db-limit',
          label: 'its SQL via pg: catalogue with open-class counts',
          type: 'loop',
          op: () => async () => ctx.pool.query(SQL.COURSES_LIST, [null]),
        },
      ],
      primary: 'http-ceiling',
    },
    // ------------------------------------------------------------------------------------------
    {
      name: 'web-roster',
      title: 'Web: roster page (SSR, signed in)',
      request: 'GET /teach/sessions/:id on the web (instructor cookie)',
      target: 'web',
      requiresRoute: 'teach/sessions/:id',
      async prepare() {
        const sessions = (await rosterSessions(ctx, 1500)).filter((s) => s.byInstructor);
        if (sessions.length === 0) throw new Error('no session an instructor may open');
        // One instructor's sessions: the cookie is hers.
        const instructor = sessions[0].actor;
        const mine = sessions.filter((s) => s.actor === instructor);
        const {
          rows: [u],
        } = await ctx.db.query(`SELECT phone FROM users WHERE id = $1`, [instructor]);
        const cookie = await webSignIn(ctx.webUrl, u.phone, ctx.password);
        return { sessions: mine, cookie, token: ctx.sign(instructor) };
      },
      next: (state) => () => ({ method: 'GET', path: `/teach/sessions/${pickFrom(state.sessions).sessionId}`, headers: { cookie: state.cookie } }),
      anchors: [
        bareCeiling,
        {
          name: 'api-call',
          label: 'the API roster call behind it: GET /api/sessions/:id/attendance',
          type: 'http',
          target: 'api',
          next: (state) => () => ({
            method: 'GET',
            path: `/api/sessions/${pickFrom(state.sessions).sessionId}/attendance`,
            headers: { authorization: state.token },
          }),
        },
      ],
      primary: 'http-ceiling',
    },
  ].map((c) => ({ ...c, duration }));
}
