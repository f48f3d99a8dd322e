import { DEMO_PASSWORD, WEB } from './browser.js';

/** The web's pages over plain HTTP (no browser): sign in through the /login form, then GET with her cookie. */
export async function webSignIn(phone: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${WEB()}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ phone, password, next: '/app' }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('hearth_session='));
  if (res.status !== 302 || !cookie) throw new Error(`web sign-in answered ${res.status} without a session cookie`);
  return cookie;
}

/** A GET that does not follow redirects (so a redirect to /login is seen as one). */
export const webGet = (path: string, cookie?: string) => fetch(new URL(path, WEB()), { redirect: 'manual', headers: cookie ? { cookie } : {} });
