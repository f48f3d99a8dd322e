import { data, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { titleMeta, useI18n } from '../i18n';
import type { RouteHandle } from '../root';
import { certificatesLinks } from '../lib/certificates-styles';
import { issuerKeys } from '../lib/credentials-public.server';
import { useNonce } from '../lib/nonce';
import { routeHeaders } from '../lib/route-headers';
import { offlineCheck } from '../lib/verify-offline';

/**
 * /verify/offline: the shell the service worker shows for /verify/<code> when the phone has no signal.
 * It carries the issuer keys and checks the QR's signed token (after `#t=`) in the browser, against the
 * code in the address; it says plainly that a revocation can only be seen online. It names nobody, so
 * it may be stored (revalidated each time); the live /verify/<code> stays no-store.
 */
export const handle: RouteHandle = { noScripts: true };
export const links = certificatesLinks;
export const meta: MetaFunction = (args) => [...titleMeta('offline.verify.heading')(args), { name: 'robots', content: 'noindex' }];

export async function loader() {
  return data({ keys: await issuerKeys() }, { headers: { 'Cache-Control': 'no-cache' } });
}

export default function VerifyOfflineShell() {
  const { keys } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const nonce = useNonce();
  return (
    <article className="stack narrow">
      <h1>{t('offline.verify.heading')}</h1>
      <p className="notice">{t('offline.verify.intro')}</p>
      <section
        id="offline-check"
        className="verdict"
        role="status"
        aria-label={t('certificates.offline.heading')}
        hidden
        data-code=""
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
      <p id="offline-no-token">{t('offline.verify.noToken')}</p>
      <script id="issuer-keys" type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: JSON.stringify(keys).replace(/</g, '\\u003c') }} />
      <script type="module" nonce={nonce} dangerouslySetInnerHTML={{ __html: `(${offlineCheck.toString()})();` }} />
      <p>
        <Link to="/verify" className="button button-secondary button-block">
          {t('certificates.verify.another')}
        </Link>
      </p>
    </article>
  );
}

/** Its Cache-Control reaches the page. */
export const headers = routeHeaders;
