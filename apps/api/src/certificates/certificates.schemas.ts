import { Type, type Static } from 'typebox';
import {
  REVOCATION_REASONS,
  type CertificateDto,
  type MissingRequirement,
  type Page,
  type PublicCertificateDto,
  type RequirementStatusDto,
} from '@hearth/contracts';
import { DateTime, Nullable, OneOf, Page as PageOf, sameShape, Uuid } from '../common/openapi.js';

const CERTIFICATE_STATUSES = ['valid', 'revoked', 'expired'] as const;

const Code = () => Type.String({ description: 'As stored: 11 characters, upper case, no dashes' });
const DisplayCode = () => Type.String({ description: 'Grouped for reading aloud, e.g. ABCD-EFGH-JKM' });
const CourseRef = Type.Object({ code: Type.String(), title: Type.String() });
const Hours = () => Type.Number({ minimum: 0, description: 'Class hours attended' });

/** A certificate as its holder and the staff of the issuing org see it. */
export const Certificate = Type.Object({
  id: Uuid(),
  code: Code(),
  displayCode: DisplayCode(),
  status: OneOf(CERTIFICATE_STATUSES),
  revocationReason: Nullable(OneOf(REVOCATION_REASONS)),
  learnerId: Uuid(),
  holderName: Nullable(Type.String({ description: 'null once the holder has erased her data' })),
  course: CourseRef,
  issuer: Type.String({ description: 'The issuing org' }),
  issuedAt: DateTime(),
  expiresAt: Nullable(DateTime()),
  hours: Hours(),
  enrollmentId: Nullable(Uuid()),
  classId: Nullable(Uuid()),
  verifyUrl: Type.String({ description: 'The public verification page (PUBLIC_WEB_URL/verify/CODE)' }),
});
sameShape<Static<typeof Certificate>, CertificateDto>(true);

export const CertificatePage = PageOf(Certificate);
sameShape<Static<typeof CertificatePage>, Page<CertificateDto>>(true);

/** What anyone may see: no phone, no full name, no ids. */
export const PublicCertificate = Type.Object({
  code: Code(),
  displayCode: DisplayCode(),
  status: OneOf(CERTIFICATE_STATUSES),
  revocationReason: Nullable(OneOf(REVOCATION_REASONS, { description: 'Only when revoked' })),
  holderName: Nullable(Type.String({ description: 'Masked: the first character only, e.g. 李**' })),
  course: CourseRef,
  issuer: Type.String(),
  issuedAt: DateTime(),
  expiresAt: Nullable(DateTime()),
  hours: Hours(),
  renewedBy: Nullable(
    Type.Object(
      { code: Code(), displayCode: DisplayCode(), expiresAt: Nullable(DateTime()) },
      { description: "The holder's newer certificate for the same course, while it is in force" },
    ),
  ),
});
sameShape<Static<typeof PublicCertificate>, PublicCertificateDto>(true);

/** One answer per code asked about, in the order asked. */
export const VerifyManyResult = PageOf(
  Type.Union([
    Type.Object({ input: Type.String(), found: Type.Literal(true), ...PublicCertificate.properties }),
    Type.Object({ input: Type.String(), found: Type.Literal(false), status: Type.Literal('unknown') }),
  ]),
);
sameShape<Static<typeof VerifyManyResult>, Page<(PublicCertificateDto & { input: string; found: true }) | { input: string; found: false; status: 'unknown' }>>(
  true,
);

export const MissingRequirementSchema = Type.Union([
  Type.Object({ requirement: Type.Literal('attendance'), requiredPct: Type.Number(), actualPct: Type.Number() }),
  Type.Object({ requirement: Type.Literal('hours'), required: Type.Number(), actual: Type.Number() }),
  Type.Object({
    requirement: Type.Literal('assessment'),
    assessmentId: Uuid(),
    title: Type.String(),
    passMark: Type.Integer(),
    bestScore: Nullable(Type.Integer()),
  }),
]);
sameShape<Static<typeof MissingRequirementSchema>, MissingRequirement>(true);

export const RequirementStatus = Type.Object({
  enrollmentId: Uuid(),
  complete: Type.Boolean(),
  missing: Type.Array(MissingRequirementSchema),
  certificateCode: Nullable(Code()),
});
sameShape<Static<typeof RequirementStatus>, RequirementStatusDto>(true);

export const SignedCredential = Type.Object({
  code: Code(),
  format: Type.Literal('vc+jwt'),
  credential: Nullable(
    Type.String({
      description: 'Open Badges 3.0 credential as a VC-JWT (EdDSA, typ vc+jwt, kid an absolute URL); one signed in an older format is signed again first',
    }),
  ),
});

/** The issuer's public keys (Ed25519), to verify credentials offline. */
export const Jwks = Type.Object({
  keys: Type.Array(
    Type.Object({
      kty: Type.Literal('OKP'),
      crv: Type.Literal('Ed25519'),
      x: Type.String(),
      kid: Type.String({ description: 'Absolute URL: PUBLIC_WEB_URL/issuer#key-ID, as in the VC-JWT header' }),
      alg: Type.Literal('EdDSA'),
      use: Type.Literal('sig'),
    }),
  ),
});

/** The issuer's Open Badges 3.0 Profile, served at its id; its keys are verification methods named by their kid URL. */
export const IssuerProfile = Type.Object({
  '@context': Type.Array(Type.Unknown()),
  id: Type.String({ description: 'PUBLIC_WEB_URL/issuer' }),
  type: Type.Array(Type.String()),
  name: Type.String({ description: 'The federation (the root org)' }),
  url: Type.String(),
  verificationMethod: Type.Array(
    Type.Object({
      id: Type.String({ description: 'The kid: PUBLIC_WEB_URL/issuer#key-ID' }),
      type: Type.Literal('JsonWebKey'),
      controller: Type.String(),
      publicKeyJwk: Type.Object({
        kty: Type.Literal('OKP'),
        crv: Type.Literal('Ed25519'),
        x: Type.String(),
        kid: Type.String(),
        alg: Type.Literal('EdDSA'),
        use: Type.Literal('sig'),
      }),
    }),
  ),
  assertionMethod: Type.Array(Type.String()),
});

export const HolderCheck = Type.Object({ matches: Type.Boolean({ description: 'Whether the number is the one the holder identifier was made from' }) });
