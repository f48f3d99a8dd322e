import type { ApiClient } from '@hearth/contracts';
import { publicApi } from './api.server';

/**
 * Forwards a public verification document (issuer Profile, JWKS, status list) from the API with
 * its type and cache lifetime, readable from any origin: no cookie or session is involved.
 */
export async function forwardPublicDocument(get: (api: ApiClient) => Promise<Response>): Promise<Response> {
  let upstream: Response;
  try {
    upstream = await get(publicApi(10_000));
  } catch {
    return new Response(null, { status: 503, headers: { 'Access-Control-Allow-Origin': '*', 'Retry-After': '5' } });
  }
  const headers = new Headers({ 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' });
  for (const name of ['content-type', 'cache-control']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!upstream.ok) headers.set('cache-control', 'no-store');
  return new Response(await upstream.arrayBuffer(), { status: upstream.ok ? 200 : upstream.status === 404 ? 404 : 502, headers });
}

/** The issuer's keys, for the verify page to check a printed token in the browser: short id → public x. */
let keys: { until: number; value: Promise<Array<{ id: string; x: string }>> } | null = null;
export function issuerKeys(): Promise<Array<{ id: string; x: string }>> {
  if (keys && keys.until > Date.now()) return keys.value;
  const value = publicApi(5_000)
    .credentials.jwks()
    .then((jwks) => jwks.keys.map((k) => ({ id: k.kid.replace(/^.*#key-/, ''), x: k.x })))
    .catch(() => []);
  keys = { until: Date.now() + 60_000, value };
  return value;
}
