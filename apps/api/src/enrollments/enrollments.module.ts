import { Module } from '@nestjs/common';
import { EnrollmentsController } from './enrollments.controller.js';
import { EnrollmentsService } from './enrollments.service.js';
import { StudyPackController, StudyPackService } from './study-pack.js';

@Module({ controllers: [EnrollmentsController, StudyPackController], providers: [EnrollmentsService, StudyPackService], exports: [EnrollmentsService] })
export class EnrollmentsModule {}
