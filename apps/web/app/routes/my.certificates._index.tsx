import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { CertificateFacts, CertificateStatusBadge } from '../components/certificates-parts';
import { FormAlert, TextField } from '../components/form';
import { titleMeta, translator, useI18n, type Translate } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { checkForm, formErrors, isApiError, type FormMessages } from '../lib/form-errors.server';
import { RecordExternalCredentialDto } from '../lib/inputs.server';
import { requireUser } from '../lib/auth.server';
import { certificateDate } from '../lib/certificates-format';
import { certificatesLinks } from '../lib/certificates-styles';
import { chinaDay, parseDay } from '../lib/dates';
import { formText, hasErrors, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta('certificates.page.mine');
export const links = certificatesLinks;

/** The national register of vocational certificates (the API sends it with each record; this is for before the first). */
const NATIONAL_LOOKUP_URL = 'http://zscx.osta.org.cn/';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  try {
    const [certificates, external] = await Promise.all([api.certificates.mine({ lang: locale }), api.externalCredentials.list(user.id)]);
    return data(
      {
        isVolunteer: user.learnerType === 'volunteer_mother',
        certificates: certificates.items.map((c) => ({
          code: c.code,
          status: c.status,
          facts: {
            displayCode: c.displayCode,
            courseTitle: c.course.title,
            issuer: c.issuer,
            issuedAt: certificateDate(c.issuedAt, locale),
            expiresAt: c.expiresAt ? certificateDate(c.expiresAt, locale) : null,
            hours: c.hours,
          },
        })),
        external: external.items.map((x) => ({
          id: x.id,
          certificateNumber: x.certificateNumber,
          occupation: x.occupation,
          level: x.level,
          issuingBody: x.issuingBody,
          issuedOn: certificateDate(x.issuedOn, locale),
          expiresOn: x.expiresOn ? certificateDate(x.expiresOn, locale) : null,
          status: x.status,
          rejectionReason: x.rejectionReason,
        })),
        lookupUrl: external.items[0]?.lookupUrl ?? NATIONAL_LOOKUP_URL,
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

interface ExternalInput {
  certificateNumber: string;
  occupation: string;
  level: string;
  issuingBody: string;
  issuedOn: string;
  expiresOn: string;
}

const toHalfWidth = (text: string) => text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const EXTERNAL_FORM: FormMessages = {
  fields: {
    certificateNumber: (t) => t('certificates.external.error.number'),
    occupation: (t) => t('certificates.external.error.occupation'),
    level: (t) => t('certificates.external.error.level'),
    issuingBody: (t) => t('certificates.external.error.issuingBody'),
    issuedOn: (t) => t('certificates.external.error.issuedOn'),
    expiresOn: (t) => t('certificates.external.error.expiresOn'),
  },
};

/** The API's rules (RecordExternalCredentialDto) and the page's own about dates, checked first so the messages are ours and name the field. */
function checkExternal(input: ExternalInput, t: Translate): { errors: FormErrors; body: RecordExternalCredentialDto | null } {
  const issuedOn = parseDay(input.issuedOn);
  const expiresOn = input.expiresOn ? parseDay(input.expiresOn) : null;
  const { value, errors: problems } = checkForm(
    RecordExternalCredentialDto,
    {
      certificateNumber: input.certificateNumber,
      occupation: input.occupation,
      ...(input.level ? { level: input.level } : {}),
      issuingBody: input.issuingBody,
      issuedOn: issuedOn ?? input.issuedOn,
      ...(input.expiresOn ? { expiresOn: expiresOn ?? input.expiresOn } : {}),
    },
    t,
    EXTERNAL_FORM,
  );
  const errors: FormErrors = problems ?? { fields: {} };
  if (issuedOn && (issuedOn > chinaDay(new Date().toISOString()) || issuedOn < '1950-01-01'))
    errors.fields.issuedOn ??= t('certificates.external.error.issuedOn');
  if (issuedOn && expiresOn && expiresOn < issuedOn) errors.fields.expiresOn ??= t('certificates.external.error.expiresOn');
  return { errors, body: hasErrors(errors) ? null : value };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['learner'] });
  const t = translator(await getLocale(request));
  const form = await request.formData();
  const input: ExternalInput = {
    certificateNumber: toHalfWidth(formText(form, 'certificateNumber'))
      .replace(/[\s\u3000]/g, '')
      .slice(0, 80),
    occupation: formText(form, 'occupation').trim().slice(0, 300),
    level: formText(form, 'level').trim().slice(0, 300),
    issuingBody: formText(form, 'issuingBody').trim().slice(0, 600),
    issuedOn: formText(form, 'issuedOn').trim().slice(0, 40),
    expiresOn: formText(form, 'expiresOn').trim().slice(0, 40),
  };
  const { errors, body } = checkExternal(input, t);
  if (!body) return data({ done: null, errors, input }, { status: 400, headers });
  try {
    const saved = await api.externalCredentials.record(user.id, body);
    return data({ done: t('certificates.external.recorded', { number: saved.certificateNumber }), errors: null, input: null }, { headers });
  } catch (error) {
    if (isApiError(error, 'CONFLICT')) {
      return data(
        { done: null, errors: { fields: { certificateNumber: t('certificates.external.error.duplicate') } } as FormErrors, input },
        { status: 409, headers },
      );
    }
    const failure = formErrors(error, t, EXTERNAL_FORM);
    return data({ done: null, errors: failure.errors, input }, { status: failure.status, headers });
  }
}

export default function MyCertificatesPage() {
  const { certificates, external, lookupUrl, isVolunteer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const errors = result?.errors ?? undefined;
  const input = result?.input ?? null;
  return (
    <div className="stack">
      <h1>{t('certificates.mine.heading')}</h1>
      {isVolunteer ? (
        <p>
          <Link to="/my/readiness">{t('certificates.mine.readiness')}</Link>
        </p>
      ) : null}
      {certificates.length === 0 ? (
        <div className="card stack">
          <p>{t('certificates.mine.empty')}</p>
          <p>
            <Link to="/my/classes" className="button button-primary">
              {t('certificates.mine.toClasses')}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="plain-list">
          {certificates.map((c) => (
            <li key={c.code} className="card cert-card" aria-labelledby={`cert-${c.code}`}>
              <h2 id={`cert-${c.code}`}>{c.facts.courseTitle}</h2>
              <p className="badges">
                <CertificateStatusBadge status={c.status} />
              </p>
              <CertificateFacts cert={c.facts} withCourse={false} />
              <div className="cert-actions">
                <Link to={`/my/certificates/${c.code}`} className="button button-primary">
                  {t('certificates.mine.show')}
                </Link>
                <a href={`/certificates/${c.code}/pdf`} className="button button-secondary" download={`certificate-${c.code}.pdf`}>
                  {t('certificates.mine.pdf')}
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}

      <section className="stack" aria-labelledby="external">
        <h2 id="external">{t('certificates.external.heading')}</h2>
        <p>{t('certificates.external.intro')}</p>
        {external.length === 0 ? (
          <p className="hint">{t('certificates.external.empty')}</p>
        ) : (
          <ul className="plain-list">
            {external.map((x) => (
              <li key={x.id} className="card stack-tight">
                <h3>
                  {x.occupation}
                  {x.level ? ` · ${x.level}` : null}
                </h3>
                <p className="badges">
                  <span className={`badge ${x.status === 'verified' ? 'cert-badge-valid' : x.status === 'rejected' ? 'cert-badge-revoked' : ''}`}>
                    {t(`certificates.external.status.${x.status}`)}
                  </span>
                </p>
                {x.status === 'rejected' && x.rejectionReason ? (
                  <div className="notice notice-warning">
                    <p>{t('certificates.external.rejectedReason', { reason: x.rejectionReason })}</p>
                    <p>{t('certificates.external.rejectedAgain')}</p>
                  </div>
                ) : null}
                <dl className="facts">
                  <div>
                    <dt>{t('certificates.external.number')}</dt>
                    <dd className="cert-code">{x.certificateNumber}</dd>
                  </div>
                  <div>
                    <dt>{t('certificates.external.issuingBody')}</dt>
                    <dd>{x.issuingBody}</dd>
                  </div>
                  <div>
                    <dt>{t('certificates.external.issuedOn')}</dt>
                    <dd>{x.issuedOn}</dd>
                  </div>
                  {x.expiresOn ? (
                    <div>
                      <dt>{t('certificates.qualifications.expiresOn')}</dt>
                      <dd>{x.expiresOn}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={lookupUrl} target="_blank" rel="noopener noreferrer">
            {t('certificates.external.lookup')}
          </a>
        </p>

        <div className="card stack">
          <h3 id="add-external">{t('certificates.external.add')}</h3>
          {result?.done ? <StatusNotice tone="success">{result.done}</StatusNotice> : null}
          <FormAlert errors={errors} />
          <Form method="post" className="stack" noValidate aria-labelledby="add-external" key={result?.done ?? 'external'}>
            <TextField
              name="certificateNumber"
              label={t('certificates.external.number')}
              hint={t('certificates.external.numberHint')}
              error={errors?.fields.certificateNumber}
              defaultValue={input?.certificateNumber}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
            />
            <TextField
              name="occupation"
              label={t('certificates.external.occupation')}
              hint={t('certificates.external.occupationHint')}
              error={errors?.fields.occupation}
              defaultValue={input?.occupation}
              required
            />
            <TextField
              name="level"
              label={t('certificates.external.level')}
              hint={t('certificates.external.levelHint')}
              error={errors?.fields.level}
              defaultValue={input?.level}
            />
            <TextField
              name="issuingBody"
              label={t('certificates.external.issuingBody')}
              error={errors?.fields.issuingBody}
              defaultValue={input?.issuingBody}
              required
            />
            <TextField
              name="issuedOn"
              type="date"
              label={t('certificates.external.issuedOn')}
              hint={t('certificates.external.issuedOnHint')}
              error={errors?.fields.issuedOn}
              defaultValue={input?.issuedOn}
              required
            />
            <TextField
              name="expiresOn"
              type="date"
              label={t('certificates.external.expiresOn')}
              hint={t('certificates.external.expiresOnHint')}
              error={errors?.fields.expiresOn}
              defaultValue={input?.expiresOn}
            />
            <button type="submit" className="button button-primary button-block" disabled={navigation.state !== 'idle'}>
              {t('certificates.external.submit')}
            </button>
          </Form>
        </div>
      </section>
    </div>
  );
}
