import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useMatches, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE } from '@hearth/contracts';
import { OfflineClient } from './components/offline-client';
import { TopBar } from './components/top-bar';
import { hasCatalogue, translator, useI18n, type MessageKey } from './i18n';
import { catalogueChunk } from './lib/catalogue-assets.server';
import { getLocale } from './lib/locale.server';
import { useNonce } from './lib/nonce';
import { hasSession } from './lib/session.server';
import { unreadCountFor } from './lib/auth.server';
import stylesUrl from './styles.css?url';

/**
 * What a route may declare in its `handle` export. `noScripts: true` makes its pages plain HTML:
 * no <Scripts/> (hence no modulepreload links, no hydration data) and no <ScrollRestoration/>.
 * For public pages opened from a QR code on any phone (certificate verification), where the
 * page must load fast and show nothing a script could add.
 */
export interface RouteHandle {
  noScripts?: boolean;
}

const wantsNoScripts = (handle: unknown) => (handle as RouteHandle | undefined)?.noScripts === true;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
  { rel: 'apple-touch-icon', href: '/icons/icon-192.png' },
];

/** Cookies, and for the bell one cheap call that never fails the layout (null when the API is down). */
export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, signedIn] = await Promise.all([getLocale(request), hasSession(request)]);
  const unread = signedIn ? await unreadCountFor(request) : null;
  return { locale, signedIn, unread, messagesChunk: catalogueChunk(locale) };
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const t = translator(data?.locale ?? DEFAULT_LOCALE);
  const title = error ? `${t(errorPage(error).title)} · ${t('common.app.name')}` : t('common.app.name');
  return [{ title }];
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const { t } = useI18n();
  const noScripts = useMatches().some((match) => wantsNoScripts(match.handle));
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#9f1d20" />
        <Meta />
        <Links />
        {/* Fetched beside the entry script instead of after it (entry.client.tsx imports it before hydrating). */}
        {!noScripts && data?.messagesChunk ? <link rel="modulepreload" href={data.messagesChunk} nonce={nonce} /> : null}
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t('common.nav.skipToContent')}
        </a>
        <TopBar signedIn={data?.signedIn ?? false} unread={data?.unread ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="footer">{t('common.app.footer')}</footer>
        {noScripts ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  const root = useRouteLoaderData<typeof loader>('root');
  const locale = root?.locale ?? DEFAULT_LOCALE;
  useEffect(() => {
    // The page's language changed without a document load (e.g. her account's language after
    // signing in): fetch the page again so its messages come with it.
    if (!hasCatalogue(locale)) window.location.reload();
  }, [locale]);
  return (
    <>
      <Outlet />
      <OfflineClient signedIn={root?.signedIn ?? false} />
    </>
  );
}

function errorPage(error: unknown): { title: MessageKey; body: MessageKey } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 403) return { title: 'common.errorPage.403.title', body: 'common.errorPage.403.body' };
  if (status === 404 || status === 405) return { title: 'common.errorPage.404.title', body: 'common.errorPage.404.body' };
  if (status === 503) return { title: 'common.errorPage.503.title', body: 'common.errorPage.503.body' };
  return { title: 'common.errorPage.500.title', body: 'common.errorPage.500.body' };
}

/** 403/404/500/503 in the user's language, inside the normal layout. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  // A form sent or a page's data asked for with no signal: say so, not "something went wrong".
  const [offline, setOffline] = useState(false);
  useEffect(() => setOffline(!navigator.onLine), []);
  const page = offline && !isRouteErrorResponse(error) ? { title: 'offline.page.title' as const, body: 'offline.page.body' as const } : errorPage(error);
  if (!isRouteErrorResponse(error) && !(typeof navigator !== 'undefined' && navigator.onLine === false)) console.error(error);
  return (
    <section className="stack narrow">
      <h1>{t(page.title)}</h1>
      <p>{t(page.body)}</p>
      <p>
        <a href="/" className="button button-primary">
          {t('common.errorPage.backHome')}
        </a>
      </p>
    </section>
  );
}
