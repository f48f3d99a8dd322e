import { redirect } from '@remix-run/node';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { destroySession, getSession } from './session.server';

/**
 * After she erased her account: the API has already revoked every sign-in, so only the browser's
 * session cookie is left to forget.
 */
export async function forgetErasedUser(request: Request, to: string): Promise<Response> {
  const session = await getSession(request);
  return redirect(to, { headers: { 'Set-Cookie': await destroySession(request, session) } });
}

/** Either language's word confirms: she may have switched language half-way. */
const CONFIRM_WORDS = [zhCN['account.erase.word'], en['account.erase.word']].map((word) => word.toUpperCase());

/** The word typed to confirm ("删除" or "DELETE"), forgiving spaces, quotes and letter case. */
export function confirmsErasure(typed: string): boolean {
  const normalized = typed.replace(/[\s\u3000“”"'‘’]/g, '').toUpperCase();
  return CONFIRM_WORDS.includes(normalized);
}
