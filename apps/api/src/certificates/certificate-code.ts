import { randomInt } from 'node:crypto';

/**
 * Certificate codes: 10 random characters and a check character from an alphabet with no
 * look-alikes (no 0/O, 1/I/L), grouped 4-4-3 so they can be read aloud over the phone.
 * The check character (Luhn mod N) catches any single mistyped character and most swaps.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const N = CODE_ALPHABET.length;

function checkChar(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * CODE_ALPHABET.indexOf(body[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N];
}

export function newCertificateCode(): string {
  let body = '';
  for (let i = 0; i < 10; i++) body += CODE_ALPHABET[randomInt(N)];
  return body + checkChar(body);
}

/** Upper-cases and drops spaces and dashes; null when it cannot be a valid code. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{11}$/.test(code)) return null;
  return checkChar(code.slice(0, 10)) === code[10] ? code : null;
}

export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;

/** 李秀英 → 李**, Li Xiuying → L***. Only the first character of a name is ever shown publicly. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  const chars = [...name.trim()];
  return chars[0] + '*'.repeat(Math.max(1, Math.min(chars.length - 1, 3)));
}
