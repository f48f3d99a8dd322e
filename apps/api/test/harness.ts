import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/config.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
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
  return {
    app,
    http: () => request(server),
    db: app.get(DataSource),
    databaseUrl,
    close: () => app.close(),
  };
}
