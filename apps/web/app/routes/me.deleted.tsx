import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { titleMeta, useI18n } from '../i18n';
import { hasSession } from '../lib/session.server';

export const meta = titleMeta('account.page.goodbye');

/** Where erasing an account ends. Someone still signed in has not erased hers: back to her account page. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await hasSession(request)) throw redirect('/me');
  return null;
}

export default function GoodbyePage() {
  const { t } = useI18n();
  return (
    <div className="stack narrow">
      <h1>{t('account.goodbye.heading')}</h1>
      <p className="lead">{t('account.goodbye.body')}</p>
      <p>{t('account.goodbye.again')}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('common.errorPage.backHome')}
        </Link>
      </p>
    </div>
  );
}
