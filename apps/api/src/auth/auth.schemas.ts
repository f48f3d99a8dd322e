import { Type, type Static } from 'typebox';
import { LEARNER_TYPES, LOCALES, ORG_KINDS, ROLES, type AuthResultDto, type MeDto, type TokenPairDto } from '@hearth/contracts';
import { Nullable, OneOf, sameShape, Uuid } from '../common/openapi.js';
import { User } from '../users/user.schemas.js';

export const TokenPair = Type.Object({
  accessToken: Type.String({ description: 'JWT, short-lived' }),
  refreshToken: Type.String({ description: 'Single use: each refresh returns a new one' }),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
});
sameShape<Static<typeof TokenPair>, TokenPairDto>(true);

export const AuthResult = Type.Object({ user: User, ...TokenPair.properties });
sameShape<Static<typeof AuthResult>, AuthResultDto>(true);

export const Me = Type.Object({
  id: Uuid(),
  phone: Type.String(),
  name: Type.String(),
  role: OneOf(ROLES),
  roles: Type.Array(OneOf(ROLES)),
  orgId: Nullable(Uuid()),
  orgName: Nullable(Type.String()),
  orgKind: Nullable(OneOf(ORG_KINDS)),
  passwordFromStaff: Type.Boolean({ description: 'Her password was set by staff (a new account or a reset); the web asks her to choose her own' }),
  learnerType: Nullable(OneOf(LEARNER_TYPES)),
  employerId: Nullable(Uuid()),
  locale: OneOf(LOCALES),
});
sameShape<Static<typeof Me>, MeDto>(true);
