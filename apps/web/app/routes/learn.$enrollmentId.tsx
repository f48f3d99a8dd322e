import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { AssessmentDto, CourseDto, EnrollmentAttendanceDto, MyEnrollmentDto, RequirementStatusDto } from '@hearth/contracts';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/api-errors.server';
import { requireUser } from '../lib/auth.server';
import { certificatesLinks } from '../lib/certificates-styles';
import { formatDay } from '../lib/dates';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta<{ course?: { title: string } }>('certificates.page.progress', (data) => data.course?.title);
export const links = certificatesLinks;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** "My progress in this class": what the course still needs from her, with the quiz to take, and the certificate once issued. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  const id = params.enrollmentId ?? '';
  const notFound = () => new Response(null, { status: 404, statusText: 'Not Found', headers });
  if (!isUuid(id)) throw notFound();

  let enrolment: MyEnrollmentDto | undefined;
  let requirements: RequirementStatusDto;
  let attendance: EnrollmentAttendanceDto;
  let course: CourseDto;
  try {
    const [mine, status, summary] = await Promise.all([api.enrollments.mine({ lang: locale }), api.certificates.requirements(id, { lang: locale }), api.attendance.ofEnrollment(id)]);
    enrolment = mine.items.find((e) => e.id === id);
    if (!enrolment) throw notFound();
    [requirements, attendance] = [status, summary];
    course = await api.courses.get(enrolment.courseCode, { lang: locale });
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isApiError(error, 'NOT_FOUND')) throw notFound();
    return unavailableOrRethrow(error);
  }

  // Her attempts at each quiz; the API hides a quiz from a learner who is only on the waiting list.
  const quizzes = new Map<string, AssessmentDto>();
  await Promise.all(
    course.assessments
      .filter((a) => a.kind === 'quiz')
      .map(async (a) => {
        try {
          quizzes.set(a.id, await api.assessments.get(a.id, { lang: locale }));
        } catch (error) {
          if (!isApiError(error, 'NOT_FOUND')) return unavailableOrRethrow(error);
        }
      }),
  );

  const missing = requirements.missing;
  const attendanceGap = missing.find((m) => m.requirement === 'attendance');
  const hoursGap = missing.find((m) => m.requirement === 'hours');
  return data(
    {
      enrollmentId: id,
      waitlisted: enrolment.status === 'waitlisted',
      course: { code: course.code, title: course.title },
      klass: { orgName: enrolment.orgName, startsOn: formatDay(enrolment.startsOn, locale), endsOn: formatDay(enrolment.endsOn, locale) },
      certificateCode: requirements.certificateCode,
      complete: requirements.complete,
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
        const attemptsLeft = quiz && quiz.maxAttempts !== null ? Math.max(0, quiz.maxAttempts - quiz.attemptsUsed) : null;
        return {
          id: a.id,
          kind: a.kind,
          title: a.title,
          passMark: a.passMark,
          met: !gap,
          bestScore: gap?.requirement === 'assessment' ? gap.bestScore : (quiz?.bestScore ?? null),
          attemptsUsed: quiz?.attemptsUsed ?? 0,
          maxAttempts: quiz?.maxAttempts ?? a.maxAttempts,
          canTake: a.kind === 'quiz' && Boolean(quiz) && Boolean(gap) && attemptsLeft !== 0,
        };
      }),
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

export default function ProgressPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className="stack">
      <p>
        <Link to="/my/classes">{t('certificates.progress.backToClasses')}</Link>
      </p>
      <header className="stack-tight">
        <p className="hint">{t('certificates.progress.subtitle')}</p>
        <h1>{d.course.title}</h1>
        <p>
          {d.klass.orgName} · {t('class.datesValue', { from: d.klass.startsOn, to: d.klass.endsOn })}
        </p>
      </header>

      {d.certificateCode ? (
        <div className="notice notice-success stack-tight">
          <p>
            <strong>{t('certificates.progress.certificate')}</strong>
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
      ) : d.waitlisted ? (
        <div className="notice notice-warning">
          <p>{t('certificates.progress.waitlisted')}</p>
        </div>
      ) : d.complete ? (
        <div className="notice notice-success">
          <p>{t('certificates.progress.allMet')}</p>
        </div>
      ) : (
        <p>{t('certificates.progress.pending')}</p>
      )}

      <section className="stack" aria-labelledby="requirements">
        <h2 id="requirements">{t('certificates.progress.requirements')}</h2>
        <ul className="checklist">
          <CheckItem met={d.attendance.met} title={t('certificates.progress.attendance')}>
            <p>
              {d.attendance.held === 0
                ? t('certificates.progress.attendanceNone', { required: d.attendance.requiredPct })
                : t('certificates.progress.attendanceValue', { actual: d.attendance.actualPct, required: d.attendance.requiredPct, attended: d.attendance.attended, held: d.attendance.held })}
            </p>
          </CheckItem>
          <CheckItem met={d.hours.met} title={t('certificates.progress.hours')}>
            <p>{t('certificates.progress.hoursValue', { actual: d.hours.actual, required: d.hours.required })}</p>
          </CheckItem>
          {d.assessments.map((a) => (
            <CheckItem key={a.id} met={a.met} title={a.title}>
              <p>
                {t(`assessment.kind.${a.kind}`)} ·{' '}
                {a.bestScore !== null
                  ? t('certificates.progress.scoreValue', { score: a.bestScore, pass: a.passMark })
                  : a.met
                    ? t('certificates.progress.passed')
                    : t('certificates.progress.noScore', { pass: a.passMark })}
              </p>
              {a.kind === 'quiz' && a.maxAttempts && a.attemptsUsed > 0 ? <p className="hint">{t('certificates.progress.quizAttempts', { used: a.attemptsUsed, max: a.maxAttempts })}</p> : null}
              {a.kind === 'practical' && !a.met ? <p className="hint">{t('certificates.progress.practicalHint')}</p> : null}
              {a.canTake ? (
                <p>
                  <Link to={`/learn/quiz/${a.id}?enrollment=${d.enrollmentId}`} className="button button-primary">
                    {t('certificates.progress.takeQuiz')}
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
      <p className="check-state">{met ? t('certificates.progress.met') : t('certificates.progress.notMet')}</p>
      {children}
    </li>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
