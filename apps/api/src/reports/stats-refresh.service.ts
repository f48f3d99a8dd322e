import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue/job-queue.service.js';
import { JOBS } from '../queue/jobs.js';
import { ReportsRepository } from './reports.repository.js';

const BATCH = 500;

/**
 * Keeps the dashboard aggregates current: recomputes the own numbers of every org marked dirty by
 * the triggers, then rolls subtree totals up the tree, deepest level first. Idempotent, so a crash
 * half-way loses nothing: the dirty marks are removed in the same transaction.
 */
@Injectable()
export class StatsRefreshService implements OnModuleInit {
  private readonly logger = new Logger('Stats');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stats: ReportsRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Refreshes until nothing is dirty; returns how many orgs were recomputed. */
  async refreshAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.refreshBatch();
      if (n < 0) return total; // another instance holds the lock
      total += n;
      if (n < BATCH) return total;
    }
  }

  /**
   * One batch; -1 when another instance is claiming. The claim commits on its own, at once: writers
   * mark orgs dirty with INSERT … ON CONFLICT on stats_dirty, and a claim left uncommitted during the
   * whole recompute made every roster and enrollment of a busy org wait for it (seen in the benchmark).
   */
  async refreshBatch(): Promise<number> {
    const orgs = await this.db.transaction((tx) => this.stats.claimDirty(BATCH, tx));
    if (orgs === null) return -1;
    if (orgs.length === 0) return 0;
    try {
      await this.db.transaction(async (tx) => {
        await this.stats.lockRecompute(tx);
        await this.stats.recomputeDirect(orgs, tx);
        await this.stats.rollUp(orgs, tx);
      });
    } catch (error) {
      // Nothing is lost: the orgs go back on the list for the next run.
      await this.stats.markDirty(orgs);
      throw error;
    }
    return orgs.length;
  }

  /**
   * A self-renewing chain on a 'stately' queue (at most one waiting, one running, across all
   * instances): each run queues the next one STATS_REFRESH_MS later; the every-minute cron restarts
   * the chain should it ever break (a crash between the run and the next enqueue).
   */
  onModuleInit() {
    this.jobs.register(
      JOBS.refreshStats,
      async () => {
        try {
          return await this.refreshAll();
        } finally {
          await this.jobs
            .enqueue(null, JOBS.refreshStats, {}, { startAfter: new Date(Date.now() + this.every), retryLimit: 0 })
            .catch((e) => this.logger.warn(`next refresh not queued: ${(e as Error).message}`));
        }
      },
      { pollingSeconds: Math.max(0.5, Math.min(this.every / 1000, 2)) },
    );
    this.jobs.schedule(JOBS.refreshStats, '* * * * *', true);
  }

  private get every() {
    return Number(process.env.STATS_REFRESH_MS ?? 3000);
  }
}
