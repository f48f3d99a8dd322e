import { Module } from '@nestjs/common';
import { ExternalCredentialsController, QualificationReviewController } from './external-credentials.controller.js';
import { ExternalCredentialsRepository } from './external-credentials.repository.js';
import { ExternalCredentialsService } from './external-credentials.service.js';

@Module({
  controllers: [ExternalCredentialsController, QualificationReviewController],
  providers: [ExternalCredentialsService, ExternalCredentialsRepository],
  exports: [ExternalCredentialsService],
})
export class ExternalCredentialsModule {}
