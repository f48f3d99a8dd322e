import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { CertificateStatus, PublicCertificateDto, RevocationReason } from '@hearth/contracts';
import { CertificateFacts, VerifyForm } from '../components/certificates-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import type { RouteHandle } from '../root';
import { apiFor, unavailableOrRethrow } from '../lib/api.server';
import { formErrors, isApiError } from '../lib/form-errors.server';
import { checkCertificateCode, displayCode } from '../lib/certificates-code';
import { certificateDate } from '../lib/certificates-format';
import { certificatesLinks } from '../lib/certificates-styles';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';
import { issuerKeys } from '../lib/credentials-public.server';
import { OfflineCheck } from '../components/offline-check';

/**
 * Opened from the QR code on a certificate, by anyone, on any phone: plain HTML, no Remix scripts.
 * One small inline module (with this document's nonce) checks the QR's signed token in the browser
 * against the issuer keys embedded below, so the check itself needs no network (lib/verify-offline.ts).
 */
export const handle: RouteHandle = { noScripts: true };
export const links = certificatesLinks;
export const meta: MetaFunction = (args) => [...titleMeta('certificates.page.verifyResult')(args), { name: 'robots', content: 'noindex' }];

/** A revocation must show at once: never from a cache. */
const NO_STORE = { 'Cache-Control': 'no-store' };

type Outcome =
  | {
      found: true;
      status: CertificateStatus;
      reason: RevocationReason | null;
      cert: { displayCode: string; holderName: string | null; courseTitle: string; issuer: string; issuedAt: string; expiresAt: string | null; hours: number };
      renewedBy: { code: string; displayCode: string; expiresAt: string | null } | null;
      /** The issuer's public keys (short id → x), for the in-browser check of the QR token. */
      keys: Array<{ id: string; x: string }>;
    }
  /** `unknown`: no such certificate (or a code that cannot be one); `error`: the check itself failed. */
  | { found: false; code: string; kind: 'unknown' | 'error'; message: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const raw = (params.code ?? '').slice(0, 60);
  const locale = await getLocale(request);
  const t = translator(locale);
  const checked = checkCertificateCode(raw);
  if (!checked.ok) {
    return data<Outcome>(
      { found: false, code: raw, kind: 'unknown', message: t(`certificates.verify.error.${checked.problem}`) },
      { status: 404, headers: NO_STORE },
    );
  }
  // "abcd-efgh-jk3" typed by hand: one address per certificate.
  if (checked.code !== raw) throw redirect(`/verify/${checked.code}`);

  let cert: PublicCertificateDto;
  const keys = issuerKeys();
  try {
    cert = await apiFor(request).certificates.verify(checked.code, { lang: locale });
  } catch (error) {
    const code = displayCode(checked.code);
    if (isApiError(error, 'NOT_FOUND')) {
      return data<Outcome>(
        { found: false, code, kind: 'unknown', message: t('certificates.verify.notFound.body', { code }) },
        { status: 404, headers: NO_STORE },
      );
    }
    if (isApiError(error, 'RATE_LIMITED')) {
      const failure = formErrors(error, t);
      return data<Outcome>(
        { found: false, code, kind: 'error', message: failure.errors.form ?? t('common.error.RATE_LIMITED', { minutes: 1 }) },
        { status: 429, headers: NO_STORE },
      );
    }
    return unavailableOrRethrow(error);
  }
  return data<Outcome>(
    {
      found: true,
      status: cert.status,
      reason: cert.status === 'revoked' ? cert.revocationReason : null,
      cert: {
        displayCode: cert.displayCode,
        holderName: cert.holderName,
        courseTitle: cert.course.title,
        issuer: cert.issuer,
        issuedAt: certificateDate(cert.issuedAt, locale),
        expiresAt: cert.expiresAt ? certificateDate(cert.expiresAt, locale) : null,
        hours: cert.hours,
      },
      renewedBy: cert.renewedBy
        ? {
            code: cert.renewedBy.code,
            displayCode: cert.renewedBy.displayCode,
            expiresAt: cert.renewedBy.expiresAt ? certificateDate(cert.renewedBy.expiresAt, locale) : null,
          }
        : null,
      keys: await keys,
    },
    { headers: NO_STORE },
  );
}

/**
 * An employer confirms "this is the number she gave me": the API compares it with the credential's
 * salted hash and answers yes or no only (rate-limited per address). Works without JavaScript.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(await getLocale(request));
  const checked = checkCertificateCode((params.code ?? '').slice(0, 60));
  const form = await request.formData();
  const phone = String(form.get('phone') ?? '')
    .trim()
    .slice(0, 20);
  if (!checked.ok) throw new Response(null, { status: 404 });
  if (!/^(\+?86)?\s*1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, '')))
    return data({ phone, matches: null, message: t('certificates.holder.invalid') }, { status: 400, headers: NO_STORE });
  try {
    const { matches } = await apiFor(request).certificates.holderCheck(checked.code, phone);
    return data({ phone: '', matches, message: t(matches ? 'certificates.holder.match' : 'certificates.holder.noMatch') }, { headers: NO_STORE });
  } catch (error) {
    if (isApiError(error, 'RATE_LIMITED') || isApiError(error, 'NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED')) {
      const failure = formErrors(error, t);
      return data(
        { phone, matches: null, message: failure.errors.form ?? t('common.error.RATE_LIMITED', { minutes: 1 }) },
        { status: failure.status, headers: NO_STORE },
      );
    }
    return unavailableOrRethrow(error);
  }
}

function HolderCheck() {
  const { t } = useI18n();
  const result = useActionData<typeof action>();
  return (
    <section className="stack" aria-labelledby="holder-check">
      <h2 id="holder-check">{t('certificates.holder.heading')}</h2>
      <p>{t('certificates.holder.intro')}</p>
      {result?.message ? (
        <p role="status" className={result.matches === true ? 'notice notice-success' : 'alert'}>
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <div className="field">
          <label htmlFor="field-phone">{t('certificates.holder.label')}</label>
          <input id="field-phone" name="phone" type="tel" inputMode="tel" autoComplete="off" defaultValue={result?.phone ?? ''} required />
        </div>
        <button type="submit" className="button button-secondary button-block">
          {t('certificates.holder.submit')}
        </button>
      </Form>
    </section>
  );
}

/**
 * A verifier who opened one certificate online gets the service worker too (in the background, after
 * the page), so the next QR checks with no signal from a cold start (/verify/offline, ADR 014).
 */
const REGISTER_WORKER = `if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});`;

const SYMBOL: Record<CertificateStatus, string> = { valid: '✓', revoked: '✕', expired: '!' };

export default function VerifyResultPage() {
  const outcome = useLoaderData<typeof loader>();
  const { t } = useI18n();
  if (!outcome.found) {
    return (
      <div className="stack narrow">
        <h1>{t('certificates.page.verifyResult')}</h1>
        {outcome.kind === 'error' ? (
          <div className="alert" role="alert">
            <p>{outcome.message}</p>
          </div>
        ) : (
          <div className="verdict verdict-unknown" role="status">
            <p className="verdict-word">
              <span aria-hidden="true">? </span>
              <span>{t('certificates.verify.notFound.heading')}</span>
            </p>
            <p>{outcome.message}</p>
          </div>
        )}
        <VerifyForm input={outcome.code} />
        <p>
          <Link to="/verify/bulk">{t('certificates.verify.bulkLink')}</Link>
        </p>
      </div>
    );
  }
  const { status, reason, cert, renewedBy, keys } = outcome;
  return (
    <article className="stack narrow">
      <h1>{t('certificates.page.verifyResult')}</h1>
      <OfflineCheck code={cert.displayCode} keys={keys} afterScript={REGISTER_WORKER} />
      <div className={`verdict verdict-${status}`} role="status">
        <p className="verdict-word">
          <span aria-hidden="true">{SYMBOL[status]} </span>
          <span>{t(`certificates.status.${status}`)}</span>
        </p>
        <p>{t(`certificates.verify.${status}.lead`)}</p>
        {status === 'revoked' && reason ? (
          <p className="verdict-reason">{t('certificates.verify.revokedReason', { reason: t(`certificates.reason.${reason}`) })}</p>
        ) : null}
      </div>
      {renewedBy ? (
        <div className="notice notice-success">
          <p>
            {t('certificates.verify.renewed', { code: renewedBy.displayCode })}{' '}
            {renewedBy.expiresAt ? t('certificates.verify.renewedUntil', { date: renewedBy.expiresAt }) : t('certificates.verify.renewedNoExpiry')}
          </p>
          <p>
            <a href={`/verify/${renewedBy.code}`}>{t('certificates.verify.renewedOpen')}</a>
          </p>
        </div>
      ) : null}
      <CertificateFacts cert={cert} />
      <p className="hint">{t('certificates.verify.privacy')}</p>
      <HolderCheck />
      <p>
        <Link to="/verify" className="button button-secondary button-block">
          {t('certificates.verify.another')}
        </Link>
      </p>
    </article>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
