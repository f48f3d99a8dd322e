import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The `pg` driver the API uses (no type package in the workspace, so a minimal shape here). */
export interface PgClient {
  connect(): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as { Client: new (url: string) => PgClient };

/**
 * The running product's own PostgreSQL, for what no page or API gives a test: a quiz's answers, a
 * certificate from years ago, a row as stored. Data for a test is made through the API (fixtures.ts).
 */
export async function connectDb(): Promise<PgClient> {
  const port = readFileSync(join(process.env.HEARTH_E2E_DATA_DIR!, 'pg.port'), 'utf8').trim();
  const db = new Client(`postgres://postgres:hearth-local@127.0.0.1:${port}/hearth`);
  await db.connect();
  return db;
}
