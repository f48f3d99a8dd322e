import type { LearnerReferralDto } from '@hearth/contracts';
import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ReferralHistory, ReferralStatusBadge } from '../components/referrals-parts';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { formatDay } from '../lib/dates';
import { getLocale } from '../lib/locale.server';
import { formatMoment } from '../lib/referrals-forms';
import referralsCss from '../styles/referrals.css?url';

export const meta = titleMeta('referrals.page.myReferrals');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

/** Her referrals, newest change first, each with its history (the list has none, so each is fetched). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  try {
    const [page, consent] = await Promise.all([api.referrals.list<LearnerReferralDto>({ limit: 50, lang: locale }), api.consents.status()]);
    const full = await Promise.all(page.items.map((r) => api.referrals.get<LearnerReferralDto>(r.id, { lang: locale })));
    return data(
      {
        consented: consent.granted,
        referrals: full.map((r) => ({
          id: r.id,
          jobTitle: r.jobTitle,
          employerName: r.employerName,
          status: r.status,
          referredOn: formatDay(r.createdAt, locale),
          history: (r.history ?? []).map((h) => ({ from: h.from, to: h.to, note: h.note, at: formatMoment(h.at, locale) })),
        })),
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function MyReferralsPage() {
  const { consented, referrals } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('referrals.mine.heading')}</h1>
      {referrals.length === 0 ? (
        <div className="card stack">
          <p>{t('referrals.mine.empty')}</p>
          {!consented ? <p>{t('referrals.jobs.consentNeeded')}</p> : null}
          <div className="actions">
            <Link to="/jobs" className="button button-primary">
              {t('referrals.mine.seeJobs')}
            </Link>
            <Link to="/my/consent" className="button button-secondary">
              {t('referrals.mine.consent')}
            </Link>
          </div>
        </div>
      ) : (
        <>
          <p>{t('referrals.mine.intro')}</p>
          <ul className="class-list">
            {referrals.map((r) => (
              <li key={r.id} className="card stack-tight">
                <h2>{r.jobTitle}</h2>
                <p className="badges">
                  <ReferralStatusBadge status={r.status} />
                </p>
                <p>{r.employerName}</p>
                <p className="hint">{t('referrals.board.referredOn', { date: r.referredOn })}</p>
                {r.history.length > 0 ? (
                  <details className="schedule" open={r.history.length <= 4}>
                    <summary>{t('referrals.mine.history')}</summary>
                    <ReferralHistory history={r.history} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/my/consent">{t('referrals.mine.consent')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
