import { Module } from '@nestjs/common';
import { ClaimCodeBatchController, ClaimsController } from './claims.controller.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsService } from './claims.service.js';

@Module({ controllers: [ClaimsController, ClaimCodeBatchController], providers: [ClaimsService, ClaimsRepository], exports: [ClaimsService] })
export class ClaimsModule {}
