/**
 * Notifications (api-contract.md § Notifications): the kinds, what each carries, and the inbox shapes.
 * Producers (API services) write `payload`; the inbox and SMS render it in the recipient's language.
 */
export const NOTIFICATION_KINDS = [
  'enrollment.promoted',
  'session.reminder',
  'session.changed',
  'certificate.issued',
  'certificate.expiring',
  'certificate.revoked',
  'referral.created',
  'referral.status',
  'followup.due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Kinds that also go by SMS for someone who has not chosen otherwise: the ones she must not miss. */
export const DEFAULT_SMS_KINDS: readonly NotificationKind[] = ['enrollment.promoted', 'session.changed', 'session.reminder', 'certificate.issued'];

/** What each kind carries. Dates are ISO strings; `course`/`job` are titles as stored (zh). */
export interface NotificationPayloads {
  'enrollment.promoted': { classId: string; course: string };
  'session.reminder': {
    classId: string;
    sessionId: string;
    course: string;
    startsAt: string;
    endsAt: string;
    location: string;
    when: 'tomorrow' | 'today';
    role?: 'learner' | 'instructor';
  };
  'session.changed': {
    classId: string;
    sessionId?: string;
    course?: string;
    change: string;
    startsAt?: string;
    endsAt?: string;
    location?: string;
    previous?: { startsAt: string; endsAt: string; location: string };
    instructorId?: string;
  };
  'certificate.issued': { code: string; course: string };
  'certificate.expiring': { code: string; course: string; expiresAt: string };
  'certificate.revoked': { code: string; reason: string };
  'referral.created': { job: string; referralId?: string };
  'referral.status': { job: string; status: string; referralId?: string; role?: 'learner' | 'coordinator' };
  'followup.due': { referralId: string; job: string; dueOn: string };
}

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  total: number;
  unread: number;
}

/** Her choice of what also reaches her phone by SMS. The inbox always gets every kind. */
export interface NotificationPreferences {
  smsKinds: NotificationKind[];
  /** Set when she replied to stop SMS (provider opt-out) or switched SMS off; no SMS at all while set. */
  smsOptedOutAt: string | null;
}
