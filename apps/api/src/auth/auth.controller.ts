import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Responds, RespondsEmpty } from '../common/openapi.js';
import { Authenticated, CurrentUser, Public, ReqMeta, type RequestMeta } from './access.decorator.js';
import type { AuthUser } from './auth-user.js';
import { AuthResult, Me, TokenPair } from './auth.schemas.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, LoginDto, RefreshDto, RegisterDto, UpdateMeDto } from '@hearth/contracts/inputs';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Self-registration creates a learner account. */
  @Post('auth/register')
  @HttpCode(201)
  @Public()
  @Responds(201, AuthResult)
  register(@Body() body: RegisterDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.register(body, meta);
  }

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @Responds(200, AuthResult)
  login(@Body() body: LoginDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.login(body, meta);
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @Public()
  @Responds(200, TokenPair)
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Authenticated()
  @RespondsEmpty()
  async logout(@Body() body: RefreshDto) {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @Responds(200, Me)
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  @Patch('me')
  @Authenticated()
  @Responds(200, Me)
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto) {
    return this.auth.setLocale(user, body.locale);
  }

  /** Her own password, given the current one. Ends her other sign-ins; answers a fresh token pair for this one. */
  @Post('me/password')
  @HttpCode(200)
  @Authenticated()
  @Responds(200, TokenPair)
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.changePassword(user, body, meta);
  }
}
