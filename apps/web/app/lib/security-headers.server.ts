import { randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** 128 random bits, fresh for every document. */
export const newNonce = () => randomBytes(16).toString('base64');

/**
 * Scripts run only when they carry this document's nonce (Remix's inline module script and the
 * modules it imports, through 'strict-dynamic'); nothing may frame the page, plugins are off, and
 * forms post only here. Styles and images come from this origin (inline SVG QR codes and charts are
 * markup, not resources; data: images for QR codes on certificates). The service worker and the web
 * app manifest come from this origin only (docs/decisions/014-offline-web-app.md).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** No page uses these; check-in takes a typed code (the phone's own camera app opens the QR's link). */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'interest-cohort=()',
].join(', ');

/**
 * react-dom 18's Node stream renderer flushes its whole 2,048-byte view when a multi-byte UTF-8
 * character does not fit at its end, so the 1–3 bytes it never wrote go out as NUL (U+0000) —
 * facebook/react#31134, fixed by facebook/react#26228 in React 19 only; 18.3.1 is the last 18.x.
 * HTML never carries a NUL byte (UTF-8 has no 0x00 inside a multi-byte character, and React renders
 * none of its own), so the bytes it never wrote are dropped here, leaving every character whole.
 */
export function withoutUnwrittenBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] !== 0) kept[length++] = chunk[i];
      callback(null, kept.subarray(0, length));
    },
  });
}

/**
 * A page rendered for a signed-in person (her session cookie came with the request, or is being set
 * or cleared) names her, so no shared cache or back button may keep it: `private, no-store`, whatever
 * the route asked for (a route may only make it stricter).
 */
export function privateWhenSignedIn(request: Request, headers: Headers): void {
  const session =
    /(?:^|;\s*)hearth_session=[^;]/.test(request.headers.get('Cookie') ?? '') || /(?:^|,\s*)hearth_session=/.test(headers.get('Set-Cookie') ?? '');
  if (session) headers.set('Cache-Control', 'private, no-store');
}
