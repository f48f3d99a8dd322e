import { useCallback, useEffect, useRef, useState } from 'react';
import { isAttendanceStatus, type AttendanceStatus } from './attendance-view';
import { outboxAdd, outboxRemove } from './offline-outbox';

/**
 * Roll calls saved on the phone until the server has them. A saved batch goes into a queue in
 * localStorage first and is then sent; it stays there until the server answered (or refused it),
 * so a bad signal, a closed tab or a dead battery loses nothing. Each batch keeps the id it was
 * given when saved, and the API applies an id once, however often it is sent.
 *
 * Only ids and marks are stored: the phone may be shared, and names or phone numbers of learners
 * have no business outliving the page.
 */
const QUEUE_KEY = 'hearth.attendance.queue.v1';
const RETRY_MS = 15_000;
/** A request on a bad signal may hang; give up on it (and retry later) after this long. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface QueuedBatch {
  clientMutationId: string;
  sessionId: string;
  marks: { learnerId: string; status: AttendanceStatus }[];
  /** Fixed when the batch is saved: the API treats a different source under the same id as another batch. */
  source: 'roster' | 'offline-sync';
}

function isBatch(value: unknown): value is QueuedBatch {
  const b = value as QueuedBatch | null;
  return (
    typeof b?.clientMutationId === 'string' &&
    typeof b.sessionId === 'string' &&
    (b.source === 'roster' || b.source === 'offline-sync') &&
    Array.isArray(b.marks) &&
    b.marks.every((m) => typeof m?.learnerId === 'string' && isAttendanceStatus(m.status))
  );
}

export function readQueue(): QueuedBatch[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isBatch) : [];
  } catch {
    return [];
  }
}

function writeQueue(queue: QueuedBatch[]) {
  if (queue.length === 0) window.localStorage.removeItem(QUEUE_KEY);
  else window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
}

function removeBatch(id: string) {
  writeQueue(readQueue().filter((b) => b.clientMutationId !== id));
  void outboxRemove(id);
}

export interface FlushOutcome {
  /** Saved by the server, with how many marks actually changed. */
  synced: { batch: QueuedBatch; changed: number }[];
  /** Refused by the server (4xx): removed from the queue, with the reason in the user's language. */
  dropped: { batch: QueuedBatch; message: string | null }[];
  /** The session cookie is gone: the batches wait for the next sign-in. */
  signedOut: boolean;
  /** No answer (offline, timeout) or the service is down: the batches wait for the next try. */
  unreachable: boolean;
}

async function send(batch: QueuedBatch): Promise<Response> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(`/teach/sessions/${encodeURIComponent(batch.sessionId)}/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ clientMutationId: batch.clientMutationId, marks: batch.marks, source: batch.source }),
      credentials: 'same-origin',
      redirect: 'manual',
      signal: controller.signal,
    });
  } finally {
    window.clearTimeout(timer);
  }
}

async function readJson(response: Response): Promise<{ message?: unknown; changed?: unknown } | null> {
  try {
    return (await response.json()) as { message?: unknown; changed?: unknown };
  } catch {
    return null;
  }
}

/** Sends the queue in order; stops at the first batch that cannot be delivered now, so later marks never overtake earlier ones. */
async function flushNow(): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { synced: [], dropped: [], signedOut: false, unreachable: false };
  const tried = new Set<string>();
  for (;;) {
    const batch = readQueue()[0];
    if (!batch || tried.has(batch.clientMutationId)) break;
    tried.add(batch.clientMutationId);
    let response: Response;
    try {
      response = await send(batch);
    } catch {
      outcome.unreachable = true;
      break;
    }
    if (response.ok) {
      const body = await readJson(response);
      removeBatch(batch.clientMutationId);
      outcome.synced.push({ batch, changed: typeof body?.changed === 'number' ? body.changed : 0 });
    } else if (response.status === 401 || response.type === 'opaqueredirect') {
      outcome.signedOut = true;
      break;
    } else if (response.status >= 500 || response.status === 0 || response.status === 408 || response.status === 429) {
      outcome.unreachable = true;
      break;
    } else {
      // Refused for good (a learner left the class, the marking window closed…): sending it again cannot help.
      const body = await readJson(response);
      removeBatch(batch.clientMutationId);
      outcome.dropped.push({ batch, message: typeof body?.message === 'string' ? body.message : null });
    }
  }
  return outcome;
}

let running: Promise<FlushOutcome> | null = null;
let again: Promise<FlushOutcome> | null = null;

/**
 * One flush at a time per page: the 'online' event, the timer and a save may all ask at once. A
 * request during a flush gets one more pass after it (a batch saved meanwhile may have been missed),
 * and hears about both.
 */
export function flushQueue(): Promise<FlushOutcome> {
  if (!running) {
    running = flushNow()
      .catch((): FlushOutcome => ({ synced: [], dropped: [], signedOut: false, unreachable: true }))
      .finally(() => {
        running = null;
      });
    return running;
  }
  again ??= running.then(async (first) => {
    again = null;
    const second = await flushQueue();
    return { ...second, synced: [...first.synced, ...second.synced], dropped: [...first.dropped, ...second.dropped] };
  });
  return again;
}

export type SyncProblem = { kind: 'signedOut' } | { kind: 'dropped'; messages: (string | null)[] };

/**
 * The queue as React state: its batches (null until the page is hydrated), whether the phone
 * thinks it is online, and `save` to queue a batch and try to send it at once. Retries on the
 * 'online' event and every 15 s. `onFlushed` hears about every attempt.
 */
export function useAttendanceQueue(onFlushed?: (outcome: FlushOutcome) => void) {
  const [queue, setQueue] = useState<QueuedBatch[] | null>(null);
  const [online, setOnline] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<SyncProblem | null>(null);
  const listener = useRef(onFlushed);
  listener.current = onFlushed;

  const sync = useCallback(async () => {
    const outcome = await flushQueue();
    setQueue(readQueue());
    if (outcome.signedOut) setProblem({ kind: 'signedOut' });
    else if (outcome.dropped.length > 0) setProblem({ kind: 'dropped', messages: outcome.dropped.map((d) => d.message) });
    else if (outcome.synced.length > 0) setProblem(null);
    listener.current?.(outcome);
    return outcome;
  }, []);

  useEffect(() => {
    setQueue(readQueue());
    // A page the service worker served from the phone's store (its banner is there) is never shown as live.
    const fromStore = Boolean(document.getElementById('hearth-offline-banner'));
    setOnline(navigator.onLine && !fromStore);
    const onOnline = () => {
      setOnline(true);
      void sync();
    };
    const onOffline = () => setOnline(false);
    // Another tab saved or synced.
    const onStorage = (event: StorageEvent) => {
      if (event.key === QUEUE_KEY || event.key === null) setQueue(readQueue());
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('storage', onStorage);
    // navigator.onLine is often wrong on a weak signal, so the timer tries whatever it says.
    const timer = window.setInterval(() => {
      if (readQueue().length > 0) void sync();
    }, RETRY_MS);
    if (readQueue().length > 0) void sync();
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('storage', onStorage);
      window.clearInterval(timer);
    };
  }, [sync]);

  const save = useCallback(
    (batch: Omit<QueuedBatch, 'source'>) => {
      const queued: QueuedBatch = { ...batch, source: navigator.onLine ? 'roster' : 'offline-sync' };
      writeQueue([...readQueue(), queued]);
      // Also for the service worker: Background Sync sends it even if she closes the browser first.
      void outboxAdd(queued);
      setQueue(readQueue());
      return { batch: queued, outcome: sync() };
    },
    [sync],
  );

  const pendingMarks = queue ? queue.reduce((n, b) => n + b.marks.length, 0) : 0;
  return { queue, online, problem, pendingMarks, save, sync };
}

/** False on the server and in the first render in the browser, true once React has hydrated the page. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
