import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { JobForm } from '../components/referrals-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import { referralsApi } from '../lib/referrals-api.server';
import { referralFormErrors } from '../lib/form-errors.server';
import { readJob } from '../lib/referrals-forms';
import { checkJob } from '../lib/referrals-input.server';
import referralsCss from '../styles/referrals.css?url';

export const meta = titleMeta('referrals.page.newJob');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

/** An employer's staff post an opening for their own company. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['employer'] });
  if (!user.employerId) throw new Response(null, { status: 403, statusText: 'Forbidden', headers });
  const locale = await getLocale(request);
  try {
    const courses = await api.courses.listAll({ lang: locale });
    return data({ employerId: user.employerId, courses: courses.items.map(({ id, title, category }) => ({ id, title, category })) }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['employer'] });
  if (!user.employerId) throw new Response(null, { status: 403, statusText: 'Forbidden', headers });
  const locale = await getLocale(request);
  const t = translator(locale);
  // Always for the signed-in user's own company, whatever the form says.
  const values = { ...readJob(await request.formData()), employerId: user.employerId };
  const { errors, body } = checkJob(values, t);
  if (!body) return data({ errors, values }, { status: 400, headers });
  try {
    await referralsApi(api, locale).jobs.create(body);
    return redirect('/employer?created=1', { headers });
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return data({ errors: failure.errors, values }, { status: failure.status, headers });
  }
}

export default function EmployerNewJobPage() {
  const { employerId, courses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <section className="stack">
      <p>
        <Link to="/employer">{t('referrals.employer.back')}</Link>
      </p>
      <h1>{t('referrals.jobForm.heading')}</h1>
      <JobForm employerId={employerId} courses={courses} values={result?.values} errors={result?.errors} busy={navigation.state === 'submitting'} />
    </section>
  );
}
