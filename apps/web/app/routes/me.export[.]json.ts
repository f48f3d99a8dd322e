import type { LoaderFunctionArgs } from '@remix-run/node';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';

/** Everything Hearth holds about her (the API's export), as a file she keeps. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request);
  let exported: Record<string, unknown>;
  try {
    exported = await api.privacy.export();
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="hearth-my-data-${day}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
