import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { COURSE_CATEGORIES, type CourseCategory } from '@hearth/contracts';
import { CategoryBadge } from '../components/class-parts';
import { Pagination } from '../components/pagination';
import { titleMeta, useI18n } from '../i18n';
import { apiFor, unavailableOrRethrow } from '../lib/api.server';
import { getLocale } from '../lib/locale.server';

export const meta = titleMeta('courses.page.courses');

/** Courses per catalogue page: the catalogue grows with each province's own courses. */
const PAGE_SIZE = 20;

const isCategory = (value: string | null): value is CourseCategory => (COURSE_CATEGORIES as readonly (string | null)[]).includes(value);

/** The catalogue is public: anyone may look before registering. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const asked = params.get('category');
  const category = isCategory(asked) ? asked : null;
  const pageNo = Math.min(Math.max(Number.parseInt(params.get('page') ?? '1', 10) || 1, 1), 10_000);
  const lang = await getLocale(request);
  try {
    const page = await apiFor(request).courses.list({ category: category ?? undefined, lang, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE });
    const courses = page.items.map(({ code, title, category, requiredHours, requiredForVolunteers, openClasses, description }) => ({
      code,
      title,
      category,
      requiredHours,
      requiredForVolunteers,
      openClasses,
      description,
    }));
    return { category, courses, page: pageNo, pages: Math.max(1, Math.ceil(page.total / PAGE_SIZE)) };
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function CoursesPage() {
  const { category, courses, page, pages } = useLoaderData<typeof loader>();
  const link = (n: number) => {
    const query = new URLSearchParams({ ...(category ? { category } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString();
    return query ? `/courses?${query}` : '/courses';
  };
  const { t } = useI18n();
  const filters: { value: CourseCategory | null; label: string }[] = [
    { value: null, label: t('courses.filter.all') },
    ...COURSE_CATEGORIES.map((value) => ({ value, label: t(`courses.category.${value}`) })),
  ];
  return (
    <div className="stack">
      <h1>{t('courses.heading')}</h1>
      <p>{t('courses.intro')}</p>
      <nav aria-label={t('courses.filter.label')}>
        <ul className="chips">
          {filters.map(({ value, label }) => (
            <li key={value ?? 'all'}>
              <Link to={value ? `/courses?category=${value}` : '/courses'} className="chip" aria-current={value === category ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {courses.length === 0 ? (
        <p>{t('courses.empty')}</p>
      ) : (
        <ul className="course-list">
          {courses.map((course) => (
            <li key={course.code} className="card course-card">
              <h2>
                <Link to={`/courses/${course.code}`}>{course.title}</Link>
              </h2>
              <p className="badges">
                <CategoryBadge category={course.category} />
                {course.requiredForVolunteers ? <span className="badge badge-required">{t('courses.detail.requiredForVolunteers')}</span> : null}
              </p>
              {course.description ? <p className="course-description">{course.description}</p> : null}
              <p className="course-meta">
                <span>{t('courses.detail.hours', { n: course.requiredHours })}</span>
                <span>{course.openClasses > 0 ? t('courses.detail.openClasses', { n: course.openClasses }) : t('courses.detail.noOpenClasses')}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} previous={page > 1 ? link(page - 1) : null} next={page < pages ? link(page + 1) : null} />
    </div>
  );
}
