import { Organization } from '../orgs/organization.entity.js';
import { User } from '../users/user.entity.js';

/** Every TypeORM entity, listed as classes (no globs in an ESM build). */
export const entities = [Organization, User];
