// Starts one embedded PostgreSQL for the whole run and migrates a template database once;
// every test file then clones the template (CREATE DATABASE … TEMPLATE), which takes milliseconds.
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../scripts/embedded-db.mjs';
import { runMigrations } from '../dist/database/migrate.js';

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-api-test-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dir, fsync: false });
  await db.createDatabase('hearth_template');
  await runMigrations(db.url('hearth_template'));
  globalThis.__HEARTH_DB__ = db;
  process.env.HEARTH_TEST_PG_ADMIN_URL = db.url('postgres');
  process.env.HEARTH_TEST_TEMPLATE = 'hearth_template';
  process.env.HEARTH_TEST_PG_BASE = db.url('');
}
