import { data, type ActionFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { LEARNER_TYPES, PASSWORD_MIN, type JoinableOrgDto } from '@hearth/contracts';
import { RegisterDto } from '../lib/inputs.server';
import { FormAlert, TextField } from '../components/form';
import { titleMeta, translator, useI18n, type Translate } from '../i18n';
import { apiFor } from '../lib/api.server';
import { checkForm, formErrors, isApiError, type FormMessages } from '../lib/form-errors.server';
import { signIn } from '../lib/auth.server';
import { formText, hasErrors, normalizePhone, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';

export const meta = titleMeta('account.page.register');

const REGISTER_FORM: FormMessages = {
  fields: { orgId: (t) => t('account.joinOrg.required'), claimCode: (t) => t('account.register.claimCode.format') },
};

/** Matches offered as radio buttons at once: enough to tell same-named stations apart by their trail. */
const JOIN_MATCHES = 20;
const JOIN_SEARCH_MAX = 50;

interface OrgMatches {
  q: string;
  items: JoinableOrgDto[];
  total: number;
}

/** Clubs and stations whose name contains `q` (the API's public, rate-limited search). */
async function findJoinable(request: Request, q: string, t: Translate): Promise<{ matches: OrgMatches | null; error?: string; status?: number }> {
  if (!q) return { matches: null };
  try {
    const page = await apiFor(request).orgs.joinable({ q, limit: JOIN_MATCHES });
    return { matches: { q, items: page.items, total: page.total } };
  } catch (error) {
    const failure = formErrors(error, t);
    return { matches: null, error: failure.errors.form ?? t('common.error.VALIDATION_FAILED'), status: failure.status };
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = await getLocale(request);
  const t = translator(locale);
  const values = {
    name: formText(form, 'name').trim(),
    phone: normalizePhone(formText(form, 'phone')),
    learnerType: formText(form, 'learnerType'),
    claimCode: formText(form, 'claimCode').replace(/[\s-]/g, ''),
    orgQ: formText(form, 'orgQ').trim().slice(0, JOIN_SEARCH_MAX),
    orgId: formText(form, 'orgId'),
  };
  const password = formText(form, 'password');

  // "查找" (or Enter in the search box, before any club is chosen) searches; nothing is checked yet.
  const searching = formText(form, 'intent') === 'searchOrg' || (!values.orgId && values.orgQ !== '');
  const found = await findJoinable(request, values.orgQ, t);
  const { matches } = found;
  if (searching) {
    const only = matches?.total === 1 ? matches.items[0].id : '';
    const chosen = matches?.items.some((o) => o.id === values.orgId) ? values.orgId : only;
    return data(
      { errors: found.error ? ({ form: found.error, fields: {} } as FormErrors) : undefined, values: { ...values, orgId: chosen }, matches },
      { status: found.status ?? 200 },
    );
  }

  const { claimCode, orgQ: _q, orgId, ...profile } = values;
  const { value, errors: problems } = checkForm(
    RegisterDto,
    { ...profile, password, locale, ...(orgId ? { orgId } : {}), ...(claimCode ? { claimCode } : {}) },
    t,
    REGISTER_FORM,
  );
  const errors: FormErrors = problems ?? { fields: {} };
  // An account her club already made (she has its activation code) keeps the club's org.
  if (!claimCode && !orgId) errors.fields.orgId = t('account.joinOrg.required');
  if (hasErrors(errors)) return data({ errors, values, matches }, { status: 400 });

  try {
    const result = await apiFor(request).auth.register(value);
    return signIn(request, result, '/app');
  } catch (error) {
    // Her club registered this phone: the activation code it gave her is what is missing or wrong.
    const claim = (['CLAIM_CODE_REQUIRED', 'CLAIM_CODE_INVALID'] as const).find((code) => isApiError(error, code));
    if (claim)
      return data(
        { errors: { fields: { claimCode: t(`common.error.${claim}`) } } as FormErrors, values, matches },
        { status: claim === 'CLAIM_CODE_REQUIRED' ? 409 : 422 },
      );
    if (isApiError(error, 'ORG_NOT_JOINABLE'))
      return data({ errors: { fields: { orgId: t('common.error.ORG_NOT_JOINABLE') } } as FormErrors, values, matches }, { status: 422 });
    const failure = formErrors(error, t, REGISTER_FORM);
    return data({ errors: failure.errors, values, matches }, { status: failure.status });
  }
}

export default function RegisterPage() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const fieldErrors = result?.errors?.fields ?? {};
  return (
    <section className="stack narrow">
      <h1>{t('account.register.heading')}</h1>
      <p>{t('account.register.intro')}</p>
      <FormAlert errors={result?.errors} />
      <Form method="post" className="stack" noValidate>
        {/* The form's default button (Enter in any field): registering, or a search before a club is chosen. */}
        <button type="submit" name="intent" value="register" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('account.register.submit')}
        </button>
        <JoinOrgField matches={result?.matches ?? null} chosen={result?.values.orgId ?? ''} q={result?.values.orgQ ?? ''} error={fieldErrors.orgId} />
        <TextField
          name="name"
          label={t('common.field.name')}
          error={fieldErrors.name}
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={result?.values.name}
        />
        <TextField
          name="phone"
          label={t('common.field.phone')}
          hint={t('common.field.phone.hint')}
          error={fieldErrors.phone}
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          required
          defaultValue={result?.values.phone}
        />
        <TextField
          name="password"
          label={t('common.field.password')}
          hint={t('common.field.password.hint', { min: PASSWORD_MIN })}
          error={fieldErrors.password}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
        />
        <details className="claim-code" open={Boolean(fieldErrors.claimCode || result?.values.claimCode)}>
          <summary>{t('account.register.claimCode.toggle')}</summary>
          <TextField
            name="claimCode"
            label={t('account.register.claimCode.label')}
            hint={t('account.register.claimCode.hint')}
            error={fieldErrors.claimCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            defaultValue={result?.values.claimCode}
          />
        </details>
        <fieldset className="choices" aria-describedby={fieldErrors.learnerType ? 'field-learnerType-error' : undefined}>
          <legend>{t('common.field.learnerType')}</legend>
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
                <strong>{t(`people.learnerType.${type}`)}</strong>
                <span className="choice-description">{t(`people.learnerType.${type}.description`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" name="intent" value="register" className="button button-primary button-block">
          {t('account.register.submit')}
        </button>
      </Form>
      <p>
        {t('account.register.haveAccount')} <Link to="/login">{t('account.register.signInLink')}</Link>
      </p>
    </section>
  );
}

/**
 * Her club or station: a name search and its matches as radio buttons, all inside the registration
 * form, so it works without JavaScript (the search button posts the form and comes back with matches).
 */
function JoinOrgField({ matches, chosen, q, error }: { matches: OrgMatches | null; chosen: string; q: string; error?: string }) {
  const { t } = useI18n();
  const items = matches?.items ?? [];
  const note = !matches
    ? null
    : matches.total === 0
      ? t('account.joinOrg.none', { q: matches.q })
      : matches.total > items.length
        ? t('account.joinOrg.resultsMore', { q: matches.q, n: matches.total, shown: items.length })
        : t('account.joinOrg.results', { q: matches.q, n: matches.total });
  return (
    <fieldset className="choices" aria-describedby={['field-orgId-hint', error ? 'field-orgId-error' : ''].filter(Boolean).join(' ')}>
      <legend>{t('account.joinOrg.legend')}</legend>
      <p id="field-orgId-hint" className="hint">
        {t('account.joinOrg.hint')}
      </p>
      {error ? (
        <p id="field-orgId-error" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={items.length > 0 ? 'field-orgQ' : 'field-orgId'}>{t('account.joinOrg.search.label')}</label>
        <input
          id={items.length > 0 ? 'field-orgQ' : 'field-orgId'}
          name="orgQ"
          type="search"
          maxLength={JOIN_SEARCH_MAX}
          defaultValue={q}
          autoComplete="off"
          enterKeyHint="search"
          aria-invalid={error && items.length === 0 ? true : undefined}
        />
      </div>
      <button type="submit" name="intent" value="searchOrg" formNoValidate className="button button-secondary button-block">
        {t('account.joinOrg.search.submit')}
      </button>
      {note ? (
        <p className="hint" role="status">
          {note}
        </p>
      ) : null}
      {items.map((o, index) => (
        <label key={o.id} className="choice-card">
          <input type="radio" name="orgId" value={o.id} id={index === 0 ? 'field-orgId' : undefined} defaultChecked={o.id === chosen} />
          <span>
            <strong>
              {o.name}（{t(`account.joinOrg.kind.${o.kind}`)}）
            </strong>
            {o.trail.length > 0 ? <span className="choice-description">{o.trail.map((a) => a.name).join(' › ')}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
