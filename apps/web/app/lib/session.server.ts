import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createCookie, createSession, type Session } from '@remix-run/node';
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
  const secrets = (process.env.SESSION_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (secrets.length > 0) {
    // Anyone who read the repository knows a published or placeholder secret and could forge sessions.
    const weak = isProduction ? secrets.map((s) => weakSecretReason(s)).find(Boolean) : null;
    if (weak) throw new Error(`SESSION_SECRET ${weak}; set it to a long random string, e.g. \`openssl rand -base64 48\``);
    return secrets;
  }
  if (isProduction) throw new Error('SESSION_SECRET must be set when NODE_ENV=production');
  return ['hearth-development-session-secret'];
}

/**
 * The cookie carries her tokens, so it is sealed, not just signed: AES-256-GCM (random 96-bit IV, the
 * tag authenticates it) with a key derived from each SESSION_SECRET by HKDF-SHA256. Sealed with the
 * first key; opened with any (rotation). Hex, so nothing base64-shaped (no "eyJ…") shows in the cookie.
 */
const SEAL_VERSION = 'v1';
const sealKeys = sessionSecrets().map((secret) => Buffer.from(hkdfSync('sha256', secret, 'hearth-web', 'hearth web session cookie v1', 32)));

export function sealSession(data: Partial<SessionData>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKeys[0], iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return `${SEAL_VERSION}${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('hex')}`;
}

export function unsealSession(sealed: string): Partial<SessionData> | null {
  if (!sealed.startsWith(SEAL_VERSION) || !/^[0-9a-f]+$/.test(sealed.slice(SEAL_VERSION.length))) return null;
  const bytes = Buffer.from(sealed.slice(SEAL_VERSION.length), 'hex');
  if (bytes.length < 12 + 16 + 2) return null;
  for (const key of sealKeys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      const text = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
      const data: unknown = JSON.parse(text);
      return data && typeof data === 'object' ? (data as Partial<SessionData>) : null;
    } catch {
      // Another key (rotation), or tampered with: try the next, then none.
    }
  }
  return null;
}

function storage(secure: boolean) {
  const cookie = createCookie('hearth_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    // As long as the API's refresh tokens live (REFRESH_TOKEN_DAYS, 30 at most).
    maxAge: 60 * 60 * 24 * 30,
  });
  return {
    async getSession(header: string | null): Promise<AuthSession> {
      const sealed: unknown = header ? await cookie.parse(header) : null;
      const data = typeof sealed === 'string' ? unsealSession(sealed) : null;
      // Partial: an empty session (signed out) has none of the fields.
      return createSession<SessionData>((data ?? {}) as SessionData);
    },
    commitSession: (session: AuthSession) => cookie.serialize(sealSession(session.data as Partial<SessionData>)),
    destroySession: (_session: AuthSession) => cookie.serialize('', { maxAge: undefined, expires: new Date(0) }),
  };
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
