import { gunzipSync } from 'node:zlib';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { publicApi } from './api.server';

export type StepName = 'signature' | 'issuer' | 'validity' | 'status';
export type StepState = 'pass' | 'fail' | 'skip';
/** One step of the check, with what the verifier saw (`detail` is a message key's suffix and its values). */
export interface Step {
  name: StepName;
  state: StepState;
  detail: string;
  values?: Record<string, string>;
}

/** Thrown when the issuer's published documents cannot be fetched: the check itself failed, not the credential. */
export class CheckUnavailable extends Error {}

const api = () => publicApi(8_000);

/** The issuer's document, or CheckUnavailable when it cannot be had. */
async function published<T>(what: string, get: Promise<T>): Promise<T> {
  try {
    return await get;
  } catch {
    throw new CheckUnavailable(what);
  }
}

type Payload = {
  iss?: string;
  nbf?: number;
  exp?: number;
  issuer?: string | { id?: string; name?: string };
  credentialStatus?: StatusEntry | StatusEntry[];
  credentialSubject?: { encodedList?: string };
};
type StatusEntry = { type?: string; statusPurpose?: string; statusListIndex?: string; statusListCredential?: string };

/** The signature with the published key the header's `kid` names; the payload if it holds. */
async function verifiedPayload(jwt: string, keys: JWK[]): Promise<{ payload: Payload } | { problem: string; kid?: string }> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(jwt);
    kid = header.kid;
    if (header.alg !== 'EdDSA') return { problem: 'malformed' };
  } catch {
    return { problem: 'malformed' };
  }
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) return { problem: 'unknownKey', kid };
  try {
    const { payload } = await compactVerify(jwt, await importJWK(jwk, 'EdDSA'));
    return { payload: JSON.parse(new TextDecoder().decode(payload)) as Payload };
  } catch {
    return { problem: 'badSignature', kid };
  }
}

/** `<issuer>#key-<id>` shown as `key-<id>` (the whole URL would not fit a phone's width). */
const shortKid = (kid: string | undefined) => (kid ? kid.replace(/^.*#/, '#') : '—');

const day = (seconds: number) => new Date(seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * What an outside verifier does with a VC-JWT, step by step, using only what the issuer publishes:
 * 1 the signature with the key its `kid` names in the JWKS, 2 the issuer against the issuer Profile,
 * 3 nbf/exp against now, 4 the revocation bit in the Bitstring Status List it points at.
 */
export async function checkCredential(jwt: string, now = new Date()): Promise<Step[]> {
  const [{ keys }, profile] = await Promise.all([
    published('/.well-known/jwks.json', api().credentials.jwks()),
    published('/api/credentials/issuer', api().credentials.issuer()),
  ]);
  const steps: Step[] = [];
  const signed = await verifiedPayload(jwt, keys);
  if (!('payload' in signed)) {
    steps.push({ name: 'signature', state: 'fail', detail: signed.problem, values: { kid: shortKid(signed.kid) } });
    for (const name of ['issuer', 'validity', 'status'] as const) steps.push({ name, state: 'skip', detail: 'skipped' });
    return steps;
  }
  const { payload } = signed;
  steps.push({ name: 'signature', state: 'pass', detail: 'ok', values: { kid: shortKid(decodeProtectedHeader(jwt).kid) } });

  const issuerId = typeof payload.issuer === 'string' ? payload.issuer : payload.issuer?.id;
  const issuerName = typeof payload.issuer === 'object' ? payload.issuer.name : undefined;
  const issuerOk = issuerId === profile.id && payload.iss === profile.id && issuerName === profile.name;
  steps.push({
    name: 'issuer',
    state: issuerOk ? 'pass' : 'fail',
    detail: issuerOk ? 'ok' : 'mismatch',
    values: { id: issuerId ?? '—', name: issuerName ?? '—', expected: profile.name },
  });

  const seconds = Math.floor(now.getTime() / 1000);
  const from = payload.nbf ? day(payload.nbf) : '—';
  const until = payload.exp ? day(payload.exp) : '';
  if (payload.nbf && payload.nbf > seconds) steps.push({ name: 'validity', state: 'fail', detail: 'notYet', values: { from } });
  else if (payload.exp && payload.exp <= seconds) steps.push({ name: 'validity', state: 'fail', detail: 'expired', values: { until } });
  else steps.push({ name: 'validity', state: 'pass', detail: until ? 'ok' : 'okNoExpiry', values: { from, until } });

  steps.push(await statusStep(payload, keys, profile.id));
  return steps;
}

/** The revocation bit, from the status list credential the entry names (on this issuer's origin only). */
async function statusStep(payload: Payload, keys: JWK[], issuerId: string): Promise<Step> {
  const entries = ([] as StatusEntry[]).concat(payload.credentialStatus ?? []);
  const entry = entries.find((e) => e.type === 'BitstringStatusListEntry' && e.statusPurpose === 'revocation');
  const index = Number(entry?.statusListIndex);
  const listId = entry?.statusListCredential?.startsWith(`${new URL(issuerId).origin}/credentials/status/`)
    ? /\/credentials\/status\/(\d{1,9})$/.exec(entry.statusListCredential)?.[1]
    : undefined;
  if (!entry || !listId || !Number.isInteger(index) || index < 0) return { name: 'status', state: 'fail', detail: 'noEntry' };
  let listJwt: string;
  try {
    const res = await api().credentials.statusListDocument(Number(listId));
    if (!res.ok) throw new Error(String(res.status));
    listJwt = (await res.text()).trim();
  } catch {
    throw new CheckUnavailable('status list');
  }
  const list = await verifiedPayload(listJwt, keys);
  if (!('payload' in list) || !list.payload.credentialSubject?.encodedList?.startsWith('u')) return { name: 'status', state: 'fail', detail: 'badList' };
  const bits = gunzipSync(Buffer.from(list.payload.credentialSubject.encodedList.slice(1), 'base64url'));
  if (index >= bits.length * 8) return { name: 'status', state: 'fail', detail: 'badList' };
  // Index 0 is the left-most bit of the first byte.
  const revoked = (bits[index >> 3] >> (7 - (index & 7))) & 1;
  return revoked
    ? { name: 'status', state: 'fail', detail: 'revoked', values: { index: String(index) } }
    : { name: 'status', state: 'pass', detail: 'ok', values: { index: String(index) } };
}
