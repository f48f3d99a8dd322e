import type { ApiClient, ClassDto, Locale, MeDto, Role, SessionAttendanceDto } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { isApiUnavailable, unavailableOrRethrow } from './api.server';
import { formErrors, isApiError } from './form-errors.server';
import { chinaDay, formatDay, formatSession } from './dates';
import { isUuid } from './forms';

/** Who takes the roll: the class's instructor, and coordinators and admins of its subtree. */
export const TEACH_ROLES: readonly Role[] = ['instructor', 'coordinator', 'admin'];

/** The API's rules, mirrored so the page can say so before anyone presses "save". */
const MARK_EARLY_MS = 15 * 60_000;
const LATE_MARKING_MS = 7 * 86_400_000;

export type MarkingState = 'open' | 'notStarted' | 'closed';

export function markingState(role: Role, startsAt: string, endsAt: string, now = Date.now()): MarkingState {
  if (new Date(startsAt).getTime() - MARK_EARLY_MS > now) return 'notStarted';
  if (role === 'instructor' && new Date(endsAt).getTime() + LATE_MARKING_MS < now) return 'closed';
  return 'open';
}

/** Learners check in from 15 minutes before the start until the end. */
export function checkInOpen(startsAt: string, endsAt: string, now = Date.now()): boolean {
  return new Date(startsAt).getTime() - MARK_EARLY_MS <= now && now <= new Date(endsAt).getTime();
}

export const notFound = (headers: Record<string, string> = {}) => new Response(null, { status: 404, statusText: 'Not Found', headers });

export interface SessionContext {
  roster: SessionAttendanceDto;
  klass: ClassDto;
}

/** A session's roster and its class, or the 404/503 page. */
export async function loadSessionContext(api: ApiClient, id: string | undefined, locale: Locale, headers: Record<string, string>): Promise<SessionContext> {
  if (!isUuid(id)) throw notFound(headers);
  try {
    const roster = await api.attendance.session(id);
    const klass = await api.classes.get(roster.session.classId, { lang: locale });
    return { roster, klass };
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw notFound(headers);
    return unavailableOrRethrow(error);
  }
}

/** What the pages show about a session, already in China time and the reader's language. */
export function sessionHeader({ roster, klass }: SessionContext, locale: Locale) {
  const s = roster.session;
  const own = klass.sessions.find((x) => x.id === s.id);
  return {
    id: s.id,
    classId: klass.id,
    title: klass.title,
    orgName: klass.orgName,
    instructorName: klass.instructorName,
    location: own?.location || klass.location,
    day: formatDay(s.startsAt, locale),
    when: formatSession(s.startsAt, s.endsAt, locale),
    minAttendancePct: s.minAttendancePct,
  };
}

/** A refused mark or check-in in the user's language; `status` 503 when the API is down. */
export function markErrorMessage(error: unknown, t: Translate): { status: number; message: string } {
  if (isApiUnavailable(error)) return { status: 503, message: t('common.error.SERVICE_UNAVAILABLE') };
  const specific: Record<string, Parameters<Translate>[0]> = {
    MARKING_WINDOW_CLOSED: 'attendance.roster.closed',
    SESSION_NOT_STARTED: 'attendance.roster.notStarted',
    NOT_ENROLLED: 'attendance.error.notEnrolled',
    IDEMPOTENCY_MISMATCH: 'attendance.error.mismatch',
    NOT_FOUND: 'attendance.error.notFound',
  };
  for (const [code, key] of Object.entries(specific)) {
    if (isApiError(error, code)) return { status: error.status, message: t(key) };
  }
  const failure = formErrors(error, t);
  return { status: failure.status, message: failure.errors.form ?? t('attendance.sync.badRequest') };
}

/** One session on /teach. */
export interface TeachSession {
  id: string;
  title: string;
  orgName: string;
  location: string;
  instructorName: string | null;
  when: string;
  now: boolean;
  /** Only the class's own instructor gets a check-in code, and only while it can still be used. */
  canShowCode: boolean;
}

const UPCOMING_LIMIT = 10;
const UPCOMING_DAYS = 7;
const UPCOMING_MIN = 3;
const CLASS_PAGES = 5;

/**
 * The caller's sessions of today, the next ones and those of the last 7 days. Instructors see their
 * own classes; coordinators and admins every class of their subtree.
 */
export async function teachingSessions(api: ApiClient, user: MeDto, locale: Locale) {
  const classes: ClassDto[] = [];
  for (let page = 0; page < CLASS_PAGES; page++) {
    const { items, total } = await api.classes.list({ limit: 100, offset: page * 100, lang: locale });
    classes.push(...items);
    if (classes.length >= total || items.length === 0) break;
  }
  const mine = classes.filter((k) => k.status !== 'cancelled' && (user.role !== 'instructor' || k.instructorId === user.id));
  const now = Date.now();
  const today = chinaDay(new Date(now).toISOString());
  const weekAgo = now - 7 * 86_400_000;
  const all = mine.flatMap((k) =>
    // A cancelled session is not taught: it stays on the class page, struck through, not here.
    k.sessions
      .filter((s) => !s.cancelledAt)
      .map((s) => ({
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        view: {
          id: s.id,
          title: k.title,
          orgName: k.orgName,
          location: s.location || k.location,
          instructorName: user.role === 'instructor' ? null : k.instructorName,
          when: formatSession(s.startsAt, s.endsAt, locale),
          now: checkInOpen(s.startsAt, s.endsAt, now),
          canShowCode: user.role === 'instructor' && k.instructorId === user.id && new Date(s.endsAt).getTime() >= now && chinaDay(s.startsAt) <= today,
        } satisfies TeachSession,
      })),
  );
  const byStart = (a: { startsAt: string }, b: { startsAt: string }) => a.startsAt.localeCompare(b.startsAt);
  const todays = all.filter((s) => chinaDay(s.startsAt) === today).sort(byStart);
  const horizon = chinaDay(new Date(now + UPCOMING_DAYS * 86_400_000).toISOString());
  const later = all.filter((s) => chinaDay(s.startsAt) > today).sort(byStart);
  // The coming week, but never fewer than the next few sessions.
  const upcoming = later.filter((s, i) => i < UPCOMING_MIN || chinaDay(s.startsAt) <= horizon).slice(0, UPCOMING_LIMIT);
  const recent = all
    .filter((s) => chinaDay(s.startsAt) < today && new Date(s.endsAt).getTime() >= weekAgo)
    .sort(byStart)
    .reverse();
  return {
    today: todays.map((s) => s.view),
    upcoming: upcoming.map((s) => s.view),
    moreUpcoming: later.length > upcoming.length ? upcoming.length : 0,
    recent: recent.map((s) => s.view),
  };
}
