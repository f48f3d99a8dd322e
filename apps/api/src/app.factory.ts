import 'reflect-metadata';
import helmet from '@fastify/helmet';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { AppModule } from './app.module.js';
import { assertEveryRouteHasAccessRule } from './common/route-inventory.js';
import { validationFailed } from './common/validation-errors.js';
import { DepthLimitPipe } from './common/depth-limit.pipe.js';
import { HttpExceptionFilter, toErrorBody } from './common/http-exception.filter.js';
import { finishDocument } from './common/openapi.js';
import { documentInputs } from './common/input-schemas.js';
import * as inputs from '@hearth/contracts/inputs';
import { createRootLogger, PinoNestLogger } from './common/logger.js';
import type { AppConfig } from './config/config.js';
import { installPoolGuard } from './database/pool-guard.js';
import { DataSource } from 'typeorm';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const rootLogger = createRootLogger(config.logLevel, process.env.LOG_FILE || undefined);
  const adapter = new FastifyAdapter({
    loggerInstance: rootLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy as never,
    // Errors Fastify raises while routing (a malformed or over-long path) answer in the contract's shape too.
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => {
      const { body } = toErrorBody(error);
      void reply.code(body.statusCode).send(body);
    },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(rootLogger),
    abortOnError: false,
  });
  if (config.poolGuard) installPoolGuard(app.get(DataSource));
  app.setGlobalPrefix('api', { exclude: ['.well-known/jwks.json'] });
  app.useGlobalPipes(
    new DepthLimitPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());
  await app.register(helmet as never, { contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } } as never);
  app.enableCors({ origin: [config.webOrigin], credentials: true });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const spec = new DocumentBuilder()
    .setTitle('Hearth API')
    .setDescription("Skills training and certification for women's federations and community clubs")
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  documentInputs(Object.values(inputs));
  const document = finishDocument(SwaggerModule.createDocument(app, spec));
  // The UI's static assets come through @fastify/static, whose ESM-only dependency jest's VM cannot load;
  // tests read the JSON spec, and the browser suite opens the UI against the real process.
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', ui: config.apiDocs && config.nodeEnv !== 'test' });

  await app.init();
  assertEveryRouteHasAccessRule(app);
  await fastify.ready();
  return app;
}
