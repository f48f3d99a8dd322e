/**
 * Key rotation as an operator does it (`npm run keys -- rotate --from …`, README), against the
 * running product: the new key is published at once on the web origin, signs only from its day,
 * and credentials signed before keep verifying. Checked with jose, not Hearth's code.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { apiCall, apiLogin } from '../support/api.js';
import { WEB } from '../support/browser.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function keysCli(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/signing-keys.mjs', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', HEARTH_DATA_DIR: process.env.HEARTH_E2E_DATA_DIR },
    encoding: 'utf8',
  });
}

async function webJwks(): Promise<JSONWebKeySet> {
  const res = await fetch(`${WEB()}/.well-known/jwks.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as JSONWebKeySet;
}

describe('signing key rotation by the operator command', () => {
  it('publishes the new key at once, signs with it only from its day, and older credentials still verify', async () => {
    // 王桂香 finished the seeded housekeeping class and holds its certificate (README).
    const { accessToken } = await apiLogin('13900000010');
    const mine = await apiCall<{ items: { code: string }[] } | { code: string }[]>('GET', '/api/me/certificates', accessToken);
    const code = (Array.isArray(mine) ? mine : mine.items)[0].code;
    const before = (await apiCall<{ credential: string }>('GET', `/api/certificates/${code}/credential`, accessToken)).credential;

    const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const rotated = keysCli('rotate', '--from', tomorrow);
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    const newId = /^key (\S+) signs from/m.exec(rotated.stdout)![1];

    const jwks = await webJwks();
    const kids = jwks.keys.map((k) => k.kid);
    const published = kids.find((kid) => kid?.endsWith(`/issuer#key-${newId}`));
    expect(new URL(published!).pathname).toBe('/issuer');
    expect(kids.length).toBeGreaterThanOrEqual(2);

    // Today's credentials are still signed with the key in force; the one signed before verifies too.
    const after = (await apiCall<{ credential: string }>('GET', `/api/certificates/${code}/credential`, accessToken)).credential;
    for (const jwt of [before, after]) {
      expect(decodeProtectedHeader(jwt).kid).not.toContain(newId);
      await expect(jwtVerify(jwt, createLocalJWKSet(jwks))).resolves.toBeTruthy();
    }

    const listed = keysCli('list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(newId);
    expect(listed.stdout).toMatch(/^\* /m);
  });

  it('refuses a day in the past, or no day, with a message and exit code 2', () => {
    const past = keysCli('rotate', '--from', '2020-01-01');
    expect(past.status).toBe(2);
    expect(past.stderr).toMatch(/in the past/);
    const none = keysCli('rotate');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--from/);
  });
});
