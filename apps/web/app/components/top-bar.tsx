import { Form, Link, useLocation } from '@remix-run/react';
import { useI18n } from '../i18n';

/** Brand, language switch and sign-in/out; every control is a plain link or form, so it works without JavaScript. */
export function TopBar({ signedIn }: { signedIn: boolean }) {
  const { locale, t } = useI18n();
  const location = useLocation();
  const otherLocale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <header className="topbar">
      <Link to="/" className="brand">
        {t('app.name')}
      </Link>
      <nav aria-label={t('nav.main')} className="topbar-actions">
        {/* A full page load: the other language's messages are fetched with the new page. */}
        <Form method="post" action="/locale" reloadDocument>
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <button type="submit" name="lang" value={otherLocale} className="button button-quiet">
            <span className="visually-hidden">{t('lang.label')}: </span>
            <span lang={otherLocale}>{t('lang.other')}</span>
          </button>
        </Form>
        {signedIn ? (
          <>
            <Link to="/app" className="button button-quiet">
              {t('nav.myHearth')}
            </Link>
            <Form method="post" action="/logout">
              <button type="submit" className="button button-quiet">
                {t('nav.signOut')}
              </button>
            </Form>
          </>
        ) : (
          <>
            {/* Signed-in people reach the catalogue from 我的学堂; a fourth button would wrap to a third row at 360px. */}
            <Link to="/courses" className="button button-quiet">
              {t('nav.courses')}
            </Link>
            <Link to="/login" className="button button-quiet">
              {t('nav.signIn')}
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
