/**
 * Quiz attempts handed in without signal (issue 16, docs/decisions/016). The quiz page keeps the
 * attempt in localStorage under the id it gave the attempt when she opened the quiz, then sends
 * it; it stays until the server graded it (or refused it for good). The API grades an attempt id
 * once, however often it is sent, so a resend after a lost answer never costs her an attempt.
 *
 * Only ids, option numbers and times are stored (no names, no phone numbers, no questions' text);
 * `owner` is her user id, so on a shared phone an attempt is never handed in under another account.
 *
 * Call `flushPendingQuizAttempts()` whenever there may be signal (page load, the 'online' event,
 * the service worker's message); `installQuizAutoFlush()` does both for a page, once.
 */
const STORE_KEY = 'hearth.quiz.pending.v1';
const REQUEST_TIMEOUT_MS = 20_000;
/** An attempt the server has not taken within this long is dropped from the phone. */
const MAX_AGE_MS = 30 * 86_400_000;

export interface PendingQuizAttempt {
  attemptId: string;
  assessmentId: string;
  enrollmentId: string | null;
  owner: string;
  answers: Record<string, number[]>;
  /** The order of her paper (question ids, option numbers), to show the result in that order. */
  layout: { id: string; options: number[] }[];
  startedAt: string;
  submittedAt: string;
}

export interface GradedAttempt {
  attempt: PendingQuizAttempt;
  result: {
    score: number;
    passed: boolean;
    passMark: number;
    attemptsLeft: number | null;
    certificateIssued: boolean;
    results: { questionId: string; correct: boolean; correctOptions: number[]; explanation: string }[];
  };
  certificateCode: string | null;
}

export interface QuizFlushOutcome {
  graded: GradedAttempt[];
  /** Refused for good (attempts used up, no longer enrolled…): removed, with the reason in her language. */
  dropped: { attempt: PendingQuizAttempt; message: string | null }[];
  /** The session is gone: they wait for the next sign-in. */
  signedOut: boolean;
  /** Kept for the account they belong to, which is not the one signed in. */
  otherAccount: boolean;
  /** No answer (offline, timeout) or the service is down: they wait for the next try. */
  unreachable: boolean;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;

function isPending(value: unknown): value is PendingQuizAttempt {
  const a = value as PendingQuizAttempt | null;
  return (
    isString(a?.attemptId) &&
    isString(a.assessmentId) &&
    isString(a.owner) &&
    isString(a.startedAt) &&
    isString(a.submittedAt) &&
    typeof a.answers === 'object' &&
    a.answers !== null &&
    Object.values(a.answers).every((c) => Array.isArray(c) && c.every((n) => Number.isInteger(n))) &&
    Array.isArray(a.layout)
  );
}

export function readPendingQuizAttempts(): PendingQuizAttempt[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORE_KEY) ?? '[]');
    const now = Date.now();
    return Array.isArray(parsed) ? parsed.filter(isPending).filter((a) => now - Date.parse(a.submittedAt) < MAX_AGE_MS) : [];
  } catch {
    return [];
  }
}

function write(list: PendingQuizAttempt[]) {
  if (list.length === 0) window.localStorage.removeItem(STORE_KEY);
  else window.localStorage.setItem(STORE_KEY, JSON.stringify(list));
}

/** Keeps an attempt on the phone (replacing one with the same id). Throws when the phone's storage is full or off. */
export function keepQuizAttempt(attempt: PendingQuizAttempt) {
  write([...readPendingQuizAttempts().filter((a) => a.attemptId !== attempt.attemptId), attempt]);
}

function remove(attemptId: string) {
  write(readPendingQuizAttempts().filter((a) => a.attemptId !== attemptId));
}

/** For sign-out on a shared phone, if the product chooses to forget attempts not yet handed in. */
export function forgetPendingQuizAttempts() {
  window.localStorage.removeItem(STORE_KEY);
}

async function send(attempt: PendingQuizAttempt): Promise<Response> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(`/learn/quiz/${encodeURIComponent(attempt.assessmentId)}/attempt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        attemptId: attempt.attemptId,
        owner: attempt.owner,
        answers: attempt.answers,
        startedAt: attempt.startedAt,
        submittedAt: attempt.submittedAt,
      }),
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
      signal: controller.signal,
    });
  } finally {
    window.clearTimeout(timer);
  }
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return null;
  }
}

async function flushNow(): Promise<QuizFlushOutcome> {
  const outcome: QuizFlushOutcome = { graded: [], dropped: [], signedOut: false, otherAccount: false, unreachable: false };
  // The phone knows it has no network at all: no request (its "online" is less sure, so that one is tried).
  if (navigator.onLine === false) return { ...outcome, unreachable: true };
  for (const attempt of readPendingQuizAttempts()) {
    let response: Response;
    try {
      response = await send(attempt);
    } catch {
      outcome.unreachable = true;
      break;
    }
    const body = await readJson(response);
    if (response.ok && body?.ok === true && body.result) {
      remove(attempt.attemptId);
      outcome.graded.push({
        attempt,
        result: body.result as GradedAttempt['result'],
        certificateCode: typeof body.certificateCode === 'string' ? body.certificateCode : null,
      });
    } else if (response.status === 401 || response.type === 'opaqueredirect') {
      outcome.signedOut = true;
      break;
    } else if (response.status === 409 && body?.code === 'OTHER_ACCOUNT') {
      outcome.otherAccount = true;
    } else if (response.ok || response.status >= 500 || response.status === 0 || response.status === 408 || response.status === 429) {
      outcome.unreachable = true;
      break;
    } else {
      remove(attempt.attemptId);
      outcome.dropped.push({ attempt, message: typeof body?.message === 'string' ? body.message : null });
    }
  }
  return outcome;
}

let running: Promise<QuizFlushOutcome> | null = null;
let again: Promise<QuizFlushOutcome> | null = null;
const listeners = new Set<(outcome: QuizFlushOutcome) => void>();

/**
 * Hands in every attempt kept on this phone, one request each; safe to call at any time, from any
 * page, as often as wanted (one flush at a time per page; the API grades each attempt id once).
 */
export function flushPendingQuizAttempts(): Promise<QuizFlushOutcome> {
  if (typeof window === 'undefined') return Promise.resolve({ graded: [], dropped: [], signedOut: false, otherAccount: false, unreachable: false });
  if (readPendingQuizAttempts().length === 0 && !running) {
    write(readPendingQuizAttempts()); // drops expired or unreadable entries
    return Promise.resolve({ graded: [], dropped: [], signedOut: false, otherAccount: false, unreachable: false });
  }
  if (running) {
    // An attempt kept during a flush may have been missed by it: one more pass after it.
    again ??= running.then(() => {
      again = null;
      return flushPendingQuizAttempts();
    });
    return again;
  }
  running = flushNow()
    .catch((): QuizFlushOutcome => ({ graded: [], dropped: [], signedOut: false, otherAccount: false, unreachable: true }))
    .then((outcome) => {
      for (const listener of listeners) listener(outcome);
      return outcome;
    })
    .finally(() => {
      running = null;
    });
  return running;
}

/** Hears about every flush on this page (the quiz page shows a result that another caller's flush received). */
export function onQuizFlush(listener: (outcome: QuizFlushOutcome) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let installed = false;

/**
 * For the root, a page, or the service worker's page code: flush now, and (listening once per
 * document) whenever the phone says signal is back. Call it on every page that opens.
 */
export function installQuizAutoFlush() {
  if (typeof window === 'undefined') return;
  if (!installed) {
    installed = true;
    window.addEventListener('online', () => void flushPendingQuizAttempts());
  }
  void flushPendingQuizAttempts();
}
