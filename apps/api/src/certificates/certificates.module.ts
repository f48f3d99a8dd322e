import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesService } from './certificates.service.js';
import { SigningService } from './signing.service.js';
import { WellKnownController } from './well-known.controller.js';

@Module({
  imports: [AttendanceModule],
  controllers: [CertificatesController, WellKnownController],
  providers: [CertificatesService, SigningService],
  exports: [CertificatesService, SigningService],
})
export class CertificatesModule {}
