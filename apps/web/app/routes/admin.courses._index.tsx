import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { COURSE_CATEGORIES, type CourseCategory } from '@hearth/contracts';
import { CategoryBadge } from '../components/class-parts';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import coursesCss from '../styles/courses.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('courses.admin.page.title');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesCss }];

const isCategory = (value: string | null): value is CourseCategory => (COURSE_CATEGORIES as readonly (string | null)[]).includes(value);

/** Every course, drafts included, for the federation staff who author the catalogue. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['admin'] });
  const asked = new URL(request.url).searchParams.get('category');
  const category = isCategory(asked) ? asked : null;
  const lang = await getLocale(request);
  try {
    const page = await api.courses.listAll({ include: 'drafts', category: category ?? undefined, lang });
    const courses = page.items.map(({ id, code, title, category, published, requiredForVolunteers, lessonCount, classCount, editable }) => ({
      id,
      code,
      title,
      category,
      published,
      requiredForVolunteers,
      lessonCount,
      classCount,
      editable,
    }));
    return data({ category, courses }, { headers: { ...headers, 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function CourseAdminListPage() {
  const { category, courses } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const filters: { value: CourseCategory | null; label: string }[] = [
    { value: null, label: t('courses.filter.all') },
    ...COURSE_CATEGORIES.map((value) => ({ value, label: t(`courses.category.${value}`) })),
  ];
  const drafts = courses.filter((c) => !c.published).length;
  return (
    <div className="stack course-admin">
      <h1>{t('courses.admin.list.heading')}</h1>
      <p>{t('courses.admin.list.intro')}</p>
      <p>
        <Link to="/admin/courses/new" className="button button-primary button-block">
          {t('courses.admin.list.new')}
        </Link>
      </p>
      <nav aria-label={t('courses.admin.list.filterLabel')}>
        <ul className="chips">
          {filters.map(({ value, label }) => (
            <li key={value ?? 'all'}>
              <Link to={value ? `/admin/courses?category=${value}` : '/admin/courses'} className="chip" aria-current={value === category ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="hint" role="status">
        {t('courses.admin.list.count', { n: courses.length, drafts })}
      </p>
      {courses.length === 0 ? (
        <p>{t('courses.admin.list.empty')}</p>
      ) : (
        <ul className="course-admin-list">
          {courses.map((course) => (
            <li key={course.id} className="card course-admin-card">
              <h2>
                <Link to={`/admin/courses/${course.id}`}>{course.title}</Link>
              </h2>
              <p className="badges">
                <span className={`badge ${course.published ? 'badge-course-published' : 'badge-course-draft'}`}>
                  {course.published ? t('courses.admin.status.published') : t('courses.admin.status.draft')}
                </span>
                <CategoryBadge category={course.category} />
                {course.requiredForVolunteers ? <span className="badge badge-required">{t('courses.detail.requiredForVolunteers')}</span> : null}
                {course.editable ? null : <span className="badge badge-course-read-only">{t('courses.admin.status.readOnly')}</span>}
              </p>
              <p className="course-meta">
                <span className="course-admin-code">{course.code}</span>
                <span>{t('courses.admin.list.lessons', { n: course.lessonCount })}</span>
                <span>{t('courses.admin.list.classes', { n: course.classCount })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
