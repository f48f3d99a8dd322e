#!/usr/bin/env node
// The issuer's signing keys (docs/decisions/013): list them, or schedule a new one.
//
//   npm run keys                          every key, when it signs from, which one signs now
//   npm run keys -- rotate --from 2027-01-01
//                                         a new key signs from that day (00:00 China time); the old
//                                         ones stay published, so certificates signed before still verify
//
// Uses DATABASE_URL, or the embedded PostgreSQL of `npm start` (running or not) in HEARTH_DATA_DIR (.data).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.HEARTH_DATA_DIR ?? join(root, '.data'));
const built = join(root, 'apps/api/dist/certificates/signing-keys.js');

function usage(message) {
  if (message) console.error(message);
  console.error('usage: npm run keys [-- list]\n       npm run keys -- rotate --from YYYY-MM-DD');
  process.exit(2);
}

/** A day in China time; rotation takes effect at its midnight there. */
function parseFrom(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) usage('--from needs a date such as 2027-01-01');
  const at = new Date(`${value}T00:00:00+08:00`);
  if (Number.isNaN(at.getTime())) usage(`--from ${value} is not a date`);
  return at;
}

async function connect() {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return { client, stop: async () => {} };
  }
  const portFile = join(dataDir, 'pg.port');
  if (existsSync(portFile)) {
    // `npm start` may be running: use its server rather than starting a second one on the same files.
    const client = new pg.Client({ connectionString: `postgres://postgres:hearth-local@127.0.0.1:${readFileSync(portFile, 'utf8').trim()}/hearth` });
    try {
      await client.connect();
      return { client, stop: async () => {} };
    } catch {
      await client.end().catch(() => {});
    }
  }
  if (!existsSync(join(dataDir, 'pg', 'PG_VERSION'))) usage(`no database: set DATABASE_URL, or run npm start once (data in ${dataDir})`);
  const db = await startEmbeddedPostgres({ dir: dataDir });
  const client = new pg.Client({ connectionString: db.url('hearth') });
  await client.connect();
  return { client, stop: () => db.stop() };
}

async function main() {
  const [command = 'list', ...rest] = process.argv.slice(2);
  if (!['list', 'rotate'].includes(command)) usage(`unknown command ${command}`);
  const from = command === 'rotate' ? parseFrom(rest[rest.indexOf('--from') + 1]) : null;
  if (command === 'rotate' && rest.indexOf('--from') < 0) usage('rotate needs --from YYYY-MM-DD');
  if (from && from.getTime() < Date.now() - 86_400_000) usage('--from is in the past: a key cannot sign earlier credentials');
  if (!existsSync(built)) usage('the API is not built: run npm run build first');
  const { newSigningKey, INSERT_SIGNING_KEY } = await import(built);

  const { client, stop } = await connect();
  try {
    if (from) {
      const key = await newSigningKey(from);
      await client.query(INSERT_SIGNING_KEY, [key.id, key.publicJwk, key.privatePkcs8, from]);
      console.log(`key ${key.id} signs from ${from.toISOString()}; it is published in the JWKS from now on`);
    }
    const { rows } = await client.query(
      `SELECT id, not_before, id = (SELECT id FROM signing_keys WHERE not_before <= now() ORDER BY not_before DESC, created_at DESC LIMIT 1) AS signing
         FROM signing_keys ORDER BY not_before, created_at`,
    );
    for (const r of rows) console.log(`${r.signing ? '*' : ' '} ${r.id}  signs from ${new Date(r.not_before).toISOString()}`);
    if (rows.length === 0) console.log('no key yet: the API creates the first one when it first signs');
  } finally {
    await client.end();
    await stop();
  }
}

main().catch((error) => {
  console.error(`signing keys: ${error.message}`);
  process.exit(1);
});
