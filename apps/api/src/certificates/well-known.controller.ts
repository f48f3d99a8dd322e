import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator.js';
import { Responds } from '../common/openapi.js';
import { Jwks } from './certificates.schemas.js';
import { SigningService } from './signing.service.js';

/** Public documents any site may read from a browser: no cookies are involved, so any origin. */
export function openToEveryOrigin(reply: FastifyReply, maxAgeSeconds: number) {
  reply.header('access-control-allow-origin', '*');
  reply.removeHeader('access-control-allow-credentials');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  reply.header('cache-control', `public, max-age=${maxAgeSeconds}`);
}

/** Served outside /api at the conventional places, so verifiers find the key without documentation. */
@ApiTags('certificates')
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly signing: SigningService) {}

  @Get('jwks.json')
  @Public()
  @Responds(
    200,
    Jwks,
    'Every public key the issuer has signed with (JWKS), each kid the absolute URL in the VC-JWT header; served at /.well-known/jwks.json, outside /api, and on the web origin',
  )
  jwks(@Res({ passthrough: true }) reply: FastifyReply) {
    openToEveryOrigin(reply, 300);
    return this.signing.jwks();
  }
}
