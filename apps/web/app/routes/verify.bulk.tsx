import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import type { CertificateStatus } from '@hearth/contracts';
import { FormAlert } from '../components/form';
import { titleMeta, translator, useI18n } from '../i18n';
import type { RouteHandle } from '../root';
import { apiFor } from '../lib/api.server';
import { formErrors } from '../lib/form-errors.server';
import { checkCertificateCode, compactCode } from '../lib/certificates-code';
import { certificateDate } from '../lib/certificates-format';
import { certificatesLinks } from '../lib/certificates-styles';
import { formText } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';

export const handle: RouteHandle = { noScripts: true };
export const links = certificatesLinks;
export const meta: MetaFunction = (args) => [...titleMeta('certificates.page.verifyBulk')(args), { name: 'robots', content: 'noindex' }];

const MAX_CODES = 100;
/** The API takes codes of at most 20 characters; a longer line cannot be a code anyway. */
const API_CODE_MAX = 20;

/**
 * One code per line, as pasted from a spreadsheet; commas and semicolons also separate. A line of
 * several whole codes separated by spaces is split; "ABCD EFGH JK3" stays one code.
 */
function splitCodes(text: string): string[] {
  return text
    .split(/[\r\n,;，；、]+/)
    .flatMap((line) => {
      const words = line.trim().split(/\s+/).filter(Boolean);
      return words.length > 1 && words.every((w) => compactCode(w).length >= 11) ? words : [line.trim()];
    })
    .filter(Boolean);
}

type Result = 'valid' | 'revoked' | 'expired' | 'unknown' | 'badCode';
interface Row {
  input: string;
  result: Result;
  holderName: string | null;
  courseTitle: string;
  expiresAt: string | null;
  reason: string | null;
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const form = await request.formData();
  const text = formText(form, 'codes').slice(0, 20_000);
  const inputs = splitCodes(text);
  const fail = (message: string, status: number) => data({ text, error: message, rows: null as Row[] | null }, { status });
  if (inputs.length === 0) return fail(t('certificates.bulk.error.empty'), 400);
  if (inputs.length > MAX_CODES) return fail(t('certificates.bulk.error.tooMany', { n: inputs.length }), 400);

  const checks = inputs.map((input) => checkCertificateCode(input));
  const toAsk = checks.map((c, i) => (c.ok ? c.code : compactCode(inputs[i]).slice(0, API_CODE_MAX)));
  let answers;
  try {
    answers = (await apiFor(request).certificates.verifyMany(toAsk)).items;
  } catch (error) {
    const failure = formErrors(error, t);
    return fail(failure.errors.form ?? t('common.error.VALIDATION_FAILED'), failure.status);
  }
  const rows: Row[] = inputs.map((input, i) => {
    const answer = answers[i];
    if (!answer || !answer.found) {
      return { input: input.slice(0, 40), result: checks[i].ok ? 'unknown' : 'badCode', holderName: null, courseTitle: '', expiresAt: null, reason: null };
    }
    return {
      input: input.slice(0, 40),
      result: answer.status as CertificateStatus,
      holderName: answer.holderName,
      courseTitle: answer.course.title,
      expiresAt: answer.expiresAt ? certificateDate(answer.expiresAt, locale) : null,
      reason: answer.status === 'revoked' && answer.revocationReason ? t(`certificates.reason.${answer.revocationReason}`) : null,
    };
  });
  return data({ text, error: null as string | null, rows }, { headers: { 'Cache-Control': 'no-store' } });
}

export default function BulkVerifyPage() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const rows = result?.rows ?? null;
  const count = (r: Result | Result[]) => rows?.filter((row) => (Array.isArray(r) ? r.includes(row.result) : row.result === r)).length ?? 0;
  return (
    <div className="stack">
      <h1>{t('certificates.bulk.heading')}</h1>
      <p>{t('certificates.bulk.intro')}</p>
      <FormAlert errors={result?.error ? { fields: { codes: result.error } } : undefined} />
      <Form method="post" className="stack" noValidate>
        <div className="field">
          <label htmlFor="field-codes">{t('certificates.bulk.codesLabel')}</label>
          {result?.error ? (
            <p id="field-codes-error" className="field-error">
              {result.error}
            </p>
          ) : null}
          <textarea
            id="field-codes"
            name="codes"
            className="cert-textarea"
            rows={8}
            defaultValue={result?.text ?? ''}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={result?.error ? true : undefined}
            aria-describedby={result?.error ? 'field-codes-error' : undefined}
            required
          />
        </div>
        <button type="submit" className="button button-primary button-block">
          {t('certificates.bulk.submit')}
        </button>
      </Form>

      {rows ? (
        <section className="stack" aria-labelledby="bulk-results">
          <h2 id="bulk-results">{t('certificates.bulk.caption')}</h2>
          <p role="status">
            {t('certificates.bulk.summary', {
              total: rows.length,
              valid: count('valid'),
              revoked: count('revoked'),
              expired: count('expired'),
              unknown: count(['unknown', 'badCode']),
            })}
          </p>
          <div className="table-scroll">
            <table className="table cert-bulk-table">
              <thead>
                <tr>
                  <th scope="col">{t('certificates.bulk.col.input')}</th>
                  <th scope="col">{t('certificates.bulk.col.result')}</th>
                  <th scope="col">{t('certificates.field.holder')}</th>
                  <th scope="col">{t('certificates.field.course')}</th>
                  <th scope="col">{t('certificates.field.expiresAt')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={`${i}-${row.input}`}>
                    <td className="cert-code">{row.input}</td>
                    <td className={`cert-result-${row.result === 'badCode' ? 'unknown' : row.result}`}>
                      {row.result === 'unknown'
                        ? t('certificates.bulk.unknown')
                        : row.result === 'badCode'
                          ? t('certificates.bulk.badCode')
                          : t(`certificates.status.${row.result}`)}
                      {row.reason ? (
                        <>
                          <br />
                          <span className="hint">{row.reason}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{row.result === 'unknown' || row.result === 'badCode' ? '' : (row.holderName ?? t('certificates.holderErased'))}</td>
                    <td>{row.courseTitle}</td>
                    <td>{row.result === 'unknown' || row.result === 'badCode' ? '' : (row.expiresAt ?? t('certificates.noExpiry'))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('certificates.verify.privacy')}</p>
        </section>
      ) : null}
      <p>
        <Link to="/verify">{t('certificates.bulk.single')}</Link>
      </p>
    </div>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
