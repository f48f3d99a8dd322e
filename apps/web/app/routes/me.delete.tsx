import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { titleMeta, translator, useI18n } from '../i18n';
import { formErrors } from '../lib/form-errors.server';
import { requireUser } from '../lib/auth.server';
import { FormAlert } from '../components/form';
import { formText, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { confirmsErasure, forgetErasedUser } from '../lib/reports-account.server';
import accountCss from '../styles/account.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('account.page.erase');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { headers } = await requireUser(request);
  return data(null, { headers: { ...headers, 'Cache-Control': 'private, no-store' } });
}

/** Erases her personal data (the API also ends every sign-in), forgets the session and says goodbye. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request);
  const t = translator(await getLocale(request));
  const form = await request.formData();
  if (!confirmsErasure(formText(form, 'confirm'))) {
    const errors: FormErrors = { fields: { confirm: t('account.erase.wrongWord', { word: t('account.erase.word') }) } };
    return data({ errors }, { status: 400, headers });
  }
  try {
    await api.privacy.erase();
  } catch (error) {
    const failure = formErrors(error, t);
    return data({ errors: failure.errors }, { status: failure.status, headers });
  }
  return forgetErasedUser(request, '/me/deleted');
}

export default function EraseAccountPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const word = t('account.erase.word');
  const error = result?.errors.fields.confirm;
  return (
    <div className="stack narrow">
      <h1>{t('account.erase.heading')}</h1>
      <p className="lead">{t('account.erase.intro')}</p>
      <FormAlert errors={result?.errors} />
      <section aria-labelledby="erase-removed" className="stack-tight erase-list erase-removed">
        <h2 id="erase-removed">{t('account.erase.removed.heading')}</h2>
        <ul>
          <li>{t('account.erase.removed.identity')}</li>
          <li>{t('account.erase.removed.consent')}</li>
          <li>{t('account.erase.removed.notes')}</li>
          <li>{t('account.erase.removed.answers')}</li>
          <li>{t('account.erase.removed.other')}</li>
        </ul>
      </section>
      <section aria-labelledby="erase-kept" className="stack-tight erase-list erase-kept">
        <h2 id="erase-kept">{t('account.erase.kept.heading')}</h2>
        <ul>
          <li>{t('account.erase.kept.certificates')}</li>
          <li>{t('account.erase.kept.counts')}</li>
          <li>{t('account.erase.kept.audit')}</li>
        </ul>
      </section>
      <p className="notice notice-warning">
        {t('account.erase.exportFirst')}{' '}
        <a href="/me/export.json" download>
          {t('account.me.export')}
        </a>
      </p>
      <Form method="post" className="stack confirm-body">
        <div className="field">
          <label htmlFor="field-confirm">{t('account.erase.confirmLabel', { word })}</label>
          {error ? (
            <p id="field-confirm-error" className="field-error">
              {error}
            </p>
          ) : null}
          <input
            id="field-confirm"
            name="confirm"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'field-confirm-error' : undefined}
          />
        </div>
        <button type="submit" className="button button-danger button-block" disabled={navigation.state !== 'idle'}>
          {t('account.erase.submit')}
        </button>
      </Form>
      <p>
        <Link to="/me" className="button button-secondary button-block">
          {t('account.erase.cancel')}
        </Link>
      </p>
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
