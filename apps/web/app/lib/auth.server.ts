import { createHash } from 'node:crypto';
import { redirect } from '@remix-run/node';
import { ApiError, type ApiClient, type MeDto, type Role, type TokenPairDto } from '@hearth/contracts';
import { apiFor, unavailableOrRethrow } from './api.server';
import { commitSession, destroySession, getSession, storeTokens, type AuthSession } from './session.server';

/** What a guard hands a loader/action. Spread `headers` into its response: it may carry a renewed session cookie. */
export interface SignedIn {
  user: MeDto;
  /** API client acting as the user. */
  api: ApiClient;
  headers: Record<string, string>;
}

/** Refresh this long before the access token expires, so it does not expire mid-request. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * Refresh tokens rotate and reusing a spent one revokes the whole sign-in. Parallel loaders of one
 * page, or two tabs, may hold the same refresh token at once, so every caller presenting it within a
 * minute shares the one rotation.
 */
const refreshes = new Map<string, { result: Promise<TokenPairDto>; until: number }>();

function refreshOnce(request: Request, refreshToken: string): Promise<TokenPairDto> {
  const now = Date.now();
  for (const [key, entry] of refreshes) if (entry.until < now) refreshes.delete(key);
  const key = createHash('sha256').update(refreshToken).digest('hex');
  let entry = refreshes.get(key);
  if (!entry) {
    entry = { result: apiFor(request).auth.refresh(refreshToken), until: now + 60_000 };
    refreshes.set(key, entry);
    entry.result.catch(() => refreshes.delete(key));
  }
  return entry.result;
}

/**
 * A usable access token for the session, refreshing it when it is (nearly) expired or `force`d.
 * Null when the session is empty or the API refused the refresh token; API outages throw a 503.
 */
async function accessTokenFor(request: Request, session: AuthSession, force = false) {
  const refreshToken = session.get('refreshToken');
  if (!refreshToken) return null;
  const accessToken = session.get('accessToken');
  const expiresAt = session.get('accessExpiresAt') ?? 0;
  if (!force && accessToken && expiresAt - Date.now() > REFRESH_MARGIN_MS) return { accessToken, refreshed: false };
  try {
    storeTokens(session, await refreshOnce(request, refreshToken));
    return { accessToken: session.get('accessToken')!, refreshed: true };
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) return null;
    return unavailableOrRethrow(error);
  }
}

type Resolved = SignedIn | { user: null; headers: Record<string, string> };

async function resolveUser(request: Request): Promise<Resolved> {
  const session = await getSession(request);
  if (!session.get('refreshToken')) return { user: null, headers: {} };
  const signedOut = async (): Promise<Resolved> => ({
    user: null,
    headers: { 'Set-Cookie': await destroySession(request, session) },
  });

  let tokens = await accessTokenFor(request, session);
  if (!tokens) return signedOut();
  let user: MeDto;
  try {
    user = await apiFor(request, tokens.accessToken).me();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) return unavailableOrRethrow(error);
    // The API no longer accepts the access token (e.g. its key changed): one forced refresh, then give up.
    if (tokens.refreshed || !(tokens = await accessTokenFor(request, session, true))) return signedOut();
    try {
      user = await apiFor(request, tokens.accessToken).me();
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.status === 401) return signedOut();
      return unavailableOrRethrow(retryError);
    }
  }
  const headers: Record<string, string> = tokens.refreshed ? { 'Set-Cookie': await commitSession(request, session) } : {};
  return { user, api: apiFor(request, tokens.accessToken), headers };
}

function hasRole(user: MeDto, roles: readonly Role[]): boolean {
  return roles.includes(user.role) || user.roles.some((role) => roles.includes(role));
}

/** Who runs classes and imports learners: the /manage pages. */
export const MANAGER_ROLES: readonly Role[] = ['coordinator', 'admin'];

/**
 * The guard every signed-in loader/action starts with. Redirects to /login?next=… when there is no
 * usable session, throws 403 when the user's role is not in `roles`, and throws 503 when the API is down.
 */
export async function requireUser(request: Request, options: { roles?: readonly Role[] } = {}): Promise<SignedIn> {
  const resolved = await resolveUser(request);
  if (!resolved.user) {
    const url = new URL(request.url);
    const next = encodeURIComponent(`${url.pathname}${url.search}`);
    throw redirect(`/login?next=${next}`, { headers: resolved.headers });
  }
  if (options.roles && !hasRole(resolved.user, options.roles)) {
    throw new Response(null, { status: 403, statusText: 'Forbidden', headers: resolved.headers });
  }
  return resolved;
}

/** The signed-in user, or `user: null` (its headers may clear a dead session cookie). */
export function optionalUser(request: Request): Promise<Resolved> {
  return resolveUser(request);
}

/** Starts a session with tokens from login/register and redirects. */
export async function signIn(request: Request, tokens: TokenPairDto, redirectTo: string): Promise<Response> {
  const session = await getSession(request);
  storeTokens(session, tokens);
  return redirect(redirectTo, { headers: { 'Set-Cookie': await commitSession(request, session) } });
}

/** Ends the API sign-in (best effort) and the session, then redirects home. */
export async function signOut(request: Request): Promise<Response> {
  const session = await getSession(request);
  try {
    const tokens = await accessTokenFor(request, session);
    const refreshToken = session.get('refreshToken');
    if (tokens && refreshToken) await apiFor(request, tokens.accessToken).auth.logout(refreshToken);
  } catch (error) {
    // Forgetting the session locally matters most; the refresh token still expires on its own.
    if (!(error instanceof Response)) console.warn('[web] API logout failed:', error instanceof Error ? error.message : error);
  }
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request, session) } });
}

/** The bell must never hold up or break a page: a short wait, and no number rather than an error. */
const BELL_TIMEOUT_MS = 1500;

/**
 * Her unread count for the top bar, from the session's access token while it is valid (no refresh
 * here: the page's own guard renews it, and the next page shows the number). Null when unknown.
 */
export async function unreadCountFor(request: Request): Promise<number | null> {
  try {
    const session = await getSession(request);
    const accessToken = session.get('accessToken');
    if (!session.get('refreshToken') || !accessToken || (session.get('accessExpiresAt') ?? 0) - Date.now() <= REFRESH_MARGIN_MS) return null;
    return (await apiFor(request, accessToken, { timeoutMs: BELL_TIMEOUT_MS }).notifications.unreadCount()).unread;
  } catch {
    return null;
  }
}
