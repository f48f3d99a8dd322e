import { Form, Link, useLocation } from '@remix-run/react';
import { useI18n } from '../i18n';

/** Brand, language switch and sign-in/out; every control is a plain link or form, so it works without JavaScript. */
export function TopBar({ signedIn, unread = null }: { signedIn: boolean; unread?: number | null }) {
  const { locale, t } = useI18n();
  const location = useLocation();
  const otherLocale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <header className="topbar">
      <Link to="/" className="brand">
        {t('common.app.name')}
      </Link>
      {/* Beside the brand, so the three buttons below still fit one row at 360px. */}
      {signedIn ? <Bell unread={unread} /> : null}
      <nav aria-label={t('common.nav.main')} className="topbar-actions">
        {/* A full page load: the other language's messages are fetched with the new page. */}
        <Form method="post" action="/locale" reloadDocument>
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <button type="submit" name="lang" value={otherLocale} className="button button-quiet">
            <span className="visually-hidden">{t('common.lang.label')}: </span>
            <span lang={otherLocale}>{t('common.lang.other')}</span>
          </button>
        </Form>
        {signedIn ? (
          <>
            <Link to="/app" className="button button-quiet">
              {t('common.nav.myHearth')}
            </Link>
            <Form method="post" action="/logout">
              <button type="submit" className="button button-quiet">
                {t('common.nav.signOut')}
              </button>
            </Form>
          </>
        ) : (
          <>
            {/* Signed-in people reach the catalogue from 我的学堂; a fourth button would wrap to a third row at 360px. */}
            <Link to="/courses" className="button button-quiet">
              {t('common.nav.courses')}
            </Link>
            <Link to="/login" className="button button-quiet">
              {t('common.nav.signIn')}
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}

/** The bell: her inbox, with the unread count when there is one (the number is in its accessible name). */
function Bell({ unread }: { unread: number | null }) {
  const { t } = useI18n();
  const count = unread && unread > 0 ? unread : 0;
  return (
    <Link
      to="/me/notifications"
      className="button button-quiet bell"
      aria-label={count ? t('account.notifications.bell.unread', { n: count }) : t('account.notifications.bell')}
    >
      <svg
        aria-hidden="true"
        focusable="false"
        width="22"
        height="22"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count ? (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
