import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { AttendanceHistoryDto } from '@hearth/contracts';
import { titleMeta, useI18n, type MessageKey } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { TEACH_ROLES, loadSessionContext, sessionHeader } from '../lib/attendance.server';
import { formatDayTime, statusKey } from '../lib/attendance-view';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import attendanceStyles from '../styles/attendance.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];

export const meta = titleMeta('attendance.page.history');

const SOURCES: Record<string, MessageKey> = {
  roster: 'attendance.history.source.roster',
  'offline-sync': 'attendance.history.source.offline-sync',
  'check-in': 'attendance.history.source.check-in',
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The class's own instructor reads it too; the API answers 404 for anyone else's session.
  const { user, api, headers } = await requireUser(request, { roles: TEACH_ROLES });
  const locale = await getLocale(request);
  const context = await loadSessionContext(api, params.id, locale, headers);
  let history: AttendanceHistoryDto;
  try {
    history = await api.attendance.history(context.roster.session.id);
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  return data(
    {
      session: sessionHeader(context, locale),
      isManager: MANAGER_ROLES.includes(user.role),
      // Newest first: a correction is usually looked up soon after it was made.
      items: [...history.items].reverse().map((h) => ({
        id: h.id,
        learnerName: h.learnerName,
        from: statusKey(h.from),
        to: statusKey(h.to),
        notes: h.fromNote !== h.toNote ? { from: h.fromNote, to: h.toNote } : null,
        source: SOURCES[h.source] ?? 'attendance.history.source.other',
        by: h.changedByName,
        at: formatDayTime(h.changedAt, locale),
      })),
    },
    { headers },
  );
}

export default function HistoryPage() {
  const { session, items, isManager } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className="stack">
      <p>
        <Link to={`/teach/sessions/${session.id}`}>{t('attendance.history.back')}</Link>
      </p>
      {isManager ? (
        <p>
          <Link to={`/manage/classes/${session.classId}`}>{t('classes.edit.backToClass')}</Link>
        </p>
      ) : null}
      <header className="stack-tight">
        <h1>{t('attendance.history.heading')}</h1>
        <p className="lead">{session.title}</p>
        <p className="hint">{session.when}</p>
      </header>
      <p>{t('attendance.history.intro')}</p>
      {items.length === 0 ? (
        <p className="card">{t('attendance.history.empty')}</p>
      ) : (
        <ol className="plain-list history-list">
          {items.map((h) => (
            <li key={h.id} className="card stack-tight">
              <p>
                <strong>{h.learnerName}</strong>
              </p>
              <p className="history-change">
                <span className="history-from">{t(h.from)}</span>
                {' → '}
                <strong>{t(h.to)}</strong>
              </p>
              {h.notes ? (
                <p className="hint">
                  {t('attendance.history.note', { from: h.notes.from || t('attendance.history.noNote'), to: h.notes.to || t('attendance.history.noNote') })}
                </p>
              ) : null}
              <p className="hint">
                {t('attendance.history.by', { name: h.by, when: h.at })} · {t(h.source)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
