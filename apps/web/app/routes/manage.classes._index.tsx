import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ClassStatusBadge, Seats } from '../components/class-parts';
import { Pagination } from '../components/pagination';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { classView } from '../lib/class-view';
import { getLocale } from '../lib/locale.server';

export const meta = titleMeta('classes.page.manageClasses');

const PAGE_SIZE = 50;
const SHOWS = ['open', 'closed', 'all'] as const;
type Show = (typeof SHOWS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const params = new URL(request.url).searchParams;
  const show: Show = (SHOWS as readonly string[]).includes(params.get('show') ?? '') ? (params.get('show') as Show) : 'open';
  const page = Math.max(1, Math.min(1000, Math.floor(Number(params.get('page')) || 1)));
  try {
    const result = await api.classes.list({
      open: show === 'all' ? undefined : show === 'open',
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      lang: locale,
    });
    const classes = result.items.map((item) => classView(item, locale));
    return data({ classes, total: result.total, page, pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)), show }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function ManageClassesPage() {
  const { classes, total, page, pages, show } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const link = (to: { show?: Show; page?: number }) => {
    const params = new URLSearchParams();
    const nextShow = to.show ?? show;
    if (nextShow !== 'open') params.set('show', nextShow);
    if (to.page && to.page > 1) params.set('page', String(to.page));
    const query = params.toString();
    return query ? `/manage/classes?${query}` : '/manage/classes';
  };
  return (
    <div className="stack">
      <h1>{t('classes.list.heading')}</h1>
      <div className="actions">
        <Link to="/manage/classes/new" className="button button-primary">
          {t('classes.list.new')}
        </Link>
        <Link to="/manage/import" className="button button-secondary">
          {t('classes.manage.import.link')}
        </Link>
      </div>
      <nav aria-label={t('classes.list.filter')}>
        <ul className="chips">
          {SHOWS.map((value) => (
            <li key={value}>
              <Link to={link({ show: value, page: 1 })} className="chip" aria-current={value === show ? 'page' : undefined}>
                {t(`classes.list.show.${value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="hint">{t('classes.list.count', { n: total })}</p>
      {classes.length === 0 ? (
        <p>{t('classes.list.empty')}</p>
      ) : (
        <ul className="class-list">
          {classes.map((klass) => (
            <li key={klass.id} className="card stack-tight">
              <h2>
                <Link to={`/manage/classes/${klass.id}`}>{klass.title}</Link>
              </h2>
              <p className="badges">
                <ClassStatusBadge status={klass.status} />
              </p>
              <p>{klass.orgName}</p>
              <p>{t('classes.info.datesValue', { from: klass.startsOn, to: klass.endsOn })}</p>
              <p>
                {t('classes.list.enrolled', { n: klass.enrolledCount, capacity: klass.capacity })} · <Seats klass={klass} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} previous={page > 1 ? link({ page: page - 1 }) : null} next={page < pages ? link({ page: page + 1 }) : null} />
    </div>
  );
}
