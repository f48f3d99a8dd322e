import { Module } from '@nestjs/common';
import { OrgsModule } from '../orgs/orgs.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';
import { StatsRefreshService } from './stats-refresh.service.js';

@Module({
  imports: [OrgsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository, StatsRefreshService],
  exports: [StatsRefreshService],
})
export class ReportsModule {}
