import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { REFERRAL_STATUSES, type EmployerReferralDto, type ReferralStatus, type StaffJobDto } from '@hearth/contracts';
import { JobStatusBadge, ReferralStatusBadge } from '../components/referrals-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { formatDay } from '../lib/dates';
import { formText, isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { referralFormErrors } from '../lib/form-errors.server';
import { formatWage } from '../lib/referrals-forms';
import referralsCss from '../styles/referrals.css?url';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta('referrals.page.employer');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['employer'] });
  const locale = await getLocale(request);
  if (!user.employerId) return data({ linked: false as const }, { headers });
  try {
    const [jobs, list, followups] = await Promise.all([
      api.jobs.list<StaffJobDto>({ limit: 100, lang: locale }),
      api.referrals.list<EmployerReferralDto>({ limit: 100, lang: locale }),
      api.followups.due(),
    ]);
    const byStatus = Object.fromEntries(
      REFERRAL_STATUSES.map((s) => [s, [] as { id: string; name: string | null; jobTitle: string; referredOn: string }[]]),
    ) as Record<ReferralStatus, { id: string; name: string | null; jobTitle: string; referredOn: string }[]>;
    for (const r of list.items) {
      // Nothing personal once she withdrew her consent: not even her name.
      byStatus[r.status].push({
        id: r.id,
        name: r.consentWithdrawn ? null : (r.candidate?.name ?? null),
        jobTitle: r.jobTitle,
        referredOn: formatDay(r.createdAt, locale),
      });
    }
    return data(
      {
        linked: true as const,
        employerName: jobs.items[0]?.employerName ?? list.items[0]?.employerName ?? null,
        jobs: jobs.items.map((j) => ({
          id: j.id,
          title: j.title,
          status: j.status,
          location: j.location,
          positions: j.positions,
          wageMin: j.wageMin,
          wageMax: j.wageMax,
          referralCount: j.referralCount ?? 0,
          hiredCount: j.hiredCount ?? 0,
        })),
        byStatus,
        referralTotal: list.total,
        followUps: followups.total,
        overdue: followups.items.filter((f) => f.overdue).length,
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

/** Stops or restarts hiring for one of its openings. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['employer'] });
  const locale = await getLocale(request);
  const t = translator(locale);
  const form = await request.formData();
  const jobId = formText(form, 'jobId');
  const status = formText(form, 'status');
  if (!isUuid(jobId) || (status !== 'open' && status !== 'closed'))
    return data({ ok: false, message: t('common.error.VALIDATION_FAILED') }, { status: 400, headers });
  try {
    await api.jobs.setStatus(jobId, status, { lang: locale });
    return data({ ok: true, message: t(status === 'closed' ? 'referrals.board.closed' : 'referrals.board.reopened') }, { headers });
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return data({ ok: false, message: failure.errors.form ?? t('common.error.VALIDATION_FAILED') }, { status: failure.status, headers });
  }
}

export default function EmployerHomePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  if (!loaded.linked) {
    return (
      <div className="stack">
        <h1>{t('referrals.employer.heading')}</h1>
        <p>{t('referrals.employer.noEmployer')}</p>
      </div>
    );
  }
  const { employerName, jobs, byStatus, referralTotal, followUps, overdue } = loaded;
  return (
    <div className="stack">
      <header className="stack-tight">
        <h1>{t('referrals.employer.heading')}</h1>
        {employerName ? <p className="lead">{employerName}</p> : null}
      </header>
      {searchParams.get('created') && !result ? <StatusNotice tone="success">{t('referrals.jobForm.created')}</StatusNotice> : null}
      {result ? (
        <div className={result.ok ? 'notice notice-success' : 'alert'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}

      <section className="stack" aria-labelledby="referrals-heading">
        <h2 id="referrals-heading">{t('referrals.employer.referrals')}</h2>
        {referralTotal === 0 ? <p>{t('referrals.employer.referralsEmpty')}</p> : null}
        {REFERRAL_STATUSES.filter((status) => byStatus[status].length > 0).map((status) => (
          <section key={status} className="stack-tight" aria-labelledby={`employer-${status}`}>
            <h3 id={`employer-${status}`}>{t('referrals.board.section', { status: t(`referrals.status.${status}`), n: byStatus[status].length })}</h3>
            <ul className="plain-list">
              {byStatus[status].map((r) => (
                <li key={r.id} className="card referrals-row">
                  <div className="stack-tight">
                    <p className="referrals-card-title">
                      <Link to={`/employer/referrals/${r.id}`}>{r.name ?? t('referrals.employer.withdrawnCandidate')}</Link>
                    </p>
                    <p>{r.jobTitle}</p>
                    <p className="hint">{t('referrals.board.referredOn', { date: r.referredOn })}</p>
                  </div>
                  <ReferralStatusBadge status={status} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section className="card stack-tight" aria-labelledby="followups-heading">
        <h2 id="followups-heading">{t('referrals.employer.followups')}</h2>
        {followUps === 0 ? (
          <p>{t('referrals.employer.followupsNone')}</p>
        ) : (
          <>
            <p className="badges">
              <span className="badge">{t('referrals.followups.count', { n: followUps })}</span>
              {overdue > 0 ? <span className="badge badge-overdue">{`${t('referrals.followups.overdue')} ${overdue}`}</span> : null}
            </p>
            <p>
              <Link to="/employer/followups" className="button button-primary">
                {t('referrals.employer.followupsLink')}
              </Link>
            </p>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">{t('referrals.employer.jobs')}</h2>
        <p>
          <Link to="/employer/jobs/new" className="button button-secondary">
            {t('referrals.employer.newJob')}
          </Link>
        </p>
        {jobs.length === 0 ? (
          <p>{t('referrals.employer.jobsEmpty')}</p>
        ) : (
          <ul className="plain-list">
            {jobs.map((job) => (
              <li key={job.id} className="card stack-tight">
                <h3 className="referrals-card-title" id={`job-${job.id}`}>
                  {job.title}
                </h3>
                <p className="badges">
                  <JobStatusBadge status={job.status} />
                </p>
                <p>
                  {job.location} · {t('referrals.job.positionsValue', { n: job.positions })} · {formatWage(job.wageMin, job.wageMax, t)}
                </p>
                <p className="hint">{t('referrals.job.referrals', { n: job.referralCount, hired: job.hiredCount })}</p>
                <Form method="post">
                  <input type="hidden" name="jobId" value={job.id} />
                  <button
                    type="submit"
                    name="status"
                    value={job.status === 'open' ? 'closed' : 'open'}
                    className="button button-quiet-dark"
                    aria-describedby={`job-${job.id}`}
                    disabled={navigation.state !== 'idle'}
                  >
                    {t(job.status === 'open' ? 'referrals.board.close' : 'referrals.board.reopen')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
