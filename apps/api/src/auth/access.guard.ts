import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError, forbidden } from '../common/app-error.js';
import { isDatabaseUnavailable } from '../common/http-exception.filter.js';
import { AuditService } from '../audit/audit.service.js';
import { PublicRateLimiter } from '../throttle/public-rate-limiter.js';
import { ACCESS_RULE, type AccessRule } from './access.decorator.js';
import type { AuthUser } from './auth-user.js';

/**
 * The single gate in front of every route: denied by default, then sign-in, then role.
 * Org scope and ownership come after, in the AccessPolicy (src/access), because they need the record.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimiter: PublicRateLimiter,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw forbidden('This route has no access rule and is closed');
    const request = context.switchToHttp().getRequest();
    if (rule.kind === 'public') {
      if (rule.rateLimited) {
        const retryAfter = this.rateLimiter.consume(`public:${request.ip}`, 60, this.config.rateLimitPerMinute);
        if (retryAfter > 0) throw new AppError(429, 'RATE_LIMITED', `Too many requests; try again in ${retryAfter} seconds`, { retryAfter });
      }
      if (rule.identifiesCaller && request.headers?.authorization) {
        try {
          await super.canActivate(context);
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw error;
          request.user = undefined;
        }
      }
      return true;
    }
    await super.canActivate(context);
    const user = request.user as AuthUser;
    if (rule.roles !== 'any' && !rule.roles.includes(user.role)) {
      await this.audit.record({
        actor: user,
        action: 'access.denied',
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions?.url ?? request.url}`,
        orgId: user.orgId,
        requestId: String(request.id),
      });
      throw forbidden(`This action is not available to the ${user.role} role`);
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // The database being down is not the caller's fault: 503 (still closed), not 401.
    if (isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in first: the access token is missing, invalid or expired');
    return user;
  }
}
