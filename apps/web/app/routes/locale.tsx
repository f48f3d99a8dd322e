import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { isLocale } from '../i18n';
import { optionalUser } from '../lib/auth.server';
import { formText, safeRedirect } from '../lib/forms';
import { serializeLocale } from '../lib/locale.server';

/** The language switch: remembers the choice in a cookie and goes back to the page it came from. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = formText(form, 'lang');
  const back = safeRedirect(formText(form, 'redirectTo'), '/');
  if (!isLocale(lang)) return redirect(back);

  const headers = new Headers();
  headers.append('Set-Cookie', await serializeLocale(lang));
  // Also saved on the account (best effort), so what is sent to her later uses her language.
  const viewer = await optionalUser(request).catch(() => null);
  if (viewer?.user) await viewer.api.updateMe({ locale: lang }).catch(() => undefined);
  if (viewer?.headers['Set-Cookie']) headers.append('Set-Cookie', viewer.headers['Set-Cookie']);
  return redirect(back, { headers });
}

export const loader = () => redirect('/');
