import { ApiError, PASSWORD_MAX, PASSWORD_MIN } from '@hearth/contracts';
import { ChangePasswordDto } from '../lib/inputs.server';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { titleMeta, translator, useI18n } from '../i18n';
import { FormAlert, TextField } from '../components/form';
import { checkForm, formErrors, type FormMessages } from '../lib/form-errors.server';
import { requireUser, signIn } from '../lib/auth.server';
import { formText, hasErrors, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import accountCss from '../styles/account.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('account.page.password');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }];

// The API's refusal of the new password ("newPassword must differ…") lands on that field too.
const PASSWORD_FORM: FormMessages = { fields: { currentPassword: (t) => t('account.password.currentRequired') } };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  return data({ fromStaff: user.passwordFromStaff }, { headers: { ...headers, 'Cache-Control': 'private, no-store' } });
}

/**
 * Her own password, given the current one (every signed-in role). The API ends her other sign-ins and
 * answers new tokens for this one, which replace the session's before going back to her account page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request);
  const t = translator(await getLocale(request));
  const form = await request.formData();
  const currentPassword = formText(form, 'currentPassword');
  const newPassword = formText(form, 'newPassword');
  const { value, errors: problems } = checkForm(ChangePasswordDto, { currentPassword, newPassword }, t, PASSWORD_FORM);
  const errors: FormErrors = problems ?? { fields: {} };
  // After the length: a mismatch or a repeat of a too-short password is not what she should fix first.
  if (!errors.fields.newPassword) {
    if (newPassword !== formText(form, 'confirmPassword')) errors.fields.confirmPassword = t('account.password.mismatch');
    else if (newPassword === currentPassword) errors.fields.newPassword = t('account.password.same');
  }
  if (hasErrors(errors)) return data({ errors }, { status: 400, headers });
  try {
    const tokens = await api.changePassword(value);
    return signIn(request, tokens, '/me?password=changed');
  } catch (error) {
    const refused = (fields: FormErrors['fields']) => data({ errors: { fields } satisfies FormErrors }, { status: 400, headers });
    if (error instanceof ApiError && error.code === 'CURRENT_PASSWORD_INCORRECT')
      return refused({ currentPassword: t('common.error.CURRENT_PASSWORD_INCORRECT') });
    if (error instanceof ApiError && error.code === 'TOO_MANY_ATTEMPTS') {
      const retryAfter = Number(error.body.retryAfter);
      return data(
        {
          errors: {
            form: t('account.password.tooMany', { minutes: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter / 60) : 1 }),
            fields: {},
          } satisfies FormErrors,
        },
        { status: 429, headers },
      );
    }
    const failure = formErrors(error, t, PASSWORD_FORM);
    return data({ errors: failure.errors }, { status: failure.status, headers });
  }
}

export default function ChangePasswordPage() {
  const { fromStaff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const fields = result?.errors.fields ?? {};
  return (
    <div className="stack narrow">
      <h1>{t('account.password.heading')}</h1>
      {fromStaff ? (
        <p className="notice notice-warning" role="status">
          {t('account.password.fromStaff')}
        </p>
      ) : null}
      <p className="lead">{t('account.password.intro')}</p>
      <FormAlert errors={result?.errors} />
      <Form method="post" className="stack">
        <TextField
          name="currentPassword"
          label={t('account.password.current')}
          error={fields.currentPassword}
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          name="newPassword"
          label={t('account.password.new')}
          hint={t('common.field.password.hint', { min: PASSWORD_MIN })}
          error={fields.newPassword}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
        />
        <TextField
          name="confirmPassword"
          label={t('account.password.confirm')}
          error={fields.confirmPassword}
          type="password"
          autoComplete="new-password"
          required
        />
        <button type="submit" className="button button-primary button-block" disabled={navigation.state !== 'idle'}>
          {t('account.password.submit')}
        </button>
      </Form>
      <p>
        <Link to="/me" className="button button-secondary button-block">
          {t('account.password.cancel')}
        </Link>
      </p>
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
