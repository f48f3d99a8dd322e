import { Module } from '@nestjs/common';
import { OrgsModule } from '../orgs/orgs.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';

@Module({ imports: [OrgsModule], controllers: [ImportsController], providers: [ImportsService, ImportsRepository] })
export class ImportsModule {}
