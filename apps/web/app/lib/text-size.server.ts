import { createCookie } from '@remix-run/node';

export type TextSize = 'normal' | 'large';

/** Her choice of larger text on lesson and quiz pages: not a secret, remembered for a year. */
const textCookie = createCookie('text', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

/**
 * The text size for this page: `?text=large|normal` (a plain link, so it works without JavaScript)
 * wins and is remembered in a cookie; otherwise the remembered choice.
 */
export async function textSize(request: Request): Promise<{ size: TextSize; setCookie: string | null }> {
  const asked = new URL(request.url).searchParams.get('text');
  if (asked === 'large' || asked === 'normal') return { size: asked, setCookie: await textCookie.serialize(asked) };
  const value: unknown = await textCookie.parse(request.headers.get('Cookie'));
  return { size: value === 'large' ? 'large' : 'normal', setCookie: null };
}

/** The page's own address with the other text size, keeping its other query parameters. */
export function textSizeHref(request: Request, size: TextSize): string {
  const url = new URL(request.url);
  url.searchParams.set('text', size);
  return `${url.pathname}?${url.searchParams.toString()}`;
}
