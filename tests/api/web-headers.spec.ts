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

  it('every signed-in page is private and not stored, with the same policy', async () => {
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
    console.log(
      `FIGURE web headers: ${PUBLIC_PAGES.length} public and ${pages} signed-in pages, each with CSP (nonce, strict-dynamic), Permissions-Policy and nosniff`,
    );
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

  it('the offline app: the worker at the root is always revalidated, the manifest installs, the pack is private, sign-out clears the HTTP cache', async () => {
    const worker = await webGet('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = (await webGet('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    const manifest = (await (await webGet('/manifest.webmanifest')).json()) as {
      name: string;
      display: string;
      start_url: string;
      icons: { sizes: string; purpose: string; src: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Hearth · 巾帼学堂', display: 'standalone', start_url: '/app' });
    for (const size of ['192x192', '512x512']) {
      for (const purpose of ['any', 'maskable']) {
        const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
        expect({ size, purpose, status: icon ? (await webGet(icon.src)).status : 404 }).toEqual({ size, purpose, status: 200 });
      }
    }
    // Signed out, the pack names no account (the worker then forgets any); signed in, her week.
    const anonymous = await webGet('/offline/pack');
    expect(anonymous.headers.get('cache-control')).toBe('private, no-store');
    expect(await anonymous.json()).toMatchObject({ account: null, urls: [] });
    const cookie = await webSignIn(DEMO.instructor);
    const pack = (await (await webGet('/offline/pack', cookie)).json()) as { account: string; urls: string[] };
    expect(pack.account).toMatch(/^[0-9a-f]{16}$/);
    expect(pack.urls).toEqual(expect.arrayContaining(['/app', '/offline', '/teach']));
    expect(pack.urls.every((u) => u.startsWith('/') && !u.startsWith('//'))).toBe(true);
    const out = await fetch(new URL('/logout', WEB()), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(out.status).toBe(302);
    expect(out.headers.get('clear-site-data')).toBe('"cache"');
  });
});
