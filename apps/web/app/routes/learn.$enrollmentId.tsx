import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useEffect, type ReactNode } from 'react';
import type { EnrollmentAttendanceDto, MyEnrollmentDto } from '@hearth/contracts';
import { NextStepCard } from '../components/learning-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { requireUser } from '../lib/auth.server';
import { certificatesLinks } from '../lib/certificates-styles';
import { formatDay } from '../lib/dates';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { myAttendance } from '../lib/attendance-mine.server';
import { classOverview, quizOpen, type ClassOverview } from '../lib/learner-class.server';
import { lessonHref, quizHref } from '../lib/next-steps';
import { lessonTitle } from '../lib/lesson-title';
import { learningLinks } from '../lib/learning-styles';
import { routeHeaders } from '../lib/route-headers';
import { installQuizAutoFlush } from '../lib/quiz-offline';

export const meta = titleMeta<{ course?: { title: string } }>('learning.page.class', (data) => data.course?.title);
export const links: LinksFunction = () => [...certificatesLinks(), ...learningLinks()];

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Her class page: the one next step (highlighted), what the course still needs from her (with the
 * quiz to take, and the certificate once issued), and the lessons to read or listen to.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.enrollmentId ?? '';
  const notFound = () => new Response(null, { status: 404, statusText: 'Not Found', headers });
  if (!isUuid(id)) throw notFound();

  let enrollment: MyEnrollmentDto | undefined;
  let attendance: EnrollmentAttendanceDto;
  let overview: ClassOverview;
  try {
    const mine = await api.enrollments.mine({ lang: locale });
    enrollment = mine.items.find((e) => e.id === id);
    if (!enrollment) throw notFound();
    const [summary, checkIn] = await Promise.all([api.attendance.ofEnrollment(id), myAttendance(api, [enrollment])]);
    attendance = summary;
    overview = await classOverview(api, enrollment, locale, checkIn.get(id)?.checkInHref ?? null);
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isApiError(error, 'NOT_FOUND')) throw notFound();
    return unavailableOrRethrow(error);
  }
  const { requirements, course, quizzes, next } = overview;

  const missing = requirements.missing;
  const attendanceGap = missing.find((m) => m.requirement === 'attendance');
  const hoursGap = missing.find((m) => m.requirement === 'hours');
  return data(
    {
      enrollmentId: id,
      waitlisted: enrollment.status === 'waitlisted',
      course: { code: course.code, title: course.title },
      klass: { orgName: enrollment.orgName, startsOn: formatDay(enrollment.startsOn, locale), endsOn: formatDay(enrollment.endsOn, locale) },
      certificateCode: requirements.certificateCode,
      complete: requirements.complete,
      next,
      lessons: course.lessons.map((l) => ({ position: l.position, title: lessonTitle(t, l.position, l.title), hours: l.hours })),
      attendance: {
        met: !attendanceGap,
        held: attendance.sessions,
        attended: attendance.attended,
        actualPct: Math.round(attendance.rate * 100),
        requiredPct: course.minAttendancePct,
      },
      hours: { met: !hoursGap, actual: round1(attendance.hours), required: course.requiredHours },
      assessments: course.assessments.map((a) => {
        const gap = missing.find((m) => m.requirement === 'assessment' && m.assessmentId === a.id);
        const quiz = quizzes.get(a.id);
        return {
          id: a.id,
          kind: a.kind,
          title: a.title,
          passMark: a.passMark,
          met: !gap,
          bestScore: gap?.requirement === 'assessment' ? gap.bestScore : (quiz?.bestScore ?? null),
          attemptsUsed: quiz?.attemptsUsed ?? 0,
          maxAttempts: quiz?.maxAttempts ?? a.maxAttempts,
          canTake: Boolean(gap) && quizOpen(quiz),
        };
      }),
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

export default function ClassPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  // A quiz she handed in without signal is handed in from here too, once there is signal.
  useEffect(() => installQuizAutoFlush(), []);
  return (
    <article className="stack">
      <p>
        <Link to="/my/classes">{t('learning.progress.backToClasses')}</Link>
      </p>
      <header className="stack-tight">
        <p className="hint">{t('learning.progress.subtitle')}</p>
        <h1>{d.course.title}</h1>
        <p>
          {d.klass.orgName} · {t('classes.info.datesValue', { from: d.klass.startsOn, to: d.klass.endsOn })}
        </p>
      </header>

      {d.certificateCode ? (
        <div className="notice notice-success stack-tight">
          <p>
            <strong>{t('learning.progress.certificate')}</strong>
          </p>
          <div className="cert-actions">
            <Link to={`/my/certificates/${d.certificateCode}`} className="button button-primary">
              {t('certificates.mine.show')}
            </Link>
            <a href={`/certificates/${d.certificateCode}/pdf`} className="button button-secondary" download={`certificate-${d.certificateCode}.pdf`}>
              {t('certificates.mine.pdf')}
            </a>
          </div>
        </div>
      ) : (
        <NextStepCard step={d.next} />
      )}

      <section className="stack" aria-labelledby="lessons">
        <h2 id="lessons">{t('learning.class.lessons')}</h2>
        {d.lessons.length === 0 ? (
          <p>{t('learning.class.noLessons')}</p>
        ) : (
          <>
            <p className="hint">{t('learning.class.lessonsCount', { n: d.lessons.length })}</p>
            <ol className="lesson-links">
              {d.lessons.map((l) => (
                <li key={l.position}>
                  <Link to={lessonHref(d.enrollmentId, l.position)} className="lesson-link">
                    <span>{l.title}</span>
                    <span className="hint">{t('learning.class.lessonHours', { n: l.hours })}</span>
                  </Link>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="requirements">
        <h2 id="requirements">{t('learning.progress.requirements')}</h2>
        {d.certificateCode || d.complete ? null : <p className="hint">{t('learning.progress.pending')}</p>}
        <ul className="checklist">
          <CheckItem met={d.attendance.met} title={t('learning.progress.attendance')}>
            <p>
              {d.attendance.held === 0
                ? t('learning.progress.attendanceNone', { required: d.attendance.requiredPct })
                : t('learning.progress.attendanceValue', {
                    actual: d.attendance.actualPct,
                    required: d.attendance.requiredPct,
                    attended: d.attendance.attended,
                    held: d.attendance.held,
                  })}
            </p>
            <p className="hint">{t('learning.attendanceRule')}</p>
          </CheckItem>
          <CheckItem met={d.hours.met} title={t('learning.progress.hours')}>
            <p>{t('learning.progress.hoursValue', { actual: d.hours.actual, required: d.hours.required })}</p>
          </CheckItem>
          {d.assessments.map((a) => (
            <CheckItem key={a.id} met={a.met} title={a.title}>
              <p>
                {t(`courses.assessment.kind.${a.kind}`)} ·{' '}
                {a.bestScore !== null
                  ? t('learning.progress.scoreValue', { score: a.bestScore, pass: a.passMark })
                  : a.met
                    ? t('learning.progress.passed')
                    : t('learning.progress.noScore', { pass: a.passMark })}
              </p>
              {a.kind === 'quiz' && a.maxAttempts && a.attemptsUsed > 0 ? (
                <p className="hint">{t('learning.progress.quizAttempts', { used: a.attemptsUsed, max: a.maxAttempts })}</p>
              ) : null}
              {a.kind === 'practical' && !a.met ? <p className="hint">{t('learning.progress.practicalHint')}</p> : null}
              {a.canTake ? (
                <p>
                  <Link to={quizHref(a.id, d.enrollmentId)} className="button button-primary">
                    {t('learning.progress.takeQuiz')}
                  </Link>
                </p>
              ) : null}
            </CheckItem>
          ))}
        </ul>
      </section>
    </article>
  );
}

function CheckItem({ met, title, children }: { met: boolean; title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className={`check-item ${met ? 'check-met' : 'check-unmet'}`}>
      <span className="check-mark" aria-hidden="true">
        {met ? '✓' : '✕'}
      </span>
      <h3>{title}</h3>
      <p className="check-state">{met ? t('learning.progress.met') : t('learning.progress.notMet')}</p>
      {children}
    </li>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
