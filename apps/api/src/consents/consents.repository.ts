import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

export interface ConsentEvent {
  action: 'grant' | 'withdraw';
  noticeVersion: string;
  at: Date;
}

@SqlRepository('consents')
@Injectable()
export class ConsentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Her latest action on referrals consent, or null if she never chose. */
  @SqlExample(() => [Example.ID, undefined])
  async latest(learnerId: string, manager: EntityManager = this.db.manager): Promise<string | null> {
    const rows = await manager.query(`SELECT action FROM consent_events WHERE learner_id = $1 AND scope = 'referrals' ORDER BY at DESC, id DESC LIMIT 1`, [
      learnerId,
    ]);
    return rows[0]?.action ?? null;
  }

  @SqlExample(() => [Example.ID])
  history(learnerId: string): Promise<ConsentEvent[]> {
    return this.db.query(
      `SELECT action, notice_version AS "noticeVersion", at FROM consent_events WHERE learner_id = $1 AND scope = 'referrals' ORDER BY at DESC, id DESC`,
      [learnerId],
    );
  }

  @SqlExample(() => [Example.ID, 'grant', 'referrals-2026-11', undefined])
  async insert(learnerId: string, action: 'grant' | 'withdraw', noticeVersion: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`INSERT INTO consent_events (learner_id, scope, action, notice_version) VALUES ($1, 'referrals', $2, $3)`, [
      learnerId,
      action,
      noticeVersion,
    ]);
  }
}
