import type { LoaderFunctionArgs } from '@remix-run/node';
import { forwardPublicDocument } from '../lib/credentials-public.server';

/** A signed Bitstring Status List credential, at the URL credentials name in credentialStatus. */
export function loader({ params }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  if (!/^\d{1,9}$/.test(id)) throw new Response(null, { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } });
  return forwardPublicDocument((api) => api.credentials.statusListDocument(Number(id)));
}
