import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { StatsRefreshService } from './stats-refresh.service.js';

@Module({ controllers: [ReportsController], providers: [ReportsService, StatsRefreshService], exports: [StatsRefreshService] })
export class ReportsModule {}
