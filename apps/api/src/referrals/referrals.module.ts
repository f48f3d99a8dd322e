import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsService } from './referrals.service.js';

@Module({ imports: [ConsentsModule], controllers: [ReferralsController], providers: [ReferralsService] })
export class ReferralsModule {}
