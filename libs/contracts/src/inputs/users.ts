import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LEARNER_TYPES, LOCALES, ROLES, type LearnerType, type Locale, type Role } from '../domain.js';
import { Doc, IsCalendarDate, IsId, IsName, IsNotAfter, IsOneOf, IsPassword, IsPhone, PageQuery, toBoolean } from './validation.js';

export class CreateUserDto {
  @IsPhone() phone: string;
  @IsName() name: string;
  @IsOneOf(ROLES, 'role') role: Role;
  @IsId('orgId') orgId: string;
  @Doc({ description: 'Without one, the learner activates her account with a claim code' }) @IsOptional() @IsPassword() password?: string;
  @IsOneOf(LEARNER_TYPES, 'learnerType', true) learnerType?: LearnerType;
  @IsId('employerId', true) employerId?: string;
}

export class ListUsersQuery extends PageQuery {
  @IsOneOf(ROLES, 'role', true) role?: Role;
  @IsId('orgId', true) orgId?: string;
  @Doc({ description: 'Name contains, or phone starts with' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: 'q must be at most 50 characters' })
  q?: string;
}

export class VolunteersQuery extends PageQuery {
  @IsOptional() @toBoolean @IsBoolean({ message: 'ready must be true or false' }) ready?: boolean;
}

export class AuditQuery extends PageQuery {
  @IsOptional() @IsString() @Matches(/^[a-z_]{1,40}$/, { message: 'entityType must be a record type such as certificate or referral' }) entityType?: string;
  @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @IsId('actorId', true) actorId?: string;
  @IsOptional() @IsString() @Matches(/^[a-z_.]{1,60}$/, { message: 'action must be an action name such as certificate.revoke' }) action?: string;
}

export class SummaryQuery {
  @IsId('orgId', true) orgId?: string;
  @IsCalendarDate('from', '2026-01-01', true) @IsNotAfter('from', 'to') from?: string;
  @IsCalendarDate('to', '2026-12-31', true) to?: string;
  @IsOneOf(LOCALES, 'lang', true) lang?: Locale;
}
