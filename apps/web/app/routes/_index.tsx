import { Link, useRouteLoaderData } from '@remix-run/react';
import { titleMeta, useI18n } from '../i18n';
import type { loader as rootLoader } from '../root';

export const meta = titleMeta('home.page.home');

const AUDIENCES = [
  { title: 'home.mothers.title', body: 'home.mothers.body' },
  { title: 'home.migrants.title', body: 'home.migrants.body' },
  { title: 'home.referrals.title', body: 'home.referrals.body' },
] as const;

export default function HomePage() {
  const { t } = useI18n();
  const signedIn = useRouteLoaderData<typeof rootLoader>('root')?.signedIn ?? false;
  return (
    <div className="stack">
      <section className="hero stack">
        <h1>{t('home.heading')}</h1>
        <p className="lead">{t('home.intro')}</p>
        {signedIn ? (
          <>
            <p>{t('home.signedIn')}</p>
            <div className="actions">
              <Link to="/app" className="button button-primary">
                {t('home.goToApp')}
              </Link>
              <Link to="/courses" className="button button-secondary">
                {t('home.browseCourses')}
              </Link>
            </div>
          </>
        ) : (
          <div className="actions">
            <Link to="/register" className="button button-primary">
              {t('home.registerCta')}
            </Link>
            <Link to="/login" className="button button-secondary">
              {t('home.signInCta')}
            </Link>
            <Link to="/courses" className="button button-secondary">
              {t('home.browseCourses')}
            </Link>
          </div>
        )}
      </section>
      <section aria-labelledby="who-for" className="stack">
        <h2 id="who-for">{t('home.whoFor')}</h2>
        <ul className="cards">
          {AUDIENCES.map(({ title, body }) => (
            <li key={title} className="card">
              <h3>{t(title)}</h3>
              <p>{t(body)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
