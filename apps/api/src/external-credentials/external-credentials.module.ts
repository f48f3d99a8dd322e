import { Module } from '@nestjs/common';
import { ExternalCredentialsController } from './external-credentials.controller.js';
import { ExternalCredentialsService } from './external-credentials.service.js';

@Module({ controllers: [ExternalCredentialsController], providers: [ExternalCredentialsService], exports: [ExternalCredentialsService] })
export class ExternalCredentialsModule {}
