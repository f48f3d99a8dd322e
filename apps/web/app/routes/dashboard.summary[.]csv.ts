import type { LoaderFunctionArgs } from '@remix-run/node';
import { unavailableOrRethrow } from '../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { parsePeriod } from '../lib/reports-period';

/**
 * The dashboard's numbers as a spreadsheet: the API's CSV (UTF-8 with a byte-order mark, so Excel
 * and WPS read the Chinese names) streamed on to the browser as a download.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const params = new URL(request.url).searchParams;
  const orgId = params.get('orgId') || undefined;
  if (orgId !== undefined && !isUuid(orgId)) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  const { period } = parsePeriod(params);

  let upstream: Response;
  try {
    upstream = await api.reports.summaryCsv({ orgId, from: period.from ?? undefined, to: period.to ?? undefined, lang: locale });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  if (!upstream.ok) {
    await upstream.body?.cancel();
    // Out of her subtree reads as "not found"; an API outage as "unavailable".
    const status = upstream.status === 404 || upstream.status === 403 ? upstream.status : upstream.status >= 500 ? 503 : 400;
    throw new Response(null, { status, headers });
  }
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const fallbackName = `hearth-summary-${day}.csv`;
  return new Response(upstream.body, {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': upstream.headers.get('content-disposition') ?? `attachment; filename="${fallbackName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
