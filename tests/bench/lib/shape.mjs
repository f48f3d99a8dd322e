// The shape of a benchmark data set, computed in memory from the scale alone (deterministic):
// the org tree, how many learners each station has, the staff, and every class with its cohort.
// Rows are produced from this plan table by table (see tables.mjs), never held all at once.
import { hash, rand } from './rng.mjs';

/** Bump when the generated data changes, so an old data dir is rebuilt instead of reused. */
export const GENERATOR_VERSION = 4;

export const SCALES = {
  S: { learners: 10_000, clubsPerCounty: 1, stationsPerClub: 1 },
  M: { learners: 100_000, clubsPerCounty: 1, stationsPerClub: 2 },
  L: { learners: 1_000_000, clubsPerCounty: 2, stationsPerClub: 3 },
};

export const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '台湾省',
  '香港特别行政区',
  '澳门特别行政区',
];
const CITIES_PER_PROVINCE = 10;
const COUNTIES_PER_CITY = 9;

export const KINDS = ['national', 'province', 'city', 'county', 'club', 'station'];

/** Learners per class cohort; capacity leaves a few seats. Sessions per class. */
export const COHORT = 42;
export const CAPACITY = 45;
export const SESSIONS_PER_CLASS = 10;
/** Terms: two finished, one running now (sessions twice a week, the last two still ahead), one opening soon. */
export const TERM = { A: 0, B: 1, C: 2, OPEN: 3 };

export const REQUIRED_CODES = ['LAW-MPL', 'LAW-PJD', 'CARE-PSY', 'CARE-SAFE'];
export const VOCATIONAL_CODES = ['VOC-HOUSE', 'VOC-ELEC-1', 'VOC-BEAUTY', 'VOC-ELDER', 'VOC-ELEC-2'];
/** Open classes take courses without prerequisites, so any learner may enrol herself. */
export const OPEN_CODES = ['VOC-HOUSE', 'VOC-ELEC-1', 'VOC-BEAUTY', 'VOC-ELDER', 'LAW-MPL', 'CARE-PSY'];

const DAY = 86_400_000;

/** Today's date in China as a day number (days since 1970-01-01). */
export function chinaToday(now = Date.now()) {
  return Math.floor((now + 8 * 3_600_000) / DAY);
}
export const dayString = (day) => new Date(day * DAY).toISOString().slice(0, 10);
/** An instant on a China calendar day, hour in China time, as an ISO string. */
export const chinaTime = (day, hour = 9) => new Date(day * DAY + (hour - 8) * 3_600_000).toISOString();
export const chinaMs = (day, hour = 9) => day * DAY + (hour - 8) * 3_600_000;

/** Day offset of session k from the class start. Term C meets twice a week. */
export function sessionDay(term, k) {
  return term === TERM.C ? Math.floor(k * 3.5) : k * 7;
}

export function buildPlan(scale, { today = chinaToday(), generatedAt = Date.now() } = {}) {
  const cfg = SCALES[scale];
  if (!cfg) throw new Error(`unknown scale ${scale}`);
  const N = cfg.learners;

  // ---- Organizations: national → 34 provinces → 340 cities → 3,060 counties → clubs → stations.
  const orgKind = [];
  const orgParent = [];
  const orgName = [];
  const add = (kind, parent, name) => {
    orgKind.push(kind);
    orgParent.push(parent);
    orgName.push(name);
    return orgKind.length - 1;
  };
  add(0, -1, '中华全国妇女联合会（基准测试）');
  const provinceStart = orgKind.length;
  PROVINCES.forEach((p) => add(1, 0, `${p}妇联`));
  const cityStart = orgKind.length;
  for (let p = 0; p < PROVINCES.length; p++) {
    for (let c = 0; c < CITIES_PER_PROVINCE; c++)
      add(2, provinceStart + p, `${PROVINCES[p].replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔)+$/, '')}第${c + 1}市妇联`);
  }
  const cityCount = orgKind.length - cityStart;
  const countyStart = orgKind.length;
  for (let c = 0; c < cityCount; c++) {
    for (let k = 0; k < COUNTIES_PER_CITY; k++) add(3, cityStart + c, `第${k + 1}县妇联`);
  }
  const countyCount = orgKind.length - countyStart;
  const clubStart = orgKind.length;
  for (let c = 0; c < countyCount; c++) {
    for (let k = 0; k < cfg.clubsPerCounty; k++) add(4, countyStart + c, `第${k + 1}妈妈俱乐部`);
  }
  const clubCount = orgKind.length - clubStart;
  const stationStart = orgKind.length;
  for (let c = 0; c < clubCount; c++) {
    for (let k = 0; k < cfg.stationsPerClub; k++) add(5, clubStart + c, `第${k + 1}爱心妈妈驿站`);
  }
  const stationCount = orgKind.length - stationStart;
  const orgCount = orgKind.length;
  const orgDepth = new Int8Array(orgCount);
  for (let o = 1; o < orgCount; o++) orgDepth[o] = orgDepth[orgParent[o]] + 1;

  // ---- Learners per station: most stations are small; 1% are very busy (x40), 10% busy (x4).
  const weight = new Float64Array(stationCount);
  let totalWeight = 0;
  for (let s = 0; s < stationCount; s++) {
    const r = rand(s, 11);
    weight[s] = r < 0.01 ? 40 : r < 0.11 ? 4 : 1;
    totalWeight += weight[s];
  }
  const stationLearners = new Int32Array(stationCount);
  const remainders = [];
  let assigned = 0;
  for (let s = 0; s < stationCount; s++) {
    const exact = (N * weight[s]) / totalWeight;
    stationLearners[s] = Math.floor(exact);
    assigned += stationLearners[s];
    remainders.push([exact - stationLearners[s], s]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let i = 0; assigned < N; i++, assigned++) stationLearners[remainders[i % remainders.length][1]]++;
  const stationLearnerStart = new Int32Array(stationCount + 1);
  for (let s = 0; s < stationCount; s++) stationLearnerStart[s + 1] = stationLearnerStart[s] + stationLearners[s];
  /** Volunteer mothers come first in each station's list (40%), migrant workers after. */
  const stationMothers = new Int32Array(stationCount);
  for (let s = 0; s < stationCount; s++) stationMothers[s] = Math.round(stationLearners[s] * 0.4);

  // ---- Staff. One instructor per three cohorts of a station (at least one).
  const cohorts = new Int32Array(stationCount);
  const stationInstructors = new Int32Array(stationCount);
  for (let s = 0; s < stationCount; s++) {
    cohorts[s] = Math.ceil(stationLearners[s] / COHORT);
    stationInstructors[s] = Math.max(1, Math.ceil(cohorts[s] / 3));
  }
  const stationInstructorStart = new Int32Array(stationCount + 1);
  for (let s = 0; s < stationCount; s++) stationInstructorStart[s + 1] = stationInstructorStart[s] + stationInstructors[s];
  const employers = Math.max(20, Math.round(N / 200));

  const users = {};
  let u = 0;
  users.national = u;
  u += 1;
  users.provinceAdmin = u;
  u += PROVINCES.length;
  users.countyCoordinator = u;
  u += countyCount;
  users.clubCoordinator = u;
  u += clubCount;
  users.instructor = u;
  u += stationInstructorStart[stationCount];
  users.employer = u;
  u += employers;
  users.learner = u;
  u += N;
  users.count = u;

  // ---- Classes: per station, per term (A, B, C), one class per cohort of 42 learners; then open classes.
  const regular = 3 * cohorts.reduce((a, b) => a + b, 0);
  const openClasses = Math.max(100, Math.round(N / 500));
  const classCount = regular + openClasses;
  const classStation = new Int32Array(classCount);
  const classTerm = new Uint8Array(classCount);
  const classCohort = new Int32Array(classCount);
  const classSize = new Uint8Array(classCount);
  const classCourse = new Uint8Array(classCount); // index into the course list given at generation
  const classCourseCode = new Array(classCount);
  const classInstructor = new Int32Array(classCount);
  const classStart = new Int32Array(classCount);
  const classEnrolBase = new Int32Array(classCount + 1);
  const stationClassStart = new Int32Array(stationCount + 1);
  let k = 0;
  let enrol = 0;
  for (let s = 0; s < stationCount; s++) {
    stationClassStart[s] = k;
    const n = stationLearners[s];
    for (let t = 0; t < 3; t++) {
      for (let c = 0; c < cohorts[s]; c++, k++) {
        const first = c * COHORT;
        const size = Math.min(COHORT, n - first);
        const mothers = Math.max(0, Math.min(first + size, stationMothers[s]) - first);
        classStation[k] = s;
        classTerm[k] = t;
        classCohort[k] = c;
        classSize[k] = size;
        classCourseCode[k] = mothers * 2 >= size ? REQUIRED_CODES[(c + t) % REQUIRED_CODES.length] : VOCATIONAL_CODES[(c + t) % VOCATIONAL_CODES.length];
        classInstructor[k] = users.instructor + stationInstructorStart[s] + (c % stationInstructors[s]);
        const jitter = hash(k, 21);
        classStart[k] = t === TERM.A ? today - 300 - (jitter % 60) : t === TERM.B ? today - 150 - (jitter % 60) : today - 25 - (jitter % 3);
        classEnrolBase[k] = enrol;
        enrol += size;
      }
    }
  }
  stationClassStart[stationCount] = k;
  // Open classes sit at the busiest stations (they advertise), starting in two to six weeks.
  const busy = [...Array(stationCount).keys()].sort((a, b) => stationLearners[b] - stationLearners[a] || a - b);
  for (let i = 0; i < openClasses; i++, k++) {
    const s = busy[i % Math.max(1, Math.ceil(stationCount / 10))];
    classStation[k] = s;
    classTerm[k] = TERM.OPEN;
    classCohort[k] = i;
    classSize[k] = 0;
    classCourseCode[k] = OPEN_CODES[i % OPEN_CODES.length];
    classInstructor[k] = users.instructor + stationInstructorStart[s];
    classStart[k] = today + 14 + (i % 30);
    classEnrolBase[k] = enrol;
  }
  classEnrolBase[classCount] = enrol;

  return {
    scale,
    learners: N,
    today,
    generatedAt,
    orgs: {
      count: orgCount,
      kind: orgKind,
      parent: orgParent,
      name: orgName,
      depth: orgDepth,
      provinceStart,
      cityStart,
      countyStart,
      countyCount,
      clubStart,
      clubCount,
      stationStart,
      stationCount,
    },
    stations: {
      learners: stationLearners,
      learnerStart: stationLearnerStart,
      mothers: stationMothers,
      cohorts,
      instructors: stationInstructors,
      instructorStart: stationInstructorStart,
      classStart: stationClassStart,
    },
    users,
    employers,
    jobs: employers * 2,
    classes: {
      count: classCount,
      regular,
      open: openClasses,
      station: classStation,
      term: classTerm,
      cohort: classCohort,
      size: classSize,
      course: classCourse,
      courseCode: classCourseCode,
      instructor: classInstructor,
      start: classStart,
      enrolBase: classEnrolBase,
    },
    enrollments: enrol,
    sessions: classCount * SESSIONS_PER_CLASS,
  };
}

/** Parent org indices up to the root, for paths. */
export function orgPathIndices(plan, o) {
  const chain = [];
  for (let x = o; x >= 0; x = plan.orgs.parent[x]) chain.push(x);
  return chain.reverse();
}

/** Which club a station belongs to, which county a club belongs to. */
export const parentOf = (plan, o) => plan.orgs.parent[o];
