import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { LoginDto } from '../lib/inputs.server';
import { FormAlert, TextField } from '../components/form';
import { titleMeta, translator, useI18n } from '../i18n';
import { apiFor } from '../lib/api.server';
import { checkForm, formErrors, type FormMessages } from '../lib/form-errors.server';
import { signIn } from '../lib/auth.server';
import { formText, normalizePhone, safeRedirect } from '../lib/forms';
import { getLocale } from '../lib/locale.server';

export const meta = titleMeta('account.page.login');

// Any password is checked against the hash: the only thing to say about it here is that it is missing.
const LOGIN_FORM: FormMessages = { fields: { password: (t) => t('common.field.password.required') } };

export function loader({ request }: LoaderFunctionArgs) {
  return { next: safeRedirect(new URL(request.url).searchParams.get('next')) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translator(await getLocale(request));
  const phone = normalizePhone(formText(form, 'phone'));
  const password = formText(form, 'password');

  const { value, errors } = checkForm(LoginDto, { phone, password }, t, LOGIN_FORM);
  if (errors) return data({ errors, phone }, { status: 400 });

  try {
    const result = await apiFor(request).auth.login(value);
    return signIn(request, result, safeRedirect(formText(form, 'next')));
  } catch (error) {
    const failure = formErrors(error, t, LOGIN_FORM);
    return data({ errors: failure.errors, phone }, { status: failure.status });
  }
}

export default function LoginPage() {
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="stack narrow">
      <h1>{t('account.login.heading')}</h1>
      <p>{t('account.login.intro')}</p>
      <FormAlert errors={result?.errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="next" value={next} />
        <TextField
          name="phone"
          label={t('common.field.phone')}
          hint={t('common.field.phone.hint')}
          error={result?.errors.fields.phone}
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          required
          defaultValue={result?.phone}
        />
        <TextField
          name="password"
          label={t('common.field.password')}
          error={result?.errors.fields.password}
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button-primary button-block">
          {t('account.login.submit')}
        </button>
        <p className="hint">{t('account.login.forgotPassword')}</p>
      </Form>
      <p>
        {t('account.login.noAccount')} <Link to="/register">{t('account.login.registerLink')}</Link>
      </p>
    </section>
  );
}
