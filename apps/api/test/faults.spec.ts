import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/config.js';
import { runMigrations } from '../src/database/migrate.js';
import { SeedService } from '../src/seed/seed.service.js';
// @ts-expect-error plain JS helper shared with npm start
import { startEmbeddedPostgres } from '../../../scripts/embedded-db.mjs';

interface EmbeddedDb {
  url: (db?: string) => string;
  port: number;
  stop: () => Promise<void>;
  createDatabase: (name: string) => Promise<void>;
}

/** The database going away: the API answers 503 without a stack trace, refuses access (fails closed), and recovers. */
describe('faults: database down', () => {
  let db: EmbeddedDb;
  let dir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-faults-'));
    chmodSync(dir, 0o755);
    db = await startEmbeddedPostgres({ dir, fsync: false });
    await db.createDatabase('hearth');
    await runMigrations(db.url('hearth'));
    app = await createApp(
      loadConfig({
        DATABASE_URL: db.url('hearth'),
        JWT_SECRET: 'faults-secret-faults-secret-faults-secret-0',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        ARGON2_MEMORY_KIB: '1024',
        ARGON2_ITERATIONS: '1',
        ADMIN_PHONE: '13700000001',
        ADMIN_PASSWORD: 'faults-password',
      }),
    );
    await app.get(SeedService).run();
  });
  afterAll(async () => {
    await app?.close();
    await db?.stop();
  });

  it('answers 503 with no stack trace while PostgreSQL is down, fails closed, and recovers when it is back', async () => {
    const http = () => request(app.getHttpServer());
    const login = await http().post('/api/auth/login').send({ phone: '13700000001', password: 'faults-password' });
    expect(login.status).toBe(200);
    const token = login.body.accessToken;

    await db.stop();
    const health = await http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', db: 'down' });
    for (const res of [
      await http().get('/api/me').set('Authorization', `Bearer ${token}`),
      await http().get('/api/users').set('Authorization', `Bearer ${token}`),
      await http().post('/api/auth/login').send({ phone: '13700000001', password: 'faults-password' }),
      await http().get('/api/courses'),
    ]) {
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+|ECONNREFUSED/);
    }

    db = await startEmbeddedPostgres({ dir, port: db.port, fsync: false });
    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await http().get('/api/health')).status;
      if (back !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(200);
    expect((await http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
  });
});
