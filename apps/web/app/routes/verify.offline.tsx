import { data, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { titleMeta, useI18n } from '../i18n';
import type { RouteHandle } from '../root';
import { certificatesLinks } from '../lib/certificates-styles';
import { issuerKeys } from '../lib/credentials-public.server';
import { routeHeaders } from '../lib/route-headers';
import { OfflineCheck } from '../components/offline-check';

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
  return (
    <article className="stack narrow">
      <h1>{t('offline.verify.heading')}</h1>
      <p className="notice">{t('offline.verify.intro')}</p>
      <OfflineCheck code="" keys={keys}>
        <p id="offline-no-token">{t('offline.verify.noToken')}</p>
      </OfflineCheck>
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
