import { DataSource } from 'typeorm';
import { installJobQueue } from '../queue/install.js';
import { dataSourceOptions } from './data-source.js';

/** Arbitrary constant: several API instances starting together migrate one at a time. */
const MIGRATION_LOCK = 727_001;

export async function runMigrations(url: string, log: (message: string) => void = () => {}): Promise<string[]> {
  const db = new DataSource({ ...dataSourceOptions(url, 2), logging: false });
  await db.initialize();
  try {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      const applied = await db.runMigrations({ transaction: 'each' });
      for (const m of applied) log(`migration applied: ${m.name}`);
      await installJobQueue(url);
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await db.destroy();
  }
}
