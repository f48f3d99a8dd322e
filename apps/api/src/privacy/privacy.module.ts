import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyService } from './privacy.service.js';

@Module({ imports: [EnrollmentsModule], controllers: [PrivacyController], providers: [PrivacyService, PrivacyRepository] })
export class PrivacyModule {}
