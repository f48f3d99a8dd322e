/**
 * Hearth's service worker (docs/decisions/014-offline-web-app.md). Built by scripts/build-sw.mjs after
 * `remix vite:build` into build/client/sw.js and served from the origin's root with no-cache.
 *
 * - The app shell (every hashed asset of this build, icons, manifest) is precached by workbox-precaching.
 * - Pages: network first (a short timeout); with no answer, the copy stored on the phone, with an
 *   "offline · data from <time>" banner added at the end of <body>; a page not stored gets /offline.
 * - The offline pack: on the page's request (after sign-in, whenever she has signal) the worker asks
 *   /offline/pack which URLs her role needs offline and stores them in a cache named for this version
 *   and her account. Sign-out (POST /logout through the worker, or a message) deletes it.
 * - Marks saved offline (lib/offline-outbox.ts mirrors the roster's queue into IndexedDB) are sent by
 *   Background Sync where the browser has it; the page's own queue sends them on next open otherwise.
 */
import { cleanupOutdatedCaches, getCacheKeyForURL, precacheAndRoute } from 'workbox-precaching';
import { offlineZhCN } from '../app/i18n/offline';
import { offlineEn } from '../app/i18n/offline.en';

declare const self: ServiceWorkerGlobalScope;
declare const __BUILD_ID__: string;
declare const __PRECACHE__: Array<{ url: string; revision: string | null }>;
/** The message chunk of each language (/assets/en-….js); zh-CN's is precached, English is stored for those who read it. */
declare const __CATALOGUES__: Partial<Record<'zh-CN' | 'en', string>>;

/** Replaced by the web server when it serves this file: RELEASE_ID, a deployment's label (empty when unset). */
const RELEASE = '__HEARTH_RELEASE__'.startsWith('__HEARTH_') ? '' : '__HEARTH_RELEASE__';
export const VERSION = RELEASE ? `${__BUILD_ID__}-${RELEASE}` : __BUILD_ID__;

/** Pages of her account: `hearth-pages-<version>-<account>`; public pages: `hearth-public-<version>`. */
const PAGES_PREFIX = 'hearth-pages-';
const PUBLIC_CACHE = `hearth-public-${VERSION}`;
/** This build's files not precached (the English messages), stored once used. */
const ASSETS_CACHE = `hearth-assets-${VERSION}`;
const META_CACHE = 'hearth-meta';
const META_URL = '/__hearth/offline-meta';
const OUTBOX_DB = 'hearth-offline';

/** The budget: at most this many stored pages per account, none older than MAX_AGE. */
const MAX_ENTRIES = 60;
const MAX_AGE_MS = 14 * 86_400_000;
/** A page waits this long for the network before the stored copy is shown (with the banner). */
const NAVIGATION_TIMEOUT_MS = 4_000;
/** A pack asked again within this time is not fetched again (several tabs, several page loads). */
const PACK_MIN_INTERVAL_MS = 60_000;
/** Pages the worker stores for anyone, at install: the verify shell and the "needs signal" page. */
const PUBLIC_URLS = ['/verify', '/verify/offline', '/offline'];

interface Meta {
  account: string;
  locale: 'zh-CN' | 'en';
  packAt: number;
}

precacheAndRoute(__PRECACHE__);
cleanupOutdatedCaches();

const pagesCache = (account: string, version = VERSION) => `${PAGES_PREFIX}${version}-${account}`;
const stamp = 'x-hearth-stored-at';

async function readMeta(): Promise<Meta | null> {
  // caches.match does not create the cache (caches.open would, after a sign-out deleted it).
  const stored = await caches.match(META_URL, { cacheName: META_CACHE });
  return stored ? ((await stored.json()) as Meta) : null;
}

async function writeMeta(meta: Meta): Promise<void> {
  await (await caches.open(META_CACHE)).put(META_URL, new Response(JSON.stringify(meta), { headers: { 'content-type': 'application/json' } }));
}

/** A same-origin page or file, fetched with her cookie, kept only when it answered 200 itself (no redirect to sign-in). */
async function fetchToStore(url: string): Promise<Response | null> {
  try {
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });
    if (response.status !== 200 || response.type !== 'basic') return null;
    return withStamp(response, Date.now());
  } catch {
    return null;
  }
}

async function withStamp(response: Response, at: number): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(stamp, String(at));
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/** Everything of accounts (pages, meta, queued marks) goes: another person may use this phone next. */
async function forgetAccount(): Promise<void> {
  // A pack being fetched now belongs to the account signing out: it stops storing.
  generation++;
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES_PREFIX) || name === META_CACHE) await caches.delete(name);
  }
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(OUTBOX_DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function storePublic(): Promise<void> {
  const cache = await caches.open(PUBLIC_CACHE);
  await Promise.all(
    PUBLIC_URLS.map(async (url) => {
      const response = await fetchToStore(url);
      if (response) await cache.put(url, response);
    }),
  );
}

interface Pack {
  account: string | null;
  locale: 'zh-CN' | 'en';
  urls: string[];
}

let packRun: Promise<void> | null = null;
/** Bumped by every sign-out: a pack refresh started before it stores nothing after it. */
let generation = 0;
let lastPackAt = 0;

/**
 * Asks /offline/pack what her role needs offline and stores it in this version's cache of her account:
 * new and changed pages fetched, pages no longer listed removed, other accounts' caches deleted.
 */
function refreshPack(force = false, version = VERSION): Promise<void> {
  if (!force && Date.now() - lastPackAt < PACK_MIN_INTERVAL_MS) return packRun ?? Promise.resolve();
  packRun ??= (async () => {
    lastPackAt = Date.now();
    const started = generation;
    const current = () => generation === started;
    let pack: Pack;
    try {
      const response = await fetch('/offline/pack', { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
      if (!response.ok) return;
      pack = (await response.json()) as Pack;
    } catch {
      return;
    }
    if (!pack.account) {
      await forgetAccount();
      return;
    }
    if (!current()) return;
    const name = pagesCache(pack.account, version);
    for (const key of await caches.keys()) {
      // Another account's pages (a shared phone whose last user did not sign out) go at once.
      if (key.startsWith(PAGES_PREFIX) && !key.endsWith(`-${pack.account}`)) await caches.delete(key);
    }
    const cache = await caches.open(name);
    const wanted = pack.urls.slice(0, MAX_ENTRIES).map((u) => new URL(u, self.location.origin).href);
    for (const request of await cache.keys()) if (!wanted.includes(request.url)) await cache.delete(request);
    // One at a time: a weak signal and a cheap phone do better with one request than with twenty.
    for (const url of wanted) {
      const response = await fetchToStore(url);
      if (!current()) return;
      if (response) await cache.put(url, response);
    }
    const catalogue = __CATALOGUES__[pack.locale];
    if (catalogue && !getCacheKeyForURL(catalogue)) await assetFirst(new Request(catalogue)).catch(() => undefined);
    if (current()) await writeMeta({ account: pack.account, locale: pack.locale, packAt: Date.now() });
  })().finally(() => {
    packRun = null;
  });
  return packRun;
}

/** Her stored copy of a URL (this version, her account), if it is younger than the budget allows. */
async function stored(url: string): Promise<Response | null> {
  const meta = await readMeta();
  const names = [...(meta ? [pagesCache(meta.account)] : []), PUBLIC_CACHE];
  for (const name of names) {
    if (!(await caches.has(name))) continue;
    const hit = await (await caches.open(name)).match(url);
    if (!hit) continue;
    const at = Number(hit.headers.get(stamp) ?? 0);
    if (Date.now() - at > MAX_AGE_MS) {
      await (await caches.open(name)).delete(url);
      continue;
    }
    return hit;
  }
  return null;
}

/** "12月5日 17:14" / "Dec 5, 17:14", in the phone's time zone. */
function storedAt(date: Date, locale: 'zh-CN' | 'en'): string {
  const hm = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  if (locale === 'zh-CN') return `${date.getMonth() + 1}月${date.getDate()}日 ${hm}`;
  return `${new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(date)}, ${hm}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/**
 * The stored page, with the banner added as the last element of <body>: React 18 leaves extra nodes at
 * the end of <body> alone when it hydrates, and the stylesheet pins the banner to the top.
 */
async function withBanner(response: Response): Promise<Response> {
  const html = await response.text();
  const locale = /<html[^>]*\blang="en"/.test(html) ? 'en' : 'zh-CN';
  const at = Number(response.headers.get(stamp) ?? Date.now());
  const time = storedAt(new Date(at), locale);
  const words = (locale === 'en' ? offlineEn : offlineZhCN)['offline.banner'].replace('{time}', time);
  const banner = `<div id="hearth-offline-banner" class="offline-banner" role="status" data-stored-at="${new Date(at).toISOString()}">${escapeHtml(words)}</div>`;
  const end = html.lastIndexOf('</body>');
  const body = end === -1 ? html + banner : html.slice(0, end) + banner + html.slice(end);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.set('x-hearth-offline', '1');
  return new Response(body, { status: 200, headers });
}

async function offlinePage(): Promise<Response> {
  const page = await stored('/offline');
  if (page) return new Response(page.body, { status: 503, headers: page.headers });
  return new Response('<!doctype html><meta charset="utf-8"><title>离线 · Offline</title><p>这一页需要网络。This page needs signal.</p>', {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

/** A hashed file of this build: it never changes, so the stored copy is as good as the server's. */
async function assetFirst(request: Request): Promise<Response> {
  const cache = await caches.open(ASSETS_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

/** A certificate's page (/verify/<code>, or the code typed on /verify): the offline shell checks its QR token. */
const isVerify = (url: URL) => /^\/verify\/[^/]+$/.test(url.pathname) || (url.pathname === '/verify' && url.searchParams.has('code'));

function timeout(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

async function navigation(event: FetchEvent): Promise<Response> {
  const url = new URL(event.request.url);
  const network = (async () => ((await event.preloadResponse) as Response | undefined) ?? fetch(event.request))();
  network.catch(() => undefined);
  let response: Response | null;
  try {
    response = await Promise.race([network, timeout(NAVIGATION_TIMEOUT_MS)]);
  } catch {
    response = null;
  }
  if (response) {
    void keepFresh(url, response.clone());
    await activateWaitingOnNavigation();
    return response;
  }
  // No answer (yet): her stored copy, marked as such; otherwise the network after all, or the offline page.
  const copy = (await stored(url.pathname + url.search)) ?? (isVerify(url) ? await stored('/verify/offline') : null);
  if (copy) return withBanner(copy);
  try {
    return await network;
  } catch {
    return offlinePage();
  }
}

/** A page she opened online that is in her store is stored again, fresh. */
async function keepFresh(url: URL, response: Response): Promise<void> {
  if (response.status !== 200 || response.redirected) return;
  const meta = await readMeta();
  if (!meta) return;
  const name = pagesCache(meta.account);
  if (!(await caches.has(name))) return;
  const cache = await caches.open(name);
  if (await cache.match(url.href)) await cache.put(url.href, await withStamp(response, Date.now()));
}

/**
 * A new version waits while a page of the old one is open (its code must not change under it). When
 * the only open page navigates with signal, the new page comes from the server (new code) and the
 * waiting worker takes over.
 */
async function activateWaitingOnNavigation(): Promise<void> {
  const waiting = self.registration.waiting;
  if (!waiting) return;
  const open = await self.clients.matchAll({ type: 'window' });
  if (open.length <= 1) waiting.postMessage({ type: 'SKIP_WAITING' });
}

self.addEventListener('install', (event) => {
  // The public pages, and her pack for this version (so an update keeps her offline store whole).
  event.waitUntil(
    (async () => {
      await storePublic();
      if (await readMeta()) await refreshPack(true, VERSION);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const ours = name.startsWith(PAGES_PREFIX) || name.startsWith('hearth-public-') || name.startsWith('hearth-assets-');
        if (ours && !name.startsWith(`${PAGES_PREFIX}${VERSION}-`) && name !== PUBLIC_CACHE && name !== ASSETS_CACHE) await caches.delete(name);
      }
      await self.registration.navigationPreload?.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && (url.pathname === '/logout' || url.pathname === '/logout.data')) {
    event.respondWith(
      (async () => {
        try {
          return await fetch(request);
        } catch {
          // No signal: the server cannot end the session now, but this phone forgets her store at once.
          return offlinePage();
        } finally {
          await forgetAccount();
        }
      })(),
    );
    return;
  }
  if (request.method !== 'GET') {
    if (request.mode === 'navigate') event.respondWith(fetch(request).catch(() => offlinePage()));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(navigation(event));
    return;
  }
  if (url.pathname === '/__manifest') {
    // Remix's route discovery with no signal: "load the document instead", which this worker serves.
    event.respondWith(fetch(request).catch(() => new Response(null, { status: 204, headers: { 'X-Remix-Reload-Document': 'yes' } })));
    return;
  }
  if (url.pathname === '/sw.js' || url.pathname === '/offline/pack' || getCacheKeyForURL(url.href)) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetFirst(request));
    return;
  }
  // Anything else stored for her (images of a lesson, say): the network, or the stored copy without it.
  event.respondWith(fetch(request).catch(async () => (await stored(url.pathname + url.search)) ?? Response.error()));
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  else if (data?.type === 'REFRESH_PACK') event.waitUntil(refreshPack(false));
  else if (data?.type === 'FORGET_ACCOUNT') event.waitUntil(forgetAccount().then(() => event.ports[0]?.postMessage('done')));
  else if (data?.type === 'VERSION') event.ports[0]?.postMessage(VERSION);
});

// Background Sync: marks saved with no signal, sent even when no page of Hearth is open.
self.addEventListener('sync', ((event: Event & { tag: string; waitUntil(p: Promise<unknown>): void }) => {
  if (event.tag === 'hearth-marks') event.waitUntil(sendOutbox());
}) as EventListener);

interface OutboxBatch {
  clientMutationId: string;
  sessionId: string;
  marks: { learnerId: string; status: string }[];
  source: string;
}

function openOutbox(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(OUTBOX_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('outbox', { keyPath: 'clientMutationId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function outboxAll(db: IDBDatabase): Promise<OutboxBatch[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction('outbox').objectStore('outbox').getAll();
    request.onsuccess = () => resolve(request.result as OutboxBatch[]);
    request.onerror = () => reject(request.error);
  });
}

function outboxDelete(db: IDBDatabase, id: string): Promise<void> {
  return new Promise((resolve) => {
    const tx = db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').delete(id);
    tx.oncomplete = tx.onerror = () => resolve();
  });
}

/** In the order saved; the API applies each clientMutationId once, so a batch the page also sends changes nothing twice. */
async function sendOutbox(): Promise<void> {
  const db = await openOutbox();
  try {
    for (const batch of await outboxAll(db)) {
      const response = await fetch(`/teach/sessions/${encodeURIComponent(batch.sessionId)}/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ clientMutationId: batch.clientMutationId, marks: batch.marks, source: batch.source }),
        credentials: 'same-origin',
        redirect: 'manual',
      });
      // Signed out or the service down: keep it (and make the browser try again later).
      if (response.status === 401 || response.type === 'opaqueredirect' || response.status >= 500 || response.status === 429) throw new Error('not delivered');
      await outboxDelete(db, batch.clientMutationId);
    }
  } finally {
    db.close();
  }
}
