import { data, redirect, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import type { LearnerJobDto } from '@hearth/contracts';
import { Link, useLoaderData } from '@remix-run/react';
import { JobFacts } from '../components/referrals-parts';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import referralsCss from '../styles/referrals.css?url';

export const meta = titleMeta('referrals.page.jobs');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

/** Open positions for a learner: whether she qualifies, what she lacks, and whether she agreed to referrals. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request);
  // Staff and employers have their own pages for openings.
  if (user.role === 'coordinator' || user.role === 'admin') throw redirect('/manage/jobs', { headers });
  if (user.role === 'employer') throw redirect('/employer', { headers });
  if (user.role !== 'learner') throw new Response(null, { status: 403, statusText: 'Forbidden', headers });
  const locale = await getLocale(request);
  try {
    const [jobs, consent] = await Promise.all([api.jobs.list<LearnerJobDto>({ open: true, limit: 100, lang: locale }), api.consents.status()]);
    return data(
      {
        consented: consent.granted,
        jobs: jobs.items.map((j) => ({
          id: j.id,
          title: j.title,
          description: j.description,
          employerName: j.employerName,
          industry: j.industry,
          location: j.location,
          positions: j.positions,
          wageMin: j.wageMin,
          wageMax: j.wageMax,
          requiredCourses: j.requiredCourses,
          acceptedQualifications: j.acceptedQualifications,
          qualifies: j.qualifies ?? false,
          missingCourses: j.missingCourses ?? [],
        })),
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function JobsPage() {
  const { consented, jobs } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('referrals.jobs.heading')}</h1>
      <p>{t('referrals.jobs.intro')}</p>
      {consented ? (
        <div className="notice notice-success">
          <p>{t('referrals.jobs.consentGiven')}</p>
          <p>
            <Link to="/my/consent">{t('referrals.jobs.manageConsent')}</Link> · <Link to="/my/referrals">{t('referrals.jobs.myReferrals')}</Link>
          </p>
        </div>
      ) : (
        <div className="notice notice-warning stack-tight">
          <p>{t('referrals.jobs.consentNeeded')}</p>
          <p>
            <Link to="/my/consent" className="button button-primary">
              {t('referrals.jobs.consentLink')}
            </Link>
          </p>
        </div>
      )}
      {jobs.length === 0 ? (
        <p>{t('referrals.jobs.empty')}</p>
      ) : (
        <ul className="class-list">
          {jobs.map((job) => (
            <li key={job.id} className="card stack">
              <div className="stack-tight">
                <h2>{job.title}</h2>
                <p className="badges">
                  {job.qualifies ? (
                    <span className="badge badge-qualifies">{t('referrals.jobs.qualifies')}</span>
                  ) : (
                    <span className="badge badge-lacks">{t('referrals.jobs.lacksBadge')}</span>
                  )}
                </p>
              </div>
              <JobFacts job={job} linkCourses />
              {job.description ? <p className="referrals-description">{job.description}</p> : null}
              {!job.qualifies && job.missingCourses.length > 0 ? (
                <div className="stack-tight">
                  <p>{t('referrals.jobs.lacks')}</p>
                  <ul className="referrals-missing">
                    {job.missingCourses.map((c) => (
                      <li key={c.id}>
                        <Link to={`/courses/${c.code}`}>{c.title}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
