import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module.js';
import { ClassSessionsService } from './class-sessions.service.js';
import { ClassesController } from './classes.controller.js';
import { ClassesRepository } from './classes.repository.js';
import { ClassesService } from './classes.service.js';
import { SessionsController } from './sessions.controller.js';

@Module({
  imports: [EnrollmentsModule],
  controllers: [ClassesController, SessionsController],
  providers: [ClassesService, ClassSessionsService, ClassesRepository],
  exports: [ClassesService],
})
export class ClassesModule {}
