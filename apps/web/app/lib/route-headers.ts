import type { HeadersFunction } from '@remix-run/node';

/**
 * Remix builds a document's headers only from routes that export `headers`: without it, what a loader
 * or action returned with `data(…, { headers })` (Cache-Control: no-store on a verification, private
 * pages) was dropped. Routes that set headers export this: the parent's, then the loader's, the
 * action's and a thrown response's (Set-Cookie is merged by Remix itself).
 */
export const routeHeaders: HeadersFunction = ({ parentHeaders, loaderHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  headers.delete('Set-Cookie');
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    source?.forEach((value, name) => {
      if (name.toLowerCase() !== 'set-cookie') headers.set(name, value);
    });
  }
  return headers;
};
