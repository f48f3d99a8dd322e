import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { SigningService } from './signing.service.js';

/** Served outside /api at the conventional places, so verifiers find the key without documentation. */
@ApiTags('certificates')
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly signing: SigningService) {}

  @Get('jwks.json')
  @Public()
  jwks() {
    return this.signing.jwks();
  }
}
