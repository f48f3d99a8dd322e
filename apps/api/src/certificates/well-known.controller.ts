import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { Responds } from '../common/openapi.js';
import { Jwks } from './certificates.schemas.js';
import { SigningService } from './signing.service.js';

/** Served outside /api at the conventional places, so verifiers find the key without documentation. */
@ApiTags('certificates')
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly signing: SigningService) {}

  @Get('jwks.json')
  @Public()
  @Responds(200, Jwks, 'Public keys of the issuer (JWKS), served at /.well-known/jwks.json, outside /api')
  jwks() {
    return this.signing.jwks();
  }
}
