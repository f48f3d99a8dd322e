import { Global, Module } from '@nestjs/common';
import { PublicRateLimiter } from './public-rate-limiter.js';
import { ThrottleService } from './throttle.service.js';

@Global()
@Module({ providers: [ThrottleService, PublicRateLimiter], exports: [ThrottleService, PublicRateLimiter] })
export class ThrottleModule {}
