import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/** SQL of the inbox. Every statement is bounded by `user_id = $1`: she reads and marks only her own rows. */

const UUID_TEXT = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/** $1 user, $2 unread only, $3 limit, $4 offset. Her enrollment in the payload's class gives the link to her class page. */
const LIST_NOTIFICATIONS = `
  SELECT n.id, n.kind, n.payload, n.created_at AS "createdAt", n.read_at AS "readAt",
         (SELECT e.id FROM enrollments e
           WHERE e.learner_id = n.user_id AND n.payload->>'classId' ~ ${UUID_TEXT} AND e.class_id = (n.payload->>'classId')::uuid
           ORDER BY e.created_at DESC LIMIT 1) AS "enrollmentId"
    FROM notifications n
   WHERE n.user_id = $1 AND (NOT $2::boolean OR n.read_at IS NULL)
   ORDER BY n.created_at DESC, n.id DESC
   LIMIT $3 OFFSET $4`;

/** $1 user, $2 unread only. */
const COUNT_NOTIFICATIONS = `
  SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
    FROM notifications WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL)`;

const COUNT_UNREAD = `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`;

/** $1 user, $2 ids or NULL for all. Ids of other people's rows match nothing. */
const MARK_READ = `
  UPDATE notifications SET read_at = now()
   WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`;

const GET_PREFERENCES = `SELECT sms_kinds AS "smsKinds", sms_opted_out_at AS "smsOptedOutAt" FROM notification_preferences WHERE user_id = $1`;

/** $1 user, $2 kinds, $3 SMS off (true: off, keeping when it was first switched off; false: on; NULL: unchanged). */
const SAVE_PREFERENCES = `
  INSERT INTO notification_preferences (user_id, sms_kinds, sms_opted_out_at, updated_at)
  VALUES ($1, $2::text[], CASE WHEN $3::boolean THEN now() END, now())
  ON CONFLICT (user_id) DO UPDATE SET
    sms_kinds = EXCLUDED.sms_kinds,
    sms_opted_out_at = CASE WHEN $3::boolean IS NULL THEN notification_preferences.sms_opted_out_at
                            WHEN $3::boolean THEN coalesce(notification_preferences.sms_opted_out_at, now()) END,
    updated_at = now()
  RETURNING sms_kinds AS "smsKinds", sms_opted_out_at AS "smsOptedOutAt"`;

export interface InboxRow {
  id: string;
  kind: string;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
  enrollmentId: string | null;
}

export interface PreferencesRow {
  smsKinds: string[];
  smsOptedOutAt: Date | null;
}

@SqlRepository('inbox')
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID, true, 20, 0])
  async list(userId: string, unreadOnly: boolean, limit: number, offset: number): Promise<InboxRow[]> {
    return this.db.query(LIST_NOTIFICATIONS, [userId, unreadOnly, limit, offset]);
  }

  @SqlExample(() => [Example.ID, true])
  async count(userId: string, unreadOnly: boolean): Promise<number> {
    const [row] = await this.db.query(COUNT_NOTIFICATIONS, [userId, unreadOnly]);
    return row.total;
  }

  @SqlExample(() => [Example.ID])
  async unread(userId: string): Promise<number> {
    const [row] = await this.db.query(COUNT_UNREAD, [userId]);
    return row.unread;
  }

  @SqlExample(() => [Example.ID, [Example.ID2]])
  async markRead(userId: string, ids: string[] | null): Promise<void> {
    await this.db.query(MARK_READ, [userId, ids]);
  }

  @SqlExample(() => [Example.ID])
  async preferences(userId: string): Promise<PreferencesRow | null> {
    const [row] = await this.db.query(GET_PREFERENCES, [userId]);
    return row ?? null;
  }

  @SqlExample(() => [Example.ID, ['session.changed'], null])
  async savePreferences(userId: string, kinds: string[], smsOff: boolean | null): Promise<PreferencesRow> {
    const [row] = await this.db.query(SAVE_PREFERENCES, [userId, kinds, smsOff]);
    return row;
  }
}
