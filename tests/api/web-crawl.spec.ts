import { describe, expect, it } from '@jest/globals';
import { DEMO, WEB } from '../support/browser.js';
import { webGet, webSignIn } from '../support/web-http.js';

/** Pages per role at most: the demo's reachable pages are fewer, so the crawl ends on its own. */
const MAX_PAGES_PER_ROLE = 120;

/** Same-origin links of a page, without their fragments; downloads and sign-out are not pages. */
function linksOf(html: string, base: URL): string[] {
  const found: string[] = [];
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const url = new URL(href.replace(/&amp;/g, '&'), base);
    if (url.origin !== base.origin || /\.(csv|pdf|json)$/.test(url.pathname) || url.pathname === '/logout') continue;
    url.hash = '';
    found.push(url.pathname + url.search);
  }
  return found;
}

/**
 * Every page each demo role can reach from /app by following links, breadth first, read as raw bytes:
 * react-dom 18's stream once let NUL bytes through where Chinese text crossed its 2,048-byte view.
 */
describe('served HTML is whole UTF-8', () => {
  it('no page any demo role reaches holds a NUL byte or a replacement character, and each has a CSP', async () => {
    let pages = 0;
    const nulPages: string[] = [];
    const replacementPages: string[] = [];
    const withoutCsp: string[] = [];
    // The CSP refuses inline styles (style-src 'self'): a page with one would log a violation.
    const inlineStyles: string[] = [];
    let chineseChars = 0;
    for (const [role, phone] of Object.entries(DEMO)) {
      const cookie = await webSignIn(phone);
      const queue = ['/app'];
      const seen = new Set(queue);
      let crawled = 0;
      while (queue.length > 0 && crawled < MAX_PAGES_PER_ROLE) {
        const path = queue.shift()!;
        const res = await webGet(path, cookie);
        if (res.status >= 300 && res.status < 400) continue;
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
        const bytes = Buffer.from(await res.arrayBuffer());
        crawled++;
        if (bytes.includes(0)) nulPages.push(`${role} ${path}`);
        const html = bytes.toString('utf8');
        if (html.includes('\uFFFD')) replacementPages.push(`${role} ${path}`);
        if (!res.headers.get('content-security-policy')?.includes("'nonce-")) withoutCsp.push(`${role} ${path}`);
        if (/<[a-z][^>]*\sstyle=|<style[\s>]/i.test(html)) inlineStyles.push(`${role} ${path}`);
        chineseChars += html.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
        for (const link of linksOf(html, new URL(path, WEB()))) {
          if (!seen.has(link)) {
            seen.add(link);
            queue.push(link);
          }
        }
      }
      expect({ role, crawled: crawled > 1 }).toEqual({ role, crawled: true });
      pages += crawled;
    }
    expect(nulPages).toEqual([]);
    expect(replacementPages).toEqual([]);
    expect(withoutCsp).toEqual([]);
    expect(inlineStyles).toEqual([]);
    // Enough Chinese text to cross many 2,048-byte views (each character is 3 bytes).
    expect(chineseChars * 3).toBeGreaterThan(pages * 2048);
    console.log(
      `FIGURE html crawl: ${pages} pages over ${Object.keys(DEMO).length} demo roles, ${chineseChars} Chinese characters: 0 NUL bytes, 0 U+FFFD, 0 pages without a CSP, 0 with an inline style`,
    );
  });
});
