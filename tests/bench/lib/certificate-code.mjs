// Certificate codes, copied from apps/api/src/certificates/certificate-code.ts (the benchmark never
// imports API source): 10 characters from an alphabet without look-alikes, then a Luhn mod N check
// character. Keep in step with the API if the algorithm ever changes.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const N = CODE_ALPHABET.length;

export function checkChar(body) {
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

export function isValidCode(code) {
  return /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{11}$/.test(code) && checkChar(code.slice(0, 10)) === code[10];
}

const HALF = N ** 5; // 28,629,151 distinct 5-character halves
const MUL = 7_368_787; // not a multiple of 31, so i -> i * MUL mod 31^5 is a bijection

function digits5(value) {
  let out = '';
  for (let i = 0; i < 5; i++) {
    out = CODE_ALPHABET[value % N] + out;
    value = Math.floor(value / N);
  }
  return out;
}

/**
 * The code of the i-th generated certificate: deterministic, unique for i < 31^5 (the first half is a
 * bijection of i), random-looking, with a valid check character.
 */
export function certificateCodeFor(i) {
  if (i >= HALF) throw new Error(`certificate index ${i} is beyond the unique range`);
  const first = (i * MUL + 1_234_567) % HALF;
  const second = Math.imul(i ^ 0x5bd1e995, 0x27d4eb2d) >>> 0;
  const body = digits5(first) + digits5(second % HALF);
  return body + checkChar(body);
}
