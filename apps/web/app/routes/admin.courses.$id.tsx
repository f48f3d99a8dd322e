import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react';
import type { CourseDto } from '@hearth/contracts';
import { CategoryBadge } from '../components/class-parts';
import { CourseForm, CourseFormNotice } from '../components/course-admin-form';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { requireUser } from '../lib/auth.server';
import { valuesOf } from '../lib/course-admin-form';
import { courseFormAction, formRevision, prerequisiteOptions, previewsOf } from '../lib/course-admin.server';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import coursesCss from '../styles/courses.css?url';
import { routeHeaders } from '../lib/route-headers';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta<{ course?: { title: string } }>('courses.admin.page.edit', (data) => data.course?.title);
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesCss }];

const notFound = (headers: Record<string, string>) => new Response(null, { status: 404, statusText: 'Not Found', headers });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['admin'] });
  const lang = await getLocale(request);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  let course: CourseDto;
  let all: Awaited<ReturnType<typeof api.courses.list>>;
  try {
    [course, all] = await Promise.all([api.courses.get(id, { lang }), api.courses.listAll({ include: 'drafts', lang })]);
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw notFound(headers);
    return unavailableOrRethrow(error);
  }
  const values = valuesOf(course);
  return data(
    {
      course: {
        id: course.id,
        code: course.code,
        title: course.title,
        category: course.category,
        published: course.published,
        classCount: course.classCount,
        openClasses: course.openClasses,
        // Another federation's course (the national catalogue, another province's): shown, never offered to change.
        editable: course.editable,
      },
      prerequisites: prerequisiteOptions(all.items, course.id),
      values,
      previews: previewsOf(values.lessons),
      rev: formRevision(),
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['admin'] });
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  const t = translator(await getLocale(request));
  return courseFormAction({ request, api, t, headers, courseId: id });
}

/** Lesson buttons only re-render the posted form; a save redirects here and reloads. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData && formData.get('intent') !== 'save' ? false : defaultShouldRevalidate;

export default function EditCoursePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const { course } = loaded;
  const savedNotice = searchParams.has('created')
    ? t(course.published ? 'courses.admin.created.published' : 'courses.admin.created.draft')
    : searchParams.has('saved')
      ? t(course.published ? 'courses.admin.saved.published' : 'courses.admin.saved.draft')
      : null;

  return (
    <article className="stack course-admin">
      <p>
        <Link to="/admin/courses">{t('courses.admin.backToList')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{course.title}</h1>
        <p className="badges">
          <span className={`badge ${course.published ? 'badge-course-published' : 'badge-course-draft'}`}>
            {course.published ? t('courses.admin.status.published') : t('courses.admin.status.draft')}
          </span>
          <CategoryBadge category={course.category} />
          {course.editable ? null : <span className="badge badge-course-read-only">{t('courses.admin.status.readOnly')}</span>}
        </p>
      </header>
      {course.editable ? null : (
        <div className="notice" role="note">
          <p>{t('courses.admin.readOnly.notice')}</p>
        </div>
      )}
      {savedNotice && !result ? <StatusNotice tone="success">{savedNotice}</StatusNotice> : null}
      <CourseFormNotice notice={result?.notice} anchor={result?.anchor} />
      <dl className="facts">
        <div>
          <dt>{t('courses.admin.facts.code')}</dt>
          <dd className="course-admin-code">{course.code}</dd>
        </div>
        <div>
          <dt>{t('courses.admin.facts.classes')}</dt>
          <dd>{t('courses.admin.facts.classesValue', { n: course.classCount, open: course.openClasses })}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/courses/${course.code}`}>{t('courses.admin.viewAsLearner')}</Link>
      </p>
      {course.editable ? (
        <CourseForm
          mode="update"
          values={result?.values ?? loaded.values}
          previews={result?.previews ?? loaded.previews}
          errors={result?.errors}
          prerequisites={loaded.prerequisites}
          openClasses={course.openClasses}
          busy={navigation.state !== 'idle'}
          rev={result?.rev ?? loaded.rev}
          focus={result?.focus}
          openPreview={result?.openPreview}
        />
      ) : null}
    </article>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
