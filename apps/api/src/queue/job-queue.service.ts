import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CHINA_TZ } from '../common/china-time.js';
import { QUEUE_SCHEMA, type JobName } from './jobs.js';

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>;

interface Registration {
  name: JobName;
  handler: JobHandler<never>;
  concurrency: number;
  pollingSeconds?: number;
}

export type EnqueueOptions = Pick<PgBoss.SendOptions, 'startAfter' | 'singletonKey' | 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds'>;

/** pg-boss speaks to a transaction through this: its INSERT runs on the producer's connection, in its transaction. */
function inTransaction(tx: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: (await tx.queryRunner!.query(text, values, true)).records as unknown[] }),
  };
}

/**
 * The PostgreSQL job queue (pg-boss). Services register handlers and cron schedules at module init;
 * the workers start with the app (QUEUE_WORKERS, off in tests unless a test asks) and stop gracefully
 * on shutdown, finishing the jobs in hand. Any number of API instances may run workers: a job is
 * fetched by one of them (FOR UPDATE SKIP LOCKED), a cron fires once a minute across all of them.
 * Enqueueing needs no running worker: it is one INSERT, in the caller's transaction when given one.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Queue');
  private readonly boss: PgBoss;
  private readonly registrations: Registration[] = [];
  private readonly schedules: { name: JobName; cron: string; kick: boolean }[] = [];
  private started = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: QUEUE_SCHEMA,
      application_name: 'hearth-queue',
      max: 4,
      // The schema is installed by runMigrations; the API only checks its version.
      migrate: false,
      supervise: config.queue.workers,
      schedule: config.queue.workers,
      maintenanceIntervalSeconds: config.queue.maintenanceSeconds,
      pollingIntervalSeconds: config.queue.pollingSeconds,
      // Finished jobs are kept a day for inspection, then removed by the queue's housekeeping.
      archiveCompletedAfterSeconds: 3600,
      deleteAfterDays: 1,
    });
    this.boss.on('error', (error: Error) => this.logger.warn(`queue: ${error.message}`));
  }

  /** Declares a job handler; called from a service's onModuleInit, before the workers start. */
  register<T>(name: JobName, handler: JobHandler<T>, options: { concurrency?: number; pollingSeconds?: number } = {}) {
    this.registrations.push({ name, handler: handler as JobHandler<never>, concurrency: options.concurrency ?? 1, pollingSeconds: options.pollingSeconds });
  }

  /** Declares a cron schedule (China time) for a registered job; `kick` also queues one run as the workers start. */
  schedule(name: JobName, cron: string, kick = false) {
    this.schedules.push({ name, cron, kick });
  }

  /** Adds a job; with `tx` it commits or rolls back with the caller's transaction. Returns the job id (null when deduplicated). */
  async enqueue(tx: EntityManager | null, name: JobName, data: object, options: EnqueueOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, tx ? { ...options, db: inTransaction(tx) } : options);
  }

  /** Adds a job and waits for it to finish (tests, and an operator's "run it now"); throws when it failed. */
  async runNow(name: JobName, data: object = {}, timeoutMs = 30_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    let id = await this.boss.send(name, data, { retryLimit: 0 });
    // A cron queue holds one waiting job at most: wait for the scheduled one to be picked up.
    while (!id && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      id = await this.boss.send(name, data, { retryLimit: 0 });
    }
    if (!id) throw new Error(`${name}: not queued (one is already waiting)`);
    for (;;) {
      const job = await this.boss.getJobById(name, id, { includeArchive: true });
      if (job?.state === 'completed') return job.output;
      if (job?.state === 'failed' || job?.state === 'cancelled') throw new Error(`${name} ${job.state}: ${JSON.stringify(job.output)}`);
      if (Date.now() > deadline) throw new Error(`${name}: not finished after ${timeoutMs} ms (state ${job?.state})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  get running() {
    return this.started;
  }

  async onApplicationBootstrap() {
    if (!this.config.queue.workers) return;
    await this.boss.start();
    this.started = true;
    for (const r of this.registrations) {
      for (let i = 0; i < r.concurrency; i++) {
        // After a job the worker looks for the next one at once instead of sleeping a polling interval:
        // pg-boss 10 sleeps between fetches even when it found work, which would cap a worker at one job per interval.
        const worker = { id: '' };
        worker.id = await this.boss.work<never>(
          r.name,
          { includeMetadata: true, batchSize: 1, ...(r.pollingSeconds ? { pollingIntervalSeconds: r.pollingSeconds } : {}) },
          async ([job]) => {
            try {
              return await r.handler(job);
            } finally {
              if (worker.id) this.boss.notifyWorker(worker.id);
            }
          },
        );
      }
    }
    for (const s of this.schedules) {
      await this.boss.schedule(s.name, s.cron, {}, { tz: CHINA_TZ, retryLimit: 0 });
      if (s.kick) await this.boss.send(s.name, {}, { retryLimit: 0 });
    }
    this.logger.log(`workers started: ${this.registrations.map((r) => `${r.name}×${r.concurrency}`).join(', ')}`);
  }

  /** Before any module's onApplicationShutdown: jobs in hand still have their database connections. */
  async beforeApplicationShutdown() {
    if (this.started) {
      // Stop fetching, let jobs in hand finish (up to 10 s), then close; unfinished ones are retried after expiry.
      await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      this.started = false;
    }
  }
}
