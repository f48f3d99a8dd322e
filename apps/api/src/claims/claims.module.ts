import { Module } from '@nestjs/common';
import { ClaimCodeBatchController, ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';

@Module({ controllers: [ClaimsController, ClaimCodeBatchController], providers: [ClaimsService], exports: [ClaimsService] })
export class ClaimsModule {}
