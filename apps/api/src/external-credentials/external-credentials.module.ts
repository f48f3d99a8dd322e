import { Module } from '@nestjs/common';
import { ExternalCredentialsController, QualificationReviewController } from './external-credentials.controller.js';
import { ExternalCredentialsService } from './external-credentials.service.js';

@Module({ controllers: [ExternalCredentialsController, QualificationReviewController], providers: [ExternalCredentialsService], exports: [ExternalCredentialsService] })
export class ExternalCredentialsModule {}
