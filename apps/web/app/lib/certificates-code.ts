/**
 * Certificate codes as people type them. The API's rule (docs/decisions, certificate codes):
 * 10 characters and a check character from an alphabet without look-alikes (no 0/O, 1/I/L),
 * shown 4-4-3. Checking the check character here tells a typo from an unknown certificate
 * without asking the API.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const N = ALPHABET.length;
const CODE_LENGTH = 11;

function checkChar(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N];
}

/** Full-width letters and digits (Chinese keyboards) to ASCII, upper case, no spaces or dashes. */
export function compactCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase()
    .replace(/[\s\u3000\-‐‑‒–—―_.·]/g, '');
}

export type CodeCheck = { ok: true; code: string } | { ok: false; problem: 'empty' | 'format' | 'typo' };

/** "abcd efgh-jk3" → ABCDEFGHJK3, or why it cannot be a certificate code. */
export function checkCertificateCode(input: string): CodeCheck {
  const code = compactCode(input);
  if (!code) return { ok: false, problem: 'empty' };
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return { ok: false, problem: 'format' };
  if (checkChar(code.slice(0, -1)) !== code[CODE_LENGTH - 1]) return { ok: false, problem: 'typo' };
  return { ok: true, code };
}

/** ABCDEFGHJK3 → ABCD-EFGH-JK3, easier to read aloud. */
export const displayCode = (code: string) => (code.length === CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` : code);
