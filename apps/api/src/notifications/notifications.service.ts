import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATION_PROVIDER, type NotificationProvider, type OutgoingNotification } from './notification-provider.js';

/**
 * Transactional outbox: a notification is written in the same transaction as the change it
 * announces, then delivered by a poller that any number of API instances can run
 * (FOR UPDATE SKIP LOCKED hands each row to one of them).
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(NOTIFICATION_PROVIDER) private readonly provider: NotificationProvider,
  ) {}

  async queue(tx: EntityManager, userId: string, kind: string, payload: Record<string, unknown>): Promise<void> {
    await tx.query(`INSERT INTO notifications (user_id, kind, payload) VALUES ($1, $2, $3)`, [userId, kind, payload]);
  }

  /** Sends up to `batch` pending notifications; returns how many were sent. */
  async deliverPending(batch = 50): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: OutgoingNotification[] = await tx.query(
        `SELECT n.id, n.user_id AS "userId", u.phone, u.locale, n.kind, n.payload
           FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.sent_at IS NULL AND n.attempts < 5
          ORDER BY n.created_at LIMIT $1 FOR UPDATE OF n SKIP LOCKED`,
        [batch],
      );
      let sent = 0;
      for (const row of rows) {
        try {
          await this.provider.send(row);
          await tx.query(`UPDATE notifications SET sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
          sent += 1;
        } catch (error) {
          await tx.query(`UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, String((error as Error).message).slice(0, 500)]);
        }
      }
      return sent;
    });
  }

  onApplicationBootstrap() {
    if (process.env.NODE_ENV === 'test' || process.env.NOTIFICATIONS_POLL === 'off') return;
    this.timer = setInterval(() => {
      this.deliverPending().catch((error) => this.logger.warn(`delivery failed: ${(error as Error).message}`));
    }, 5000);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }
}
