import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { SyncStatus } from '../components/attendance-sync';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { TEACH_ROLES, teachingSessions, type TeachSession } from '../lib/attendance.server';
import { useAttendanceQueue } from '../lib/attendance-queue';
import { requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import attendanceStyles from '../styles/attendance.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];

export const meta = titleMeta('attendance.page.teach');

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: TEACH_ROLES });
  const locale = await getLocale(request);
  try {
    return data(await teachingSessions(api, user, locale), { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export default function TeachPage() {
  const { today, upcoming, moreUpcoming, recent } = useLoaderData<typeof loader>();
  // Marks saved offline on another page are sent from here too.
  const queue = useAttendanceQueue();
  const { t } = useI18n();
  const empty = today.length === 0 && upcoming.length === 0 && recent.length === 0;
  return (
    <div className="stack">
      <h1>{t('attendance.teach.heading')}</h1>
      <p>{t('attendance.teach.intro')}</p>
      <SyncStatus online={queue.online} pendingMarks={queue.pendingMarks} problem={queue.problem} />
      {empty ? (
        <p className="card">{t('attendance.teach.empty')}</p>
      ) : (
        <>
          <section className="stack" aria-labelledby="teach-today">
            <h2 id="teach-today">{t('attendance.teach.today')}</h2>
            {today.length === 0 ? <p>{t('attendance.teach.noneToday')}</p> : <SessionCards sessions={today} />}
          </section>
          {upcoming.length > 0 ? (
            <section className="stack" aria-labelledby="teach-upcoming">
              <h2 id="teach-upcoming">{t('attendance.teach.upcoming')}</h2>
              <SessionCards sessions={upcoming} />
              {moreUpcoming ? <p className="hint">{t('attendance.teach.more', { n: moreUpcoming })}</p> : null}
            </section>
          ) : null}
          {recent.length > 0 ? (
            <section className="stack" aria-labelledby="teach-recent">
              <h2 id="teach-recent">{t('attendance.teach.recent')}</h2>
              <SessionCards sessions={recent} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function SessionCards({ sessions }: { sessions: TeachSession[] }) {
  const { t } = useI18n();
  return (
    <ul className="class-list">
      {sessions.map((s) => (
        <li key={s.id} className="card stack-tight teach-session">
          <h3>{s.title}</h3>
          <p className="teach-when">
            {s.when}
            {s.now ? <span className="badge badge-running teach-now">{t('attendance.teach.now')}</span> : null}
          </p>
          <p className="hint">{[s.orgName, s.location].filter(Boolean).join(' · ')}</p>
          {s.instructorName ? <p className="hint">{t('attendance.teach.instructor', { name: s.instructorName })}</p> : null}
          <nav className="teach-actions" aria-label={t('attendance.teach.actions', { when: s.when })}>
            <Link to={`/teach/sessions/${s.id}`} className="button button-primary">
              {t('attendance.teach.mark')}
            </Link>
            {s.canShowCode ? (
              <Link to={`/teach/sessions/${s.id}/code`} className="button button-secondary">
                {t('attendance.teach.code')}
              </Link>
            ) : null}
            <Link to={`/teach/sessions/${s.id}/print`} className="button button-secondary">
              {t('attendance.teach.print')}
            </Link>
          </nav>
        </li>
      ))}
    </ul>
  );
}
