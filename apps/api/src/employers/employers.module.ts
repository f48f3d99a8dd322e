import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller.js';
import { JobsService } from './jobs.service.js';

@Module({ controllers: [EmployersController], providers: [JobsService], exports: [JobsService] })
export class EmployersModule {}
