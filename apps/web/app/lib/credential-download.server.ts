import type { LoaderFunctionArgs } from '@remix-run/node';
import { unavailableOrRethrow } from './api.server';
import { requireUser } from './auth.server';
import { checkCertificateCode } from './certificates-code';
import { isApiError } from './form-errors.server';

/**
 * The holder's Open Badges 3.0 credential as a file: `.jwt` (the VC-JWT, what wallets and
 * verifiers take) or `.json` (the same credential, readable).
 */
export async function credentialFile({ request, params }: LoaderFunctionArgs, format: 'jwt' | 'json') {
  const { api, headers } = await requireUser(request, { roles: ['learner', 'coordinator', 'admin'] });
  const checked = checkCertificateCode(params.code ?? '');
  if (!checked.ok) throw new Response(null, { status: 404, headers });
  let jwt: string | null;
  try {
    jwt = (await api.certificates.credential(checked.code)).credential;
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'FORBIDDEN')) throw new Response(null, { status: 404, headers });
    return unavailableOrRethrow(error);
  }
  // The document allows a certificate without a signed credential: nothing to download then.
  if (!jwt) throw new Response(null, { status: 404, headers });
  const out = new Headers(headers);
  out.set('Cache-Control', 'private, no-store');
  if (format === 'jwt') {
    out.set('Content-Type', 'application/vc+jwt');
    out.set('Content-Disposition', `attachment; filename="certificate-${checked.code}.jwt"`);
    return new Response(jwt, { headers: out });
  }
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  for (const claim of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']) delete payload[claim];
  out.set('Content-Type', 'application/vc+ld+json; charset=utf-8');
  out.set('Content-Disposition', `attachment; filename="certificate-${checked.code}.json"`);
  return new Response(JSON.stringify(payload, null, 2), { headers: out });
}
