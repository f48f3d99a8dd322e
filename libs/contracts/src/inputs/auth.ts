import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { LEARNER_TYPES, LOCALES, type LearnerType, type Locale } from '../domain.js';
import { Doc, IsId, IsName, IsOneOf, IsPassword, IsPhone } from './validation.js';

export class RegisterDto {
  @IsPhone() phone: string;
  @IsPassword() password: string;
  @IsName() name: string;
  @IsOneOf(LEARNER_TYPES, 'learnerType') learnerType: LearnerType;
  @IsId('orgId', true) orgId?: string;
  @IsOneOf(LOCALES, 'locale', true) locale?: Locale;
  @Doc({ description: 'Only for a phone a club already registered: the activation code the club gave her' })
  @IsOptional()
  @Matches(/^[0-9]{8}$/, { message: 'claimCode must be the 8 digits of the activation code' })
  claimCode?: string;
}

export class LoginDto {
  @IsPhone() phone: string;
  // On login any length is checked against the hash; bounds only stop absurd payloads.
  @IsString({ message: 'password is required' }) @Length(1, 1024, { message: 'password is required' }) password: string;
}

export class RefreshDto {
  @IsString({ message: 'refreshToken is required' }) @Length(20, 200, { message: 'refreshToken is not valid' }) refreshToken: string;
}

export class ChangePasswordDto {
  // Checked against the stored hash like a login, so any length; bounds only stop absurd payloads.
  @IsString({ message: 'currentPassword is required' }) @Length(1, 1024, { message: 'currentPassword is required' }) currentPassword: string;
  @IsPassword('newPassword') newPassword: string;
}

export class UpdateMeDto {
  @IsOneOf(LOCALES, 'locale') locale: Locale;
}
