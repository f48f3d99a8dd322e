import type { LoaderFunctionArgs } from '@remix-run/node';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { checkCertificateCode } from '../lib/certificates-code';

/**
 * The certificate PDF, streamed from the API with the signed-in user's token (the holder, or staff
 * of the issuing org's subtree; the API decides). A plain link downloads it, with or without JavaScript.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner', 'coordinator', 'admin'] });
  const checked = checkCertificateCode(params.code ?? '');
  if (!checked.ok) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  let upstream: Response;
  try {
    upstream = await api.certificates.pdf(checked.code);
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  if (upstream.status === 404 || upstream.status === 403 || upstream.status === 400) {
    await upstream.body?.cancel();
    throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    console.error(`[web] certificate PDF failed: API answered ${upstream.status}`);
    throw new Response(null, { status: [502, 503, 504].includes(upstream.status) ? 503 : 500, headers });
  }
  const response = new Headers(headers);
  response.set('Content-Type', 'application/pdf');
  response.set('Content-Disposition', `attachment; filename="certificate-${checked.code}.pdf"`);
  response.set('Cache-Control', 'private, no-store');
  const length = upstream.headers.get('content-length');
  if (length) response.set('Content-Length', length);
  return new Response(upstream.body, { status: 200, headers: response });
}
