import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Pagination } from '../components/pagination';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { certificatesLinks } from '../lib/certificates-styles';

export const meta = titleMeta('certificates.page.volunteers');
export const links = certificatesLinks;

const PAGE_SIZE = 50;
const FILTERS = ['all', 'true', 'false'] as const;
type Filter = (typeof FILTERS)[number];

/** The caring mothers of her subtree, and whether each may be paired with a child. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const params = new URL(request.url).searchParams;
  const ready: Filter = (FILTERS as readonly string[]).includes(params.get('ready') ?? '') ? (params.get('ready') as Filter) : 'all';
  const page = Math.max(1, Math.min(1000, Math.floor(Number(params.get('page')) || 1)));
  try {
    const result = await api.readiness.volunteers({ ready: ready === 'all' ? undefined : ready === 'true', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return data(
      {
        ready,
        page,
        pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
        total: result.total,
        volunteers: result.items.map((v) => ({
          id: v.id,
          name: v.name,
          phone: v.phone,
          orgName: v.org_name,
          done: v.done,
          required: v.required,
          ready: v.ready,
        })),
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function VolunteersPage() {
  const { ready, page, pages, total, volunteers } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const link = (to: { ready?: Filter; page?: number }) => {
    const params = new URLSearchParams();
    const nextReady = to.ready ?? ready;
    if (nextReady !== 'all') params.set('ready', nextReady);
    if (to.page && to.page > 1) params.set('page', String(to.page));
    const query = params.toString();
    return query ? `/manage/volunteers?${query}` : '/manage/volunteers';
  };
  return (
    <div className="stack">
      <h1>{t('certificates.volunteers.heading')}</h1>
      <p>{t('certificates.volunteers.intro')}</p>
      <nav aria-labelledby="ready-filter">
        <p id="ready-filter" className="hint">
          {t('certificates.volunteers.filter')}
        </p>
        <ul className="chips">
          {(['true', 'false', 'all'] as const).map((value) => (
            <li key={value}>
              <Link to={link({ ready: value, page: 1 })} className="chip" aria-current={value === ready ? 'page' : undefined}>
                {t(`certificates.volunteers.filter.${value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="hint">{t('certificates.volunteers.count', { n: total })}</p>
      {volunteers.length === 0 ? (
        <p>{t('certificates.volunteers.empty')}</p>
      ) : (
        <ul className="learner-list">
          {volunteers.map((v) => (
            <li key={v.id} className="learner-card stack-tight">
              <div className="volunteer-row">
                <strong>{v.name}</strong>
                <span className={`badge ${v.ready ? 'cert-badge-valid' : 'cert-badge-revoked'}`}>
                  <span aria-hidden="true">{v.ready ? '✓ ' : '✕ '}</span>
                  {v.ready ? t('certificates.volunteers.ready') : t('certificates.volunteers.notReady')}
                </span>
              </div>
              <p className="hint">
                {v.phone} · {v.orgName}
              </p>
              <p>
                <strong>{t('certificates.volunteers.progress', { done: v.done, required: v.required })}</strong>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} previous={page > 1 ? link({ page: page - 1 }) : null} next={page < pages ? link({ page: page + 1 }) : null} />
    </div>
  );
}
