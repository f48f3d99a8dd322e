import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LearnerType, OrgKind, ReferralStatus, Role } from '@hearth/contracts';
import { apiCall, apiLogin } from './api.js';
import { DEMO, DEMO_PASSWORD, phoneContext, signIn, watchConsole } from './browser.js';

/**
 * Per-test data, made through the public API as a person would (the Epic Stack's per-test users,
 * for jest + playwright-core): each test gets its own county under the national federation, with
 * its own admin, club, station, coordinator and instructor, and adds the learners, classes,
 * employers and certificates it needs. Names and phones are unique per call, so specs run in any
 * order and again against the same database. The demo seed is used for one thing only: its
 * national admin creates each test's county (the API's only way in for a new subtree).
 */

// ---- Unique names and phones ----

/**
 * 9 digits that grow with time (10 ms steps, a cycle of ~115 days) plus a per-file counter: two
 * spec files loaded seconds apart cannot meet unless one makes hundreds of phones per second.
 */
let sequence = Math.floor(Date.now() / 10) % 1e9;
const nextNumber = () => String(sequence++ % 1e9).padStart(9, '0');

/** A mainland mobile number no other test has used (19x… , which the demo seed does not use). */
export const uniquePhone = () => `19${nextNumber()}`;

/** A short tag to make a name unique (Latin letters and digits, as seen on the page). */
export const uniqueTag = () => Number(nextNumber()).toString(36).toUpperCase();

const GIVEN = [...'秀春桂兰芳燕霞梅丽娟玉凤英红'];
/** A Chinese personal name that reads like one, with a unique tag (`李秀兰-K3F9`). */
export const uniquePersonName = (surname = '李') => `${surname}${GIVEN[sequence % GIVEN.length]}${GIVEN[(sequence * 7) % GIVEN.length]}-${uniqueTag()}`;

/** A calendar date in China, `days` from today (YYYY-MM-DD). */
export const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

// ---- People and places ----

export interface Org {
  id: string;
  name: string;
  kind: OrgKind;
}

export interface Person {
  id: string;
  phone: string;
  name: string;
  role: Role;
  orgId: string;
  password: string;
}

const tokens = new Map<string, Promise<string>>();
/** Her API access token (one sign-in per person per spec file). */
export function tokenOf(person: Pick<Person, 'phone' | 'password'>): Promise<string> {
  let token = tokens.get(person.phone);
  if (!token) {
    token = apiLogin(person.phone, person.password).then((r) => r.accessToken);
    tokens.set(person.phone, token);
    token.catch(() => tokens.delete(person.phone));
  }
  return token;
}

/** The national admin of the demo seed: only to open a fresh county for a test. */
const NATIONAL_ADMIN = { phone: DEMO.admin, password: DEMO_PASSWORD };

export async function newOrg(by: Person | typeof NATIONAL_ADMIN, parentId: string, kind: OrgKind, name: string): Promise<Org> {
  const org = await apiCall<{ id: string }>('POST', '/api/orgs', await tokenOf(by), { parentId, kind, name });
  return { id: org.id, name, kind };
}

export interface NewPerson {
  name?: string;
  phone?: string;
  learnerType?: LearnerType;
  employerId?: string;
}

/** A user made by `by` (an admin or coordinator above `org`), with the demo password. */
export async function newPerson(by: Person | typeof NATIONAL_ADMIN, role: Role, org: Org | string, options: NewPerson = {}): Promise<Person> {
  const orgId = typeof org === 'string' ? org : org.id;
  const phone = options.phone ?? uniquePhone();
  const name = options.name ?? uniquePersonName(role === 'learner' ? '李' : role === 'instructor' ? '林' : role === 'coordinator' ? '张' : '王');
  const learnerType = role === 'learner' ? (options.learnerType ?? 'migrant_worker') : undefined;
  const { id } = await apiCall<{ id: string }>('POST', '/api/users', await tokenOf(by), {
    phone,
    name,
    role,
    orgId,
    password: DEMO_PASSWORD,
    learnerType,
    employerId: options.employerId,
  });
  return { id, phone, name, role, orgId, password: DEMO_PASSWORD };
}

/**
 * A test's own corner of the federation: county (under the national federation) › club › station,
 * the county's admin, the club's coordinator and the station's instructor.
 */
export interface World {
  tag: string;
  /** The orgs made above the county (`NewWorld.above`), top first. */
  above: Org[];
  county: Org;
  club: Org;
  station: Org;
  admin: Person;
  coordinator: Person;
  instructor: Person;
}

export interface NewWorld {
  /** A word for the names (e.g. 金塔): `金塔县妇联-K3F9`, `金塔妈妈俱乐部-K3F9`, `金塔镇驿站-K3F9`, … */
  place?: string;
  /** Orgs to make between the national federation and the county, e.g. ['province', 'city']; the admin is then the top one's. */
  above?: ('province' | 'city')[];
}

const LEVEL_NAME = { province: '省妇联', city: '市妇联' } as const;

export async function newWorld(options: NewWorld = {}): Promise<World> {
  const tag = uniqueTag();
  const place = options.place ?? '测试';
  let parentId = (await apiLogin(NATIONAL_ADMIN.phone, NATIONAL_ADMIN.password)).user.orgId;
  const above: Org[] = [];
  for (const kind of options.above ?? []) {
    above.push(await newOrg(NATIONAL_ADMIN, parentId, kind, `${place}${LEVEL_NAME[kind]}-${tag}`));
    parentId = above[above.length - 1].id;
  }
  const county = await newOrg(NATIONAL_ADMIN, parentId, 'county', `${place}县妇联-${tag}`);
  const admin = await newPerson(NATIONAL_ADMIN, 'admin', above[0] ?? county);
  // Not "爱心妈妈" in a name: the registration page has a learner type of that label.
  const club = await newOrg(admin, county.id, 'club', `${place}妈妈俱乐部-${tag}`);
  const station = await newOrg(admin, club.id, 'station', `${place}镇驿站-${tag}`);
  const coordinator = await newPerson(admin, 'coordinator', club);
  const instructor = await newPerson(admin, 'instructor', station);
  return { tag, above, county, club, station, admin, coordinator, instructor };
}

/** A learner of the station (a volunteer mother by default) or of the club (a migrant worker). */
export function newLearner(world: World, options: NewPerson & { learnerType?: LearnerType; org?: Org } = {}): Promise<Person> {
  const learnerType = options.learnerType ?? 'volunteer_mother';
  const org = options.org ?? (learnerType === 'migrant_worker' ? world.club : world.station);
  return newPerson(world.coordinator, 'learner', org, { ...options, learnerType });
}

// ---- Courses and classes ----

export interface Course {
  id: string;
  code: string;
  title: string;
  requiredHours: number;
  lessons: { position: number; title: string }[];
  assessments: { id: string; kind: string; title: string }[];
}

const courses = new Map<string, Promise<Course>>();
/** A catalogue course by its code (the catalogue comes with the migrations, not the demo seed). */
export function courseOf(code: string): Promise<Course> {
  let course = courses.get(code);
  if (!course) {
    course = tokenOf(NATIONAL_ADMIN).then((token) => apiCall<Course>('GET', `/api/courses/${code}?lang=zh-CN`, token));
    courses.set(code, course);
  }
  return course;
}

export interface Klass {
  id: string;
  course: Course;
  location: string;
  sessions: { id: string; startsAt: string; endsAt: string }[];
}

export interface NewClass {
  course?: string;
  /** Session days from today (China time); the class runs from the first to the last. */
  days?: number[];
  /** Sessions at these exact times instead (ISO); then say `startsIn` and `endsIn`. */
  sessions?: { startsAt: string; endsAt: string }[];
  /** The class's first day, from today (default: the first session's day). */
  startsIn?: number;
  /** The class's last day, from today (default: the last session's day). */
  endsIn?: number;
  /** Each session's hours, China time. */
  from?: string;
  to?: string;
  capacity?: number;
  location?: string;
  org?: Org;
  instructor?: Person;
  /** Learners enrolled by the coordinator. */
  learners?: Person[];
}

/** A class of the station (by default LAW-MPL, two 2-hour sessions next week), made by the coordinator. */
export async function newClass(world: World, options: NewClass = {}): Promise<Klass & { enrollments: Record<string, string> }> {
  const course = await courseOf(options.course ?? 'LAW-MPL');
  const days = options.days ?? [7, 14];
  const from = options.from ?? '09:00';
  const to = options.to ?? '11:00';
  const location = options.location ?? `驿站活动室-${world.tag}`;
  const token = await tokenOf(world.coordinator);
  const klass = await apiCall<{ id: string; sessions: { id: string; startsAt: string; endsAt: string }[] }>('POST', '/api/classes', token, {
    courseId: course.id,
    orgId: (options.org ?? world.station).id,
    instructorId: (options.instructor ?? world.instructor).id,
    startsOn: chinaDay(options.startsIn ?? Math.min(...days)),
    endsOn: chinaDay(options.endsIn ?? Math.max(...days)),
    capacity: options.capacity ?? 10,
    location,
    sessions: (options.sessions ?? days.map((d) => ({ startsAt: `${chinaDay(d)}T${from}:00+08:00`, endsAt: `${chinaDay(d)}T${to}:00+08:00` }))).map((t) => ({
      ...t,
      location,
    })),
  });
  const enrollments: Record<string, string> = {};
  for (const learner of options.learners ?? []) enrollments[learner.id] = await enrol(world, klass.id, learner);
  return { id: klass.id, course, location, sessions: klass.sessions, enrollments };
}

/** Enrols her in the class (by the coordinator); her enrollment id. */
export async function enrol(world: World, classId: string, learner: Person): Promise<string> {
  return (await apiCall<{ id: string }>('POST', `/api/classes/${classId}/enrollments`, await tokenOf(world.coordinator), { learnerId: learner.id })).id;
}

/** The coordinator marks these learners present at these sessions (past ones, or starting within 15 minutes). */
export async function markPresent(world: World, sessionIds: string[], learners: Person[]) {
  const token = await tokenOf(world.coordinator);
  for (const id of sessionIds)
    await apiCall('PUT', `/api/sessions/${id}/attendance`, token, { marks: learners.map((l) => ({ learnerId: l.id, status: 'present' })) });
}

export interface Certificate {
  code: string;
  enrollmentId: string;
  classId: string;
  course: Course;
}

/**
 * She earns the course's certificate as the rules issue it: a class already held at the station
 * (8-hour days covering the course's hours), marked present at each, and a passing score on
 * every assessment recorded by the coordinator; the last result issues it.
 */
export async function certify(world: World, learner: Person, code = 'VOC-HOUSE'): Promise<Certificate> {
  const course = await courseOf(code);
  const sessions = Math.max(1, Math.ceil(course.requiredHours / 8));
  const days = Array.from({ length: sessions }, (_, i) => -2 * (sessions - i) - 1);
  const klass = await newClass(world, {
    course: code,
    days,
    from: '08:00',
    to: '16:00',
    learners: [learner],
    org: learner.orgId === world.club.id ? world.club : world.station,
  });
  await markPresent(
    world,
    klass.sessions.map((s) => s.id),
    [learner],
  );
  const token = await tokenOf(world.coordinator);
  for (const a of course.assessments) await apiCall('POST', `/api/assessments/${a.id}/results`, token, { learnerId: learner.id, score: 100 });
  const enrollmentId = klass.enrollments[learner.id];
  const status = await apiCall<{ certificateCode: string | null }>('GET', `/api/enrollments/${enrollmentId}/requirements`, token);
  const certificateCode = status.certificateCode ?? (await apiCall<{ code: string }>('POST', `/api/enrollments/${enrollmentId}/certificate`, token)).code;
  return { code: certificateCode, enrollmentId, classId: klass.id, course };
}

// ---- Employers, openings, referrals ----

export interface Employer {
  id: string;
  name: string;
  contactPhone: string;
  staff: Person;
}

/** A partner employer of the club, and one of its staff who signs in. */
export async function newEmployer(world: World, options: { name?: string; industry?: string } = {}): Promise<Employer> {
  const name = options.name ?? `家家福家政服务有限公司-${uniqueTag()}`;
  const contactPhone = uniquePhone();
  const { id } = await apiCall<{ id: string }>('POST', '/api/employers', await tokenOf(world.coordinator), {
    name,
    industry: options.industry ?? '家政服务',
    contactName: '陈经理',
    contactPhone,
    orgId: world.club.id,
  });
  const staff = await newPerson(world.coordinator, 'employer', world.club, { employerId: id, name: uniquePersonName('陈') });
  return { id, name, contactPhone, staff };
}

export interface Job {
  id: string;
  title: string;
  requiredCourses: string[];
}

/** An opening at the employer, posted by the coordinator (by default requiring the housekeeping certificate). */
export async function newJob(world: World, employer: Employer, options: { title?: string; requiredCourses?: string[]; positions?: number } = {}): Promise<Job> {
  const title = options.title ?? `住家保洁员-${uniqueTag()}`;
  const requiredCourses = options.requiredCourses ?? ['VOC-HOUSE'];
  const requiredCourseIds = await Promise.all(requiredCourses.map(async (c) => (await courseOf(c)).id));
  const { id } = await apiCall<{ id: string }>('POST', '/api/jobs', await tokenOf(world.coordinator), {
    employerId: employer.id,
    title,
    description: '每周五天，包午餐。',
    location: '社区服务点',
    positions: options.positions ?? 3,
    wageMin: 4000,
    wageMax: 5500,
    requiredCourseIds,
  });
  return { id, title, requiredCourses };
}

/** She agrees to be referred (as on her consent page). */
export async function consentToReferrals(learner: Person) {
  await apiCall('POST', '/api/me/consents', await tokenOf(learner), { scope: 'referrals' });
}

/** The coordinator refers her to the opening; the referral's id. */
export async function refer(world: World, learner: Person, job: Job): Promise<string> {
  return (await apiCall<{ id: string }>('POST', '/api/referrals', await tokenOf(world.coordinator), { learnerId: learner.id, jobId: job.id })).id;
}

/** The coordinator moves the referral on (contacted, interviewing, hired, …). */
export async function moveReferral(world: World, referralId: string, status: ReferralStatus, note?: string) {
  await apiCall('PATCH', `/api/referrals/${referralId}`, await tokenOf(world.coordinator), { status, note });
}

/**
 * A migrant worker of the club who holds the opening's certificates, agreed to referrals, and was
 * referred to the opening by the coordinator; then moved through `steps` (e.g. contacted, interviewing).
 */
export async function referredCandidate(
  world: World,
  job: Job,
  options: NewPerson & { steps?: ReferralStatus[] } = {},
): Promise<Person & { referralId: string }> {
  const her = await newLearner(world, { ...options, learnerType: 'migrant_worker' });
  for (const code of job.requiredCourses) await certify(world, her, code);
  await consentToReferrals(her);
  const referralId = await refer(world, her, job);
  for (const step of options.steps ?? []) await moveReferral(world, referralId, step);
  return { ...her, referralId };
}

// ---- The browser ----

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (the test expects none). */
  problems: string[];
}

/** A phone-sized context in which she has signed in through the login page and landed on her home page (/app). */
export async function signedIn(
  browser: Browser,
  person: Pick<Person, 'phone' | 'password'>,
  options: { locale?: string; javaScriptEnabled?: boolean; initScript?: () => void } = {},
): Promise<SignedIn> {
  const context = await phoneContext(browser, options);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signIn(page, person.phone, person.password);
  return { context, page, problems };
}
