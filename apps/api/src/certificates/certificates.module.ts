import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesRepository } from './certificates.repository.js';
import { CertificatesService } from './certificates.service.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsRepository } from './credentials.repository.js';
import { CredentialsService } from './credentials.service.js';
import { SigningService } from './signing.service.js';
import { WellKnownController } from './well-known.controller.js';

@Module({
  imports: [AttendanceModule],
  controllers: [CertificatesController, CredentialsController, WellKnownController],
  providers: [CertificatesService, CredentialsService, SigningService, CertificatesRepository, CredentialsRepository],
  exports: [CertificatesService, CredentialsService, SigningService],
})
export class CertificatesModule {}
