import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ClassStatusBadge } from '../components/class-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { formErrors } from '../lib/form-errors.server';
import { myAttendance } from '../lib/attendance-mine.server';
import { requireUser } from '../lib/auth.server';
import { isOpen } from '../lib/class-view';
import { formatDay, formatSession } from '../lib/dates';
import { formText, isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { classHref } from '../lib/next-steps';

export const meta = titleMeta('classes.page.myClasses');

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  try {
    const page = await api.enrollments.mine({ lang: locale });
    const attendance = await myAttendance(api, page.items);
    const classes = page.items.map((e) => ({
      id: e.id,
      status: e.status,
      waitlistPosition: e.waitlistPosition,
      classStatus: e.classStatus,
      courseCode: e.courseCode,
      courseTitle: e.courseTitle,
      orgName: e.orgName,
      location: e.location,
      startsOn: formatDay(e.startsOn, locale),
      endsOn: formatDay(e.endsOn, locale),
      sessionCount: e.sessionCount,
      nextSession: e.nextSession
        ? { when: formatSession(e.nextSession.startsAt, e.nextSession.endsAt, locale), location: e.nextSession.location || e.location }
        : null,
      // Only a place she still holds (or waits for) can be given up.
      canWithdraw: (e.status === 'enrolled' || e.status === 'waitlisted') && isOpen(e.classStatus),
      attendance: attendance.get(e.id) ?? null,
    }));
    return data({ classes }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

/** Withdrawing, after she confirmed it on the page (the confirmation needs no JavaScript). */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const t = translator(await getLocale(request));
  const form = await request.formData();
  const enrollmentId = formText(form, 'enrollmentId');
  const courseTitle = formText(form, 'courseTitle').slice(0, 200);
  if (!isUuid(enrollmentId)) return data({ ok: false as const, message: t('common.error.NOT_FOUND') }, { status: 400, headers });
  try {
    await api.enrollments.withdraw(enrollmentId);
    return data({ ok: true as const, message: t('classes.mine.withdrawn', { course: courseTitle }) }, { headers });
  } catch (error) {
    const failure = formErrors(error, t);
    return data({ ok: false as const, message: failure.errors.form ?? t('common.error.VALIDATION_FAILED') }, { status: failure.status, headers });
  }
}

export default function MyClassesPage() {
  const { classes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const busy = navigation.state !== 'idle' ? navigation.formData?.get('enrollmentId') : null;
  return (
    <div className="stack">
      <h1>{t('classes.mine.heading')}</h1>
      {result ? (
        <div className={result.ok ? 'notice notice-success' : 'alert'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      {classes.length === 0 ? (
        <div className="card stack">
          <p>{t('classes.mine.empty')}</p>
          <p>
            <Link to="/courses" className="button button-primary">
              {t('classes.mine.browse')}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="class-list">
          {classes.map((c) => (
            <li key={c.id} className="card stack">
              <h2>
                <Link to={`/courses/${c.courseCode}`}>{c.courseTitle}</Link>
              </h2>
              <p className="badges">
                <span className={`badge badge-enrollment-${c.status}`}>
                  {c.status === 'waitlisted' && c.waitlistPosition
                    ? t('classes.enrol.mine.waitlisted', { n: c.waitlistPosition })
                    : t(`classes.enrollmentStatus.${c.status}`)}
                </span>
                <ClassStatusBadge status={c.classStatus} />
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('classes.info.org')}</dt>
                  <dd>{c.orgName}</dd>
                </div>
                <div>
                  <dt>{t('classes.info.dates')}</dt>
                  <dd>{t('classes.info.datesValue', { from: c.startsOn, to: c.endsOn })}</dd>
                </div>
                <div>
                  <dt>{t('classes.mine.nextSession')}</dt>
                  <dd>
                    {c.nextSession ? (
                      <>
                        {c.nextSession.when}
                        {c.nextSession.location ? (
                          <>
                            <br />
                            {c.nextSession.location}
                          </>
                        ) : null}
                      </>
                    ) : c.sessionCount === 0 ? (
                      t('classes.info.noSessions')
                    ) : (
                      t('classes.mine.noMoreSessions')
                    )}
                  </dd>
                </div>
                {c.attendance?.summary ? (
                  <>
                    <div>
                      <dt>{t('attendance.mine.attendance')}</dt>
                      <dd>
                        {c.attendance.summary.held > 0
                          ? t('attendance.mine.value', {
                              held: c.attendance.summary.held,
                              attended: c.attendance.summary.attended,
                              pct: c.attendance.summary.pct,
                            })
                          : t('attendance.mine.none')}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('attendance.mine.hours')}</dt>
                      <dd>{t('attendance.mine.hoursValue', { n: c.attendance.summary.hours })}</dd>
                    </div>
                  </>
                ) : null}
              </dl>
              {/* Her class page: lessons, progress against each rule, the quiz and her next step. */}
              <div className="stack-tight">
                <Link
                  to={classHref(c.id)}
                  className={`button ${c.attendance?.checkInHref ? 'button-secondary' : 'button-primary'} button-block`}
                  aria-label={`${t('learning.open')} · ${c.courseTitle}`}
                >
                  {t('learning.open')}
                </Link>
                <p className="hint">{t('learning.openHint')}</p>
              </div>
              {/* Not while a session is on: she may be sitting in it, about to check in. */}
              {!c.attendance?.checkInHref && (c.attendance?.summary?.cannotReachMinimum || c.attendance?.summary?.belowMinimum) ? (
                <p className="notice notice-warning">{t(c.attendance.summary.cannotReachMinimum ? 'attendance.mine.cannotReach' : 'attendance.mine.below')}</p>
              ) : null}
              {c.attendance?.checkedIn ? (
                <p className="notice notice-success" role="status">
                  {t('attendance.checkInState.already')}
                </p>
              ) : null}
              {c.attendance?.checkInHref ? (
                <div className="stack-tight">
                  <Link to={c.attendance.checkInHref} className="button button-primary button-block">
                    {t('attendance.mine.checkIn')}
                  </Link>
                  <p className="hint">{t('attendance.mine.checkInHint')}</p>
                </div>
              ) : null}
              {c.canWithdraw ? (
                <details className="confirm">
                  <summary className="button button-secondary">{t('classes.mine.withdraw')}</summary>
                  <div className="stack confirm-body">
                    <p>{c.status === 'enrolled' ? t('classes.mine.withdrawConfirm.enrolled') : t('classes.mine.withdrawConfirm.waitlisted')}</p>
                    <Form method="post">
                      <input type="hidden" name="enrollmentId" value={c.id} />
                      <input type="hidden" name="courseTitle" value={c.courseTitle} />
                      <button type="submit" className="button button-danger button-block" disabled={busy === c.id}>
                        {t('classes.mine.withdrawYes')}
                      </button>
                    </Form>
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
