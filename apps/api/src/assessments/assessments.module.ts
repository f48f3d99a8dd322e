import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsRepository } from './assessments.repository.js';
import { AssessmentsService } from './assessments.service.js';

@Module({ imports: [CertificatesModule], controllers: [AssessmentsController], providers: [AssessmentsService, AssessmentsRepository] })
export class AssessmentsModule {}
