import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy.js';
import { ScopeService } from './scope.service.js';

@Global()
@Module({ providers: [AccessPolicy, ScopeService], exports: [AccessPolicy, ScopeService] })
export class AccessModule {}
