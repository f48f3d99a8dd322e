import { createCookie } from '@remix-run/node';
import { DEFAULT_LOCALE, type Locale } from '@hearth/contracts';
import { isLocale } from '../i18n';

/** The reader's language choice. Not a secret, so neither signed nor tied to the session. */
const langCookie = createCookie('lang', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await langCookie.parse(request.headers.get('Cookie'));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function serializeLocale(locale: Locale): Promise<string> {
  return langCookie.serialize(locale);
}
