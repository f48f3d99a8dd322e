import { useLocation } from '@remix-run/react';
import { useI18n } from '../i18n';
import type { SyncProblem } from '../lib/attendance-queue';

/**
 * Online or offline, how many marks wait on this phone, and why a batch was not saved. Renders
 * nothing before hydration: without JavaScript nothing is ever queued.
 */
export function SyncStatus({ online, pendingMarks, problem }: { online: boolean | null; pendingMarks: number; problem: SyncProblem | null }) {
  const { t } = useI18n();
  const location = useLocation();
  if (online === null) return null;
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <div className="sync-status stack-tight">
      <p className="sync-line">
        <span className={`sync-dot ${online ? 'sync-online' : 'sync-offline'}`} role="status">
          {online ? t('attendance.sync.online') : t('attendance.sync.offline')}
        </span>
        {pendingMarks > 0 ? (
          <span className="sync-pending" role="status">
            {t('attendance.sync.pending', { n: pendingMarks })}
          </span>
        ) : null}
      </p>
      {problem?.kind === 'signedOut' ? (
        <div className="alert" role="alert">
          <p>{t('attendance.sync.signedOut')}</p>
          <p>
            <a href={`/login?next=${next}`}>{t('attendance.sync.signIn')}</a>
          </p>
        </div>
      ) : null}
      {problem?.kind === 'dropped' ? (
        <div className="alert" role="alert">
          {problem.messages.map((message, i) => (
            <p key={i}>{t('attendance.sync.dropped', { reason: message ?? t('attendance.sync.unknown') })}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
