import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module.js';
import { ClassesController } from './classes.controller.js';
import { ClassesService } from './classes.service.js';

@Module({ imports: [EnrollmentsModule], controllers: [ClassesController], providers: [ClassesService], exports: [ClassesService] })
export class ClassesModule {}
