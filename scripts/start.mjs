#!/usr/bin/env node
// `npm start`: the whole product on one machine. Starts an embedded PostgreSQL unless DATABASE_URL
// is set, then the API (which migrates and seeds) and the web, and stops all of them on Ctrl-C.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded-db.mjs';
import { apiNodeOptions } from './api-runtime.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.HEARTH_DATA_DIR ?? join(root, '.data'));
const apiPort = Number(process.env.API_PORT ?? 3333);
const webPort = Number(process.env.PORT ?? 3000);
const log = (message) => console.log(`[hearth] ${message}`);

/** A secret kept in the data dir, so restarts keep sessions valid. */
function keptSecret(name) {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const children = [];
let db = null;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (db) {
    await db.stop().catch((error) => console.error(error));
    log('embedded PostgreSQL stopped');
  }
  process.exit(code);
}

function run(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[hearth] ${name} exited (${signal ?? code}); stopping the rest`);
      shutdown(code || 1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  mkdirSync(dataDir, { recursive: true });
  for (const built of ['apps/api/dist/main.js', 'apps/web/build/server/index.js']) {
    if (!existsSync(join(root, built))) {
      console.error(`[hearth] ${built} is missing: run "npm run build" first (npm start does it for you)`);
      process.exit(1);
    }
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL (data in ${dataDir})`);
    db = await startEmbeddedPostgres({ dir: dataDir, log: () => {} });
    await db.createDatabase('hearth');
    databaseUrl = db.localUrl('hearth');
    log(`PostgreSQL ready on port ${db.port}`);
  } else {
    log('using DATABASE_URL');
  }

  const jwtSecret = process.env.JWT_SECRET ?? keptSecret('jwt-secret');
  const sessionSecret = process.env.SESSION_SECRET ?? keptSecret('session-secret');
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = process.env.PUBLIC_WEB_URL ?? `http://localhost:${webPort}`;

  run('api', process.execPath, ['apps/api/dist/main.js'], {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    API_PORT: String(apiPort),
    SEED_DEMO: process.env.SEED_DEMO ?? 'true',
    WEB_ORIGIN: process.env.WEB_ORIGIN ?? webUrl,
    PUBLIC_WEB_URL: webUrl,
    HEARTH_DATA_DIR: dataDir,
    NODE_OPTIONS: apiNodeOptions(),
  });
  if (!(await waitFor(`${apiUrl}/api/health`, 120))) {
    console.error('[hearth] the API did not become healthy within 120 s');
    return shutdown(1);
  }
  run('web', process.execPath, ['apps/web/server.js'], {
    PORT: String(webPort),
    API_URL: apiUrl,
    SESSION_SECRET: sessionSecret,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  });
  if (!(await waitFor(`http://127.0.0.1:${webPort}/healthz`, 60))) {
    console.error('[hearth] the web did not start within 60 s');
    return shutdown(1);
  }
  log('');
  log(`Hearth is running:  web ${webUrl}   API ${apiUrl}/api   API docs ${apiUrl}/api/docs`);
  log('Demo sign-ins (password Hearth@2026) are listed in README.md. Ctrl-C stops everything.');
}

main().catch((error) => {
  console.error(error);
  shutdown(1);
});
