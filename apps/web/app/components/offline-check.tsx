import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useNonce } from '../lib/nonce';
import { offlineCheck } from '../lib/verify-offline';

/**
 * The QR token's check in the browser, against the issuer keys (ADR 014): the verdict box the inline
 * module fills in (hidden without JavaScript or without a token), then `children`, then the keys and the
 * module itself, followed by `afterScript` (more inline code for the same module).
 */
export function OfflineCheck({
  code,
  keys,
  afterScript = '',
  children,
}: {
  code: string;
  keys: Array<{ id: string; x: string }>;
  afterScript?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const nonce = useNonce();
  return (
    <>
      <section
        id="offline-check"
        className="verdict"
        role="status"
        aria-label={t('certificates.offline.heading')}
        hidden
        data-code={code}
        data-valid={t('certificates.offline.valid')}
        data-invalid={t('certificates.offline.invalid')}
        data-name={t('certificates.offline.name')}
        data-course={t('certificates.offline.course')}
        data-issued={t('certificates.offline.issued')}
        data-expires={t('certificates.offline.expires')}
        data-no-expiry={t('certificates.offline.noExpiry')}
      >
        <p className="verdict-word" data-slot="word" />
        <dl data-slot="facts" />
        <p className="hint">{t('certificates.offline.hint')}</p>
      </section>
      {children}
      <script id="issuer-keys" type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: JSON.stringify(keys).replace(/</g, '\\u003c') }} />
      <script type="module" nonce={nonce} dangerouslySetInnerHTML={{ __html: `(${offlineCheck.toString()})();${afterScript}` }} />
    </>
  );
}
