import { beforeAll, describe, expect, it } from '@jest/globals';
import { WEB } from '../support/browser.js';
import { markPresent, newClass, newEmployer, newJob, newLearner, newPerson, newWorld, referredCandidate, type Person } from '../support/fixtures.js';

/**
 * A page no link reaches does not exist for someone who only taps. For each role this signs in through the
 * login form, then follows same-origin links breadth-first from the landing page (GET only, as a person's taps
 * are) and checks that every page the role's daily work needs was reached.
 */

type Role = 'learner' | 'volunteer' | 'instructor' | 'jintaInstructor' | 'coordinator' | 'employer' | 'admin';

/** What each role needs, as path patterns (ids vary). */
const NEEDS: Record<Role, RegExp[]> = {
  learner: [
    /^\/learn\/[0-9a-f-]{36}\/lessons\/\d+$/,
    /^\/me\/data$/,
    /^\/courses$/,
    /^\/courses\/[^/]+$/,
    /^\/my\/classes$/,
    /^\/learn\/[0-9a-f-]{36}$/,
    /^\/my\/certificates$/,
    /^\/jobs$/,
    /^\/my\/consent$/,
    /^\/my\/referrals$/,
    /^\/me$/,
    /^\/me\/password$/,
    /^\/me\/notifications$/,
    /^\/me\/notifications\/settings$/,
  ],
  volunteer: [
    /^\/my\/readiness$/,
    /^\/courses$/,
    /^\/my\/classes$/,
    /^\/learn\/[0-9a-f-]{36}$/,
    /^\/learn\/quiz\/[0-9a-f-]{36}$/,
    /^\/my\/certificates$/,
    /^\/me$/,
  ],
  instructor: [
    /^\/teach$/,
    /^\/teach\/sessions\/[0-9a-f-]{36}$/,
    /^\/teach\/sessions\/[0-9a-f-]{36}\/history$/,
    /^\/teach\/sessions\/[0-9a-f-]{36}\/code$/,
    /^\/teach\/sessions\/[0-9a-f-]{36}\/print$/,
    /^\/me$/,
    /^\/me\/notifications$/,
    /^\/me\/notifications\/settings$/,
  ],
  jintaInstructor: [/^\/teach$/, /^\/teach\/sessions\/[0-9a-f-]{36}$/, /^\/teach\/sessions\/[0-9a-f-]{36}\/history$/],
  coordinator: [
    /^\/manage\/classes$/,
    /^\/manage\/classes\/new$/,
    /^\/manage\/classes\/[0-9a-f-]{36}$/,
    /^\/manage\/classes\/[0-9a-f-]{36}\/certificates$/,
    /^\/teach\/sessions\/[0-9a-f-]{36}\/history$/,
    /^\/manage\/import$/,
    /^\/manage\/people$/,
    /^\/manage\/people\/new$/,
    /^\/manage\/qualifications$/,
    /^\/manage\/volunteers$/,
    /^\/manage\/jobs$/,
    /^\/manage\/jobs\/[0-9a-f-]{36}$/,
    /^\/manage\/followups$/,
    /^\/dashboard$/,
    /^\/me$/,
    /^\/me\/notifications$/,
    /^\/me\/notifications\/settings$/,
  ],
  employer: [
    /^\/employer$/,
    /^\/employer\/referrals\/[0-9a-f-]{36}$/,
    /^\/employer\/jobs\/new$/,
    /^\/employer\/followups$/,
    /^\/me$/,
    /^\/me\/notifications$/,
    /^\/me\/notifications\/settings$/,
  ],
  admin: [
    /^\/dashboard$/,
    /^\/manage\/classes\/[0-9a-f-]{36}$/,
    /^\/admin\/orgs$/,
    /^\/admin\/courses$/,
    /^\/admin\/courses\/new$/,
    /^\/manage\/people$/,
    /^\/admin\/audit$/,
    /^\/me$/,
    /^\/me\/notifications$/,
    /^\/me\/notifications\/settings$/,
  ],
};
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** Pages that change something or end the session when fetched are never followed, though no GET should. */
const NEVER_FOLLOW = /^\/(logout|locale)\b/;
const MAX_PAGES = 400;

async function signInOverHttp(person: Person): Promise<string> {
  const res = await fetch(`${WEB()}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ phone: person.phone, password: person.password, next: '/app' }),
  });
  expect(res.status).toBe(302);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  expect(cookies.length).toBeGreaterThan(0);
  return cookies.join('; ');
}

/** Breadth-first over same-origin links from /app; returns every path (without query) that answered 200 with HTML or a file. */
async function crawl(cookie: string): Promise<{ reached: Set<string>; failures: string[] }> {
  const base = new URL(WEB());
  const seen = new Set<string>(['/app']);
  const queue = ['/app'];
  const reached = new Set<string>();
  const failures: string[] = [];
  while (queue.length && seen.size <= MAX_PAGES) {
    const target = queue.shift()!;
    const res = await fetch(new URL(target, base), { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    if (res.status >= 500 || res.status === 404 || res.status === 403) {
      failures.push(`${target} → ${res.status}`);
      continue;
    }
    if (res.status !== 200) continue;
    reached.add(new URL(target, base).pathname);
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await res.text();
    for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"#]+)[^"]*"/g)) {
      const url = new URL(href.replace(/&amp;/g, '&'), new URL(target, base));
      if (url.origin !== base.origin || NEVER_FOLLOW.test(url.pathname)) continue;
      // Paging and filters multiply URLs without new pages: follow each path with at most one query.
      const key = url.pathname + url.search;
      if (seen.has(key) || [...seen].some((s) => s.split('?')[0] === url.pathname && url.search)) continue;
      seen.add(key);
      queue.push(key);
    }
  }
  return { reached, failures };
}

describe('every page a role needs is reachable by links from where she lands', () => {
  /** A county of its own with each role at work: classes running (a session on now), a certificate, a referral. */
  const people = {} as Record<Role, Person>;
  beforeAll(async () => {
    const world = await newWorld({ place: '可达' });
    const learner = await newLearner(world, { learnerType: 'migrant_worker' });
    const volunteer = await newLearner(world);
    const other = await newPerson(world.admin, 'instructor', world.station);
    const running = { days: [-3, 4], endsIn: 10 };
    const house = await newClass(world, { course: 'VOC-HOUSE', ...running, learners: [learner] });
    await newClass(world, { course: 'LAW-MPL', ...running, learners: [volunteer] });
    await newClass(world, { course: 'CARE-SAFE', ...running, instructor: other, learners: [volunteer] });
    const now = await newClass(world, {
      course: 'VOC-ELDER',
      startsIn: -1,
      endsIn: 10,
      sessions: [{ startsAt: minutes(-30), endsAt: minutes(90) }],
      learners: [learner],
    });
    await markPresent(world, [house.sessions[0].id, now.sessions[0].id], [learner]);
    const employer = await newEmployer(world);
    await referredCandidate(world, await newJob(world, employer));
    Object.assign(people, {
      learner,
      volunteer,
      instructor: world.instructor,
      jintaInstructor: other,
      coordinator: world.coordinator,
      employer: employer.staff,
      admin: world.admin,
    });
  });

  for (const role of Object.keys(NEEDS) as Role[]) {
    it(`${role}: reaches ${NEEDS[role].length} pages by links, and no link leads to an error`, async () => {
      const cookie = await signInOverHttp(people[role]);
      const { reached, failures } = await crawl(cookie);
      const unreachable = NEEDS[role].filter((need) => ![...reached].some((path) => need.test(path))).map(String);
      expect({ unreachable, failures }).toEqual({ unreachable: [], failures: [] });
    });
  }
});
