import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { MyClassCards } from '../components/learning-parts';
import { titleMeta, useI18n } from '../i18n';
import { requireUser } from '../lib/auth.server';
import { learningLinks } from '../lib/learning-styles';
import { myClassCards } from '../lib/learner-class.server';
import { getLocale } from '../lib/locale.server';
import { nextSteps, shortcuts } from '../lib/next-steps';

export const meta = titleMeta('home.page.app');
export const links: LinksFunction = learningLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request);
  const { name, role, orgName, learnerType, passwordFromStaff } = user;
  // A learner lands here: each class she holds leads to its lessons, progress and quiz, with her next step.
  const classes = role === 'learner' ? await myClassCards(api, await getLocale(request)) : null;
  return data({ user: { name, role, orgName, learnerType, passwordFromStaff }, classes, steps: nextSteps(user), shortcuts: shortcuts(user) }, { headers });
}

export default function AppHomePage() {
  const { user, classes, steps, shortcuts } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const role = user.learnerType ? `${t(`people.role.${user.role}`)} · ${t(`people.learnerType.${user.learnerType}`)}` : t(`people.role.${user.role}`);
  return (
    <div className="stack">
      <h1>{t('home.app.greeting', { name: user.name })}</h1>
      {user.passwordFromStaff ? (
        // Not a detour at sign-in: she may be signing in to check in at a station right now.
        <p className="notice notice-warning">
          {t('account.password.fromStaff')} <Link to="/me/password">{t('account.me.password.link')}</Link>
        </p>
      ) : null}
      {classes && classes.length > 0 ? (
        <section aria-labelledby="my-classes" className="stack">
          <h2 id="my-classes">{t('learning.home.heading')}</h2>
          <MyClassCards classes={classes} />
        </section>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('home.app.role')}</dt>
          <dd>{role}</dd>
        </div>
        <div>
          <dt>{t('home.app.org')}</dt>
          <dd>{user.orgName ?? t('home.app.noOrg')}</dd>
        </div>
      </dl>
      <nav aria-label={t('home.app.shortcuts')} className="actions">
        {shortcuts.map((link, i) => (
          <Link key={link.key} to={link.href ?? '/app'} className={i === 0 ? 'button button-primary' : 'button button-secondary'}>
            {t(link.key)}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="next-steps" className="card stack">
        <h2 id="next-steps">{t('home.app.nextSteps')}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step.key}>{step.href ? <Link to={step.href}>{t(step.key)}</Link> : t(step.key)}</li>
          ))}
        </ol>
        {steps.some((step) => !step.href) ? <p className="hint">{t('home.app.comingSoon')}</p> : null}
      </section>
    </div>
  );
}
