import { ATTENDANCE_STATUSES, type AttendanceStatus, type Locale } from '@hearth/contracts';
import type { MessageKey } from '../i18n';
import { formatDay, formatTime } from './dates';

export type { AttendanceStatus };

/** One tap moves a learner to the next mark; an unmarked learner starts at "present". */
export function nextStatus(status: AttendanceStatus | null): AttendanceStatus {
  if (!status) return 'present';
  return ATTENDANCE_STATUSES[(ATTENDANCE_STATUSES.indexOf(status) + 1) % ATTENDANCE_STATUSES.length];
}

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

export function statusKey(status: AttendanceStatus | null): MessageKey {
  return status ? `attendance.status.${status}` : 'attendance.status.none';
}

/** 0.8333 → 83. */
export const percent = (rate: number) => Math.round(rate * 100);

/** Class hours as people write them: 4, 1.5. */
export const hoursText = (hours: number) => String(Math.round(hours * 10) / 10);

/** The pattern the API accepts for clientMutationId. */
export const MUTATION_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The API takes at most this many marks in one request. */
export const MAX_MARKS = 500;

/** "2026年5月10日周日 14:05", China time. */
export const formatDayTime = (value: string, locale: Locale) => `${formatDay(value, locale)} ${formatTime(value, locale)}`;
