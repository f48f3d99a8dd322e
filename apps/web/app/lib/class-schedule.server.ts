import type { ApiClient, ClassDto, Locale } from '@hearth/contracts';
import type { Translate } from '../i18n';
import type { EditableSession } from '../components/class-schedule-editor';
import { formErrors } from './form-errors.server';
import { chinaDay, chinaInstant, formatSession, parseDay, parseTime } from './dates';
import { LOCATION_MAX } from '@hearth/contracts';
import { formText, isUuid, type FormErrors } from './forms';

/** The class page's forms for the schedule and the class details. */
export const SCHEDULE_INTENTS = ['details', 'moveSession', 'cancelSession', 'addSession'] as const;
export type ScheduleIntent = (typeof SCHEDULE_INTENTS)[number];

/** "09:00" in China time. */
const chinaClock = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);

export function editableSessions(klass: ClassDto, locale: Locale): EditableSession[] {
  return klass.sessions.map((s) => ({
    id: s.id,
    when: formatSession(s.startsAt, s.endsAt, locale),
    location: s.location,
    cancelled: Boolean(s.cancelledAt),
    date: chinaDay(s.startsAt),
    start: chinaClock(s.startsAt),
    end: chinaClock(s.endsAt),
  }));
}

interface Outcome {
  status: number;
  body: { done?: string; errors?: FormErrors; sessionId?: string };
}

/** A session's date, times and place from the form, or the field errors. */
function readSession(form: FormData, t: Translate): { body: { startsAt: string; endsAt: string; location: string } } | { errors: FormErrors } {
  const day = parseDay(formText(form, 'date'));
  const start = parseTime(formText(form, 'start'));
  const end = parseTime(formText(form, 'end'));
  const location = formText(form, 'location').trim();
  const errors: FormErrors = { fields: {} };
  if (!day || !start || !end || end <= start) errors.fields.date = t('classes.edit.sessionInvalid');
  if (location.length > LOCATION_MAX) errors.fields.location = t('common.field.location.invalid');
  if (!day || !start || !end || Object.keys(errors.fields).length > 0) return { errors: { ...errors, form: errors.fields.date ?? errors.fields.location } };
  return { body: { startsAt: chinaInstant(day, start), endsAt: chinaInstant(day, end), location } };
}

/** Runs one of the schedule forms against the API; refusals come back on the form that sent them. */
export async function scheduleAction(api: ApiClient, classId: string, intent: string, form: FormData, t: Translate, locale: Locale): Promise<Outcome> {
  const sessionId = formText(form, 'sessionId');
  const refuse = (errors: FormErrors, status: number): Outcome => ({ status, body: { errors, ...(sessionId ? { sessionId } : {}) } });
  if ((intent === 'moveSession' || intent === 'cancelSession') && !isUuid(sessionId)) return refuse({ form: t('common.error.NOT_FOUND'), fields: {} }, 400);
  try {
    switch (intent as ScheduleIntent) {
      case 'details': {
        const instructorId = formText(form, 'instructorId');
        const location = formText(form, 'location').trim();
        if (location.length > LOCATION_MAX) return refuse({ fields: { location: t('common.field.location.invalid') } }, 400);
        await api.classes.update(classId, { ...(isUuid(instructorId) ? { instructorId } : {}), location });
        return { status: 200, body: { done: t('classes.edit.details.done') } };
      }
      case 'moveSession': {
        const read = readSession(form, t);
        if ('errors' in read) return refuse(read.errors, 400);
        const moved = await api.sessions.update(sessionId, read.body);
        return { status: 200, body: { done: t('classes.edit.move.done', { when: formatSession(moved.startsAt, moved.endsAt, locale) }) } };
      }
      case 'cancelSession': {
        const cancelled = await api.sessions.cancel(sessionId);
        return { status: 200, body: { done: t('classes.edit.cancel.done', { when: formatSession(cancelled.startsAt, cancelled.endsAt, locale) }) } };
      }
      case 'addSession': {
        const read = readSession(form, t);
        if ('errors' in read) return refuse(read.errors, 400);
        const { startsAt, endsAt, location } = read.body;
        // Without a place of its own, the session is held where the class usually meets.
        const added = await api.classes.addSession(classId, location ? { startsAt, endsAt, location } : { startsAt, endsAt });
        return { status: 200, body: { done: t('classes.edit.add.done', { when: formatSession(added.startsAt, added.endsAt, locale) }) } };
      }
    }
  } catch (error) {
    const failure = formErrors(error, t);
    return refuse(failure.errors, failure.status);
  }
  return refuse({ form: t('common.error.VALIDATION_FAILED'), fields: {} }, 400);
}
