import type { LoaderFunctionArgs } from '@remix-run/node';
import { isMessageKey, translator } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { toCsv } from '@hearth/contracts';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';

/**
 * The rows an import left out, as a CSV she can fix and import again: the file's own columns, then
 * why each row was refused. The byte-order mark makes Excel read it as UTF-8.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, { roles: MANAGER_ROLES });
  const t = translator(await getLocale(request));
  if (!isUuid(params.id)) throw new Response('Not found', { status: 404 });
  let status;
  try {
    status = await api.imports.status(params.id);
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw new Response('Not found', { status: 404 });
    return unavailableOrRethrow(error);
  }
  const result = status.result;
  if (!result || !('rejected' in result)) throw new Response('Not found', { status: 404 });
  const header = result.header ?? ['姓名', '手机号'];
  const rows = result.rejected.map((r) => {
    const key = `classes.import.reject.${r.code}`;
    const cells = r.cells ?? [r.name, r.phone];
    return [...header.map((_, i) => cells[i] ?? ''), ...cells.slice(header.length), isMessageKey(key) ? t(key) : t('classes.import.reject.other')];
  });
  const body = toCsv([[...header, t('classes.import.rejected.errorColumn')], ...rows], { bom: true });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="hearth-rows-not-imported.csv"; filename*=UTF-8''${encodeURIComponent('未导入的行.csv')}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
