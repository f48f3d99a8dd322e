/**
 * Catch-all: unknown paths 404 through the root error boundary with the root loader's data
 * (the user's language), which Remix skips when no route matches at all.
 */
export function loader() {
  throw new Response(null, { status: 404, statusText: 'Not Found' });
}

export const action = loader;

export default function NotFound() {
  return null;
}
