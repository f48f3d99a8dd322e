import { createCookieSessionStorage, type Session } from '@remix-run/node';
import { weakSecretReason, type TokenPairDto } from '@hearth/contracts';

export interface SessionData {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  accessExpiresAt: number;
}
export type AuthSession = Session<SessionData>;

const isProduction = process.env.NODE_ENV === 'production';

/** SESSION_SECRET may list several secrets, comma-separated: the first signs, all verify (rotation). */
function sessionSecrets(): string[] {
  const secrets = (process.env.SESSION_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (secrets.length > 0) {
    // Anyone who read the repository knows a published or placeholder secret and could forge sessions.
    const weak = isProduction ? secrets.map((s) => weakSecretReason(s)).find(Boolean) : null;
    if (weak) throw new Error(`SESSION_SECRET ${weak}; set it to a long random string, e.g. \`openssl rand -base64 48\``);
    return secrets;
  }
  if (isProduction) throw new Error('SESSION_SECRET must be set when NODE_ENV=production');
  return ['hearth-development-session-secret'];
}

function storage(secure: boolean) {
  return createCookieSessionStorage<SessionData>({
    cookie: {
      name: 'hearth_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure,
      secrets: sessionSecrets(),
      // As long as the API's refresh tokens live (REFRESH_TOKEN_DAYS, 30 at most).
      maxAge: 60 * 60 * 24 * 30,
    },
  });
}

const secureStorage = storage(true);
const plainStorage = storage(false);

/**
 * `npm start` serves production over plain http://localhost, where a Secure cookie would be
 * dropped; so Secure follows the request's scheme, unless COOKIE_SECURE says otherwise
 * (set COOKIE_SECURE=true behind a TLS-terminating proxy that forwards plain http).
 */
function isSecure(request: Request): boolean {
  const flag = process.env.COOKIE_SECURE;
  if (flag === 'true' || flag === '1') return true;
  if (flag === 'false' || flag === '0') return false;
  return isProduction && new URL(request.url).protocol === 'https:';
}

const storageFor = (request: Request) => (isSecure(request) ? secureStorage : plainStorage);

export function getSession(request: Request): Promise<AuthSession> {
  return storageFor(request).getSession(request.headers.get('Cookie'));
}

export function commitSession(request: Request, session: AuthSession): Promise<string> {
  return storageFor(request).commitSession(session);
}

export function destroySession(request: Request, session: AuthSession): Promise<string> {
  return storageFor(request).destroySession(session);
}

export function storeTokens(session: AuthSession, tokens: TokenPairDto): void {
  session.set('accessToken', tokens.accessToken);
  session.set('refreshToken', tokens.refreshToken);
  session.set('accessExpiresAt', Date.now() + tokens.expiresIn * 1000);
}

/** Cheap check (no API call) for the layout: does the browser hold a session at all? */
export async function hasSession(request: Request): Promise<boolean> {
  return Boolean((await getSession(request)).get('refreshToken'));
}
