// The peak-hour model (issue #19): who sends what on a Monday morning, per station, and what one
// province's peak is. Plain numbers, no imports, so the report can show the model without a build.
// The arithmetic is written out in tests/bench/method.md ("Peak hour").

/** A province, from the seeds' figures (issue #19): 400+ stations, 170,000 mothers. */
export const PROVINCE = { stations: 400, mothers: 170_000, counties: 90, provinceAdmins: 5 };

/**
 * One station's class session in its busiest quarter hour. The window is the API's check-in window
 * before the start (check-in opens 15 minutes before a session starts): learners arrive and check in,
 * the instructor opens the roster and marks. Counts are requests per station per window.
 */
export const WINDOW_SECONDS = 15 * 60;
const COHORT = 42; // learners per class (the data set's cohort)
const CHECK_IN_SHARE = 0.8; // the rest are marked by hand on the roster
const CLASS_PAGE_AFTER_CHECK_IN = 0.5; // of those who checked in, who then open their class page
const AT_HOME_SHARE = 0.02; // of the station's other mothers, who open their class page that quarter hour
const mothersPerStation = PROVINCE.mothers / PROVINCE.stations; // 425
const checkIns = COHORT * CHECK_IN_SHARE; // 33.6
const atHome = (mothersPerStation - COHORT) * AT_HOME_SHARE; // 7.66

export const MODEL = [
  {
    kind: 'roster-open',
    perStation: 3,
    who: 'instructor',
    request: 'GET /teach/sessions/:id (web)',
    why: 'she opens the roster on arrival, at the start to mark, and once more for late-comers',
  },
  {
    kind: 'roster-mark',
    perStation: 2,
    who: 'instructor',
    request: 'POST /teach/sessions/:id/sync (web → PUT attendance, the whole roster)',
    why: 'the roster page syncs her marks: the first pass, then the late-comers',
  },
  {
    kind: 'check-in-page',
    perStation: checkIns,
    who: 'learners in class',
    request: 'GET /check-in/:sessionId?code=… (web; where the QR code lands)',
    why: "each learner who checks in scans the QR code on the instructor's screen, which opens the check-in page",
  },
  {
    kind: 'check-in',
    perStation: checkIns,
    who: 'learners in class',
    request: 'POST /check-in/:sessionId code=… (web form → POST check-in)',
    why: `${CHECK_IN_SHARE * 100}% of the ${COHORT} learners check in on their phones with the code on the instructor's screen`,
  },
  {
    kind: 'class-page',
    perStation: checkIns * CLASS_PAGE_AFTER_CHECK_IN + atHome,
    who: 'learners',
    request: 'GET /learn/:enrollmentId (web)',
    why: `${CLASS_PAGE_AFTER_CHECK_IN * 100}% of those who checked in open their class page, and ${AT_HOME_SHARE * 100}% of the station's other ${mothersPerStation - COHORT} mothers open theirs at home`,
  },
  {
    kind: 'coordinator-class',
    perStation: 1,
    who: 'club coordinator',
    request: 'GET /manage/classes/:id (web)',
    why: "the club's coordinator looks at each of her stations' running class once",
  },
  {
    kind: 'coordinator-people',
    perStation: 0.5,
    who: 'club coordinator',
    request: 'GET /manage/people (web)',
    why: 'and at her people list once for every second station',
  },
  {
    kind: 'verify',
    perStation: 1,
    who: 'employers, public',
    request: 'GET /verify/:code (web, no script)',
    why: "one certificate of the station's mothers verified by an employer",
  },
  {
    kind: 'county-dashboard',
    perStation: (PROVINCE.counties * 2) / PROVINCE.stations,
    who: 'county coordinators',
    request: 'GET /dashboard (web, county coordinator)',
    why: `each of the province's ${PROVINCE.counties} county coordinators opens her dashboard twice: ${PROVINCE.counties * 2} ÷ ${PROVINCE.stations} stations`,
  },
  {
    kind: 'province-dashboard',
    perStation: (PROVINCE.provinceAdmins * 2) / PROVINCE.stations,
    who: 'province admins',
    request: 'GET /dashboard (web, province admin)',
    why: `${PROVINCE.provinceAdmins} province staff open the province dashboard twice: ${PROVINCE.provinceAdmins * 2} ÷ ${PROVINCE.stations} stations`,
  },
];

export const PER_STATION = MODEL.reduce((a, m) => a + m.perStation, 0);
/** Requests per second one station marking generates. */
export const STATION_RPS = PER_STATION / WINDOW_SECONDS;
/** A province's peak: every station marking in the same quarter hour. */
export const PROVINCE_PEAK_RPS = PROVINCE.stations * STATION_RPS;
export const P95_LIMIT_MS = 300;

export function mixDescription() {
  return MODEL.map((m) => ({
    kind: m.kind,
    perStation: Math.round(m.perStation * 1000) / 1000,
    share: Math.round((m.perStation / PER_STATION) * 10000) / 10000,
    who: m.who,
    request: m.request,
    why: m.why,
  }));
}
