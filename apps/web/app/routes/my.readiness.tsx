import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { EnrollmentAttendanceDto, MyEnrollmentDto, ReadinessDto } from '@hearth/contracts';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { certificateDate } from '../lib/certificates-format';
import { certificatesLinks } from '../lib/certificates-styles';
import { getLocale } from '../lib/locale.server';
import { hoursText } from '../lib/attendance-view';
import { formatDay } from '../lib/dates';
import { classHref } from '../lib/next-steps';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('certificates.page.readiness');
export const links = certificatesLinks;

type State = ReadinessDto['items'][number]['state'];
const MARK: Record<State, string> = { done: '✓', expiring: '!', expired: '!', missing: '✕' };

/** Her place in a course she is in: an enrolled place first, then the waiting list (newest class first, as the API lists them). */
function placeIn(enrollments: MyEnrollmentDto[], courseCode: string): MyEnrollmentDto | undefined {
  const ofCourse = enrollments.filter((e) => e.courseCode === courseCode && e.classStatus !== 'cancelled');
  return ofCourse.find((e) => e.status === 'enrolled') ?? ofCourse.find((e) => e.status === 'waitlisted');
}

/** A caring mother's checklist before she may be paired with a child: where she stands in each required course. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  let readiness: ReadinessDto;
  let enrollments: MyEnrollmentDto[];
  try {
    [readiness, enrollments] = await Promise.all([api.readiness.of(user.id, { lang: locale }), api.enrollments.mine({ lang: locale }).then((p) => p.items)]);
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const places = new Map(
    readiness.items.map((i) => [i.course.code, i.state === 'done' || i.state === 'expiring' ? undefined : placeIn(enrollments, i.course.code)]),
  );
  // Her attendance so far in each class she holds a place in; a failure only leaves the line out.
  const progress = new Map<string, EnrollmentAttendanceDto | null>(
    await Promise.all(
      [...places.values()]
        .filter((e): e is MyEnrollmentDto => e?.status === 'enrolled')
        .map(async (e) => [e.id, await api.attendance.ofEnrollment(e.id).catch(() => null)] as const),
    ),
  );
  return data(
    {
      isVolunteer: user.learnerType === 'volunteer_mother',
      level: readiness.level,
      done: readiness.items.filter((i) => i.state === 'done' || i.state === 'expiring').length,
      items: readiness.items.map((i) => ({
        code: i.course.code,
        title: i.course.title,
        state: i.state,
        certificateCode: i.certificate?.code ?? null,
        expiresAt: i.certificate?.expiresAt ? certificateDate(i.certificate.expiresAt, locale) : null,
        nextClass: i.nextClass
          ? {
              id: i.nextClass.id,
              orgName: i.nextClass.orgName,
              startsOn: certificateDate(i.nextClass.startsOn, locale),
              started: i.nextClass.startsOn <= today,
            }
          : null,
        place: placeView(places.get(i.course.code), progress, locale),
      })),
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

function placeView(e: MyEnrollmentDto | undefined, progress: Map<string, EnrollmentAttendanceDto | null>, locale: Parameters<typeof formatDay>[1]) {
  if (!e) return null;
  const a = progress.get(e.id);
  return {
    href: classHref(e.id),
    status: e.status as 'enrolled' | 'waitlisted',
    waitlistPosition: e.waitlistPosition,
    orgName: e.orgName,
    from: formatDay(e.startsOn, locale),
    to: formatDay(e.endsOn, locale),
    progress: a ? { held: a.sessions, attended: a.attended, hours: hoursText(a.hours) } : null,
  };
}

export default function ReadinessPage() {
  const { level, items, done, isVolunteer } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('certificates.readiness.heading')}</h1>
      {isVolunteer ? null : <p className="hint">{t('certificates.readiness.notVolunteer')}</p>}
      <div className={`verdict verdict-${level}`} role="status">
        <p className="verdict-word">
          <span aria-hidden="true">{level === 'ready' ? '✓ ' : level === 'renewal_needed' ? '! ' : '✕ '}</span>
          <span>{t(`certificates.readiness.level.${level}`)}</span>
        </p>
        <p>{t(`certificates.readiness.lead.${level}`)}</p>
      </div>

      <section className="stack" aria-labelledby="checklist">
        <h2 id="checklist">{t('certificates.readiness.checklist')}</h2>
        <p className="hint">{t('certificates.readiness.count', { done, total: items.length })}</p>
        <ul className="checklist">
          {items.map((item) => (
            <li key={item.code} className={`check-item check-${item.state}`}>
              <span className="check-mark" aria-hidden="true">
                {MARK[item.state]}
              </span>
              <h3>{item.title}</h3>
              <p className="check-state">{t(`certificates.readiness.state.${item.state}`)}</p>
              {item.expiresAt && item.state !== 'missing' ? (
                <p>
                  {item.state === 'expired'
                    ? t('certificates.readiness.expiredOn', { date: item.expiresAt })
                    : t('certificates.readiness.validUntil', { date: item.expiresAt })}
                </p>
              ) : null}
              {item.state === 'expiring' ? <p className="hint">{t('certificates.readiness.renewSoon')}</p> : null}
              {item.certificateCode && (item.state === 'done' || item.state === 'expiring') ? (
                <p>
                  <Link to={`/my/certificates/${item.certificateCode}`}>{t('certificates.mine.show')}</Link>
                </p>
              ) : null}
              {item.place ? (
                // Already in a class of this course: where she stands there, and the way into it.
                <>
                  {item.place.status === 'enrolled' ? (
                    <>
                      <p>{t('certificates.readiness.class.enrolled', { org: item.place.orgName, from: item.place.from, to: item.place.to })}</p>
                      {item.place.progress ? (
                        <p>
                          {item.place.progress.held > 0
                            ? t('certificates.readiness.class.progress', {
                                attended: item.place.progress.attended,
                                held: item.place.progress.held,
                                hours: item.place.progress.hours,
                              })
                            : t('certificates.readiness.class.progressNone')}
                        </p>
                      ) : null}
                    </>
                  ) : (
                    <p>
                      {item.place.waitlistPosition
                        ? t('certificates.readiness.class.waitlisted', { n: item.place.waitlistPosition, org: item.place.orgName, from: item.place.from })
                        : t('certificates.readiness.class.waitlistedNoPos', { org: item.place.orgName, from: item.place.from })}
                    </p>
                  )}
                  <p>
                    <Link to={item.place.href} className="button button-primary" aria-label={`${t('certificates.readiness.class.toClass')} · ${item.title}`}>
                      {t('certificates.readiness.class.toClass')}
                    </Link>
                  </p>
                </>
              ) : item.state === 'missing' || item.state === 'expired' || item.state === 'expiring' ? (
                item.nextClass ? (
                  <>
                    {item.state === 'missing' ? <p>{t('certificates.readiness.class.notStarted')}</p> : null}
                    <p>
                      {item.nextClass.started
                        ? t('certificates.readiness.class.started', { org: item.nextClass.orgName, date: item.nextClass.startsOn })
                        : t('certificates.readiness.nextClass', { org: item.nextClass.orgName, date: item.nextClass.startsOn })}
                    </p>
                    <p>
                      <Link
                        to={`/courses/${item.code}#class-${item.nextClass.id}`}
                        className="button button-primary"
                        aria-label={`${t('certificates.readiness.class.enrol')} · ${item.title}`}
                      >
                        {t('certificates.readiness.class.enrol')}
                      </Link>
                    </p>
                  </>
                ) : (
                  <>
                    {item.state === 'missing' ? <p>{t('certificates.readiness.class.notStarted')}</p> : null}
                    <p className="hint">{t('certificates.readiness.noClass')}</p>
                    <p>
                      <Link to={`/courses/${item.code}`}>{t('certificates.readiness.courseLink')}</Link>
                    </p>
                  </>
                )
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/my/certificates">{t('certificates.page.mine')}</Link>
      </p>
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
