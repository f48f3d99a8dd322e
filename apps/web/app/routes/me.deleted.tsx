import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { titleMeta, useI18n } from '../i18n';
import { hasSession } from '../lib/session.server';

export const meta = titleMeta('reports.page.goodbye');

/** Where erasing an account ends. Someone still signed in has not erased hers: back to her account page. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await hasSession(request)) throw redirect('/me');
  return null;
}

export default function GoodbyePage() {
  const { t } = useI18n();
  return (
    <div className="stack narrow">
      <h1>{t('reports.goodbye.heading')}</h1>
      <p className="lead">{t('reports.goodbye.body')}</p>
      <p>{t('reports.goodbye.again')}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('errorPage.backHome')}
        </Link>
      </p>
    </div>
  );
}
