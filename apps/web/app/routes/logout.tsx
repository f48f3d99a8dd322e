import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOut } from '../lib/auth.server';

/**
 * Signing out also tells the browser to drop its HTTP cache of this site (a shared phone). Her offline
 * store (the service worker's caches, the marks outbox in IndexedDB) is deleted by the worker as this
 * request passes through it, and by the page before it posts (components/offline-client.tsx); not
 * "storage" here, which would also drop marks still waiting to be sent (ids only, kept for her next sign-in).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const response = await signOut(request);
  response.headers.set('Clear-Site-Data', '"cache"');
  return response;
};

/** Signing out is a POST (a link or an image must not be able to sign anyone out). */
export const loader = () => redirect('/');
