import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { REVOCATION_REASONS, type ClassDto, type CourseDto, type RevocationReason, type Role } from '@hearth/contracts';
import { CertificateStatusBadge } from '../components/certificates-parts';
import { FormAlert, SelectField, TextField } from '../components/form';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { checkForm, formErrors, isApiError, type FormMessages } from '../lib/form-errors.server';
import { PracticalResultDto, RevokeDto } from '../lib/inputs.server';
import { requireUser } from '../lib/auth.server';
import { fullRoster, holdsPlace, missingText, requirementsOf } from '../lib/certificates-class.server';
import { checkCertificateCode, displayCode } from '../lib/certificates-code';
import { certificatesLinks } from '../lib/certificates-styles';
import { formText, isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta<{ klass?: { title: string } }>('certificates.page.classCertificates', (data) => data.klass?.title);
export const links = certificatesLinks;

/** The class's instructor may grade and issue (the API checks it is hers); revoking is for staff. */
const ROLES: readonly Role[] = ['coordinator', 'admin', 'instructor'];
const STAFF: readonly Role[] = ['coordinator', 'admin'];
const NOTE_MAX = { revoke: 500, grade: 1000 };

const notFound = (headers: Record<string, string>) => new Response(null, { status: 404, statusText: 'Not Found', headers });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);

  let klass: ClassDto;
  let course: CourseDto;
  let learners;
  try {
    const [k, roster] = await Promise.all([api.classes.get(id, { lang: locale }), fullRoster(api, id)]);
    klass = k;
    [course, learners] = await Promise.all([api.courses.get(klass.courseId, { lang: locale }), requirementsOf(api, roster.filter(holdsPlace), locale)]);
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'FORBIDDEN')) throw notFound(headers);
    return unavailableOrRethrow(error);
  }

  // Whether each issued certificate is still valid: one public batch check for the whole class.
  const codes = learners.flatMap((l) => (l.status.certificateCode ? [l.status.certificateCode] : []));
  const certificateStatus = new Map<string, { status: 'valid' | 'revoked' | 'expired'; reason: RevocationReason | null }>();
  try {
    for (let i = 0; i < codes.length; i += 100) {
      const page = await api.certificates.verifyMany(codes.slice(i, i + 100));
      for (const item of page.items) if (item.found) certificateStatus.set(item.code, { status: item.status, reason: item.revocationReason });
    }
  } catch (error) {
    return unavailableOrRethrow(error);
  }

  const practicals = course.assessments.filter((a) => a.kind === 'practical');
  const rows = learners.map(({ entry, status }) => {
    const code = status.certificateCode;
    const cert = code
      ? { code, displayCode: displayCode(code), status: certificateStatus.get(code)?.status ?? 'valid', reason: certificateStatus.get(code)?.reason ?? null }
      : null;
    return {
      enrollmentId: entry.id,
      learnerId: entry.learnerId,
      name: entry.name,
      phone: entry.phone,
      complete: status.complete,
      missing: status.missing.map((m) => missingText(m, t)),
      certificate: cert,
      practicals: practicals.map((a) => {
        const gap = status.missing.find((m) => m.requirement === 'assessment' && m.assessmentId === a.id);
        const now = !gap
          ? t('certificates.manage.grade.passed')
          : gap.requirement === 'assessment' && gap.bestScore !== null
            ? t('certificates.manage.grade.scoreFailed', { n: gap.bestScore })
            : t('certificates.manage.noScore');
        return { id: a.id, title: a.title, passMark: a.passMark, now };
      }),
    };
  });
  return data(
    {
      canRevoke: STAFF.includes(user.role) || user.roles.some((r) => STAFF.includes(r)),
      klass: { id: klass.id, title: klass.title, orgName: klass.orgName },
      rows,
      eligible: rows.filter((r) => r.complete && !r.certificate).length,
      issued: rows.filter((r) => r.certificate).length,
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

const INTENTS = ['issue', 'issueAll', 'revoke', 'grade'] as const;
type Intent = (typeof INTENTS)[number];

interface Outcome {
  intent: Intent;
  /** Which form on the page this answers: "<enrollmentId>" or "<enrollmentId>:<assessmentId>". */
  target: string;
  done?: string;
  errors?: FormErrors;
  values?: Record<string, string>;
}

/** The row forms' messages; their fields carry the row ("note-<id>"), so each row's inputs have their own ids. */
const ROW_FORM = (noteMax: number): FormMessages => ({
  fields: {
    reason: (t) => t('certificates.manage.error.reason'),
    note: (t) => t('certificates.manage.error.note', { max: noteMax }),
    score: (t) => t('certificates.manage.error.score'),
  },
});

const onRow = (errors: FormErrors, row: string): FormErrors => ({
  ...errors,
  fields: Object.fromEntries(Object.entries(errors.fields).map(([field, message]) => [`${field}-${row}`, message])),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  const enrollmentId = formText(form, 'enrollmentId');
  const name = formText(form, 'name').slice(0, 100);
  const reply = (outcome: Omit<Outcome, 'intent'>, status = 200) => data<Outcome>({ intent, ...outcome }, { status, headers });
  if (!INTENTS.includes(intent) || (intent !== 'issueAll' && !isUuid(enrollmentId))) {
    return reply({ target: '', errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, 400);
  }

  try {
    switch (intent) {
      case 'issue': {
        try {
          const cert = await api.certificates.issue(enrollmentId);
          return reply({ target: enrollmentId, done: t('certificates.manage.issued', { name, code: cert.displayCode }) });
        } catch (error) {
          if (!isApiError(error, 'REQUIREMENTS_NOT_MET')) throw error;
          return reply({ target: enrollmentId, errors: { form: t('common.error.REQUIREMENTS_NOT_MET'), fields: {} } }, 422);
        }
      }
      case 'issueAll': {
        // Checked again here, not taken from the page: the page may be minutes old.
        const learners = await requirementsOf(api, (await fullRoster(api, id)).filter(holdsPlace), locale);
        const eligible = learners.filter((l) => l.status.complete && !l.status.certificateCode);
        if (eligible.length === 0) return reply({ target: '', done: t('certificates.manage.issueAll.none') });
        let issued = 0;
        let failed = 0;
        for (const { entry } of eligible) {
          try {
            await api.certificates.issue(entry.id);
            issued++;
          } catch (error) {
            if (!isApiError(error, 'REQUIREMENTS_NOT_MET') && !isApiError(error, 'NOT_FOUND')) throw error;
            failed++;
          }
        }
        return reply({
          target: '',
          done: failed ? t('certificates.manage.issueAll.partial', { n: issued, failed }) : t('certificates.manage.issueAll.done', { n: issued }),
        });
      }
      case 'revoke': {
        const checked = checkCertificateCode(formText(form, 'code'));
        // Field names carry the row, so each row's inputs have their own ids (and error links).
        const reason = formText(form, `reason-${enrollmentId}`);
        const note = formText(form, `note-${enrollmentId}`).trim();
        const values = { reason, note: note.slice(0, NOTE_MAX.revoke * 2) };
        const { value, errors: problems } = checkForm(RevokeDto, { reason, ...(note ? { note } : {}) }, t, ROW_FORM(NOTE_MAX.revoke));
        const errors: FormErrors = problems ? onRow(problems, enrollmentId) : { fields: {} };
        if (!checked.ok) errors.form = t('common.error.NOT_FOUND');
        if (errors.form || Object.keys(errors.fields).length > 0 || !checked.ok) return reply({ target: enrollmentId, errors, values }, 400);
        await api.certificates.revoke(checked.code, value);
        return reply({ target: enrollmentId, done: t('certificates.manage.revoked', { name, code: displayCode(checked.code) }) });
      }
      case 'grade': {
        const assessmentId = formText(form, 'assessmentId');
        const learnerId = formText(form, 'learnerId');
        const target = `${enrollmentId}:${assessmentId}`;
        const scoreText = formText(form, `score-${target}`)
          .trim()
          .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
        const note = formText(form, `note-${target}`).trim();
        const values = { score: scoreText.slice(0, 10), note: note.slice(0, NOTE_MAX.grade * 2) };
        if (!isUuid(assessmentId) || !isUuid(learnerId))
          return reply({ target, errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} }, values }, 400);
        const { value, errors } = checkForm(
          PracticalResultDto,
          { learnerId, score: /^\d{1,9}$/.test(scoreText) ? Number(scoreText) : scoreText, ...(note ? { note } : {}) },
          t,
          ROW_FORM(NOTE_MAX.grade),
        );
        if (errors) return reply({ target, errors: onRow(errors, target), values }, 400);
        const score = value.score;
        const result = await api.assessments.recordResult(assessmentId, value);
        const saved = t('certificates.manage.grade.saved', {
          name,
          score,
          result: result.passed ? t('certificates.manage.grade.passed') : t('certificates.manage.grade.failed'),
        });
        return reply({ target, done: result.certificateIssued ? `${saved} ${t('certificates.manage.grade.issued')}` : saved });
      }
    }
  } catch (error) {
    const failure = formErrors(error, t);
    return reply({ target: intent === 'grade' ? `${enrollmentId}:${formText(form, 'assessmentId')}` : enrollmentId, errors: failure.errors }, failure.status);
  }
}

export default function ClassCertificatesPage() {
  const { klass, rows, eligible, issued, canRevoke } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const busy = navigation.state !== 'idle';
  const errorsFor = (target: string) => (result && result.target === target ? result.errors : undefined);
  const valuesFor = (target: string) => (result && result.target === target && !result.done ? result.values : undefined);
  return (
    <article className="stack">
      <p>
        <Link to={`/manage/classes/${klass.id}`}>{t('certificates.manage.backToClass')}</Link>
      </p>
      <header className="stack-tight">
        <p className="hint">{t('certificates.page.classCertificates')}</p>
        <h1>{klass.title}</h1>
        <p>{klass.orgName}</p>
      </header>
      {/* With JavaScript the answer arrives before the refreshed list: show both together. */}
      {result?.done && !busy ? <StatusNotice tone="success">{result.done}</StatusNotice> : null}
      {result && !result.done && result.target === '' ? <FormAlert errors={result.errors} /> : null}

      {rows.length === 0 ? (
        <p>{t('certificates.manage.empty')}</p>
      ) : (
        <>
          <p>{t('certificates.manage.summary', { eligible, issued, pending: rows.length - eligible - issued })}</p>
          {eligible > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="issueAll" />
              <button type="submit" className="button button-primary button-block" disabled={busy}>
                {t('certificates.manage.issueAll', { n: eligible })}
              </button>
            </Form>
          ) : null}

          <section className="stack" aria-labelledby="learners">
            <h2 id="learners">{t('certificates.manage.learners')}</h2>
            <ul className="learner-list">
              {rows.map((row) => {
                const rowErrors = errorsFor(row.enrollmentId);
                const revokeOpen = Boolean(rowErrors && result?.intent === 'revoke');
                return (
                  <li key={row.enrollmentId} className="learner-card" aria-labelledby={`learner-${row.enrollmentId}`}>
                    <h3 id={`learner-${row.enrollmentId}`}>
                      {row.name} <span className="hint">{row.phone}</span>
                    </h3>
                    {rowErrors && result?.intent !== 'revoke' ? <FormAlert errors={rowErrors} /> : null}

                    {row.certificate ? (
                      <div className="stack-tight">
                        <p className="badges">
                          <CertificateStatusBadge status={row.certificate.status} />
                          <span className="cert-code">{t('certificates.manage.certificate', { code: row.certificate.displayCode })}</span>
                        </p>
                        {row.certificate.reason ? (
                          <p className="hint">{t('certificates.verify.revokedReason', { reason: t(`certificates.reason.${row.certificate.reason}`) })}</p>
                        ) : null}
                        <p className="cert-actions cert-actions-compact">
                          {canRevoke ? (
                            <a
                              href={`/certificates/${row.certificate.code}/pdf`}
                              className="button button-quiet-dark"
                              download={`certificate-${row.certificate.code}.pdf`}
                            >
                              {t('certificates.manage.pdf')}
                            </a>
                          ) : null}
                          <Link to={`/verify/${row.certificate.code}`} className="button button-quiet-dark">
                            {t('certificates.manage.verifyLink')}
                          </Link>
                        </p>
                      </div>
                    ) : row.complete ? (
                      <div className="stack-tight">
                        <p className="cert-result-valid">
                          <span aria-hidden="true">✓ </span>
                          {t('certificates.manage.complete')}
                        </p>
                        <Form method="post">
                          <input type="hidden" name="intent" value="issue" />
                          <input type="hidden" name="enrollmentId" value={row.enrollmentId} />
                          <input type="hidden" name="name" value={row.name} />
                          <button type="submit" className="button button-primary" disabled={busy}>
                            {t('certificates.manage.issue')}
                          </button>
                        </Form>
                      </div>
                    ) : (
                      <div>
                        <p>{t('certificates.manage.notMet')}</p>
                        <ul className="missing-list">
                          {row.missing.map((m) => (
                            <li key={m}>{m}</li>
                          ))}
                        </ul>
                      </div>
                    )}

                    {row.certificate
                      ? null
                      : row.practicals.map((a) => {
                          const target = `${row.enrollmentId}:${a.id}`;
                          const errors = errorsFor(target);
                          const values = valuesFor(target);
                          return (
                            <Form key={a.id} method="post" className="grade-form stack-tight" noValidate aria-labelledby={`grade-${target}`}>
                              <p id={`grade-${target}`}>
                                <strong>{a.title}</strong>
                              </p>
                              <p className="hint">
                                {t('courses.assessment.passMark', { n: a.passMark })} · {t('certificates.manage.grade.current', { value: a.now })}
                              </p>
                              {errors?.form ? <p className="field-error">{errors.form}</p> : null}
                              <input type="hidden" name="intent" value="grade" />
                              <input type="hidden" name="enrollmentId" value={row.enrollmentId} />
                              <input type="hidden" name="learnerId" value={row.learnerId} />
                              <input type="hidden" name="assessmentId" value={a.id} />
                              <input type="hidden" name="name" value={row.name} />
                              <div className="grade-inputs">
                                <TextField
                                  name={`score-${target}`}
                                  label={t('certificates.manage.grade.score')}
                                  error={errors?.fields[`score-${target}`]}
                                  defaultValue={values?.score}
                                  inputMode="numeric"
                                  type="number"
                                  min={0}
                                  max={100}
                                  step={1}
                                  required
                                  key={result?.done ?? 'score'}
                                />
                                <TextField
                                  name={`note-${target}`}
                                  label={t('certificates.manage.grade.note')}
                                  error={errors?.fields[`note-${target}`]}
                                  defaultValue={values?.note}
                                  maxLength={NOTE_MAX.grade}
                                  key={`${result?.done ?? 'note'}-note`}
                                />
                              </div>
                              <button type="submit" className="button button-secondary" disabled={busy}>
                                {t('certificates.manage.grade.submit')}
                              </button>
                            </Form>
                          );
                        })}

                    {canRevoke && row.certificate?.status === 'valid' ? (
                      <details className="confirm" open={revokeOpen || undefined}>
                        <summary className="button button-quiet-dark">{t('certificates.manage.revoke')}</summary>
                        <Form method="post" className="stack confirm-body revoke-body" noValidate>
                          {revokeOpen ? <FormAlert errors={rowErrors} /> : null}
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="enrollmentId" value={row.enrollmentId} />
                          <input type="hidden" name="code" value={row.certificate.code} />
                          <input type="hidden" name="name" value={row.name} />
                          <SelectField
                            name={`reason-${row.enrollmentId}`}
                            label={t('certificates.manage.revoke.reason')}
                            error={rowErrors?.fields[`reason-${row.enrollmentId}`]}
                            defaultValue={valuesFor(row.enrollmentId)?.reason ?? ''}
                            required
                          >
                            <option value="" disabled>
                              {t('common.form.choose')}
                            </option>
                            {REVOCATION_REASONS.map((reason) => (
                              <option key={reason} value={reason}>
                                {t(`certificates.reason.${reason}`)}
                              </option>
                            ))}
                          </SelectField>
                          <TextField
                            name={`note-${row.enrollmentId}`}
                            label={t('certificates.manage.revoke.note')}
                            error={rowErrors?.fields[`note-${row.enrollmentId}`]}
                            defaultValue={valuesFor(row.enrollmentId)?.note}
                            maxLength={NOTE_MAX.revoke}
                          />
                          <p>{t('certificates.manage.revoke.confirm')}</p>
                          <button type="submit" className="button button-danger button-block" disabled={busy}>
                            {t('certificates.manage.revoke.yes')}
                          </button>
                        </Form>
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      )}
    </article>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
