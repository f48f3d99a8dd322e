import { randomBytes } from 'node:crypto';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';

export interface NewSigningKey {
  id: string;
  publicJwk: Record<string, unknown>;
  privatePkcs8: string;
}

/** A fresh Ed25519 issuer key, named by the day it starts signing (readable in the JWKS) and a random suffix. */
export async function newSigningKey(notBefore: Date): Promise<NewSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return {
    id: `${notBefore.toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`,
    publicJwk: { ...(await exportJWK(publicKey)), alg: 'EdDSA', use: 'sig' },
    privatePkcs8: await exportPKCS8(privateKey),
  };
}

export const INSERT_SIGNING_KEY = `INSERT INTO signing_keys (id, public_jwk, private_pkcs8, not_before) VALUES ($1, $2, $3, $4)`;
