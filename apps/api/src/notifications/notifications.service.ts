import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind, NotificationPayloads } from '@hearth/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JOBS } from '../queue/jobs.js';
import { NotificationsRepository } from './notifications.repository.js';
import { SmsDispatcher } from './sms/sms-dispatcher.js';

/** States after which a notification's delivery is over. */
const FINAL = ['sent', 'skipped', 'failed'];

/**
 * Transactional outbox on the job queue: a notification row and its delivery job are written in the
 * same transaction as the change they announce, so both exist exactly when the change does. The job
 * runs outside that transaction, on whichever API instance fetches it; it claims the row (a
 * compare-and-set UPDATE) before calling SmsDispatcher.dispatch, so each notification is dispatched
 * once however often its job runs (a retry after a crash, a duplicate).
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly sms: SmsDispatcher,
    private readonly outbox: NotificationsRepository,
  ) {}

  onModuleInit() {
    this.jobs.register<{ id: string }>(JOBS.deliverNotification, (job) => this.deliver(job.data.id, job), {
      concurrency: this.config.queue.deliveryConcurrency,
    });
  }

  /**
   * Writes a notification in the caller's transaction and queues its delivery in the same one.
   * Returns null when a unique key says it was written before (session reminders: once per session, person and moment).
   */
  async queue<K extends NotificationKind>(tx: EntityManager, userId: string, kind: K, payload: NotificationPayloads[K]): Promise<string | null> {
    const id = await this.outbox.insert(userId, kind, payload, tx);
    if (id === null) return null;
    await this.enqueueDelivery(tx, id);
    return id;
  }

  private enqueueDelivery(tx: EntityManager, id: string, startAfter?: Date) {
    const q = this.config.queue;
    return this.jobs.enqueue(
      tx,
      JOBS.deliverNotification,
      { id },
      {
        retryLimit: q.deliveryRetryLimit,
        retryDelay: q.deliveryRetryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: q.deliveryExpireSeconds,
        ...(startAfter ? { startAfter } : {}),
      },
    );
  }

  /**
   * One delivery attempt. Claims the row first: a row another attempt is sending (claimed less than
   * one job expiry ago) is left to it; a row claimed longer ago belongs to an attempt that died
   * (kill -9 mid-send) and is taken over.
   */
  async deliver(id: string, job?: Pick<PgBoss.JobWithMetadata, 'retryCount' | 'retryLimit'>): Promise<{ status: string }> {
    const claimed = await this.outbox.claim(id, this.config.queue.deliveryExpireSeconds);
    if (!claimed) {
      const status = await this.outbox.smsStatus(id);
      if (status === undefined) return { status: 'gone' }; // erased
      if (FINAL.includes(status as string)) return { status: status as string }; // done already
      throw new Error(`notification ${id} is being delivered by another attempt`);
    }
    let outcome;
    try {
      outcome = await this.sms.dispatch(claimed);
    } catch (error) {
      const message = String((error as Error).message ?? error).slice(0, 500);
      const last = !job || job.retryCount >= job.retryLimit;
      await this.outbox.markError(id, last ? 'failed' : 'retry', message);
      if (last) this.logger.warn(`notification ${id} failed for good: ${message}`);
      throw error; // the queue retries with exponential backoff until retryLimit
    }
    if (outcome.status === 'deferred') {
      await this.db.transaction(async (tx) => {
        await this.outbox.markDeferred(id, outcome.reason, tx);
        await this.enqueueDelivery(tx, id, outcome.until);
      });
      return { status: 'deferred' };
    }
    // A provider's refusal that would repeat (bad number, template not approved) is final, like a skip.
    const detail =
      outcome.status === 'skipped' ? outcome.reason : outcome.status === 'failed' ? `${outcome.reason}: ${outcome.code}` : (outcome.providerMessageId ?? null);
    await this.outbox.markDone(id, outcome.status, detail);
    return { status: outcome.status };
  }
}
