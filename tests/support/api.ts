import { API, DEMO_PASSWORD } from './browser.js';

/** A call to the API under test, for setting up data beside the pages; a refusal throws with its status and body. */
export async function apiCall<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${API()}${path}`, {
    method,
    // No content type without a body: the API refuses an empty JSON body (POST …/check-in-code has none).
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs in through the API (not the pages). */
export const apiLogin = (phone: string, password = DEMO_PASSWORD) =>
  apiCall<{ accessToken: string; refreshToken: string; user: { id: string; orgId: string } }>('POST', '/api/auth/login', null, { phone, password });
