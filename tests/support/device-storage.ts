import type { Page } from 'playwright-core';

/**
 * Everything scripts of the page's origin can read on the phone, as one string: localStorage,
 * sessionStorage, cookies, every Cache Storage entry (URL and body) and every IndexedDB record.
 * For privacy checks on a shared phone: no phone numbers of others, no tokens.
 */
export function deviceStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: Record<string, unknown> = { local: { ...window.localStorage }, session: { ...window.sessionStorage }, cookies: document.cookie };
    const cached: Record<string, string> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get('content-type') ?? '';
        cached[`${name} ${request.url}`] = /text|json|javascript/.test(type) ? ((await response?.text()) ?? '') : type;
      }
    }
    out.caches = cached;
    const idb: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
    }
    out.indexedDB = idb;
    return JSON.stringify(out);
  });
}

/** The names of the origin's caches and IndexedDB databases. */
export function storageNames(page: Page): Promise<{ caches: string[]; databases: string[] }> {
  return page.evaluate(async () => ({
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
  }));
}
