// Starts the whole product the way `npm start` does (scripts/start.mjs), on free ports and a fresh data dir.
// ORG_PICKER_LIMIT=5: the demo tree is small, so the national admin's org selects search by name as a big subtree's do.
// HEARTH_E2E_DATA_DIR=<dir> keeps the database in that dir and reuses it on the next run: run a spec
// twice against the same database to show that its data is its own (no unique-key clashes, no leftovers).
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  const kept = process.env.HEARTH_E2E_DATA_DIR;
  const dataDir = kept ? resolve(kept) : mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  if (kept) mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const apiPort = await freePort();
  const webPort = await freePort();
  const output = [];
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      HEARTH_DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      PORT: String(webPort),
      SEED_DEMO: 'true',
      RATE_LIMIT_PER_MINUTE: '1000',
      ORG_PICKER_LIMIT: '5',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const started = await new Promise((done) => {
    const timer = setTimeout(() => done(false), 180_000);
    const check = setInterval(() => {
      if (output.join('').includes('Hearth is running')) {
        clearInterval(check);
        clearTimeout(timer);
        done(true);
      }
      if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(timer);
        done(false);
      }
    }, 100);
  });
  if (!started) {
    child.kill('SIGKILL');
    throw new Error(`the product did not start:\n${output.join('')}`);
  }
  globalThis.__HEARTH_PRODUCT__ = { child, output };
  process.env.HEARTH_API_URL = `http://127.0.0.1:${apiPort}`;
  process.env.HEARTH_WEB_URL = `http://127.0.0.1:${webPort}`;
  process.env.HEARTH_E2E_DATA_DIR = dataDir;
}
