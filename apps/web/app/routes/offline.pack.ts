import type { LoaderFunctionArgs } from '@remix-run/node';
import { unavailableOrRethrow } from '../lib/api.server';
import { optionalUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import { offlinePack, type OfflinePack } from '../lib/offline-pack.server';

/**
 * GET /offline/pack: the URLs the service worker stores for her (JSON). Signed out: `account: null`,
 * which tells the worker to forget any account's store. Never cached.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const resolved = await optionalUser(request);
  const headers = { ...resolved.headers, 'Cache-Control': 'private, no-store' };
  if (!resolved.user) return Response.json({ account: null, locale, generatedAt: new Date().toISOString(), urls: [] } satisfies OfflinePack, { headers });
  try {
    return Response.json(await offlinePack(request, resolved.user, resolved.api, locale), { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}
