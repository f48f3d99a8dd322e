import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { ApiClient, ApiError } from '@hearth/contracts';

const API_URL = (process.env.API_URL ?? 'http://127.0.0.1:3333').replace(/\/+$/, '');
/** A page must not hang on a stuck API; the user gets the "unavailable" message instead. */
const API_TIMEOUT_MS = Number(process.env.API_TIMEOUT_MS ?? 10_000);

const timedFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(API_TIMEOUT_MS) });

const requestIds = new WeakMap<Request, string>();

/** One id per incoming request, shared by all its API calls, so the API's logs can be correlated. */
function requestIdFor(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get('x-request-id');
    id = given && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/**
 * The browser's address. server.js (or a reverse proxy in front of the web) overwrites
 * X-Forwarded-For with the address it saw, so the first entry is the client. The API uses it for
 * its per-address sign-in throttle; without it every user would share the web server's address.
 */
function clientAddress(request: Request): string | null {
  const first = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first && isIP(first) ? first : null;
}

/** A client for the Hearth API acting for this request (and this user, when given a token). */
export function apiFor(request: Request, accessToken?: string | null, options: { timeoutMs?: number } = {}): ApiClient {
  const headers: Record<string, string> = { 'x-request-id': requestIdFor(request) };
  const address = clientAddress(request);
  if (address) headers['x-forwarded-for'] = address;
  const timeoutMs = options.timeoutMs;
  const fetcher: typeof fetch = timeoutMs ? (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }) : timedFetch;
  return new ApiClient({ baseUrl: API_URL, accessToken, headers, fetch: fetcher });
}

/** A client with no user and no incoming request, for the issuer's public documents (cached across requests). */
export function publicApi(timeoutMs: number): ApiClient {
  return new ApiClient({ baseUrl: API_URL, fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }) });
}

/** True when the API could not be reached or answered that it is down (as opposed to refusing the request). */
export function isApiUnavailable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 502 || error.status === 503 || error.status === 504;
  // fetch() rejects with a TypeError when the connection fails, and with a TimeoutError on our timeout.
  return error instanceof TypeError || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
}

/** A 503 for the error boundary ("service temporarily unavailable"), or the original error. */
export function unavailableOrRethrow(error: unknown): never {
  if (isApiUnavailable(error)) {
    console.error(`[web] API unavailable at ${API_URL}:`, error instanceof Error ? error.message : error);
    throw new Response(null, { status: 503, statusText: 'Service Unavailable' });
  }
  throw error;
}
