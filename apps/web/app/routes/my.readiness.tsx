import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReadinessDto } from '@hearth/contracts';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { certificateDate } from '../lib/certificates-format';
import { certificatesLinks } from '../lib/certificates-styles';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('certificates.page.readiness');
export const links = certificatesLinks;

type State = ReadinessDto['items'][number]['state'];
const MARK: Record<State, string> = { done: '✓', expiring: '!', expired: '!', missing: '✕' };

/** A caring mother's checklist before she may be paired with a child. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  let readiness: ReadinessDto;
  try {
    readiness = await api.readiness.of(user.id, { lang: locale });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  return data(
    {
      isVolunteer: user.learnerType === 'volunteer_mother',
      level: readiness.level,
      done: readiness.items.filter((i) => i.state === 'done' || i.state === 'expiring').length,
      items: readiness.items.map((i) => ({
        code: i.course.code,
        title: i.course.title,
        state: i.state,
        certificateCode: i.certificate?.code ?? null,
        expiresAt: i.certificate?.expiresAt ? certificateDate(i.certificate.expiresAt, locale) : null,
        nextClass: i.nextClass ? { id: i.nextClass.id, orgName: i.nextClass.orgName, startsOn: certificateDate(i.nextClass.startsOn, locale) } : null,
      })),
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

export default function ReadinessPage() {
  const { level, items, done, isVolunteer } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('certificates.readiness.heading')}</h1>
      {isVolunteer ? null : <p className="hint">{t('certificates.readiness.notVolunteer')}</p>}
      <div className={`verdict verdict-${level}`} role="status">
        <p className="verdict-word">
          <span aria-hidden="true">{level === 'ready' ? '✓ ' : level === 'renewal_needed' ? '! ' : '✕ '}</span>
          <span>{t(`certificates.readiness.level.${level}`)}</span>
        </p>
        <p>{t(`certificates.readiness.lead.${level}`)}</p>
      </div>

      <section className="stack" aria-labelledby="checklist">
        <h2 id="checklist">{t('certificates.readiness.checklist')}</h2>
        <p className="hint">{t('certificates.readiness.count', { done, total: items.length })}</p>
        <ul className="checklist">
          {items.map((item) => (
            <li key={item.code} className={`check-item check-${item.state}`}>
              <span className="check-mark" aria-hidden="true">
                {MARK[item.state]}
              </span>
              <h3>{item.title}</h3>
              <p className="check-state">{t(`certificates.readiness.state.${item.state}`)}</p>
              {item.expiresAt && item.state !== 'missing' ? (
                <p>{item.state === 'expired' ? t('certificates.readiness.expiredOn', { date: item.expiresAt }) : t('certificates.readiness.validUntil', { date: item.expiresAt })}</p>
              ) : null}
              {item.state === 'expiring' ? <p className="hint">{t('certificates.readiness.renewSoon')}</p> : null}
              {item.certificateCode && (item.state === 'done' || item.state === 'expiring') ? (
                <p>
                  <Link to={`/my/certificates/${item.certificateCode}`}>{t('certificates.mine.show')}</Link>
                </p>
              ) : null}
              {item.state === 'missing' || item.state === 'expired' || item.state === 'expiring' ? (
                item.nextClass ? (
                  <>
                    <p>{t('certificates.readiness.nextClass', { org: item.nextClass.orgName, date: item.nextClass.startsOn })}</p>
                    <p>
                      <Link to={`/courses/${item.code}#class-${item.nextClass.id}`} className="button button-primary">
                        {t('certificates.readiness.enrol')}
                      </Link>
                    </p>
                  </>
                ) : (
                  <>
                    <p className="hint">{t('certificates.readiness.noClass')}</p>
                    <p>
                      <Link to={`/courses/${item.code}`}>{t('certificates.readiness.courseLink')}</Link>
                    </p>
                  </>
                )
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/my/certificates">{t('certificates.page.mine')}</Link>
      </p>
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
