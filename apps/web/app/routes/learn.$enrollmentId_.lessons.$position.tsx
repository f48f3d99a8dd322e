import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { CourseDto, MyEnrollmentDto } from '@hearth/contracts';
import { ReadAloud } from '../components/read-aloud';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { requireUser } from '../lib/auth.server';
import { isUuid } from '../lib/forms';
import { learningLinks } from '../lib/learning-styles';
import { lessonTitle } from '../lib/lesson-title';
import { getLocale } from '../lib/locale.server';
import { renderMarkdown } from '../lib/markdown.server';
import { classHref, lessonHref, quizHref } from '../lib/next-steps';
import { textSize, textSizeHref } from '../lib/text-size.server';

export const meta = titleMeta<{ lesson?: { title: string } }>('learning.page.lesson', (d) => d.lesson?.title);
export const links: LinksFunction = learningLinks;

/** One lesson of her class, to read (in larger text if she likes) or to listen to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.enrollmentId ?? '';
  const position = Number(params.position);
  const notFound = () => new Response(null, { status: 404, statusText: 'Not Found', headers });
  if (!isUuid(id) || !Number.isInteger(position) || position < 1 || position > 1000) throw notFound();

  let enrollment: MyEnrollmentDto | undefined;
  let course: CourseDto;
  try {
    const mine = await api.enrollments.mine({ lang: locale });
    enrollment = mine.items.find((e) => e.id === id);
    if (!enrollment) throw notFound();
    course = await api.courses.get(enrollment.courseCode, { lang: locale });
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isApiError(error, 'NOT_FOUND')) throw notFound();
    return unavailableOrRethrow(error);
  }
  const lessons = [...course.lessons].sort((a, b) => a.position - b.position);
  const index = lessons.findIndex((l) => l.position === position);
  if (index < 0) throw notFound();
  const lesson = lessons[index];
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  const quiz = course.assessments.find((a) => a.kind === 'quiz');

  const size = await textSize(request);
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Cache-Control', 'private, no-store');
  if (size.setCookie) responseHeaders.append('Set-Cookie', size.setCookie);
  return data(
    {
      course: { title: course.title },
      lesson: { title: lessonTitle(t, lesson.position, lesson.title), hours: lesson.hours, html: renderMarkdown(lesson.body) },
      n: index + 1,
      total: lessons.length,
      back: classHref(id),
      prev: prev ? lessonHref(id, prev.position) : null,
      next: next ? lessonHref(id, next.position) : null,
      // After the last lesson: the quiz (a waitlisted learner cannot take it yet, so back to her class).
      finish: quiz && enrollment.status === 'enrolled' ? { href: quizHref(quiz.id, id), quiz: true } : { href: classHref(id), quiz: false },
      large: size.size === 'large',
      toggleHref: textSizeHref(request, size.size === 'large' ? 'normal' : 'large'),
    },
    { headers: responseHeaders },
  );
}

export default function LessonPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className={`stack${d.large ? ' text-large' : ''}`}>
      <p>
        <Link to={d.back}>{t('learning.lesson.back')}</Link>
      </p>
      <header className="stack-tight">
        <p className="hint">
          {d.course.title} · {t('learning.lesson.of', { n: d.n, total: d.total })} · {t('learning.class.lessonHours', { n: d.lesson.hours })}
        </p>
        <h1>{d.lesson.title}</h1>
      </header>
      <div className="reading-tools">
        <ReadAloud targetId="lesson-text" prefix={d.lesson.title} label={t('learning.readAloud.lesson')} />
        {/* A plain link: works without JavaScript; the choice is remembered. */}
        <Link to={d.toggleHref} className="button button-secondary" replace preventScrollReset>
          <span aria-hidden="true">{d.large ? 'A ' : 'A+ '}</span>
          {d.large ? t('learning.text.normal') : t('learning.text.larger')}
        </Link>
      </div>
      <div id="lesson-text" className="prose" dangerouslySetInnerHTML={{ __html: d.lesson.html }} />
      <nav className="lesson-pager" aria-label={t('learning.class.lessons')}>
        {d.prev ? (
          <Link to={d.prev} className="button button-secondary">
            {t('learning.lesson.prev')}
          </Link>
        ) : (
          <span />
        )}
        {d.next ? (
          <Link to={d.next} className="button button-primary">
            {t('learning.lesson.next')}
          </Link>
        ) : (
          <Link to={d.finish.href} className="button button-primary">
            {d.finish.quiz ? t('learning.lesson.toQuiz') : t('learning.lesson.done')}
          </Link>
        )}
      </nav>
    </article>
  );
}
