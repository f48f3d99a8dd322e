import { Module } from '@nestjs/common';
import { EnrollmentsController } from './enrollments.controller.js';
import { EnrollmentsRepository } from './enrollments.repository.js';
import { EnrollmentsService } from './enrollments.service.js';
import { StudyPackController, StudyPackService } from './study-pack.js';

@Module({
  controllers: [EnrollmentsController, StudyPackController],
  providers: [EnrollmentsService, StudyPackService, EnrollmentsRepository],
  exports: [EnrollmentsService],
})
export class EnrollmentsModule {}
