import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@hearth/contracts';
import { IsOneOf } from '../common/validation.js';
import { Authenticated, CurrentUser, Public, ReqMeta, type RequestMeta } from './access.decorator.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto, RegisterDto } from './dto/auth.dto.js';

class UpdateMeDto {
  @IsOneOf(LOCALES, 'locale') locale: Locale;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Self-registration creates a learner account. */
  @Post('auth/register')
  @HttpCode(201)
  @Public()
  register(@Body() body: RegisterDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.register(body, meta);
  }

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  login(@Body() body: LoginDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.login(body, meta);
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @Public()
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Authenticated()
  async logout(@Body() body: RefreshDto) {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @Authenticated()
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  @Patch('me')
  @Authenticated()
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto) {
    return this.auth.setLocale(user, body.locale);
  }
}
