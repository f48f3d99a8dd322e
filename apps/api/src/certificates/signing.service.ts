import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, jwtVerify, SignJWT, importJWK, type JWK, type CryptoKey } from 'jose';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

interface Key {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * The issuer's Ed25519 key (created once, kept in PostgreSQL so every instance signs alike) and
 * Open Badges 3.0 credentials secured as VC-JWT (EdDSA) with jose. The public key is published as a
 * JWKS at /.well-known/jwks.json so anyone can verify a credential offline.
 */
@Injectable()
export class SigningService {
  private key: Promise<Key> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get issuerId() {
    return `${this.config.publicWebUrl.replace(/\/$/, '')}/issuer`;
  }

  private load(): Promise<Key> {
    this.key ??= (async () => {
      const existing = await this.db.query(`SELECT id, public_jwk, private_pkcs8 FROM signing_keys ORDER BY created_at LIMIT 1`);
      if (existing.length > 0) {
        return { kid: existing[0].id, publicJwk: existing[0].public_jwk, privateKey: (await importPKCS8(existing[0].private_pkcs8, 'EdDSA')) as CryptoKey };
      }
      const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const kid = `hearth-${new Date().toISOString().slice(0, 10)}`;
      const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
      await this.db.query(`INSERT INTO signing_keys (id, public_jwk, private_pkcs8) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [kid, publicJwk, await exportPKCS8(privateKey)]);
      // Another instance may have won the race; whichever key is stored first is the key.
      this.key = null;
      return this.load();
    })();
    return this.key;
  }

  async jwks() {
    const rows = await this.db.query(`SELECT public_jwk FROM signing_keys ORDER BY created_at`);
    if (rows.length === 0) await this.load();
    const all = rows.length ? rows : await this.db.query(`SELECT public_jwk FROM signing_keys ORDER BY created_at`);
    return { keys: all.map((r: { public_jwk: JWK }) => r.public_jwk) };
  }

  /** Loads (or creates) the key now, so a transaction that signs later needs no pool connection of its own. */
  async ready(): Promise<void> {
    await this.load();
  }

  async sign(credential: Record<string, unknown>): Promise<string> {
    const key = await this.load();
    return new SignJWT(credential)
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt', cty: 'vc' })
      .setIssuer(this.issuerId)
      .setIssuedAt()
      .sign(key.privateKey);
  }

  async verify(jwt: string) {
    const key = await this.load();
    const publicKey = await importJWK(key.publicJwk, 'EdDSA');
    return jwtVerify(jwt, publicKey, { issuer: this.issuerId, algorithms: ['EdDSA'] });
  }
}
