import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CompactSign, importPKCS8, SignJWT, type JWK, type CryptoKey } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CredentialsRepository } from './credentials.repository.js';
import { newSigningKey } from './signing-keys.js';

interface Key {
  id: string;
  privateKey: CryptoKey;
}

/** How long a signer keeps its current key in memory before looking for a newer one. */
const KEY_CACHE_MS = 60_000;

/**
 * The issuer's Ed25519 keys (kept in PostgreSQL so every instance signs alike) and VC-JWTs
 * (EdDSA) made with jose. A key signs from its not_before until a newer key's not_before; every key
 * ever used stays published, so older credentials keep verifying (docs/decisions/013).
 *
 * The JOSE `kid` is an absolute URL `<issuer id>#key-<id>`: the issuer's Profile, served at its id,
 * lists that verification method with its public JWK, and the JWKS names each key by the same URL.
 */
@Injectable()
export class SigningService {
  private current: { key: Key; until: number } | null = null;
  private creating: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: CredentialsRepository,
  ) {}

  get webBase() {
    return this.config.publicWebUrl.replace(/\/$/, '');
  }

  get issuerId() {
    return `${this.webBase}/issuer`;
  }

  keyUrl(id: string) {
    return `${this.issuerId}#key-${id}`;
  }

  /** Creates a key that signs from `notBefore` (now by default). Returns its id. */
  async createKey(notBefore: Date = new Date()): Promise<string> {
    const key = await newSigningKey(notBefore);
    await this.keys.insertKey(key, notBefore);
    this.current = null;
    return key.id;
  }

  private async ensureAKey() {
    this.creating ??= (async () => {
      // One instance creates the first key; the others wait on the lock and then find it.
      await this.db.transaction(async (tx) => {
        await this.keys.lockKeys(tx);
        if (!(await this.keys.anyKey(tx))) {
          const notBefore = new Date(Date.now() - 1000);
          await this.keys.insertKey(await newSigningKey(notBefore), notBefore, tx);
        }
      });
    })().finally(() => {
      this.creating = null;
    });
    return this.creating;
  }

  /** The key in force now: the newest whose not_before has passed. */
  private async signingKey(manager?: EntityManager): Promise<Key> {
    if (this.current && this.current.until > Date.now()) return this.current.key;
    let row = await this.keys.keyInForce(manager);
    if (!row) {
      await this.ensureAKey();
      row = (await this.keys.firstKey())!;
    }
    const key = { id: row.id, privateKey: (await importPKCS8(row.private_pkcs8, 'EdDSA')) as CryptoKey };
    this.current = { key, until: Date.now() + KEY_CACHE_MS };
    return key;
  }

  /** Every key ever used (and any scheduled), oldest first, each named by its absolute kid URL. */
  async publicKeys(): Promise<Array<{ id: string; jwk: JWK; notBefore: string }>> {
    let rows = await this.keys.publicKeys();
    if (rows.length === 0) {
      await this.ensureAKey();
      rows = await this.keys.publicKeys();
    }
    return rows.map((r) => {
      const { kty, crv, x } = r.public_jwk as JWK;
      return { id: r.id, jwk: { kty, crv, x, kid: this.keyUrl(r.id), alg: 'EdDSA', use: 'sig' } as JWK, notBefore: new Date(r.not_before).toISOString() };
    });
  }

  async jwks() {
    return { keys: (await this.publicKeys()).map((k) => k.jwk) };
  }

  /** Loads (or creates) the key now, so a transaction that signs later needs no pool connection of its own. */
  async ready(): Promise<void> {
    await this.signingKey();
  }

  /**
   * A VC-JWT (VC-JOSE-COSE): the payload is the credential itself, with the registered claims
   * that mirror it (iss = issuer.id, jti = id, sub = credentialSubject.id if any, nbf/exp =
   * validFrom/validUntil) so that ordinary JWT libraries enforce the validity period.
   */
  async sign(
    credential: Record<string, unknown> & { id?: string; validFrom?: string; validUntil?: string; credentialSubject?: { id?: string; [k: string]: unknown } },
    manager?: EntityManager,
  ): Promise<string> {
    const key = await this.signingKey(manager);
    const jwt = new SignJWT(credential)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keyUrl(key.id), typ: 'vc+jwt', cty: 'vc' })
      .setIssuer(this.issuerId)
      .setIssuedAt();
    if (credential.id) jwt.setJti(credential.id);
    if (credential.credentialSubject?.id) jwt.setSubject(credential.credentialSubject.id);
    if (credential.validFrom) jwt.setNotBefore(Math.floor(new Date(credential.validFrom).getTime() / 1000));
    if (credential.validUntil) jwt.setExpirationTime(Math.floor(new Date(credential.validUntil).getTime() / 1000));
    return jwt.sign(key.privateKey);
  }

  /**
   * A compact JWS small enough for a QR code: the header names the key by its short id only
   * (`{"alg":"EdDSA","kid":"<id>"}`); the verify page holds the keys.
   */
  async signCompact(payload: Record<string, unknown>): Promise<string> {
    const key = await this.signingKey();
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: key.id }).sign(key.privateKey);
  }
}
