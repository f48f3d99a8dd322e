import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator.js';
import { Responds, RespondsWithFile } from '../common/openapi.js';
import { HolderCheck, IssuerProfile } from './certificates.schemas.js';
import { CredentialsService } from './credentials.service.js';
import { HolderCheckDto } from '@hearth/contracts/inputs';
import { openToEveryOrigin } from './well-known.controller.js';

const listId = new ParseIntPipe({ errorHttpStatusCode: 404 });

/**
 * What an outside verifier fetches. The web serves these at the URLs the credentials name
 * (PUBLIC_WEB_URL/issuer, /credentials/status/:id) by forwarding here.
 */
@ApiTags('certificates')
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get('issuer')
  @Public()
  @Responds(200, IssuerProfile, 'The issuer Profile (Open Badges 3.0) with its public keys; the web serves it at the issuer id')
  async issuer(@Res({ passthrough: true }) reply: FastifyReply) {
    openToEveryOrigin(reply, 300);
    return this.credentials.issuerProfile();
  }

  @Get('status/:id')
  @Public()
  @RespondsWithFile(200, 'application/vc+jwt', 'A signed BitstringStatusListCredential (VC-JWT); a revocation shows within 60 s')
  async statusList(@Param('id', listId) id: number, @Res() reply: FastifyReply) {
    const jwt = await this.credentials.statusList(id);
    openToEveryOrigin(reply, 30);
    reply.header('content-type', 'application/vc+jwt').send(jwt);
  }

  /** An employer checks the phone number the holder gave her against the credential's salted hash: yes or no. */
  @Post('holder-check/:code')
  @HttpCode(200)
  @Public({ rateLimited: true })
  @Responds(200, HolderCheck)
  async holderCheck(@Param('code') code: string, @Body() body: HolderCheckDto) {
    return { matches: await this.credentials.holderMatches(code.slice(0, 40), body.phone) };
  }
}
