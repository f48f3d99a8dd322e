import { hkdfSync } from 'node:crypto';

/**
 * Sub-keys of the master secret (JWT_SECRET), one per purpose, derived with HKDF-SHA256 and a
 * distinct label: a value HMAC'd for one purpose can never stand for another's, and the master
 * secret itself keys nothing but access tokens. Changing a label invalidates what it keyed.
 */
export const KEY_LABELS = {
  checkInCode: 'hearth/check-in-code/v1',
  accountClaim: 'hearth/account-claim/v1',
} as const;

export function deriveKey(masterSecret: string, label: (typeof KEY_LABELS)[keyof typeof KEY_LABELS]): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(masterSecret, 'utf8'), Buffer.from('hearth', 'utf8'), label, 32));
}
