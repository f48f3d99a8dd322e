import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import type { StaffJobDto } from '@hearth/contracts';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FormAlert, TextField } from '../components/form';
import { OrgSearchForm, OrgSelect } from '../components/org-picker';
import { JobStatusBadge } from '../components/referrals-parts';
import { Pagination } from '../components/pagination';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { hasErrors, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { loadOrgPicker, orgOption } from '../lib/org-choices.server';
import { referralFormErrors } from '../lib/form-errors.server';
import type { OrgPickOption } from '../lib/org-picker';
import { formatWage, readEmployer, type EmployerValues } from '../lib/referrals-forms';
import { checkEmployer } from '../lib/referrals-input.server';
import referralsCss from '../styles/referrals.css?url';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta('referrals.page.manageJobs');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

const PAGE_SIZE = 50;
const SHOWS = ['open', 'closed', 'all'] as const;
type Show = (typeof SHOWS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const params = url.searchParams;
  // Her own org is the default until she searches for another.
  const defaultOrgId = params.get('orgQ') ? '' : (user.orgId ?? '');
  const show: Show = (SHOWS as readonly string[]).includes(params.get('show') ?? '') ? (params.get('show') as Show) : 'open';
  const page = Math.max(1, Math.min(1000, Math.floor(Number(params.get('page')) || 1)));
  try {
    const [jobs, employers, orgs] = await Promise.all([
      api.jobs.list<StaffJobDto>({ open: show === 'all' ? undefined : show === 'open', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, lang: locale }),
      api.employers.list(),
      loadOrgPicker(api, url, { keep: [defaultOrgId] }),
    ]);
    return data(
      {
        show,
        page,
        pages: Math.max(1, Math.ceil(jobs.total / PAGE_SIZE)),
        jobs: jobs.items.map((j) => ({
          id: j.id,
          title: j.title,
          employerName: j.employerName,
          location: j.location,
          positions: j.positions,
          wageMin: j.wageMin,
          wageMax: j.wageMax,
          status: j.status,
          referralCount: j.referralCount ?? 0,
          hiredCount: j.hiredCount ?? 0,
        })),
        employers: employers.items.map(({ id, name, industry, orgName, contactName, contactPhone, openJobs }) => ({
          id,
          name,
          industry,
          orgName,
          contactName,
          contactPhone,
          openJobs,
        })),
        orgs,
        defaultOrgId,
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

interface Outcome {
  done?: string;
  errors?: FormErrors;
  values?: EmployerValues;
  /** The chosen org, which the reloaded page may no longer list (a search match). */
  org?: OrgPickOption | null;
}

/** Registers an employer. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const values = readEmployer(await request.formData());
  const errors = checkEmployer(values, t);
  const chosenOrg = () => orgOption(api, values.orgId).catch(() => null);
  if (hasErrors(errors)) return data<Outcome>({ errors, values, org: await chosenOrg() }, { status: 400, headers });
  try {
    const created = await api.employers.create(values);
    return data<Outcome>({ done: t('referrals.manage.employerCreated', { name: created.name }) }, { headers });
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return data<Outcome>({ errors: failure.errors, values, org: await chosenOrg() }, { status: failure.status, headers });
  }
}

export default function ManageJobsPage() {
  const { show, page, pages, jobs, employers, orgs, defaultOrgId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const fields = result?.errors?.fields ?? {};
  const values = result?.done ? undefined : result?.values;
  const link = (to: { show?: Show; page?: number }) => {
    const params = new URLSearchParams();
    const nextShow = to.show ?? show;
    if (nextShow !== 'open') params.set('show', nextShow);
    if (to.page && to.page > 1) params.set('page', String(to.page));
    if (orgs.q) params.set('orgQ', orgs.q);
    const query = params.toString();
    return query ? `/manage/jobs?${query}` : '/manage/jobs';
  };

  return (
    <div className="stack">
      <h1>{t('referrals.manage.heading')}</h1>
      <p>{t('referrals.manage.intro')}</p>
      <div className="actions">
        <Link to="/manage/jobs/new" className="button button-primary">
          {t('referrals.manage.newJob')}
        </Link>
        <Link to="/manage/followups" className="button button-secondary">
          {t('referrals.manage.followupsLink')}
        </Link>
      </div>

      <section className="stack" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">{t('referrals.manage.jobs')}</h2>
        <nav aria-label={t('referrals.manage.filter')}>
          <ul className="chips">
            {SHOWS.map((value) => (
              <li key={value}>
                <Link to={link({ show: value, page: 1 })} className="chip" aria-current={value === show ? 'page' : undefined}>
                  {t(`referrals.manage.show.${value}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {jobs.length === 0 ? (
          <p>{t('referrals.manage.jobsEmpty')}</p>
        ) : (
          <ul className="class-list">
            {jobs.map((job) => (
              <li key={job.id} className="card stack-tight">
                <h3 className="referrals-card-title">
                  <Link to={`/manage/jobs/${job.id}`}>{job.title}</Link>
                </h3>
                <p className="badges">
                  <JobStatusBadge status={job.status} />
                </p>
                <p>{job.employerName}</p>
                <p>
                  {job.location} · {t('referrals.job.positionsValue', { n: job.positions })} · {formatWage(job.wageMin, job.wageMax, t)}
                </p>
                <p className="hint">{t('referrals.job.referrals', { n: job.referralCount, hired: job.hiredCount })}</p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pages={pages} previous={page > 1 ? link({ page: page - 1 }) : null} next={page < pages ? link({ page: page + 1 }) : null} />
      </section>

      <section className="stack" aria-labelledby="employers-heading">
        <h2 id="employers-heading">{t('referrals.manage.employers', { n: employers.length })}</h2>
        {employers.length === 0 ? (
          <p>{t('referrals.manage.employersEmpty')}</p>
        ) : (
          <ul className="plain-list">
            {employers.map((e) => (
              <li key={e.id} className="card stack-tight">
                <h3 className="referrals-card-title">{e.name}</h3>
                <p>
                  {e.industry} · {e.orgName}
                </p>
                <p>
                  {t('referrals.manage.employerContact', { name: e.contactName })}{' '}
                  {e.contactPhone ? (
                    <a href={`tel:${e.contactPhone}`}>{e.contactPhone}</a>
                  ) : (
                    <span className="hint">{t('referrals.manage.employerNoPhone')}</span>
                  )}
                </p>
                <p className="hint">{t('referrals.manage.employerOpenJobs', { n: e.openJobs })}</p>
                <p>
                  <Link to={`/manage/jobs/new?employerId=${e.id}`}>{t('referrals.manage.newJobFor')}</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card stack" aria-labelledby="register-heading">
        <h2 id="register-heading">{t('referrals.manage.registerEmployer')}</h2>
        {result?.done ? <StatusNotice tone="success">{result.done}</StatusNotice> : null}
        <FormAlert errors={result?.errors} />
        <OrgSearchForm view={orgs} id="employer" />
        <Form method="post" className="stack" noValidate key={result?.done ?? 'employer'}>
          <TextField name="name" label={t('referrals.employerForm.name')} error={fields.name} required maxLength={200} defaultValue={values?.name} />
          <TextField
            name="industry"
            label={t('referrals.employerForm.industry')}
            hint={t('referrals.employerForm.industryHint')}
            error={fields.industry}
            required
            maxLength={100}
            defaultValue={values?.industry}
          />
          <TextField
            name="contactName"
            label={t('referrals.employerForm.contactName')}
            error={fields.contactName}
            required
            maxLength={100}
            defaultValue={values?.contactName}
          />
          <TextField
            name="contactPhone"
            label={t('referrals.employerForm.contactPhone')}
            hint={t('common.field.phone.hint')}
            error={fields.contactPhone}
            type="tel"
            inputMode="numeric"
            autoComplete="off"
            required
            defaultValue={values?.contactPhone}
          />
          <OrgSelect
            view={orgs}
            label={t('referrals.employerForm.org')}
            hint={t('referrals.employerForm.orgHint')}
            error={fields.orgId}
            required
            defaultValue={values?.orgId ?? defaultOrgId}
            empty={t('common.form.choose')}
            extra={result?.org}
          />
          <button type="submit" className="button button-primary button-block" disabled={navigation.state !== 'idle'}>
            {t('referrals.employerForm.submit')}
          </button>
        </Form>
        <p className="hint">{t('referrals.manage.staffHint')}</p>
      </section>
    </div>
  );
}
