import type { LoaderFunctionArgs } from '@remix-run/node';
import { isApiUnavailable } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { isUuid } from '../lib/forms';

/**
 * How far an import has got, polled by the import page every 500 ms while its form is being sent.
 * "pending" until the API has read the file and registered the job under the page's id.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { ...headers, 'Cache-Control': 'no-store' } });
  const id = params.id;
  if (!isUuid(id)) return json({ status: 'unknown' }, 404);
  try {
    const job = await api.imports.status(id);
    return json({ status: job.status, totalRows: job.totalRows, processedRows: job.processedRows });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return json({ status: 'pending', totalRows: 0, processedRows: 0 });
    if (isApiUnavailable(error)) return json({ status: 'unavailable' }, 503);
    throw error;
  }
}
