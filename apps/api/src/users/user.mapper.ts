import type { UserDto } from '@hearth/contracts';
import type { User } from './user.entity.js';

/** The only way a user leaves the API: no password hash, no tokens. */
export function toUserDto(user: User & { orgName?: string | null }): UserDto {
  return {
    id: user.id,
    phone: user.phone ?? '',
    name: user.name ?? '',
    role: user.role,
    roles: [user.role],
    orgId: user.orgId,
    orgName: user.orgName ?? null,
    learnerType: user.learnerType,
    employerId: user.employerId,
    locale: user.locale,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
