import { describe, expect, it } from '@jest/globals';
import { DEMO, WEB } from '../support/browser.js';
import { webGet, webSignIn } from '../support/web-http.js';

/** Black-box: the web's answers alone (no API call), as a browser or a shared proxy sees them. */
const PUBLIC_PAGES = ['/', '/login', '/register', '/courses', '/verify', '/verify/HX-NOT-A-CODE'];
const SIGNED_IN_PAGES: [keyof typeof DEMO, string[]][] = [
  ['learner', ['/app', '/me', '/my/classes', '/my/certificates', '/me/password', '/jobs', '/me/notifications', '/me/notifications/settings']],
  ['volunteer', ['/app', '/my/readiness']],
  ['coordinator', ['/app', '/manage/classes', '/manage/people']],
  ['admin', ['/app', '/admin/courses', '/admin/orgs', '/dashboard']],
  ['instructor', ['/app', '/teach']],
  ['employer', ['/app', '/employer', '/me/notifications']],
];

function expectDocumentPolicy(res: Response, path: string) {
  expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path, status: expect.any(Number), type: 'text/html; charset=utf-8' });
  const csp = res.headers.get('content-security-policy') ?? '';
  const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{22,})' 'strict-dynamic'/.exec(csp)?.[1];
  expect({ path, nonce: Boolean(nonce) }).toEqual({ path, nonce: true });
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp).toContain(directive);
  expect(csp).not.toContain('unsafe-inline');
  const permissions = res.headers.get('permissions-policy') ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(permissions).toContain(feature);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  return nonce!;
}

describe('security headers of the web', () => {
  it('every public page has a Content-Security-Policy with a fresh nonce on each of its scripts', async () => {
    const seen = new Set<string>();
    for (const path of PUBLIC_PAGES) {
      const res = await webGet(path);
      const nonce = expectDocumentPolicy(res, path);
      expect(seen.has(nonce)).toBe(false);
      seen.add(nonce);
      const html = await res.text();
      // Every script element carries this document's nonce (the verification pages have none at all).
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) expect({ path, tag, nonced: tag.includes(`nonce="${nonce}"`) }).toEqual({ path, tag, nonced: true });
      if (!path.startsWith('/verify')) expect(scripts.length).toBeGreaterThan(0);
    }
  });

  it('a certificate verification is never stored by a cache (its route headers reach the page)', async () => {
    for (const path of ['/verify/HX-NOT-A-CODE', '/verify/HX-2026-ABCD-EFGH']) {
      const res = await webGet(path);
      expect({ path, cache: res.headers.get('cache-control') }).toEqual({ path, cache: 'no-store' });
    }
  });

  it("every signed-in page is private and not stored, with the same policy", async () => {
    let pages = 0;
    for (const [role, paths] of SIGNED_IN_PAGES) {
      const cookie = await webSignIn(DEMO[role]);
      for (const path of paths) {
        const res = await webGet(path, cookie);
        expect({ role, path, status: res.status }).toEqual({ role, path, status: 200 });
        expectDocumentPolicy(res, path);
        expect({ role, path, cache: res.headers.get('cache-control') }).toEqual({ role, path, cache: 'private, no-store' });
        pages++;
      }
    }
    // Her page's data requests (single fetch) too.
    const cookie = await webSignIn(DEMO.learner);
    const data = await webGet('/me.data', cookie);
    expect(data.status).toBe(200);
    expect(data.headers.get('cache-control')).toBe('private, no-store');
    console.log(`FIGURE web headers: ${PUBLIC_PAGES.length} public and ${pages} signed-in pages, each with CSP (nonce, strict-dynamic), Permissions-Policy and nosniff`);
  });

  it('static files are not sniffed, and hashed assets are cached for good', async () => {
    const html = await (await webGet('/')).text();
    const asset = /\/assets\/[\w.-]+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const res = await webGet(asset!);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    const icon = await webGet('/favicon.svg');
    expect(icon.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new URL(WEB()).protocol).toBe('http:');
  });
});
