import { Type, type Static } from 'typebox';
import {
  NOTIFICATION_KINDS,
  type NotificationItem as NotificationItemDto,
  type NotificationList as NotificationListDto,
  type NotificationPreferences as NotificationPreferencesDto,
} from '@hearth/contracts';
import { Count, DateTime, Nullable, OneOf, sameShape, Uuid } from '../common/openapi.js';

export const NotificationItem = Type.Object({
  id: Uuid(),
  kind: OneOf(NOTIFICATION_KINDS),
  title: Type.String({ description: 'In her language (users.locale)' }),
  body: Type.String({ description: 'In her language; times in China time' }),
  link: Type.Optional(Type.String({ description: 'The web page it concerns, a path such as /my/certificates/HX7K-2M9P' })),
  createdAt: DateTime(),
  readAt: Nullable(DateTime()),
});

/** Her notifications, newest first; `total` counts what the filter matched, `unread` all her unread ones. */
export const NotificationList = Type.Object({
  items: Type.Array(NotificationItem),
  total: Count(),
  unread: Count(),
});

export const UnreadCount = Type.Object({ unread: Count({ description: 'Her notifications not read yet' }) });

export const NotificationPreferences = Type.Object({
  smsKinds: Type.Array(OneOf(NOTIFICATION_KINDS), { description: 'Kinds that also go to her phone by SMS; the inbox always gets every kind' }),
  smsOptedOutAt: Nullable(DateTime({ description: 'Set while she has switched SMS off (or replied to stop it): no SMS at all' })),
});

sameShape<Static<typeof NotificationItem>, NotificationItemDto>(true);
sameShape<Static<typeof NotificationList>, NotificationListDto>(true);
sameShape<Static<typeof NotificationPreferences>, NotificationPreferencesDto>(true);
