import { Injectable } from '@nestjs/common';
import {
  DEFAULT_SMS_KINDS,
  isNotificationKind,
  NOTIFICATION_KINDS,
  renderNotification,
  type NotificationItem,
  type NotificationKind,
  type NotificationList,
  type NotificationPreferences,
} from '@hearth/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { InboxRepository, type InboxRow as Row } from './inbox.repository.js';

/**
 * Her inbox: the notifications written for her (the outbox rows), rendered in her language when she
 * reads them, so a change of language or wording reaches old ones too. Only ever her own rows.
 */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async list(caller: AuthUser, query: { unread?: boolean; limit: number; offset: number }): Promise<NotificationList> {
    const unreadOnly = query.unread === true;
    const [rows, total, unread] = await Promise.all([
      this.inbox.list(caller.id, unreadOnly, query.limit, query.offset),
      this.inbox.count(caller.id, unreadOnly),
      this.inbox.unread(caller.id),
    ]);
    return { items: rows.filter((r) => isNotificationKind(r.kind)).map((r) => this.item(caller, r)), total, unread };
  }

  async unreadCount(caller: AuthUser): Promise<{ unread: number }> {
    return { unread: await this.inbox.unread(caller.id) };
  }

  /** Marks the given ids (hers among them; anyone else's match nothing, silently) or all of hers. */
  async markRead(caller: AuthUser, ids: string[] | undefined): Promise<{ unread: number }> {
    await this.inbox.markRead(caller.id, ids ?? null);
    return this.unreadCount(caller);
  }

  async preferences(caller: AuthUser): Promise<NotificationPreferences> {
    const row = await this.inbox.preferences(caller.id);
    return row ? this.shape(row) : { smsKinds: ordered(DEFAULT_SMS_KINDS), smsOptedOutAt: null };
  }

  async savePreferences(caller: AuthUser, input: { smsKinds: NotificationKind[]; smsOff?: boolean }): Promise<NotificationPreferences> {
    return this.shape(await this.inbox.savePreferences(caller.id, ordered(input.smsKinds), input.smsOff ?? null));
  }

  private shape(row: { smsKinds: string[]; smsOptedOutAt: Date | null }): NotificationPreferences {
    return { smsKinds: ordered(row.smsKinds.filter(isNotificationKind)), smsOptedOutAt: row.smsOptedOutAt ? row.smsOptedOutAt.toISOString() : null };
  }

  private item(caller: AuthUser, row: Row): NotificationItem {
    const text = renderNotification(row.kind, row.payload, caller.locale, { userId: caller.id, role: caller.role, enrollmentId: row.enrollmentId });
    return {
      id: row.id,
      kind: row.kind as NotificationKind,
      title: text.title,
      body: text.body,
      ...(text.link ? { link: text.link } : {}),
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt ? row.readAt.toISOString() : null,
    };
  }
}

/** Without duplicates, in the order of NOTIFICATION_KINDS. */
const ordered = (kinds: readonly NotificationKind[]): NotificationKind[] => NOTIFICATION_KINDS.filter((k) => kinds.includes(k));
