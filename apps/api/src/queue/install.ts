import PgBoss from 'pg-boss';
import { JOBS, QUEUE_POLICIES, QUEUE_SCHEMA } from './jobs.js';

/**
 * Installs or upgrades the job queue's own schema with pg-boss's versioned migrator, and creates our
 * queues. Called by runMigrations under the migration lock, right after our TypeORM migrations: the
 * queue tables belong to the library and move with its version (pgboss.version), our tables never do.
 */
export async function installJobQueue(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
    application_name: 'hearth-migrate',
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const name of Object.values(JOBS)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: QUEUE_POLICIES[name] });
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
