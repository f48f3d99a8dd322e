import { data, type ActionFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { LEARNER_TYPES, PASSWORD_MIN } from '@hearth/contracts';
import { FormAlert, TextField } from '../components/form';
import { titleMeta, translator, useI18n } from '../i18n';
import { apiFor } from '../lib/api.server';
import { apiFormErrors, isApiError } from '../lib/api-errors.server';
import { signIn } from '../lib/auth.server';
import {
  checkName,
  checkNewPassword,
  checkPhone,
  fieldMessages,
  formText,
  hasErrors,
  isLearnerType,
  normalizePhone,
  type FormErrors,
} from '../lib/forms';
import { getLocale } from '../lib/locale.server';

export const meta = titleMeta('page.register');

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = await getLocale(request);
  const t = translator(locale);
  const values = {
    name: formText(form, 'name').trim(),
    phone: normalizePhone(formText(form, 'phone')),
    learnerType: formText(form, 'learnerType'),
    claimCode: formText(form, 'claimCode').replace(/[\s-]/g, ''),
  };
  const password = formText(form, 'password');

  const errors: FormErrors = { fields: {} };
  checkName(values.name, t, errors);
  checkPhone(values.phone, t, errors);
  checkNewPassword(password, t, errors);
  if (!isLearnerType(values.learnerType)) errors.fields.learnerType = fieldMessages.learnerType(t);
  if (values.claimCode && !/^[0-9]{8}$/.test(values.claimCode)) errors.fields.claimCode = t('register.claimCode.format');
  if (hasErrors(errors) || !isLearnerType(values.learnerType)) return data({ errors, values }, { status: 400 });

  const { claimCode, ...profile } = values;
  try {
    const result = await apiFor(request).auth.register({ ...profile, learnerType: values.learnerType, password, locale, ...(claimCode ? { claimCode } : {}) });
    return signIn(request, result, '/app');
  } catch (error) {
    // Her club registered this phone: the activation code it gave her is what is missing or wrong.
    const claim = (['CLAIM_CODE_REQUIRED', 'CLAIM_CODE_INVALID'] as const).find((code) => isApiError(error, code));
    if (claim) return data({ errors: { fields: { claimCode: t(`error.${claim}`) } } as FormErrors, values }, { status: claim === 'CLAIM_CODE_REQUIRED' ? 409 : 422 });
    const failure = apiFormErrors(error, t);
    return data({ errors: failure.errors, values }, { status: failure.status });
  }
}

export default function RegisterPage() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const fieldErrors = result?.errors.fields ?? {};
  return (
    <section className="stack narrow">
      <h1>{t('register.heading')}</h1>
      <p>{t('register.intro')}</p>
      <FormAlert errors={result?.errors} />
      <Form method="post" className="stack" noValidate>
        <TextField
          name="name"
          label={t('field.name')}
          error={fieldErrors.name}
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={result?.values.name}
        />
        <TextField
          name="phone"
          label={t('field.phone')}
          hint={t('field.phone.hint')}
          error={fieldErrors.phone}
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          required
          defaultValue={result?.values.phone}
        />
        <TextField
          name="password"
          label={t('field.password')}
          hint={t('field.password.hint', { min: PASSWORD_MIN })}
          error={fieldErrors.password}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
        />
        <details className="claim-code" open={Boolean(fieldErrors.claimCode || result?.values.claimCode)}>
          <summary>{t('register.claimCode.toggle')}</summary>
          <TextField
            name="claimCode"
            label={t('register.claimCode.label')}
            hint={t('register.claimCode.hint')}
            error={fieldErrors.claimCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            defaultValue={result?.values.claimCode}
          />
        </details>
        <fieldset className="choices" aria-describedby={fieldErrors.learnerType ? 'field-learnerType-error' : undefined}>
          <legend>{t('field.learnerType')}</legend>
          {fieldErrors.learnerType ? (
            <p id="field-learnerType-error" className="field-error">
              {fieldErrors.learnerType}
            </p>
          ) : null}
          {LEARNER_TYPES.map((type, index) => (
            <label key={type} className="choice-card">
              <input
                type="radio"
                name="learnerType"
                value={type}
                id={index === 0 ? 'field-learnerType' : undefined}
                required
                defaultChecked={result?.values.learnerType === type}
              />
              <span>
                <strong>{t(`learnerType.${type}`)}</strong>
                <span className="choice-description">{t(`learnerType.${type}.description`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary button-block">
          {t('register.submit')}
        </button>
      </Form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('register.signInLink')}</Link>
      </p>
    </section>
  );
}
