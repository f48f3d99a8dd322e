import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/config.js';
import { poolGuardViolations } from '../src/database/pool-guard.js';
import { ResponseConformance } from './conformance.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** supertest on the app; every response it sees is checked against the OpenAPI document. */
  http: () => ReturnType<typeof request>;
  conformance: ResponseConformance;
  db: DataSource;
  databaseUrl: string;
  close: () => Promise<void>;
}

let counter = 0;

/** A fresh database cloned from the migrated template, and the real API on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: process.env.HEARTH_TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.HEARTH_TEST_TEMPLATE}"`);
  await admin.end();
  const databaseUrl = `${process.env.HEARTH_TEST_PG_BASE}${name}`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_ITERATIONS: '1',
    DB_POOL_SIZE: '10',
    ...env,
  });
  const app = await createApp(config);
  const server = app.getHttpServer();
  const spec = await request(server).get('/api/docs-json');
  const conformance = new ResponseConformance(spec.body);
  return {
    app,
    http: () => checked(request(server), conformance),
    conformance,
    db: app.get(DataSource),
    databaseUrl,
    close: async () => {
      await app.close();
      if (poolGuardViolations.length > 0) {
        throw new Error(
          `${poolGuardViolations.length} times a transaction waited for a second pool connection:\n${[...new Set(poolGuardViolations)].slice(0, 20).join('\n')}`,
        );
      }
      console.log(`FIGURE ${JSON.stringify({ name: 'openapi conformance', responses: conformance.checked, violations: conformance.violations.length })}`);
      if (conformance.violations.length > 0) {
        const unique = [...new Set(conformance.violations)];
        throw new Error(`${unique.length} responses broke the OpenAPI document:\n${unique.slice(0, 40).join('\n')}`);
      }
    },
  };
}

type Agent = ReturnType<typeof request>;

function checked(agent: Agent, conformance: ResponseConformance): Agent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !['get', 'post', 'put', 'patch', 'delete'].includes(property)) return value;
      return (url: string, ...rest: unknown[]) => {
        const test = (value as (url: string, ...rest: unknown[]) => ReturnType<Agent['get']>).call(target, url, ...rest);
        test.on('response', (res: { status: number; headers: Record<string, string>; body: unknown; text?: string }) => {
          conformance.check({
            method: property.toUpperCase(),
            path: url,
            status: res.status,
            contentType: res.headers['content-type'] ?? '',
            body: res.body,
            text: res.text ?? '',
          });
        });
        return test;
      };
    },
  });
}
