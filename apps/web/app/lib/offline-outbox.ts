/**
 * The roster's queued batches, mirrored into IndexedDB for the service worker (it cannot read
 * localStorage): with Background Sync, the worker sends them when signal returns even if no page of
 * Hearth is open. localStorage stays the page's queue; the API applies each clientMutationId once, so
 * a batch sent by both changes the marks once. Ids and marks only, like the queue.
 */
import type { QueuedBatch } from './attendance-queue';

const DB = 'hearth-offline';
const STORE = 'outbox';
export const SYNC_TAG = 'hearth-marks';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientMutationId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function write(change: (store: IDBObjectStore) => void): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    change(tx.objectStore(STORE));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Kept for the worker, and a Background Sync asked for (where the browser has it). Never throws. */
export async function outboxAdd(batch: QueuedBatch): Promise<void> {
  try {
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
    await write((store) => store.put({ clientMutationId: batch.clientMutationId, sessionId: batch.sessionId, marks: batch.marks, source: batch.source }));
    const registration = (await navigator.serviceWorker.ready) as SyncRegistration;
    await registration.sync?.register(SYNC_TAG);
  } catch {
    // No IndexedDB or no Background Sync: the page's queue sends it on next open.
  }
}

/** The server has it (sent by the page): the worker need not send it. Never throws. */
export async function outboxRemove(clientMutationId: string): Promise<void> {
  try {
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
    await write((store) => store.delete(clientMutationId));
  } catch {
    // Nothing to remove.
  }
}
