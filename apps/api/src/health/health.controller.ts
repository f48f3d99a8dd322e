import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { HealthDto } from '@hearth/contracts';
import { Type } from 'typebox';
import { Public } from '../auth/access.decorator.js';
import { Responds } from '../common/openapi.js';

const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]), db: Type.Union([Type.Literal('up'), Type.Literal('down')]) });

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  @Responds(200, Health)
  @Responds(503, Health, 'The database does not answer')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch {
      reply.status(503);
      return { status: 'degraded', db: 'down' };
    }
  }
}
