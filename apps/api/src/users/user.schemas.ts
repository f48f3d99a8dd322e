import { Type, type Static } from 'typebox';
import { LEARNER_TYPES, LOCALES, ROLES, type ListedUserDto, type Page as PageOf, type PasswordResetDto, type UserDto } from '@hearth/contracts';
import { DateTime, Nullable, OneOf, Page, sameShape, Uuid } from '../common/openapi.js';

/** A user as the API shows her: never a password hash or a token. */
export const User = Type.Object({
  id: Uuid(),
  phone: Type.String({ description: 'Empty once the person has erased her data' }),
  name: Type.String(),
  role: OneOf(ROLES),
  roles: Type.Array(OneOf(ROLES)),
  orgId: Nullable(Uuid()),
  orgName: Type.Optional(Nullable(Type.String())),
  learnerType: Nullable(OneOf(LEARNER_TYPES)),
  employerId: Nullable(Uuid()),
  locale: OneOf(LOCALES),
  createdAt: DateTime(),
});
sameShape<Static<typeof User>, UserDto>(true);

/** POST /users: the new user, with the generated password when none was given (to read out to her once). */
export const CreatedUser = Type.Object({
  ...User.properties,
  temporaryPassword: Type.Optional(Type.String({ description: 'Only when no password was given: generated, shown this once' })),
});
sameShape<Static<typeof CreatedUser>, UserDto & { temporaryPassword?: string }>(true);

/** GET /users: each account says whether its owner has set a password (a learner her club imported has not, until she claims it). */
export const ListedUser = Type.Object({
  ...User.properties,
  activated: Type.Boolean({ description: 'False for a learner her club registered who has not yet claimed the account' }),
});
export const UserPage = Page(ListedUser);
sameShape<Static<typeof UserPage>, PageOf<ListedUserDto>>(true);

/** POST /users/:id/password-reset: the new password, generated and shown this once. */
export const PasswordReset = Type.Object({
  userId: Uuid(),
  temporaryPassword: Type.String({ description: 'Generated; read it out to her once. Her old password and sessions no longer work.' }),
});
sameShape<Static<typeof PasswordReset>, PasswordResetDto>(true);
