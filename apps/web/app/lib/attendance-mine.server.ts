import type { ApiClient, MyEnrollmentDto } from '@hearth/contracts';
import { checkInOpen } from './attendance.server';
import { hoursText, percent } from './attendance-view';

/** What /my/classes shows of her attendance in one class. */
export interface MyAttendance {
  /** Null when it could not be fetched: the rest of the page still shows. */
  summary: { held: number; attended: number; pct: number; hours: string; cannotReachMinimum: boolean; belowMinimum: boolean } | null;
  /** The check-in page of the session on now, for a phone that cannot scan the QR code. */
  checkInHref: string | null;
  /** She has checked in to the session on now: "已签到" instead of the button. */
  checkedIn: boolean;
}

const PLACE_HELD = new Set(['enrolled', 'completed', 'failed']);

/** Her attendance in each class she holds a place in, fetched in parallel; a failure only hides that summary. */
export async function myAttendance(api: ApiClient, enrollments: MyEnrollmentDto[]): Promise<Map<string, MyAttendance>> {
  const now = Date.now();
  const entries = await Promise.all(
    enrollments
      .filter((e) => PLACE_HELD.has(e.status))
      .map(async (e): Promise<[string, MyAttendance]> => {
        const next = e.nextSession;
        const onNow = e.status === 'enrolled' && next !== null && checkInOpen(next.startsAt, next.endsAt, now);
        const [summary, onNowSession] = await Promise.all([
          api.attendance
            .ofEnrollment(e.id)
            .then((a) => ({
              held: a.sessions,
              attended: a.attended,
              pct: percent(a.rate),
              hours: hoursText(a.hours),
              cannotReachMinimum: a.cannotReachMinimum,
              belowMinimum: a.belowMinimum,
            }))
            .catch(() => null),
          // Her enrollment names the next session's times but not its id; the class has it.
          onNow
            ? api.classes
                .get(e.classId)
                .then((k) => k.sessions.find((s) => new Date(s.startsAt).getTime() === new Date(next.startsAt).getTime()))
                .then(async (s) =>
                  s ? { href: `/check-in/${s.id}`, checkedIn: (await api.sessions.checkInState(s.id).catch(() => null))?.checkedIn ?? false } : null,
                )
                .catch(() => null)
            : Promise.resolve(null),
        ]);
        return [
          e.id,
          { summary, checkInHref: onNowSession && !onNowSession.checkedIn ? onNowSession.href : null, checkedIn: onNowSession?.checkedIn ?? false },
        ];
      }),
  );
  return new Map(entries);
}
