import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyService } from './privacy.service.js';

@Module({ imports: [EnrollmentsModule], controllers: [PrivacyController], providers: [PrivacyService] })
export class PrivacyModule {}
