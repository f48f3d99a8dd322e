import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

@Module({ imports: [ConsentsModule, EmployersModule], controllers: [ReferralsController], providers: [ReferralsService, ReferralsRepository] })
export class ReferralsModule {}
