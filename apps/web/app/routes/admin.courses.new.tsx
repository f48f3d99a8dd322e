import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react';
import { CourseForm, CourseFormNotice } from '../components/course-admin-form';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { blankCourse } from '../lib/course-admin-form';
import { courseFormAction, formRevision, prerequisiteOptions, previewsOf } from '../lib/course-admin.server';
import { getLocale } from '../lib/locale.server';
import coursesCss from '../styles/courses.css?url';

export const meta = titleMeta('courses.admin.page.new');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['admin'] });
  const lang = await getLocale(request);
  try {
    const all = await api.courses.listAll({ include: 'drafts', lang });
    const values = blankCourse();
    return data({ prerequisites: prerequisiteOptions(all.items), values, previews: previewsOf(values.lessons), rev: formRevision() }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['admin'] });
  const t = translator(await getLocale(request));
  return courseFormAction({ request, api, t, headers });
}

/** Lesson buttons only re-render the posted form: the list of courses has not changed. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData && formData.get('intent') !== 'save' ? false : defaultShouldRevalidate;

export default function NewCoursePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <section className="stack course-admin">
      <p>
        <Link to="/admin/courses">{t('courses.admin.backToList')}</Link>
      </p>
      <h1>{t('courses.admin.page.new')}</h1>
      <CourseFormNotice notice={result?.notice} anchor={result?.anchor} />
      <CourseForm
        mode="create"
        values={result?.values ?? loaded.values}
        previews={result?.previews ?? loaded.previews}
        errors={result?.errors}
        prerequisites={loaded.prerequisites}
        openClasses={0}
        busy={navigation.state !== 'idle'}
        rev={result?.rev ?? loaded.rev}
        focus={result?.focus}
        openPreview={result?.openPreview}
      />
    </section>
  );
}
