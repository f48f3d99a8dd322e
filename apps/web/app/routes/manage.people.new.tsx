import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { LEARNER_TYPES, PASSWORD_MAX, PASSWORD_MIN, type CreateUserBody, type Role } from '@hearth/contracts';
import { CreateUserDto } from '../lib/inputs.server';
import { FormAlert, SelectField, TextField } from '../components/form';
import { OrgSearchForm, OrgSelect } from '../components/org-picker';
import { titleMeta, translator, useI18n, type Translate } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { formText, hasErrors, isUuid, normalizePhone, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { checkForm, PEOPLE_FORM, peopleFormErrors } from '../lib/form-errors.server';
import { loadOrgPicker, orgOption } from '../lib/org-choices.server';
import { creatableRoles, isAdmin } from '../lib/people-view';
import peopleCss from '../styles/people.css?url';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('people.page.new');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: peopleCss }];

interface Values {
  phone: string;
  name: string;
  role: string;
  orgId: string;
  learnerType: string;
  employerId: string;
  password: string;
}

interface Created {
  id: string;
  name: string;
  phone: string;
  role: Role;
  orgName: string;
  temporaryPassword: string | null;
  /** A learner created without a password and without one generated for her. */
  unclaimed: boolean;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const url = new URL(request.url);
  const preset = url.searchParams.get('orgId') ?? '';
  // A club's coordinator adds people to her club; a federation office's staff choose where each person belongs.
  const own = user.orgKind === 'club' || user.orgKind === 'station' ? (user.orgId ?? '') : '';
  try {
    const [orgs, employers] = await Promise.all([loadOrgPicker(api, url, { keep: [preset, own] }), api.employers.list()]);
    // A preset outside her subtree (an old link) is not offered, so not chosen.
    const defaultOrgId = isUuid(preset) && orgs.options.some((o) => o.id === preset) ? preset : own;
    return data(
      {
        admin: isAdmin(user),
        roles: creatableRoles(user),
        orgs,
        defaultOrgId,
        employers: employers.items.map(({ id, name, orgName }) => ({ id, name, orgName })),
      },
      { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

function readValues(form: FormData): Values {
  return {
    phone: normalizePhone(formText(form, 'phone').trim()),
    name: formText(form, 'name').trim(),
    role: formText(form, 'role'),
    orgId: formText(form, 'orgId'),
    learnerType: formText(form, 'learnerType'),
    employerId: formText(form, 'employerId'),
    password: formText(form, 'password'),
  };
}

/** The API's rules (CreateUserDto) and the form's per-role ones, reported on the fields; the body to send when all is well. */
function toBody(values: Values, roles: readonly Role[], t: Translate): { errors: FormErrors; body: CreateUserBody | null } {
  const role = roles.find((r) => r === values.role);
  const { value, errors: problems } = checkForm(
    CreateUserDto,
    {
      phone: values.phone,
      name: values.name,
      role: values.role,
      orgId: values.orgId,
      ...(values.password ? { password: values.password } : {}),
      // The fields of the other roles are on the form without JavaScript; they are not sent.
      ...(role === 'learner' && values.learnerType ? { learnerType: values.learnerType } : {}),
      ...(role === 'employer' ? { employerId: values.employerId } : {}),
    },
    t,
    PEOPLE_FORM,
  );
  const errors: FormErrors = problems ?? { fields: {} };
  if (!role) errors.fields.role ??= t('people.error.role');
  if (role === 'learner' && !values.learnerType) errors.fields.learnerType ??= t('people.error.learnerType');
  // Staff sign in with the password they are given; a learner may be left to get hers from the system.
  if (role && role !== 'learner' && !values.password) errors.fields.password = t('people.error.passwordRequired', { min: PASSWORD_MIN, max: PASSWORD_MAX });
  if (hasErrors(errors) || !role) return { errors, body: null };
  return { errors, body: { ...value, role } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const t = translator(await getLocale(request));
  const values = readValues(await request.formData());
  const { errors, body } = toBody(values, creatableRoles(user), t);
  // The password typed is never sent back to the page.
  const echo = { ...values, password: '' };
  const noStore = { ...headers, 'Cache-Control': 'private, no-store' };
  // The chosen org may be a search match the reloaded page no longer lists.
  const chosenOrg = () => orgOption(api, values.orgId).catch(() => null);
  if (!body) return data({ errors, values: echo, created: null, org: await chosenOrg() }, { status: 400, headers: noStore });
  try {
    const account = await api.users.create(body);
    const created: Created = {
      id: account.id,
      name: account.name,
      phone: account.phone,
      role: account.role,
      orgName: account.orgName ?? '',
      temporaryPassword: account.temporaryPassword ?? null,
      unclaimed: !body.password && !account.temporaryPassword,
    };
    return data({ errors: null, values: null, created, org: null }, { headers: noStore });
  } catch (error) {
    const failure = peopleFormErrors(error, t);
    return data({ errors: failure.errors, values: echo, created: null, org: await chosenOrg() }, { status: failure.status, headers: noStore });
  }
}

export default function NewPersonPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const values: Partial<Values> = result?.values ?? { orgId: loaded.defaultOrgId };
  const fieldErrors = result?.errors?.fields ?? {};
  const created = result?.created ?? null;
  // Without JavaScript every field is on the page; with it, only those the chosen role needs.
  const [hydrated, setHydrated] = useState(false);
  const [role, setRole] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setHydrated(true);
    // The select is not controlled, so a choice made before the page came alive (or kept after an error) still counts.
    const select = formRef.current?.elements.namedItem('role');
    setRole(select instanceof HTMLSelectElement ? select.value : '');
  }, [values.role, created?.id]);
  const shows = (needs: Role) => !hydrated || !role || role === needs;

  return (
    <section className="stack people">
      <p>
        <Link to="/manage/people">{t('people.form.back')}</Link>
      </p>
      <h1>{t('people.form.heading')}</h1>
      {created ? <CreatedNotice created={created} /> : <p>{t('people.form.intro')}</p>}
      <OrgSearchForm view={loaded.orgs} id="person" />
      <FormAlert errors={result?.errors ?? undefined} />
      {/* A new key after each account clears the form for the next one. */}
      <Form method="post" className="stack" noValidate key={created?.id ?? 'form'} ref={formRef}>
        <TextField
          name="phone"
          label={t('people.field.phone')}
          hint={t('people.field.phoneHint')}
          error={fieldErrors.phone}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          required
          defaultValue={values.phone}
        />
        <TextField name="name" label={t('people.field.name')} error={fieldErrors.name} autoComplete="off" maxLength={100} required defaultValue={values.name} />
        <SelectField
          name="role"
          label={t('people.field.role')}
          hint={loaded.admin ? t('people.field.roleHintAdmin') : t('people.field.roleHintCoordinator')}
          error={fieldErrors.role}
          required
          defaultValue={values.role ?? ''}
          onChange={(event) => setRole(event.target.value)}
        >
          <option value="">{t('common.form.choose')}</option>
          {loaded.roles.map((r) => (
            <option key={r} value={r}>
              {t(`people.role.${r}`)}
            </option>
          ))}
        </SelectField>
        <OrgSelect
          view={loaded.orgs}
          label={t('people.field.org')}
          hint={t('people.field.orgHint')}
          error={fieldErrors.orgId}
          required
          defaultValue={values.orgId ?? ''}
          empty={t('common.form.choose')}
          extra={result?.org}
          indent
        />
        {shows('learner') ? (
          <SelectField
            name="learnerType"
            label={t('people.field.learnerType')}
            hint={t('people.field.learnerTypeHint')}
            error={fieldErrors.learnerType}
            defaultValue={values.learnerType ?? ''}
          >
            <option value="">{t('common.form.choose')}</option>
            {LEARNER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`people.learnerType.${type}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {shows('employer') ? (
          loaded.employers.length === 0 ? (
            <div className="field">
              <p className="hint">
                {t('people.field.noEmployers')} <Link to="/manage/jobs">{t('people.field.noEmployersLink')}</Link>
              </p>
              {fieldErrors.employerId ? (
                <p id="field-employerId" className="field-error" tabIndex={-1}>
                  {fieldErrors.employerId}
                </p>
              ) : null}
            </div>
          ) : (
            <SelectField
              name="employerId"
              label={t('people.field.employer')}
              hint={t('people.field.employerHint')}
              error={fieldErrors.employerId}
              defaultValue={values.employerId ?? ''}
            >
              <option value="">{t('common.form.choose')}</option>
              {loaded.employers.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </SelectField>
          )
        ) : null}
        <TextField
          name="password"
          label={t('people.field.password')}
          hint={t('people.field.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          error={fieldErrors.password}
          // Shown as text: the coordinator reads it out to the person. "off" keeps the browser from filling in her own password.
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={PASSWORD_MAX}
          defaultValue=""
        />
        <button type="submit" className="button button-primary button-block" disabled={navigation.state === 'submitting'}>
          {t('people.form.submit')}
        </button>
      </Form>
    </section>
  );
}

function CreatedNotice({ created }: { created: Created }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-success stack-tight" role="status">
      <p>
        <strong>{t('people.created.title', { name: created.name })}</strong>
      </p>
      <p>{t('people.created.details', { role: t(`people.role.${created.role}`), phone: created.phone, org: created.orgName })}</p>
      {created.temporaryPassword ? (
        <>
          <p>
            {t('people.created.temporary')} <strong className="people-password">{created.temporaryPassword}</strong>
          </p>
          <p>{t('people.created.temporaryOnce')}</p>
        </>
      ) : null}
      {created.unclaimed ? <p>{t('people.created.noPassword')}</p> : <p>{t('people.created.remind')}</p>}
      <p>
        <Link to={`/manage/people?q=${encodeURIComponent(created.phone)}`}>{t('people.created.find')}</Link>
      </p>
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
