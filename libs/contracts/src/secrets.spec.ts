import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { KNOWN_SECRETS, weakSecretReason } from './secrets.js';

describe('weak secrets', () => {
  it.each([
    ...KNOWN_SECRETS,
    'changeme',
    'changemechangemechangemechangemechangeme',
    'my-super-secret-value-for-production-1234',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'abcdefghabcdefghabcdefghabcdefghabcdefgh',
    '0123456789012345678901234567890123456789',
    'short-but-random-Zk3q',
  ])('refuses %s', (value) => {
    expect(weakSecretReason(value)).not.toBeNull();
  });

  it('accepts what `openssl rand -base64 48` and the start script generate', () => {
    for (let i = 0; i < 20; i++) {
      expect(weakSecretReason(randomBytes(48).toString('base64'))).toBeNull();
      expect(weakSecretReason(randomBytes(48).toString('base64url'))).toBeNull();
      expect(weakSecretReason(randomBytes(32).toString('hex'))).toBeNull();
    }
  });
});
