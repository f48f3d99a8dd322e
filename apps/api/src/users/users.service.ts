import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Page, UserDto } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden } from '../common/app-error.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { ThrottleService } from '../throttle/throttle.service.js';
import { PasswordService } from '../auth/password.service.js';
import { AccessPolicy } from '../access/access-policy.js';
import { manageAction } from '../access/rules/users.js';
import { AuditService } from '../audit/audit.service.js';
import { JobsRepository } from '../employers/jobs.repository.js';
import { OrgsService } from '../orgs/orgs.service.js';
import type { CreateUserDto } from '@hearth/contracts/inputs';
import type { ListUsersQuery } from '@hearth/contracts/inputs';
import { toUserDto } from './user.mapper.js';
import { UsersRepository } from './users.repository.js';

/** Unambiguous characters for passwords read out over the phone. */
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
// randomInt draws each character uniformly (a byte modulo the alphabet's length would favour its first letters).
export const newTemporaryPassword = () => Array.from({ length: 10 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsService,
    private readonly employers: JobsRepository,
    private readonly policy: AccessPolicy,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleService,
  ) {}

  async create(caller: AuthUser, input: CreateUserDto, requestId: string): Promise<UserDto & { temporaryPassword?: string }> {
    if (!this.policy.roleMay(caller.role, manageAction(input.role))) {
      throw new AppError(403, 'ROLE_NOT_ALLOWED', 'Coordinators may create learners, instructors and employer staff only');
    }
    const org = await this.orgs.require(caller, 'org.manage', input.orgId);
    if (input.role === 'learner' && !input.learnerType) throw badRequest('learnerType is required for a learner (volunteer_mother or migrant_worker)');
    if (input.role !== 'learner' && input.learnerType) throw badRequest('learnerType is only for learners');
    if (input.role === 'employer' && !input.employerId) throw new AppError(400, 'EMPLOYER_REQUIRED', 'employerId is required for employer staff');
    if (input.role !== 'employer' && input.employerId) throw badRequest('employerId is only for employer staff');
    if (input.employerId) {
      const employer = await this.employers.findEmployer(input.employerId);
      this.policy.assert(caller, 'employer.read', employer && { orgPath: employer.path, employerId: employer.id });
    }
    const temporaryPassword = input.password ? undefined : newTemporaryPassword();
    const passwordHash = await this.passwords.hash(input.password ?? temporaryPassword!);
    return this.db.transaction(async (tx) => {
      const user = await this.users.insert(
        {
          phone: input.phone,
          name: input.name,
          passwordHash,
          role: input.role,
          orgId: org.id,
          learnerType: input.learnerType ?? null,
          employerId: input.employerId ?? null,
        },
        tx,
      );
      if (!user) throw conflict('PHONE_TAKEN', 'An account with this phone number already exists');
      await this.audit.record(
        { actor: caller, action: 'user.create', entityType: 'user', entityId: user.id, orgId: org.id, requestId, details: { role: user.role } },
        tx,
      );
      return { ...toUserDto({ ...user, orgName: org.name }), ...(temporaryPassword ? { temporaryPassword } : {}) };
    });
  }

  /**
   * A new generated password for someone of her subtree who forgot hers (there is no SMS here): the
   * old password, every session (access tokens too, by the token version) and any sign-in lock end;
   * an unused activation code goes too.
   */
  async resetPassword(caller: AuthUser, userId: string, requestId: string): Promise<{ userId: string; temporaryPassword: string }> {
    const target = await this.users.findActive(userId);
    const facts = target && { orgPath: target.path, subjectId: target.id };
    this.policy.assert(caller, 'user.manage', facts);
    if (target!.id === caller.id) throw new AppError(403, 'ROLE_NOT_ALLOWED', 'Ask another administrator to reset your own password');
    if (!this.policy.can(caller, manageAction(target!.role), facts!)) {
      throw new AppError(403, 'ROLE_NOT_ALLOWED', 'Coordinators may reset the passwords of learners, instructors and employer staff only');
    }
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.passwords.hash(temporaryPassword);
    await this.db.transaction(async (tx) => {
      await this.users.resetPassword(userId, passwordHash, tx);
      await this.audit.record({ actor: caller, action: 'user.password_reset', entityType: 'user', entityId: userId, orgId: target!.orgId, requestId }, tx);
    });
    await this.throttle.reset(`login:phone:${target!.phone}`);
    await this.throttle.reset(`password:user:${userId}`);
    return { userId, temporaryPassword };
  }

  async list(caller: AuthUser, query: ListUsersQuery): Promise<Page<UserDto>> {
    const scope = this.policy.scope(caller, 'user.read');
    if (!scope.any) throw forbidden();
    const under = query.orgId ? await this.orgs.require(caller, 'org.read', query.orgId) : null;
    const { rows, total } = await this.users.list(scope, { underPath: under?.path, role: query.role, q: query.q }, pageOf(query));
    return { items: rows.map((r) => ({ ...toUserDto(r), activated: r.activated })), total };
  }
}
