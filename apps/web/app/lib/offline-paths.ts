/** An image's path when it is served by this origin (the only images the pages' CSP allows), else null. */
export function sameOriginPath(src: string, origin: string, page: string): string | null {
  let url: URL;
  try {
    url = new URL(src, `${origin}${page}`);
  } catch {
    return null;
  }
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  return `${url.pathname}${url.search}`;
}
