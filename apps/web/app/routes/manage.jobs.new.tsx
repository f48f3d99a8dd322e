import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { JobForm } from '../components/referrals-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import { referralsApi } from '../lib/referrals-api.server';
import { referralFormErrors } from '../lib/form-errors.server';
import { readJob } from '../lib/referrals-forms';
import { checkJob } from '../lib/referrals-input.server';
import referralsCss from '../styles/referrals.css?url';

export const meta = titleMeta('referrals.page.newJob');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  try {
    const [employers, courses] = await Promise.all([referralsApi(api, locale).employers.list(), api.courses.listAll({ lang: locale })]);
    return data(
      {
        employers: employers.items.map(({ id, name }) => ({ id, name })),
        courses: courses.items.map(({ id, title, category }) => ({ id, title, category })),
        preset: new URL(request.url).searchParams.get('employerId') ?? '',
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const values = readJob(await request.formData());
  const { errors, body } = checkJob(values, t);
  if (!body) return data({ errors, values }, { status: 400, headers });
  try {
    const job = await referralsApi(api, locale).jobs.create(body);
    return redirect(`/manage/jobs/${job.id}?created=1`, { headers });
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return data({ errors: failure.errors, values }, { status: failure.status, headers });
  }
}

export default function NewJobPage() {
  const { employers, courses, preset } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <section className="stack">
      <p>
        <Link to="/manage/jobs">{t('referrals.board.back')}</Link>
      </p>
      <h1>{t('referrals.jobForm.heading')}</h1>
      <JobForm
        employers={employers}
        courses={courses}
        values={result?.values ?? { employerId: preset }}
        errors={result?.errors}
        busy={navigation.state === 'submitting'}
      />
    </section>
  );
}
