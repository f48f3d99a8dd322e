import type { CertificateStatus } from '@hearth/contracts';
import { Form } from '@remix-run/react';
import { TextField } from './form';
import { useI18n } from '../i18n';

/** Words first, colour and a symbol as the hint: ✓ valid, ✕ revoked, ! expired. */
const SYMBOL: Record<CertificateStatus, string> = { valid: '✓', revoked: '✕', expired: '!' };

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge cert-badge cert-badge-${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      <span>{t(`certificates.status.${status}`)}</span>
    </span>
  );
}

export interface CertificateFactsView {
  displayCode: string;
  /** Masked (李**) on public pages; null once the holder erased her account. Undefined: not shown. */
  holderName?: string | null;
  courseTitle: string;
  issuer: string;
  issuedAt: string;
  expiresAt: string | null;
  hours: number;
}

/** What a certificate says, already formatted for the reader; `withCourse={false}` when the page's heading names it. */
export function CertificateFacts({ cert, withCourse = true }: { cert: CertificateFactsView; withCourse?: boolean }) {
  const { t } = useI18n();
  return (
    <dl className="facts cert-facts">
      <div>
        <dt>{t('certificates.field.code')}</dt>
        <dd className="cert-code">{cert.displayCode}</dd>
      </div>
      {cert.holderName !== undefined ? (
        <div>
          <dt>{t('certificates.field.holder')}</dt>
          <dd>{cert.holderName ?? t('certificates.holderErased')}</dd>
        </div>
      ) : null}
      {withCourse ? (
        <div>
          <dt>{t('certificates.field.course')}</dt>
          <dd>{cert.courseTitle}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('certificates.field.issuer')}</dt>
        <dd>{cert.issuer}</dd>
      </div>
      <div>
        <dt>{t('certificates.field.issuedAt')}</dt>
        <dd>{cert.issuedAt}</dd>
      </div>
      <div>
        <dt>{t('certificates.field.expiresAt')}</dt>
        <dd>{cert.expiresAt ?? t('certificates.noExpiry')}</dd>
      </div>
      <div>
        <dt>{t('certificates.field.hours')}</dt>
        <dd>{t('courses.detail.hours', { n: cert.hours })}</dd>
      </div>
    </dl>
  );
}

/** A GET to /verify (so it works on pages without JavaScript); also under "no such certificate", to try again at once. */
export function VerifyForm({ input = '', error }: { input?: string; error?: string | null }) {
  const { t } = useI18n();
  return (
    <Form method="get" action="/verify" className="stack" noValidate>
      <TextField
        name="code"
        label={t('certificates.verify.codeLabel')}
        hint={t('certificates.verify.codeHint')}
        error={error ?? undefined}
        defaultValue={input}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        className="cert-code-input"
        required
      />
      <button type="submit" className="button button-primary button-block">
        {t('certificates.verify.submit')}
      </button>
    </Form>
  );
}
