import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ATTENDANCE_STATUSES } from '@hearth/contracts';
import { titleMeta, useI18n } from '../i18n';
import { loadSessionContext, sessionHeader, TEACH_ROLES } from '../lib/attendance.server';
import { statusKey } from '../lib/attendance-view';
import { requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import attendanceStyles from '../styles/attendance.css?url';
import { PrintButton } from '../components/print-button';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];

export const meta = titleMeta<{ session?: { title: string } }>('attendance.page.print', (d) => d.session?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: TEACH_ROLES });
  const locale = await getLocale(request);
  const context = await loadSessionContext(api, params.id, locale, headers);
  return data({ session: sessionHeader(context, locale), names: context.roster.items.map((i) => ({ id: i.learnerId, name: i.name })) }, { headers });
}

/** A sheet for stations without phones: printed on A4, ticked by hand, typed in on the roll-call page afterwards. */
export default function PrintRosterPage() {
  const { session, names } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className="stack print-sheet">
      <div className="no-print stack">
        <p>
          <Link to={`/teach/sessions/${session.id}`}>{t('attendance.print.back')}</Link>
        </p>
        <PrintButton className="button button-primary button-block">{t('attendance.print.print')}</PrintButton>
        <p className="hint">{t('attendance.print.menuHint')}</p>
      </div>
      <header className="stack-tight">
        <h1>
          {t('attendance.print.heading')} · {session.title}
        </h1>
        <dl className="print-facts">
          <div>
            <dt>{t('attendance.print.time')}</dt>
            <dd>{session.when}</dd>
          </div>
          <div>
            <dt>{t('attendance.print.org')}</dt>
            <dd>{session.orgName}</dd>
          </div>
          {session.location ? (
            <div>
              <dt>{t('attendance.print.location')}</dt>
              <dd>{session.location}</dd>
            </div>
          ) : null}
          {session.instructorName ? (
            <div>
              <dt>{t('attendance.print.instructor')}</dt>
              <dd>{session.instructorName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('attendance.print.expected')}</dt>
            <dd>{names.length}</dd>
          </div>
        </dl>
      </header>
      <p className="print-hint">{t('attendance.print.hint')}</p>
      {names.length === 0 ? (
        <p>{t('attendance.print.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t('attendance.print.no')}</th>
                <th scope="col">{t('attendance.print.name')}</th>
                {ATTENDANCE_STATUSES.map((s) => (
                  <th scope="col" key={s} className="print-box-head">
                    {t(statusKey(s))}
                  </th>
                ))}
                <th scope="col" className="print-signature">
                  {t('attendance.print.signature')}
                </th>
              </tr>
            </thead>
            <tbody>
              {names.map((n, index) => (
                <tr key={n.id}>
                  <td>{index + 1}</td>
                  <th scope="row">{n.name}</th>
                  {ATTENDANCE_STATUSES.map((s) => (
                    <td key={s} className="print-box-cell">
                      <span className="print-box" aria-hidden="true" />
                    </td>
                  ))}
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <footer className="print-footer">
        <p>
          {t('attendance.print.instructorSignature')}
          <span className="print-line" />
        </p>
        <p>
          {t('attendance.print.date')}
          <span className="print-line print-line-short" />
        </p>
      </footer>
    </article>
  );
}
