import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { titleMeta, useI18n } from '../i18n';
import { requireUser } from '../lib/auth.server';
import accountCss from '../styles/account.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('account.page.me');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }];

/** Her own account: who Hearth thinks she is, her data to take away, and the way out. Every signed-in role. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const { name, phone, role, orgName, learnerType, passwordFromStaff } = user;
  const passwordChanged = new URL(request.url).searchParams.get('password') === 'changed';
  return data(
    { user: { name, phone, role, orgName, learnerType, passwordFromStaff }, passwordChanged },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

export default function MyAccountPage() {
  const { user, passwordChanged } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const role = user.learnerType ? `${t(`people.role.${user.role}`)} · ${t(`people.learnerType.${user.learnerType}`)}` : t(`people.role.${user.role}`);
  return (
    <div className="stack">
      <h1>{t('account.me.heading')}</h1>
      {passwordChanged ? (
        <div className="notice notice-success" role="status">
          {t('account.me.password.changed')}
        </div>
      ) : null}
      <dl className="facts card">
        <div>
          <dt>{t('common.field.name')}</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>{t('common.field.phone')}</dt>
          <dd>{user.phone}</dd>
        </div>
        <div>
          <dt>{t('account.me.type')}</dt>
          <dd>{role}</dd>
        </div>
        <div>
          <dt>{t('home.app.org')}</dt>
          <dd>{user.orgName ?? t('home.app.noOrg')}</dd>
        </div>
      </dl>

      <section aria-labelledby="me-data" className="stack-tight">
        <h2 id="me-data">{t('account.me.data.heading')}</h2>
        <p>{t('account.me.data.body')}</p>
        <p>
          <Link to="/me/data" className="button button-primary">
            {t('account.me.readable')}
          </Link>
        </p>
        <p>
          <a href="/me/export.json" download className="button button-secondary">
            {t('account.me.export')}
          </a>
        </p>
        <p className="hint">{t('account.me.exportHint')}</p>
      </section>

      <section aria-labelledby="me-notifications" className="stack-tight">
        <h2 id="me-notifications">{t('account.notifications.me.heading')}</h2>
        <p>{t('account.notifications.me.body')}</p>
        <p>
          <Link to="/me/notifications" className="button button-secondary">
            {t('account.notifications.me.link')}
          </Link>
        </p>
        <p>
          <Link to="/me/notifications/settings">{t('account.notifications.settingsLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="me-password" className="stack-tight">
        <h2 id="me-password">{t('account.me.password.heading')}</h2>
        <p className={user.passwordFromStaff ? 'notice notice-warning' : undefined}>
          {t(user.passwordFromStaff ? 'account.password.fromStaff' : 'account.me.password.body')}
        </p>
        <p>
          <Link to="/me/password" className="button button-secondary">
            {t('account.me.password.link')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="me-erase" className="stack-tight me-erase">
        <h2 id="me-erase">{t('account.me.erase.heading')}</h2>
        <p>{t('account.me.erase.body')}</p>
        <p>
          <Link to="/me/delete" className="button button-secondary me-erase-link">
            {t('account.me.erase.link')}
          </Link>
        </p>
      </section>
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
