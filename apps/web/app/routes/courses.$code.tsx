import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { canStillComplete, type ClassDto, type CourseDto, type MyEnrollmentDto } from '@hearth/contracts';
import { CategoryBadge, ClassFacts, SessionList } from '../components/class-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { apiFor, unavailableOrRethrow } from '../lib/api.server';
import { formErrors, isApiError, missingPrerequisites } from '../lib/form-errors.server';
import { optionalUser, requireUser } from '../lib/auth.server';
import { classView, type ClassView } from '../lib/class-view';
import { formText, isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { renderMarkdown } from '../lib/markdown.server';
import { lessonTitle } from '../lib/lesson-title';

export const meta = titleMeta<{ course?: { title: string } }>('courses.page.course', (data) => data.course?.title);

const COURSE_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
const STAFF_ROLES = new Set(['coordinator', 'admin']);

type Viewer = 'guest' | 'learner' | 'staff' | 'other';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? '';
  const locale = await getLocale(request);
  const viewer = await optionalUser(request);
  const { headers } = viewer;
  if (!COURSE_CODE.test(code)) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  const api = viewer.user ? viewer.api : apiFor(request);

  let course: CourseDto;
  try {
    course = await api.courses.get(code, { lang: locale });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
    return unavailableOrRethrow(error);
  }

  const role: Viewer = !viewer.user ? 'guest' : viewer.user.role === 'learner' ? 'learner' : STAFF_ROLES.has(viewer.user.role) ? 'staff' : 'other';
  // Classes are for signed-in people only (the API's rule); guests see how many are open.
  let classes: (ClassView & { startsOnIso: string; late: LateClass | null })[] = [];
  const mine: Record<string, Pick<MyEnrollmentDto, 'status' | 'waitlistPosition'>> = {};
  if (viewer.user) {
    try {
      const [page, enrollments] = await Promise.all([
        viewer.api.classes.list({ courseId: course.id, open: true, lang: locale, limit: 100 }),
        role === 'learner' ? viewer.api.enrollments.mine({ lang: locale }) : null,
      ]);
      const now = Date.now();
      classes = page.items.map((item) => ({ ...classView(item, locale), startsOnIso: item.startsOn, late: lateClass(item, course, now) }));
      for (const e of enrollments?.items ?? []) mine[e.classId] = { status: e.status, waitlistPosition: e.waitlistPosition };
    } catch (error) {
      return unavailableOrRethrow(error);
    }
  }

  return data(
    {
      role,
      course: {
        id: course.id,
        code: course.code,
        title: course.title,
        category: course.category,
        description: course.description,
        requiredForVolunteers: course.requiredForVolunteers,
        requiredHours: course.requiredHours,
        minAttendancePct: course.minAttendancePct,
        passMark: course.passMark,
        validityMonths: course.validityMonths,
        openClasses: course.openClasses,
        prerequisites: course.prerequisites.map(({ code: prerequisite, title }) => ({ code: prerequisite, title })),
        lessons: course.lessons.map((l) => ({ id: l.id, position: l.position, title: l.title, hours: l.hours, html: renderMarkdown(l.body) })),
        assessments: course.assessments.map(({ id, kind, title, passMark, maxAttempts, questionCount }) => ({
          id,
          kind,
          title,
          passMark,
          maxAttempts,
          questionCount,
        })),
      },
      classes,
      mine,
    },
    { headers },
  );
}

interface LateClass {
  /** Sessions already held. */
  held: number;
}

/**
 * Whether a newcomer can no longer finish the class: even attending every session still ahead
 * cannot meet the course's attendance or hours rule (the API refuses her with TOO_LATE_TO_COMPLETE).
 */
function lateClass(klass: ClassDto, course: Pick<CourseDto, 'minAttendancePct' | 'requiredHours'>, now: number): LateClass | null {
  const held = klass.sessions.filter((s) => Date.parse(s.startsAt) <= now).length;
  const ahead = klass.sessions.filter((s) => Date.parse(s.startsAt) > now).map((s) => (Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 3_600_000);
  const ok = canStillComplete(course, { sessionsHeld: held, sessionsAttended: 0, hoursAttended: 0, remainingSessionHours: ahead });
  return ok ? null : { held };
}

/** A learner enrols herself in one of the course's classes. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request);
  const locale = await getLocale(request);
  const t = translator(locale);
  const form = await request.formData();
  const classId = formText(form, 'classId');
  if (!isUuid(classId)) return data({ classId, error: t('common.error.NOT_FOUND'), missing: [] }, { status: 400, headers });
  try {
    const result = await api.classes.enrol(classId);
    return data({ classId, status: result.status, position: result.waitlistPosition ?? null }, { headers });
  } catch (error) {
    const failure = formErrors(error, t);
    const message = failure.errors.form ?? t('common.error.VALIDATION_FAILED');
    return data({ classId, error: message, missing: missingPrerequisites(error) }, { status: failure.status, headers });
  }
}

export default function CoursePage() {
  const { course, classes, mine, role } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const { t } = useI18n();
  const busyClass = navigation.state !== 'idle' ? navigation.formData?.get('classId') : null;

  return (
    <article className="stack">
      <p>
        <Link to="/courses">{t('courses.detail.backToCatalogue')}</Link>
      </p>
      <header className="stack">
        <h1>{course.title}</h1>
        <p className="badges">
          <CategoryBadge category={course.category} />
          {course.requiredForVolunteers ? <span className="badge badge-required">{t('courses.detail.requiredForVolunteers')}</span> : null}
        </p>
      </header>

      {result ? <EnrolResult result={result} /> : null}

      {course.description ? <p className="lead">{course.description}</p> : null}

      <section aria-labelledby="rules" className="card stack">
        <h2 id="rules">{t('courses.detail.rules')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('courses.detail.rules.hours')}</dt>
            <dd>{t('courses.detail.hours', { n: course.requiredHours })}</dd>
          </div>
          <div>
            <dt>{t('courses.detail.rules.attendance')}</dt>
            <dd>{t('courses.detail.rules.attendanceValue', { pct: course.minAttendancePct })}</dd>
          </div>
          <div>
            <dt>{t('courses.detail.rules.passMark')}</dt>
            <dd>{t('courses.detail.rules.passMarkValue', { n: course.passMark })}</dd>
          </div>
          <div>
            <dt>{t('courses.detail.rules.validity')}</dt>
            <dd>
              {course.validityMonths ? t('courses.detail.rules.validityMonths', { n: course.validityMonths }) : t('courses.detail.rules.validityForever')}
            </dd>
          </div>
          <div>
            <dt>{t('courses.detail.rules.prerequisites')}</dt>
            <dd>
              {course.prerequisites.length === 0
                ? t('courses.detail.rules.noPrerequisites')
                : course.prerequisites.map((p, i) => (
                    <span key={p.code}>
                      {i > 0 ? t('common.list.separator') : null}
                      <Link to={`/courses/${p.code}`}>{p.title}</Link>
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="classes" className="stack">
        <h2 id="classes">{t('courses.detail.classes')}</h2>
        {role === 'guest' ? (
          <>
            <p>{course.openClasses > 0 ? t('courses.detail.openClasses', { n: course.openClasses }) : t('courses.detail.noOpenClasses')}</p>
            <p>
              <Link to={`/login?next=${encodeURIComponent(location.pathname)}`} className="button button-primary">
                {t('courses.detail.signInToEnrol')}
              </Link>
            </p>
          </>
        ) : classes.length === 0 ? (
          <p>{t('courses.detail.noOpenClasses')}</p>
        ) : (
          <ul className="class-list">
            {classes.map((klass) => {
              const mineHere = mine[klass.id];
              const justFailed = result && 'error' in result && result.classId === klass.id;
              // The next class she can still finish: the earliest-starting one that is not too late.
              const next = klass.late
                ? classes.filter((k) => !k.late && k.id !== klass.id).sort((a, b) => a.startsOnIso.localeCompare(b.startsOnIso))[0]
                : undefined;
              return (
                <li key={klass.id} id={`class-card-${klass.id}`} className="card stack" aria-labelledby={`class-${klass.id}`}>
                  <h3 id={`class-${klass.id}`}>{klass.orgName}</h3>
                  {klass.late ? (
                    <p className="badges">
                      <span className="badge badge-late">{t('classes.late.badge')}</span>
                    </p>
                  ) : null}
                  <ClassFacts klass={klass} showOrg={false} />
                  <SessionList sessions={klass.sessions} />
                  {role === 'learner' && klass.late && !mineHere ? (
                    <div className="notice notice-warning stack-tight">
                      <p>{t('classes.late.why', { held: klass.late.held, pct: course.minAttendancePct, hours: course.requiredHours })}</p>
                      {next ? (
                        <p>
                          {t('classes.late.next', { org: next.orgName, starts: next.startsOn })}{' '}
                          <a href={`#class-card-${next.id}`}>{t('classes.late.nextLink')}</a>
                        </p>
                      ) : (
                        <p>{t('classes.late.noNext')}</p>
                      )}
                    </div>
                  ) : role === 'learner' ? (
                    mineHere ? (
                      <p className="notice notice-success">
                        {mineHere.status === 'waitlisted' && mineHere.waitlistPosition
                          ? t('classes.enrol.mine.waitlisted', { n: mineHere.waitlistPosition })
                          : t(`classes.enrollmentStatus.${mineHere.status}`)}{' '}
                        <Link to="/my/classes">{t('classes.enrol.seeMyClasses')}</Link>
                      </p>
                    ) : (
                      <Form method="post" className="stack">
                        <input type="hidden" name="classId" value={klass.id} />
                        {justFailed ? (
                          <div className="field-error">
                            <p>{result.error}</p>
                            {result.missing.length > 0 ? (
                              <ul>
                                {result.missing.map((m) => (
                                  <li key={m.code}>
                                    <Link to={`/courses/${m.code}`}>{m.title}</Link>
                                  </li>
                                ))}
                              </ul>
                            ) : null}
                          </div>
                        ) : null}
                        <button
                          type="submit"
                          className="button button-primary button-block"
                          disabled={busyClass === klass.id}
                          aria-describedby={`class-${klass.id}`}
                        >
                          {klass.seatsLeft > 0 ? t('classes.enrol.submit') : t('classes.enrol.submitWaitlist')}
                        </button>
                        {klass.seatsLeft === 0 ? <p className="hint">{t('classes.enrol.waitlistHint')}</p> : null}
                      </Form>
                    )
                  ) : role === 'staff' ? (
                    <p>
                      <Link to={`/manage/classes/${klass.id}`} className="button button-secondary">
                        {t('classes.list.open')}
                      </Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {role === 'staff' ? (
          <p>
            <Link to={`/manage/classes/new?courseId=${course.id}`}>{t('classes.list.newForCourse')}</Link>
          </p>
        ) : null}
      </section>

      {course.lessons.length > 0 ? (
        <section aria-labelledby="lessons" className="stack">
          <h2 id="lessons">{t('courses.detail.lessons')}</h2>
          <div className="lessons">
            {course.lessons.map((lesson) => (
              <details key={lesson.id} className="lesson">
                <summary>
                  <span className="lesson-title">{lessonTitle(t, lesson.position, lesson.title)}</span>
                  <span className="hint">{t('courses.detail.hours', { n: lesson.hours })}</span>
                </summary>
                {/* Rendered on the server by markdown-it with raw HTML disabled (see markdown.server.ts). */}
                <div className="prose" dangerouslySetInnerHTML={{ __html: lesson.html }} />
              </details>
            ))}
          </div>
        </section>
      ) : null}

      {course.assessments.length > 0 ? (
        <section aria-labelledby="assessments" className="stack">
          <h2 id="assessments">{t('courses.detail.assessments')}</h2>
          <ul className="plain-list">
            {course.assessments.map((a) => (
              <li key={a.id} className="card">
                <h3>{a.title}</h3>
                <p>
                  {t(`courses.assessment.kind.${a.kind}`)} · {t('courses.assessment.passMark', { n: a.passMark })}
                  {a.kind === 'quiz' && a.questionCount > 0 ? ` · ${t('courses.assessment.questions', { n: a.questionCount })}` : null}
                  {a.maxAttempts ? ` · ${t('courses.assessment.attempts', { n: a.maxAttempts })}` : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

type EnrolOutcome =
  | { classId: string; status: 'enrolled' | 'waitlisted'; position: number | null }
  | { classId: string; error: string; missing: { code: string; title: string }[] };

/** What came of pressing "报名", at the top of the page where it is seen first. */
function EnrolResult({ result }: { result: EnrolOutcome }) {
  const { t } = useI18n();
  if ('error' in result) {
    return (
      <div className="alert" role="alert">
        <p>{result.error}</p>
        {result.missing.length > 0 ? (
          <>
            <p>{t('classes.enrol.missingIntro')}</p>
            <ul>
              {result.missing.map((m) => (
                <li key={m.code}>
                  <Link to={`/courses/${m.code}`}>{m.title}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    );
  }
  return (
    <div className="notice notice-success" role="status">
      <p>
        <strong>{result.status === 'waitlisted' ? t('classes.enrol.done.waitlisted', { n: result.position ?? 1 }) : t('classes.enrol.done.enrolled')}</strong>
      </p>
      <p>{result.status === 'waitlisted' ? t('classes.enrol.done.waitlistedHint') : t('classes.enrol.done.enrolledHint')}</p>
      <p>
        <Link to="/my/classes">{t('classes.enrol.seeMyClasses')}</Link>
      </p>
    </div>
  );
}
