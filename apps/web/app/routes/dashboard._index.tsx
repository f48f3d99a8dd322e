import { data, redirect, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ApiError } from '@hearth/contracts';
import { TextField } from '../components/form';
import { titleMeta, translator, useI18n, type MessageKey } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { SERIES } from '../lib/reports-colours';
import { dashboardView, type Chart, type Tile } from '../lib/reports-dashboard.server';
import { dashboardQuery, isPreset, parsePeriod, presetPeriod } from '../lib/reports-period';
import dashboardCss from '../styles/dashboard.css?url';
import { routeHeaders } from '../lib/route-headers';
import { PrintButton } from '../components/print-button';

export const meta = titleMeta('dashboard.page.dashboard');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: dashboardCss }];

/** `?orgId=&from=&to=`; `?period=month|quarter|year|all` is turned into from/to, so links stay shareable. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const params = new URL(request.url).searchParams;
  const orgParam = params.get('orgId') || null;
  if (orgParam !== null && !isUuid(orgParam)) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  const preset = params.get('period');
  if (isPreset(preset)) throw redirect(`/dashboard${dashboardQuery(orgParam === user.orgId ? null : orgParam, presetPeriod(preset))}`, { headers });

  const { period, problems } = parsePeriod(params);
  try {
    // The breadcrumb is the shown org's trail inside her subtree: one node, not the whole subtree
    // (tens of thousands of orgs for a national admin).
    const shown = orgParam ?? user.orgId;
    const [summary, node] = await Promise.all([
      api.reports.summary({ orgId: orgParam ?? undefined, from: period.from ?? undefined, to: period.to ?? undefined, lang: locale }),
      shown ? api.orgs.list({ parentId: shown, limit: 1 }) : Promise.resolve(null),
    ]);
    const path = node?.parent ? [...node.parent.trail, node.parent] : [];
    const view = dashboardView({ summary, path, ownOrgId: user.orgId, orgParam, period, t, locale });
    const problem = (which: (typeof problems)[number]) => (problems.includes(which) ? t(`dashboard.period.${which}`) : undefined);
    const dateErrors = { from: problem('badFrom'), to: problem('badTo'), order: problem('badOrder') };
    return data({ ...view, dateErrors, hasDateErrors: problems.length > 0 }, { headers: { ...headers, 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    // An org outside her subtree is "not found", like the API says.
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      throw new Response(null, { status: error.status, headers });
    }
    return unavailableOrRethrow(error);
  }
}

export default function DashboardPage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="stack dash">
      {view.path.length > 1 ? (
        <nav aria-label={t('dashboard.path')}>
          <ol className="crumbs">
            {view.path.map((crumb) => (
              <li key={crumb.href}>{crumb.current ? <span aria-current="page">{crumb.name}</span> : <Link to={crumb.href}>{crumb.name}</Link>}</li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="stack-tight">
        <h1>{t('dashboard.heading')}</h1>
        <p className="lead dash-org">
          <strong>{view.org.name}</strong> <span className="badge">{t(`orgs.kind.${view.org.kind}`)}</span>
        </p>
        {view.breakdown.length > 0 ? <p>{t('dashboard.scope')}</p> : null}
        <p className="hint dash-updated">
          {t('dashboard.updated', { time: view.updated })}{' '}
          {view.pending > 0 ? (
            <>
              {t('dashboard.pending', { n: view.pending })}{' '}
              <Link to={view.selfHref} reloadDocument>
                {t('dashboard.refresh')}
              </Link>
            </>
          ) : null}
        </p>
      </div>

      <PeriodFilter view={view} />

      <section aria-labelledby="dash-people" className="stack-tight">
        <h2 id="dash-people" className="dash-group">
          {t('dashboard.tiles.people')}
        </h2>
        <Tiles tiles={view.people} />
      </section>
      <section aria-labelledby="dash-activity" className="stack-tight">
        <h2 id="dash-activity" className="dash-group">
          {t('dashboard.tiles.activity')} <span className="dash-group-period">· {view.period.text}</span>
        </h2>
        <Tiles tiles={view.activity} />
      </section>

      <div className="dash-charts">
        <ChartSection
          id="dash-trend"
          title="dashboard.chart.trend.title"
          chart={view.trend}
          columns={['dashboard.col.month', 'dashboard.chart.enrollments', 'dashboard.chart.certificates']}
        >
          <ul className="dash-legend">
            <li>
              <LegendMark colour={SERIES.enrollments} shape="circle" />
              {t('dashboard.chart.enrollments')}
            </li>
            <li>
              <LegendMark colour={SERIES.certificates} shape="square" dashed />
              {t('dashboard.chart.certificates')}
            </li>
          </ul>
        </ChartSection>
        <ChartSection
          id="dash-attendance"
          title={view.attendance?.title ?? 'dashboard.chart.attendance.title'}
          chart={view.attendance}
          columns={[
            view.attendance?.title === 'dashboard.chart.attendance.byCourse' ? 'dashboard.col.course' : 'dashboard.col.org',
            'dashboard.tile.attendanceRate',
          ]}
        />
        <ChartSection id="dash-funnel" title="dashboard.chart.funnel.title" chart={view.funnel} columns={['dashboard.col.stage', 'dashboard.col.people']}>
          <p className="hint">{t('dashboard.chart.funnel.note')}</p>
        </ChartSection>
      </div>

      <section aria-labelledby="dash-courses" className="stack-tight">
        <h2 id="dash-courses">{t('dashboard.byCourse.heading')}</h2>
        {view.byCourse.length === 0 ? (
          <p>{t('dashboard.byCourse.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table dash-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.col.course')}</th>
                  <th scope="col">{t('dashboard.col.enrollments')}</th>
                  <th scope="col">{t('dashboard.col.certificates')}</th>
                  <th scope="col">{t('dashboard.tile.attendanceRate')}</th>
                </tr>
              </thead>
              <tbody>
                {view.byCourse.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.title}
                      <span className="dash-sub">
                        {c.code} · {t(`courses.category.${c.category}`)}
                      </span>
                    </th>
                    <td>{c.enrollments}</td>
                    <td>{c.certificates}</td>
                    <td>{c.attendanceRate ?? t('dashboard.noData')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="dash-children" className="stack-tight">
        <h2 id="dash-children">{t('dashboard.breakdown.heading')}</h2>
        {view.breakdown.length === 0 ? (
          <p>{t('dashboard.breakdown.empty')}</p>
        ) : (
          <>
            <p className="hint">{t('dashboard.breakdown.hint')}</p>
            <ul className="dash-children">
              {view.breakdown.map((b) => (
                <li key={b.id} className="card">
                  <Link to={b.href} className="dash-child-link">
                    <span>{b.name}</span>
                    <span className="badge">{t(`orgs.kind.${b.kind}`)}</span>
                  </Link>
                  <dl className="dash-child-facts">
                    <div>
                      <dt>{t('dashboard.tile.learners')}</dt>
                      <dd>{b.learners}</dd>
                    </div>
                    <div>
                      <dt>{t('dashboard.tile.volunteerMothers')}</dt>
                      <dd>{b.volunteerMothers}</dd>
                    </div>
                    <div>
                      <dt>{t('dashboard.tile.enrollments')}</dt>
                      <dd>{b.enrollments}</dd>
                    </div>
                    <div>
                      <dt>{t('dashboard.tile.attendanceRate')}</dt>
                      <dd>{b.attendanceRate ?? t('dashboard.noData')}</dd>
                    </div>
                    <div>
                      <dt>{t('dashboard.tile.certificates')}</dt>
                      <dd>{b.certificates}</dd>
                    </div>
                    <div>
                      <dt>{t('dashboard.tile.hires')}</dt>
                      <dd>{b.hires}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="dash-export" className="stack-tight dash-export">
        <h2 id="dash-export">{t('dashboard.export.heading')}</h2>
        <p className="hint">{t('dashboard.export.csvHint')}</p>
        <div className="actions">
          <a href={view.csvHref} download className="button button-primary">
            {t('dashboard.export.csv')}
          </a>
          <PrintButton className="button button-secondary">{t('dashboard.export.print')}</PrintButton>
        </div>
      </section>
    </div>
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>;

/** One-tap periods as links, and any dates in a plain GET form. */
function PeriodFilter({ view }: { view: View }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dash-period" className="stack-tight dash-period">
      <h2 id="dash-period" className="dash-group">
        {t('dashboard.period.heading')}
      </h2>
      <ul className="chips">
        {view.presets.map((p) => (
          <li key={p.preset}>
            <Link to={p.href} className="chip" aria-current={view.period.preset === p.preset ? 'page' : undefined}>
              {t(`dashboard.period.${p.preset}`)}
            </Link>
          </li>
        ))}
      </ul>
      <details className="dash-custom" open={view.period.custom || view.hasDateErrors}>
        <summary>{t('dashboard.period.custom')}</summary>
        <Form method="get" action="/dashboard" className="stack-tight" key={`${view.orgParam}:${view.period.from}:${view.period.to}`}>
          {view.orgParam ? <input type="hidden" name="orgId" value={view.orgParam} /> : null}
          <p className="hint">{t('dashboard.period.hint')}</p>
          {view.dateErrors.order ? (
            <p className="alert" role="alert">
              {view.dateErrors.order}
            </p>
          ) : null}
          <div className="field-pair">
            <TextField name="from" type="date" label={t('dashboard.period.from')} defaultValue={view.period.from} error={view.dateErrors.from} />
            <TextField name="to" type="date" label={t('dashboard.period.to')} defaultValue={view.period.to} error={view.dateErrors.to} />
          </div>
          <button type="submit" className="button button-secondary">
            {t('dashboard.period.apply')}
          </button>
        </Form>
      </details>
    </section>
  );
}

function Tiles({ tiles }: { tiles: Tile[] }) {
  const { t } = useI18n();
  return (
    <dl className="dash-tiles">
      {tiles.map((tile) => (
        <div key={tile.label} className="dash-tile">
          <dt>{t(tile.label)}</dt>
          <dd className={tile.value === null ? 'dash-number dash-number-none' : 'dash-number'}>{tile.value ?? t('dashboard.noData')}</dd>
          {tile.hint ? <dd className="dash-tile-hint">{tile.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** A chart drawn on the server (plain SVG), with its numbers in a table that folds away. */
function ChartSection({
  id,
  title,
  chart,
  columns,
  children,
}: {
  id: string;
  title: MessageKey;
  chart: Chart | null;
  columns: MessageKey[];
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id} className="stack-tight dash-chart">
      <h2 id={id}>{t(title)}</h2>
      {chart ? (
        <>
          {children}
          {/* Markup rendered by react-dom/server from our own components; names in it are escaped there. */}
          <div className="dash-figure" dangerouslySetInnerHTML={{ __html: chart.svg }} />
          <details className="dash-numbers">
            <summary>{t('dashboard.chart.showTable')}</summary>
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    {columns.map((column) => (
                      <th key={column} scope="col">
                        {t(column)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chart.rows.map((row, i) => (
                    <tr key={`${row.name}-${i}`}>
                      <th scope="row">{row.name}</th>
                      {row.values.map((value, j) => (
                        <td key={j}>{value}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <p>{t('dashboard.chart.empty')}</p>
      )}
    </section>
  );
}

function LegendMark({ colour, shape, dashed }: { colour: string; shape: 'circle' | 'square'; dashed?: boolean }) {
  return (
    <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
      <line x1="1" y1="7" x2="33" y2="7" stroke={colour} strokeWidth="3" strokeDasharray={dashed ? '7 4' : undefined} />
      {shape === 'circle' ? <circle cx="17" cy="7" r="4.5" fill={colour} /> : <rect x="12.5" y="2.5" width="9" height="9" fill={colour} />}
    </svg>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
