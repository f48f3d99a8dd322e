import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, Public, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { AuditService } from '../audit/audit.service.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import { Responds, RespondsWithFile } from '../common/openapi.js';
import { Certificate, CertificatePage, PublicCertificate, RequirementStatus, SignedCredential, VerifyManyResult } from './certificates.schemas.js';
import { CertificatesService } from './certificates.service.js';
import { CredentialsService } from './credentials.service.js';
import { RevokeDto, VerifyManyDto } from '@hearth/contracts/inputs';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly audit: AuditService,
    private readonly credentials: CredentialsService,
  ) {}

  /** 201 when this call issued it, 200 when it already existed; 422 REQUIREMENTS_NOT_MET lists what is missing. */
  @Post('enrollments/:id/certificate')
  @Authenticated({ roles: ['instructor', 'coordinator', 'admin'] })
  @Responds(201, Certificate, 'Issued by this call')
  @Responds(200, Certificate, 'Issued before (by an earlier call or automatically)')
  async issue(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @ReqMeta() meta: RequestMeta,
    @Lang() lang: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { created, certificate } = await this.certificates.issue(user, id, meta.requestId, lang);
    reply.status(created ? 201 : 200);
    return certificate;
  }

  @Get('enrollments/:id/requirements')
  @Authenticated({ roles: ['learner', 'instructor', 'coordinator', 'admin'] })
  @Responds(200, RequirementStatus)
  requirements(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Lang() lang: Locale) {
    return this.certificates.requirementStatus(user, id, lang);
  }

  @Get('certificates/verify/:code')
  @Public({ rateLimited: true })
  @Responds(200, PublicCertificate)
  verify(@Param('code') code: string, @Lang() lang: Locale) {
    return this.certificates.verify(code.slice(0, 40), lang);
  }

  /** Employers check up to 100 codes at once. */
  @Post('certificates/verify')
  @HttpCode(200)
  @Public({ rateLimited: true })
  @Responds(200, VerifyManyResult)
  verifyMany(@Body() body: VerifyManyDto, @Lang() lang: Locale) {
    return this.certificates.verifyMany(body.codes, lang);
  }

  @Get('certificates/:code/pdf')
  @Authenticated({ roles: ['learner', 'coordinator', 'admin'] })
  @RespondsWithFile(200, 'application/pdf', 'The certificate, with a QR code to its verification page')
  async pdf(@CurrentUser() user: AuthUser, @Param('code') code: string, @ReqMeta() meta: RequestMeta, @Res() reply: FastifyReply) {
    const row = await this.certificates.forHolderOrStaff(user, code.slice(0, 40));
    const dto = this.certificates.toDto(row, 'zh-CN');
    const pdf = await renderCertificatePdf({
      holderName: row.holder_name ?? '—',
      courseTitle: row.title_zh,
      courseTitleEn: row.title_en,
      hours: dto.hours,
      issuer: dto.issuer,
      issuedAt: dto.issuedAt,
      expiresAt: dto.expiresAt,
      displayCode: dto.displayCode,
      verifyUrl: dto.verifyUrl,
      // The QR code carries a signed token after '#', which browsers never send to a server.
      qrUrl: `${dto.verifyUrl}#t=${await this.credentials.paperToken(row.id)}`,
      status: dto.status,
    });
    if (user.id !== row.learner_id)
      await this.audit.record({
        actor: user,
        action: 'certificate.download',
        entityType: 'certificate',
        entityId: row.id,
        orgId: row.org_id,
        requestId: meta.requestId,
      });
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="certificate-${row.code}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }

  /** The signed Open Badges 3.0 credential (VC-JWT), for the holder to keep or hand on. */
  @Get('certificates/:code/credential')
  @Authenticated({ roles: ['learner', 'coordinator', 'admin'] })
  @Responds(200, SignedCredential)
  async credential(@CurrentUser() user: AuthUser, @Param('code') code: string) {
    const row = await this.certificates.forHolderOrStaff(user, code.slice(0, 40));
    return { code: row.code, format: 'vc+jwt', credential: await this.credentials.current(row.id) };
  }

  @Post('certificates/:code/revoke')
  @HttpCode(200)
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, Certificate)
  revoke(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: RevokeDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.certificates.revoke(user, code.slice(0, 40), body.reason, body.note, meta.requestId, lang);
  }

  @Get('me/certificates')
  @Authenticated({ roles: ['learner'] })
  @Responds(200, CertificatePage)
  mine(@CurrentUser() user: AuthUser, @Lang() lang: Locale) {
    return this.certificates.mine(user, lang);
  }
}
