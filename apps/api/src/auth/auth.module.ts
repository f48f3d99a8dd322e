import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { PassportModule } from '@nestjs/passport';
import { ClaimsModule } from '../claims/claims.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { AuthUserLoader } from './auth-user.loader.js';
import { JwtStrategy } from './jwt.strategy.js';
import { PasswordService } from './password.service.js';

@Module({
  imports: [
    PassportModule,
    ClaimsModule,
    OrgsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject built once (see JwtStrategy): given a string, jsonwebtoken tries it as a private key on every sign.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.accessTokenSeconds, issuer: config.jwtIssuer, audience: config.jwtAudience },
        verifyOptions: { algorithms: ['HS256'], issuer: config.jwtIssuer, audience: config.jwtAudience },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, AuthUserLoader, JwtStrategy, PasswordService],
  exports: [AuthService, PasswordService, AuthUserLoader],
})
export class AuthModule {}
