/**
 * The one script of /verify/:code: checks the signed token after `#t=` in the printed QR code
 * against the issuer keys embedded in the page, with WebCrypto's Ed25519, in the browser, so a
 * verifier needs no network for it. It runs again when the fragment changes.
 *
 * The page inlines `(${offlineCheck})()` in a <script type="module" nonce>: the function must stay
 * self-contained (no imports, no outer variables). Its words come from the page's data attributes.
 */
export function offlineCheck() {
  const root = document.getElementById('offline-check');
  const keysBlock = document.getElementById('issuer-keys');
  if (!root || !keysBlock) return;
  const keys = JSON.parse(keysBlock.textContent || '[]') as Array<{ id: string; x: string }>;
  const words = root.dataset;
  const bytes = (b64url: string) => Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const text = (b64url: string) => JSON.parse(new TextDecoder().decode(bytes(b64url)));
  const plain = (code: unknown) =>
    String(code ?? '')
      .replace(/[^0-9a-z]/gi, '')
      .toUpperCase();
  // The offline shell (/verify/offline, served for any /verify/<code>) takes the code from the address.
  const expected = words.code || decodeURIComponent(location.pathname.split('/').pop() ?? '');
  const day = (d: unknown) => (typeof d === 'string' && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : '—');

  async function verify(token: string): Promise<Record<string, string> | null> {
    try {
      const [h, p, s] = token.split('.');
      const header = text(h);
      const key = keys.find((k) => k.id === header.kid);
      if (!key || header.alg !== 'EdDSA') return null;
      const publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key.x }, { name: 'Ed25519' }, false, ['verify']);
      const ok = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, bytes(s), new TextEncoder().encode(`${h}.${p}`));
      const facts = ok ? text(p) : null;
      // A genuine token of another certificate is not this one's.
      return facts && plain(facts.c) === plain(expected) ? facts : null;
    } catch {
      return null;
    }
  }

  async function check() {
    const token = /(?:^#|&)t=([\w-]+\.[\w-]+\.[\w-]+)/.exec(location.hash)?.[1];
    const noToken = document.getElementById('offline-no-token');
    if (noToken) noToken.hidden = Boolean(token);
    if (!token) {
      root!.hidden = true;
      return;
    }
    const facts = await verify(token);
    const word = root!.querySelector('[data-slot="word"]')!;
    const list = root!.querySelector('[data-slot="facts"]')!;
    root!.className = `verdict ${facts ? 'verdict-valid' : 'verdict-unknown'}`;
    word.textContent = (facts ? words.valid : words.invalid) ?? '';
    list.replaceChildren();
    if (facts) {
      const rows: Array<[string | undefined, string]> = [
        [words.name, String(facts.n ?? '—')],
        [words.course, `${facts.t ?? ''}（${facts.k ?? ''}）`],
        [words.issued, day(facts.i)],
        [words.expires, facts.e ? day(facts.e) : (words.noExpiry ?? '—')],
      ];
      for (const [label, value] of rows) {
        const dt = document.createElement('dt');
        dt.textContent = label ?? '';
        const dd = document.createElement('dd');
        dd.textContent = value;
        list.append(dt, dd);
      }
    }
    root!.hidden = false;
  }

  void check();
  addEventListener('hashchange', () => void check());
}
