import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@hearth/contracts';
import type { AuthUser } from './auth-user.js';

export const ACCESS_RULE = 'hearth:access';

export type AccessRule = { kind: 'public'; rateLimited: boolean; identifiesCaller?: boolean } | { kind: 'authenticated'; roles: readonly Role[] | 'any' };

/**
 * Every route says who may call it; the global AccessGuard refuses a route that does not.
 * `roles` limits by role; org scope and ownership are then checked by the AccessPolicy in the service.
 */
export function Authenticated(options: { roles?: readonly Role[] } = {}) {
  const rule: AccessRule = { kind: 'authenticated', roles: options.roles ?? 'any' };
  return applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiBearerAuth());
}

/**
 * No sign-in needed. Rate-limited per client address when `rateLimited` (RATE_LIMIT_PER_MINUTE).
 * `identifiesCaller`: a valid bearer token still sets the current user (it may see more, e.g. an
 * admin sees draft courses); a missing or bad one leaves the caller anonymous rather than refused.
 */
export function Public(options: { rateLimited?: boolean; identifiesCaller?: boolean } = {}) {
  const rule: AccessRule = { kind: 'public', rateLimited: options.rateLimited ?? false, ...(options.identifiesCaller ? { identifiesCaller: true } : {}) };
  return SetMetadata(ACCESS_RULE, rule);
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user as AuthUser;
});

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

export const ReqMeta = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest();
  return { requestId: String(req.id), ip: String(req.ip ?? ''), userAgent: req.headers?.['user-agent'] ?? null };
});
