import { useLocation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import type { Workbox } from 'workbox-window';
import { useI18n } from '../i18n';
import { flushQueue, readQueue } from '../lib/attendance-queue';
import { installQuizAutoFlush } from '../lib/quiz-offline';

/**
 * The page's side of the offline app (docs/decisions/014-offline-web-app.md), in every page with scripts:
 * - registers the service worker (workbox-window) and offers a new version with a "新版本" button
 *   (the new worker waits until she taps it, or until the only open page navigates with signal);
 * - signed in and with signal: asks the worker to refresh her offline pack, and sends marks still
 *   queued on the phone (the browser may have been closed since they were saved);
 * - on a page shown from the phone's store (or with no signal), links load whole documents, which
 *   the worker serves from the store, instead of asking the server for route data;
 * - signing out deletes her offline store (the worker does it too, as the request passes);
 * - after her first sign-in, from her second page on, offers "添加到主屏幕" once (dismissible).
 */
export function OfflineClient({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const [update, setUpdate] = useState<Workbox | null>(null);
  const install = useInstallPrompt(signedIn);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('workbox-window').then(({ Workbox }) => {
      if (cancelled) return;
      const wb = new Workbox('/sw.js');
      wb.addEventListener('waiting', () => setUpdate(wb));
      // Each document load with signal asks whether a new deployment is out (a conditional GET of sw.js).
      void wb
        .register()
        .then((registration) => (registration?.active && navigator.onLine ? wb.update() : undefined))
        .catch(() => undefined);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  // A quiz she handed in with no signal is sent from whichever page she opens next.
  useEffect(() => {
    if (signedIn) installQuizAutoFlush();
  }, [signedIn]);

  useEffect(() => {
    if (!signedIn || !('serviceWorker' in navigator)) return;
    const refresh = () => {
      if (!navigator.onLine) return;
      void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'REFRESH_PACK' }));
      if (readQueue().length > 0) void flushQueue();
    };
    refresh();
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [signedIn]);

  useEffect(() => {
    const fromStore = () => Boolean(document.getElementById('hearth-offline-banner')) || !navigator.onLine;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || !fromStore()) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return;
      // The router never hears of it: the browser loads the document, which the worker has stored.
      event.stopPropagation();
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement | null;
      if (form?.getAttribute('action') === '/logout') void forgetOfflineStore();
    };
    window.addEventListener('click', onClick, true);
    window.addEventListener('submit', onSubmit, true);
    return () => {
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('submit', onSubmit, true);
    };
  }, []);

  return (
    <>
      {update ? (
        <div className="offline-prompt card" role="status">
          <p>{t('offline.update.body')}</p>
          <button
            type="button"
            className="button button-primary button-block"
            onClick={() => {
              update.addEventListener('controlling', () => window.location.reload());
              update.messageSkipWaiting();
            }}
          >
            {t('offline.update.reload')}
          </button>
        </div>
      ) : null}
      {install.show ? (
        <section className="offline-prompt card stack-tight" aria-labelledby="install-heading">
          <h2 id="install-heading">{t('offline.install.heading')}</h2>
          <p>{t('offline.install.body')}</p>
          {install.canPrompt ? (
            <button type="button" className="button button-primary button-block" onClick={install.prompt}>
              {t('offline.install.add')}
            </button>
          ) : (
            <p className="hint">{t('offline.install.howto')}</p>
          )}
          <button type="button" className="button button-secondary button-block" onClick={install.dismiss}>
            {t('offline.install.dismiss')}
          </button>
        </section>
      ) : null}
    </>
  );
}

/** Her offline store (pages of her account, queued-marks outbox), deleted from the page's side. */
export async function forgetOfflineStore(): Promise<void> {
  try {
    for (const name of await caches.keys()) if (name.startsWith('hearth-pages-') || name === 'hearth-meta') await caches.delete(name);
    indexedDB.deleteDatabase('hearth-offline');
  } catch {
    // No Cache Storage (plain http on a LAN address): nothing was stored.
  }
}

const INSTALL_DISMISSED = 'hearth.install.dismissed';
const PAGES_SEEN = 'hearth.install.pages';

interface InstallEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * "添加到主屏幕": never on the first page she sees, only once she is signed in and has opened a second
 * page; the browser's own prompt where it offers one (beforeinstallprompt), a short how-to otherwise;
 * not when already installed; "不用了" hides it for good on this phone.
 */
function useInstallPrompt(signedIn: boolean) {
  const location = useLocation();
  const deferred = useRef<InstallEvent | null>(null);
  const [canPrompt, setCanPrompt] = useState(false);
  const [show, setShow] = useState(false);

  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      deferred.current = event as InstallEvent;
      setCanPrompt(true);
    };
    const onInstalled = () => {
      window.localStorage.setItem(INSTALL_DISMISSED, '1');
      setShow(false);
    };
    window.addEventListener('beforeinstallprompt', onPrompt);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      window.removeEventListener('beforeinstallprompt', onPrompt);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    try {
      const seen = Number(window.sessionStorage.getItem(PAGES_SEEN) ?? 0) + 1;
      window.sessionStorage.setItem(PAGES_SEEN, String(seen));
      const installed = window.matchMedia('(display-mode: standalone)').matches;
      setShow(seen >= 2 && !installed && window.localStorage.getItem(INSTALL_DISMISSED) !== '1');
    } catch {
      setShow(false);
    }
  }, [signedIn, location.pathname]);

  return {
    show,
    canPrompt,
    prompt: async () => {
      const event = deferred.current;
      if (!event) return;
      await event.prompt();
      const { outcome } = await event.userChoice;
      deferred.current = null;
      setCanPrompt(false);
      if (outcome === 'accepted') window.localStorage.setItem(INSTALL_DISMISSED, '1');
      setShow(false);
    },
    dismiss: () => {
      window.localStorage.setItem(INSTALL_DISMISSED, '1');
      setShow(false);
    },
  };
}
