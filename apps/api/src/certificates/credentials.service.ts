import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { maskName, normalizeCode } from './certificate-code.js';
import { CredentialsRepository, type CredentialSource } from './credentials.repository.js';
import { SigningService } from './signing.service.js';

/** Bitstring Status List v1.0: at least 131,072 entries (16 KB) so one credential's index says little. */
export const STATUS_LIST_SIZE = 131_072;
/** A new list is started once a list is half full, so random allocation stays cheap and indexes stay spread. */
export const STATUS_LIST_FILL = STATUS_LIST_SIZE / 2;
/** How long a built status list is served from memory (the spec's ttl; a revocation shows within it). */
export const STATUS_LIST_TTL_MS = 30_000;
/** Open Badges 3.0 IdentifierTypeEnum has no phone number; it is extensible with `ext:` values. */
export const PHONE_IDENTITY_TYPE = 'ext:phoneNumber';
/** Bumped when the credential's shape changes; older ones are signed again on their next download. */
export const CREDENTIAL_FORMAT = 2;

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** A mainland mobile number as E.164 (+86…), the form the holder's identity hash is made from. */
export function phoneE164(phone: string): string | null {
  const digits = phone.replace(/[\s\-()]/g, '').replace(/^(\+?86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : null;
}

const wholeSeconds = (d: Date) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Open Badges 3.0 IdentityObject hash: `sha256$` + hex of SHA-256(identifier + salt). */
export function identityHash(identifier: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(identifier + salt)
    .digest('hex')}`;
}

/**
 * Open Badges 3.0 credentials that an outside verifier can check with the credential alone
 * (docs/decisions/013): issuer Profile, key discovery, Bitstring Status List revocation, holder
 * binding by a salted phone hash, and the compact token printed in the certificate's QR code.
 */
@Injectable()
export class CredentialsService {
  private lists = new Map<number, { until: number; jwt: Promise<string> }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signing: SigningService,
    private readonly credentials: CredentialsRepository,
  ) {}

  statusListUrl(listId: number) {
    return `${this.signing.webBase}/credentials/status/${listId}`;
  }

  private async federationName(manager?: EntityManager): Promise<string> {
    return (await this.credentials.federationName(manager)) ?? 'Hearth';
  }

  /** The issuer's Open Badges 3.0 Profile, served at its id, with its keys as verification methods. */
  async issuerProfile() {
    const keys = await this.signing.publicKeys();
    const id = this.signing.issuerId;
    return {
      '@context': [
        VC_V2,
        OB_V3,
        // The controlled-identifier terms (VC-JOSE-COSE key discovery) that the two contexts above do not define.
        {
          verificationMethod: { '@id': 'https://w3id.org/security#verificationMethod', '@type': '@id', '@container': '@set' },
          assertionMethod: { '@id': 'https://w3id.org/security#assertionMethod', '@type': '@id', '@container': '@set' },
          controller: { '@id': 'https://w3id.org/security#controller', '@type': '@id' },
          JsonWebKey: 'https://w3id.org/security#JsonWebKey',
          publicKeyJwk: { '@id': 'https://w3id.org/security#publicKeyJwk', '@type': '@json' },
        },
      ],
      id,
      type: ['Profile'],
      name: await this.federationName(),
      url: this.signing.webBase,
      verificationMethod: keys.map((k) => ({ id: k.jwk.kid, type: 'JsonWebKey', controller: id, publicKeyJwk: k.jwk })),
      assertionMethod: keys.map((k) => k.jwk.kid),
    };
  }

  /** Gives the certificate a random free index in the newest list that is not yet half full. */
  private async allocateStatus(tx: EntityManager, certificateId: string): Promise<{ listId: number; idx: number }> {
    const existing = await this.credentials.statusEntry(certificateId, tx);
    if (existing) return existing;
    const { id: listId, size } = (await this.credentials.takeListSlot(STATUS_LIST_FILL, tx)) ?? (await this.credentials.newList(STATUS_LIST_SIZE, tx));
    for (;;) {
      const idx = randomInt(size);
      if (await this.credentials.insertEntry(listId, idx, certificateId, tx)) return { listId, idx };
    }
  }

  /**
   * Signs the certificate's credential (allocating its status list entry if it has none) and
   * stores it. Called in the issuing transaction, and for certificates signed in an older format.
   */
  /** Loads the signing key before a transaction that will sign, so the transaction needs no second connection. */
  ready(): Promise<void> {
    return this.signing.ready();
  }

  async signAndStore(tx: EntityManager, certificateId: string): Promise<string> {
    const status = await this.allocateStatus(tx, certificateId);
    const src = (await this.credentials.source(certificateId, tx))!;
    const credential = this.openBadge(src, status, await this.federationName(tx));
    const jwt = await this.signing.sign(credential, tx);
    await this.credentials.storeCredential(certificateId, jwt, CREDENTIAL_FORMAT, tx);
    return jwt;
  }

  /** The stored credential, signed again first if it predates the current format. */
  async current(certificateId: string): Promise<string> {
    const stored = await this.credentials.storedCredential(certificateId);
    if (stored?.credential_jwt && stored.credential_format >= CREDENTIAL_FORMAT) return stored.credential_jwt;
    await this.signing.ready();
    return this.db.transaction(async (tx) => {
      const again = await this.credentials.storedCredential(certificateId, tx, true);
      if (again?.credential_jwt && again.credential_format >= CREDENTIAL_FORMAT) return again.credential_jwt;
      return this.signAndStore(tx, certificateId);
    });
  }

  private openBadge(p: CredentialSource, status: { listId: number; idx: number }, federation: string) {
    const base = this.signing.webBase;
    const achievementId = `${base}/courses/${p.course_code}`;
    const hoursId = `${achievementId}#class-hours`;
    const statusList = this.statusListUrl(status.listId);
    const e164 = p.phone ? phoneE164(p.phone) : null;
    const salt = randomBytes(16).toString('hex');
    return {
      '@context': [VC_V2, OB_V3],
      id: `urn:uuid:${p.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: p.title_zh,
      issuer: { id: this.signing.issuerId, type: ['Profile'], name: federation, url: base },
      // Whole seconds, so that nbf/exp (NumericDate) say exactly the same.
      validFrom: wholeSeconds(p.issued_at),
      ...(p.expires_at ? { validUntil: wholeSeconds(p.expires_at) } : {}),
      credentialSubject: {
        type: ['AchievementSubject'],
        // The holder, never her phone number: an employer who has it can check it against this hash.
        ...(e164
          ? { identifier: [{ type: 'IdentityObject', identityType: PHONE_IDENTITY_TYPE, hashed: true, identityHash: identityHash(e164, salt), salt }] }
          : {}),
        achievement: {
          id: achievementId,
          type: ['Achievement'],
          name: p.title_zh,
          description: p.description_zh || p.title_zh,
          criteria: { narrative: `出勤率不低于 ${p.min_attendance_pct}%，完成 ${Number(p.required_hours)} 学时，并通过全部考核。` },
          creator: { id: `urn:uuid:${p.org_id}`, type: ['Profile'], name: p.org_name },
          resultDescription: [{ id: hoursId, type: ['ResultDescription'], name: '学时 Class hours', resultType: 'RawScore', valueMin: '0' }],
        },
        result: [{ type: ['Result'], resultDescription: hoursId, value: String(Number(p.hours)) }],
      },
      credentialStatus: {
        id: `${statusList}#${status.idx}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(status.idx),
        statusListCredential: statusList,
      },
    };
  }

  /** The signed BitstringStatusListCredential, built from the database and kept for STATUS_LIST_TTL_MS. */
  async statusList(listId: number): Promise<string> {
    const cached = this.lists.get(listId);
    if (cached && cached.until > Date.now()) return cached.jwt;
    const jwt = this.buildStatusList(listId);
    this.lists.set(listId, { until: Date.now() + STATUS_LIST_TTL_MS, jwt });
    jwt.catch(() => this.lists.delete(listId));
    return jwt;
  }

  /** Forgets cached lists (after a revocation on this instance, so it shows at once here). */
  forget(listId?: number) {
    if (listId === undefined) this.lists.clear();
    else this.lists.delete(listId);
  }

  private async buildStatusList(listId: number): Promise<string> {
    const list = await this.credentials.statusList(listId);
    if (!list) throw notFound('Status list');
    const revoked = await this.credentials.revokedIndexes(listId);
    const bits = Buffer.alloc(list.size / 8);
    // Index 0 is the left-most bit of the first byte.
    for (const idx of revoked) bits[idx >> 3] |= 0x80 >> (idx & 7);
    const url = this.statusListUrl(listId);
    const now = new Date();
    return this.signing.sign({
      '@context': [VC_V2],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: this.signing.issuerId,
      validFrom: wholeSeconds(now),
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: list.purpose,
        // Multibase base64url (no padding) of the GZIP-compressed bitstring.
        encodedList: `u${gzipSync(bits).toString('base64url')}`,
        ttl: STATUS_LIST_TTL_MS,
      },
    });
  }

  /**
   * The compact token printed in the QR code (after `#t=` in the verification URL, so it never
   * reaches a server): EdDSA JWS over the few facts the printed page shows.
   */
  async paperToken(certificateId: string): Promise<string> {
    const p = await this.credentials.source(certificateId);
    if (!p) throw notFound('Certificate');
    const day = (d: Date) => new Date(d).toISOString().slice(0, 10).replace(/-/g, '');
    return this.signing.signCompact({
      c: p.code,
      n: maskName(p.holder_name) ?? '',
      k: p.course_code,
      t: p.title_zh.length > 24 ? `${p.title_zh.slice(0, 23)}…` : p.title_zh,
      i: day(p.issued_at),
      ...(p.expires_at ? { e: day(p.expires_at) } : {}),
    });
  }

  /** Whether `phone` is the number the certificate's holder identifier was made from: yes or no, nothing else. */
  async holderMatches(rawCode: string, phone: string): Promise<boolean> {
    const code = normalizeCode(rawCode);
    const id = code ? await this.credentials.certificateIdByCode(code) : null;
    if (!id) throw notFound('Certificate');
    const jwt = await this.current(id);
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    const entry = (payload.credentialSubject?.identifier ?? []).find((i: { identityType?: string }) => i.identityType === PHONE_IDENTITY_TYPE);
    const e164 = phoneE164(phone);
    if (!entry || !e164) return false;
    const expected = Buffer.from(entry.identityHash);
    const actual = Buffer.from(identityHash(e164, entry.salt));
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
