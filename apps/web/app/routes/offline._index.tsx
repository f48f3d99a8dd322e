import type { MetaFunction } from '@remix-run/node';
import { titleMeta, useI18n } from '../i18n';
import type { RouteHandle } from '../root';

/**
 * /offline: what the service worker shows, in her language, for a page that needs signal and is not
 * stored on the phone (enrollment, referrals, dashboards…), instead of the browser's error page. Plain
 * HTML: it is shown at other pages' addresses, where no script of its own may run.
 */
export const handle: RouteHandle = { noScripts: true };
export const meta: MetaFunction = (args) => [...titleMeta('offline.page.title')(args), { name: 'robots', content: 'noindex' }];

export default function OfflinePage() {
  const { t } = useI18n();
  return (
    <section className="stack narrow">
      <h1>{t('offline.page.title')}</h1>
      <p>{t('offline.page.body')}</p>
      <p className="hint">{t('offline.page.stored')}</p>
      <p>
        {/* An empty href is the page's own address: the one she tried to open. */}
        <a href="" className="button button-primary button-block">
          {t('offline.page.retry')}
        </a>
      </p>
      <p>
        <a href="/app" className="button button-secondary button-block">
          {t('offline.page.home')}
        </a>
      </p>
    </section>
  );
}
