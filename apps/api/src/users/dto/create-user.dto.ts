import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LEARNER_TYPES, ROLES, type LearnerType, type Role } from '@hearth/contracts';
import { IsId, IsName, IsOneOf, IsPassword, IsPhone } from '../../common/validation.js';

export class CreateUserDto {
  @IsPhone() phone: string;
  @IsName() name: string;
  @IsOneOf(ROLES, 'role') role: Role;
  @IsId('orgId') orgId: string;
  @ApiPropertyOptional() @IsOptional() @IsPassword() password?: string;
  @IsOneOf(LEARNER_TYPES, 'learnerType', true) learnerType?: LearnerType;
  @IsId('employerId', true) employerId?: string;
}
