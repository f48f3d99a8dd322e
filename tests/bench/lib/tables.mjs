// Row producers for every table the benchmark loads, in COPY text format (tab-separated, \N = NULL).
// Each producer walks the plan (shape.mjs) in primary-key order and pushes lines into a writer; all
// values derive from integers, so a data set is the same on every machine and every run.
import { certificateCodeFor } from './certificate-code.mjs';
import { personName, phone, TAG, uuid } from './ids.mjs';
import { hash, rand } from './rng.mjs';
import { chinaMs, chinaTime, dayString, REQUIRED_CODES, SESSIONS_PER_CLASS, sessionDay, TERM, CAPACITY, COHORT } from './shape.mjs';

const NULL = '\\N';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const INDUSTRIES = ['家政服务', '电气安装', '美容美发', '养老护理', '餐饮服务', '服装制造'];
const JOB_TITLES = ['育婴员', '家政服务员', '电工', '美容师', '养老护理员', '保洁员', '厨师助理', '缝纫工'];
const NOTICE_VERSION = 'referrals-2026-11';

export const enrollmentStatus = (term, e) => {
  const r = rand(e, 41);
  if (term === TERM.C) return r < 0.04 ? 'withdrawn' : 'enrolled';
  return r < 0.05 ? 'withdrawn' : r < 0.15 ? 'failed' : 'completed';
};

const ts = (ms) => new Date(ms).toISOString();

function addMonths(ms, months) {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

export function employerCounty(plan, e) {
  return plan.orgs.countyStart + (hash(e, 31) % plan.orgs.countyCount);
}

/** The club coordinator of a station (she enrols, refers, and created its classes). */
const clubCoordinatorOf = (plan, station) => plan.users.clubCoordinator + (plan.orgs.parent[plan.orgs.stationStart + station] - plan.orgs.clubStart);
const countyCoordinatorOf = (plan, station) => {
  const club = plan.orgs.parent[plan.orgs.stationStart + station];
  return plan.users.countyCoordinator + (plan.orgs.parent[club] - plan.orgs.countyStart);
};
const learnerUser = (plan, s, p) => plan.users.learner + plan.stations.learnerStart[s] + p;
const classEnd = (plan, k) => plan.classes.start[k] + (plan.classes.term[k] === TERM.C ? 31 : 63);
const sessionHour = (k) => (k % 2 ? 14 : 9);

/** Walks migrant learners and yields their consent and referral facts (shared by three tables). */
function* referralFacts(plan) {
  const { stationCount } = plan.orgs;
  let r = 0;
  for (let s = 0; s < stationCount; s++) {
    const n = plan.stations.learners[s];
    for (let p = plan.stations.mothers[s]; p < n; p++) {
      const li = learnerUser(plan, s, p);
      if (rand(li, 51) >= 0.3) continue;
      const grantDay = plan.today - 30 - (hash(li, 56) % 200);
      const withdrawn = rand(li, 52) < 0.1;
      const referred = !withdrawn && rand(li, 53) < 0.5;
      const x = rand(li, 55);
      const status = x < 0.3 ? 'referred' : x < 0.5 ? 'contacted' : x < 0.65 ? 'interviewing' : x < 0.85 ? 'hired' : x < 0.95 ? 'not_hired' : 'withdrawn';
      yield { s, li, grantDay, withdrawn, referral: referred ? r++ : -1, job: hash(li, 54) % plan.jobs, status };
    }
  }
}

const CHAINS = {
  referred: ['referred'],
  contacted: ['referred', 'contacted'],
  interviewing: ['referred', 'contacted', 'interviewing'],
  hired: ['referred', 'contacted', 'interviewing', 'hired'],
  not_hired: ['referred', 'contacted', 'interviewing', 'not_hired'],
  withdrawn: ['referred', 'withdrawn'],
};

/**
 * @param {object} plan from buildPlan
 * @param {{ courses: Map<string, {id: string, hours: number, validityMonths: number|null}>, passwordHash: string }} ctx
 */
export function tableSpecs(plan, ctx) {
  const { orgs, classes } = plan;
  const course = (code) => ctx.courses.get(code);
  const orgId = (o) => uuid(TAG.org, o);
  const userId = (u) => uuid(TAG.user, u);
  const stationOrg = (s) => orgs.stationStart + s;

  return [
    {
      table: 'organizations',
      columns: ['id', 'parent_id', 'kind', 'name', 'path', 'depth'],
      estimate: orgs.count,
      async produce(w) {
        const paths = new Array(orgs.count);
        for (let o = 0; o < orgs.count; o++) {
          const parent = orgs.parent[o];
          paths[o] = `${parent < 0 ? '/' : paths[parent]}${orgId(o)}/`;
          if (
            w.push(
              `${orgId(o)}\t${parent < 0 ? NULL : orgId(parent)}\t${['national', 'province', 'city', 'county', 'club', 'station'][orgs.kind[o]]}\t${orgs.name[o]}\t${paths[o]}\t${orgs.depth[o]}`,
            )
          )
            await w.flush();
        }
      },
    },
    {
      table: 'employers',
      columns: ['id', 'org_id', 'name', 'industry', 'contact_name', 'contact_phone'],
      estimate: plan.employers,
      async produce(w) {
        for (let e = 0; e < plan.employers; e++) {
          const industry = INDUSTRIES[e % INDUSTRIES.length];
          if (
            w.push(
              `${uuid(TAG.employer, e)}\t${orgId(employerCounty(plan, e))}\t巾帼${industry}有限公司${e + 1}号店\t${industry}\t${personName(e + 7_000_000)}\t${phone(450_000_000 + e)}`,
            )
          )
            await w.flush();
        }
      },
    },
    {
      table: 'users',
      columns: ['id', 'phone', 'name', 'password_hash', 'role', 'org_id', 'learner_type', 'employer_id', 'created_at'],
      estimate: plan.users.count,
      async produce(w) {
        const U = plan.users;
        const created = chinaTime(plan.today - 700, 10);
        const staff = (u, role, org, employer = NULL) =>
          `${userId(u)}\t${phone(u)}\t${personName(u)}\t${ctx.passwordHash}\t${role}\t${orgId(org)}\t${NULL}\t${employer}\t${created}`;
        w.push(staff(U.national, 'admin', 0));
        for (let p = 0; p < orgs.cityStart - orgs.provinceStart; p++) w.push(staff(U.provinceAdmin + p, 'admin', orgs.provinceStart + p));
        for (let c = 0; c < orgs.countyCount; c++) if (w.push(staff(U.countyCoordinator + c, 'coordinator', orgs.countyStart + c))) await w.flush();
        for (let c = 0; c < orgs.clubCount; c++) if (w.push(staff(U.clubCoordinator + c, 'coordinator', orgs.clubStart + c))) await w.flush();
        for (let s = 0; s < orgs.stationCount; s++) {
          for (let i = 0; i < plan.stations.instructors[s]; i++) {
            if (w.push(staff(U.instructor + plan.stations.instructorStart[s] + i, 'instructor', stationOrg(s)))) await w.flush();
          }
        }
        for (let e = 0; e < plan.employers; e++) if (w.push(staff(U.employer + e, 'employer', employerCounty(plan, e), uuid(TAG.employer, e)))) await w.flush();
        for (let s = 0; s < orgs.stationCount; s++) {
          const org = orgId(stationOrg(s));
          const mothers = plan.stations.mothers[s];
          for (let p = 0; p < plan.stations.learners[s]; p++) {
            const u = learnerUser(plan, s, p);
            const line = `${userId(u)}\t${phone(u)}\t${personName(u)}\t${ctx.passwordHash}\tlearner\t${org}\t${p < mothers ? 'volunteer_mother' : 'migrant_worker'}\t${NULL}\t${ts(chinaMs(plan.today - 330 - (hash(u, 3) % 300), 10))}`;
            if (w.push(line)) await w.flush();
          }
        }
      },
    },
    {
      table: 'classes',
      columns: [
        'id',
        'course_id',
        'org_id',
        'instructor_id',
        'starts_on',
        'ends_on',
        'capacity',
        'location',
        'status',
        'enrolled_count',
        'created_by',
        'created_at',
      ],
      estimate: classes.count,
      async produce(w) {
        for (let k = 0; k < classes.count; k++) {
          const term = classes.term[k];
          let seats = 0;
          for (let m = 0; m < classes.size[k]; m++) if (enrollmentStatus(term, classes.enrolBase[k] + m) !== 'withdrawn') seats++;
          const s = classes.station[k];
          const line = `${uuid(TAG.class, k)}\t${course(classes.courseCode[k]).id}\t${orgId(stationOrg(s))}\t${userId(classes.instructor[k])}\t${dayString(classes.start[k])}\t${dayString(classEnd(plan, k))}\t${term === TERM.OPEN ? 60 : CAPACITY}\t活动室${(k % 3) + 1}\tscheduled\t${seats}\t${userId(clubCoordinatorOf(plan, s))}\t${chinaTime(classes.start[k] - 30, 10)}`;
          if (w.push(line)) await w.flush();
        }
      },
    },
    {
      table: 'class_sessions',
      columns: ['id', 'class_id', 'starts_at', 'ends_at', 'location'],
      estimate: plan.sessions,
      async produce(w) {
        for (let k = 0; k < classes.count; k++) {
          const cid = uuid(TAG.class, k);
          for (let i = 0; i < SESSIONS_PER_CLASS; i++) {
            const start = chinaMs(classes.start[k] + sessionDay(classes.term[k], i), sessionHour(k));
            if (w.push(`${uuid(TAG.session, k * SESSIONS_PER_CLASS + i)}\t${cid}\t${ts(start)}\t${ts(start + 3 * HOUR)}\t活动室${(k % 3) + 1}`))
              await w.flush();
          }
        }
      },
    },
    {
      table: 'enrollments',
      columns: ['id', 'class_id', 'learner_id', 'status', 'enrolled_by', 'created_at', 'updated_at', 'withdrawn_at'],
      estimate: plan.enrollments,
      async produce(w) {
        for (let k = 0; k < classes.regular; k++) {
          const cid = uuid(TAG.class, k);
          const s = classes.station[k];
          const coordinator = userId(clubCoordinatorOf(plan, s));
          const base = classes.cohort[k] * COHORT;
          for (let m = 0; m < classes.size[k]; m++) {
            const e = classes.enrolBase[k] + m;
            const status = enrollmentStatus(classes.term[k], e);
            const learner = userId(learnerUser(plan, s, base + m));
            const createdMs = chinaMs(classes.start[k] - 7 - (hash(e, 7) % 14), 10);
            const updatedMs = status === 'withdrawn' ? createdMs + 3 * DAY : status === 'enrolled' ? createdMs : chinaMs(classEnd(plan, k) + 1, 10);
            const line = `${uuid(TAG.enrollment, e)}\t${cid}\t${learner}\t${status}\t${hash(e, 8) % 2 ? coordinator : learner}\t${ts(createdMs)}\t${ts(updatedMs)}\t${status === 'withdrawn' ? ts(updatedMs) : NULL}`;
            if (w.push(line)) await w.flush();
          }
        }
      },
    },
    {
      table: 'attendance_marks',
      columns: ['session_id', 'learner_id', 'enrollment_id', 'status', 'source', 'marked_by', 'marked_at'],
      estimate: Math.round(((plan.enrollments * (SESSIONS_PER_CLASS * 2 + 8)) / 3) * 0.955),
      async produce(w) {
        const learners = new Array(64);
        const enrollments = new Array(64);
        const statuses = new Array(64);
        for (let k = 0; k < classes.regular; k++) {
          const term = classes.term[k];
          const s = classes.station[k];
          const base = classes.cohort[k] * COHORT;
          const size = classes.size[k];
          for (let m = 0; m < size; m++) {
            const e = classes.enrolBase[k] + m;
            statuses[m] = enrollmentStatus(term, e);
            learners[m] = userId(learnerUser(plan, s, base + m));
            enrollments[m] = uuid(TAG.enrollment, e);
          }
          const instructor = userId(classes.instructor[k]);
          for (let i = 0; i < SESSIONS_PER_CLASS; i++) {
            const start = chinaMs(classes.start[k] + sessionDay(term, i), sessionHour(k));
            if (start >= plan.generatedAt) break;
            // The latest session of half the running classes is still unmarked (the roster case fills it in).
            if (term === TERM.C && start + 7 * DAY > plan.generatedAt && k % 2 === 1) continue;
            const sid = uuid(TAG.session, k * SESSIONS_PER_CLASS + i);
            const markedAt = ts(start + 3 * HOUR);
            for (let m = 0; m < size; m++) {
              const st = statuses[m];
              if (st === 'withdrawn') continue;
              const r = rand(classes.enrolBase[k] + m, i, 5);
              const mark =
                st === 'failed'
                  ? r < 0.55
                    ? 'present'
                    : r < 0.6
                      ? 'late'
                      : r < 0.95
                        ? 'absent'
                        : 'excused'
                  : r < 0.86
                    ? 'present'
                    : r < 0.92
                      ? 'late'
                      : r < 0.97
                        ? 'absent'
                        : 'excused';
              if (w.push(`${sid}\t${learners[m]}\t${enrollments[m]}\t${mark}\troster\t${instructor}\t${markedAt}`)) await w.flush();
            }
          }
        }
      },
    },
    {
      table: 'certificates',
      columns: [
        'id',
        'code',
        'enrollment_id',
        'learner_id',
        'course_id',
        'class_id',
        'org_id',
        'issued_at',
        'expires_at',
        'status',
        'revoked_at',
        'revocation_reason',
        'issued_by',
        'hours',
      ],
      estimate: Math.round(((plan.enrollments * 2) / 3) * 0.85 + plan.learners * 0.4),
      async produce(w) {
        let c = 0;
        const line = (enrollment, learner, code, cls, station, issuedMs, issuer) => {
          const z = course(code);
          const expires = z.validityMonths ? ts(addMonths(issuedMs, z.validityMonths)) : NULL;
          const revoked = rand(c, 9) < 0.005;
          const out = `${uuid(TAG.certificate, c)}\t${certificateCodeFor(c)}\t${enrollment}\t${learner}\t${z.id}\t${cls}\t${orgId(stationOrg(station))}\t${ts(issuedMs)}\t${expires}\t${revoked ? 'revoked' : 'valid'}\t${revoked ? ts(issuedMs + 30 * DAY) : NULL}\t${revoked ? 'issued_in_error' : NULL}\t${userId(issuer)}\t${z.hours}`;
          c++;
          return out;
        };
        // Earned in the two finished terms.
        for (let k = 0; k < classes.regular; k++) {
          const term = classes.term[k];
          if (term !== TERM.A && term !== TERM.B) continue;
          const s = classes.station[k];
          const base = classes.cohort[k] * COHORT;
          for (let m = 0; m < classes.size[k]; m++) {
            const e = classes.enrolBase[k] + m;
            if (enrollmentStatus(term, e) !== 'completed') continue;
            if (
              w.push(
                line(
                  uuid(TAG.enrollment, e),
                  userId(learnerUser(plan, s, base + m)),
                  classes.courseCode[k],
                  uuid(TAG.class, k),
                  s,
                  chinaMs(classEnd(plan, k) + 1, 10),
                  classes.instructor[k],
                ),
              )
            )
              await w.flush();
          }
        }
        // Volunteer mothers' earlier certificates (before Hearth): the required courses they did not take here.
        const { stationCount } = orgs;
        for (let s = 0; s < stationCount; s++) {
          const cohorts = plan.stations.cohorts[s];
          for (let p = 0; p < plan.stations.mothers[s]; p++) {
            const c0 = Math.floor(p / COHORT);
            const covered = new Set();
            for (const t of [TERM.A, TERM.B]) {
              const k = plan.stations.classStart[s] + t * cohorts + c0;
              if (enrollmentStatus(t, classes.enrolBase[k] + (p - c0 * COHORT)) === 'completed') covered.add(classes.courseCode[k]);
            }
            const li = learnerUser(plan, s, p);
            for (let q = 0; q < REQUIRED_CODES.length; q++) {
              if (covered.has(REQUIRED_CODES[q]) || rand(li, q, 3) >= 0.7) continue;
              if (w.push(line(NULL, userId(li), REQUIRED_CODES[q], NULL, s, chinaMs(plan.today - 60 - (hash(li, q) % 400), 10), countyCoordinatorOf(plan, s))))
                await w.flush();
            }
          }
        }
      },
    },
    {
      table: 'job_openings',
      columns: ['id', 'employer_id', 'title', 'location', 'positions', 'wage_min', 'wage_max', 'status', 'created_by', 'created_at'],
      estimate: plan.jobs,
      async produce(w) {
        for (let j = 0; j < plan.jobs; j++) {
          const e = j >> 1;
          const wage = 3000 + (hash(j, 61) % 5) * 500;
          if (
            w.push(
              `${uuid(TAG.job, j)}\t${uuid(TAG.employer, e)}\t${JOB_TITLES[hash(j, 62) % JOB_TITLES.length]}\t${orgs.name[employerCounty(plan, e)]}\t${5 + (hash(j, 63) % 46)}\t${wage}\t${wage + 2000}\topen\t${userId(plan.users.employer + e)}\t${chinaTime(plan.today - 200 + (hash(j, 64) % 180), 10)}`,
            )
          )
            await w.flush();
        }
      },
    },
    {
      table: 'job_required_courses',
      columns: ['job_id', 'course_id'],
      estimate: plan.jobs,
      async produce(w) {
        for (let j = 0; j < plan.jobs; j++)
          if (w.push(`${uuid(TAG.job, j)}\t${course(['VOC-HOUSE', 'VOC-ELEC-1', 'VOC-BEAUTY', 'VOC-ELDER'][hash(j, 65) % 4]).id}`)) await w.flush();
      },
    },
    {
      table: 'consent_events',
      columns: ['learner_id', 'scope', 'action', 'notice_version', 'at'],
      estimate: Math.round(plan.learners * 0.6 * 0.3 * 1.1),
      async produce(w) {
        for (const f of referralFacts(plan)) {
          if (w.push(`${userId(f.li)}\treferrals\tgrant\t${NOTICE_VERSION}\t${chinaTime(f.grantDay, 12)}`)) await w.flush();
          if (f.withdrawn && w.push(`${userId(f.li)}\treferrals\twithdraw\t${NOTICE_VERSION}\t${chinaTime(f.grantDay + 20, 12)}`)) await w.flush();
        }
      },
    },
    {
      table: 'referrals',
      columns: ['id', 'learner_id', 'job_id', 'employer_id', 'org_id', 'referred_by', 'status', 'created_at', 'updated_at', 'hired_at'],
      estimate: Math.round(plan.learners * 0.6 * 0.3 * 0.9 * 0.5),
      async produce(w) {
        for (const f of referralFacts(plan)) {
          if (f.referral < 0) continue;
          const created = chinaMs(f.grantDay + 5, 11);
          const updated = created + (CHAINS[f.status].length - 1) * 7 * DAY;
          const line = `${uuid(TAG.referral, f.referral)}\t${userId(f.li)}\t${uuid(TAG.job, f.job)}\t${uuid(TAG.employer, f.job >> 1)}\t${orgId(stationOrg(f.s))}\t${userId(clubCoordinatorOf(plan, f.s))}\t${f.status}\t${ts(created)}\t${ts(updated)}\t${f.status === 'hired' ? ts(updated) : NULL}`;
          if (w.push(line)) await w.flush();
        }
      },
    },
    {
      table: 'referral_events',
      columns: ['referral_id', 'from_status', 'to_status', 'actor_id', 'at'],
      estimate: Math.round(plan.learners * 0.6 * 0.3 * 0.9 * 0.5 * 2.6),
      async produce(w) {
        for (const f of referralFacts(plan)) {
          if (f.referral < 0) continue;
          const chain = CHAINS[f.status];
          const created = chinaMs(f.grantDay + 5, 11);
          for (let i = 0; i < chain.length; i++) {
            const actor = i === 0 || chain[i] === 'withdrawn' ? clubCoordinatorOf(plan, f.s) : plan.users.employer + (f.job >> 1);
            if (w.push(`${uuid(TAG.referral, f.referral)}\t${i === 0 ? NULL : chain[i - 1]}\t${chain[i]}\t${userId(actor)}\t${ts(created + i * 7 * DAY)}`))
              await w.flush();
          }
        }
      },
    },
  ];
}
