import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../lib/auth.server';
import { learnerOfflineUrls } from '../lib/offline-pack-learner.server';

/** The learner's offline list as JSON (her own only; what the service worker's pack holds for her). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { headers } = await requireUser(request, { roles: ['learner'] });
  const urls = await learnerOfflineUrls(request);
  return Response.json({ urls }, { headers: { ...headers, 'Cache-Control': 'private, no-store' } });
}
