import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

@Module({ controllers: [EmployersController], providers: [JobsService, JobsRepository], exports: [JobsService, JobsRepository] })
export class EmployersModule {}
