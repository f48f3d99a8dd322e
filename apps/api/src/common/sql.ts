import type { DataSource } from 'typeorm';

/** Escapes LIKE wildcards in user input, for `... LIKE $1 ESCAPE '\\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** PostgreSQL counts come back as strings (bigint); the contract wants numbers. */
export function toInt(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

interface Queryable {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Rows of any statement. TypeORM answers UPDATE/DELETE … RETURNING with [rows, affected]
 * but SELECT and INSERT with rows; this hides the difference.
 */
export async function queryRows<T>(db: Queryable, text: string, params: unknown[] = []): Promise<T[]> {
  const result = await db.query(text, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A named prepared statement on the pool TypeORM manages: PostgreSQL parses and plans it once per
 * connection instead of on every call. For the hottest public read paths only; everything else
 * goes through TypeORM as usual.
 */
export async function preparedRows<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as unknown as { master: PgPool }).master;
  return (await pool.query({ name, text, values })).rows as T[];
}
