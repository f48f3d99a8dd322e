import { Type, type Static } from 'typebox';
import {
  ATTENDANCE_STATUSES,
  type AttendanceHistoryDto,
  type CheckInCodeDto,
  type CheckInStateDto,
  type EnrollmentAttendanceDto,
  type SessionAttendanceDto,
} from '@hearth/contracts';
import { Count, DateTime, Nullable, OneOf, sameShape, Uuid } from '../common/openapi.js';

/** `changed` counts the marks that differ from before (0 on a replay of the same batch). */
export const MarkResult = Type.Object({
  saved: Count({ description: 'Marks in the batch' }),
  changed: Count({ description: 'Marks that were new or different, each written to the history' }),
});
sameShape<Static<typeof MarkResult>, { saved: number; changed: number }>(true);

const Rate = Type.Number({ minimum: 0, maximum: 1, description: 'Attended / sessions held so far' });

export const SessionAttendance = Type.Object({
  session: Type.Object({
    id: Uuid(),
    classId: Uuid(),
    startsAt: DateTime(),
    endsAt: DateTime(),
    minAttendancePct: Type.Integer({ minimum: 0, maximum: 100 }),
  }),
  items: Type.Array(
    Type.Object({
      learnerId: Uuid(),
      name: Type.String({ description: 'Empty once the learner has erased her data' }),
      enrollmentId: Uuid(),
      status: Nullable(OneOf(ATTENDANCE_STATUSES, { description: 'The current mark; null when not marked yet' })),
      note: Nullable(Type.String()),
      rate: Rate,
      cannotReachMinimum: Type.Boolean(),
      belowMinimum: Type.Boolean(),
    }),
  ),
  total: Count(),
});
sameShape<Static<typeof SessionAttendance>, SessionAttendanceDto>(true);

export const AttendanceHistory = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ pattern: '^[0-9]+$' }),
      learnerId: Uuid(),
      learnerName: Type.String({ description: 'Empty once the learner has erased her data' }),
      from: Nullable(OneOf(ATTENDANCE_STATUSES, { description: 'null for her first mark' })),
      to: OneOf(ATTENDANCE_STATUSES),
      fromNote: Nullable(Type.String()),
      toNote: Nullable(Type.String()),
      source: OneOf(['roster', 'check-in', 'offline-sync'] as const),
      changedBy: Uuid(),
      changedByName: Type.String(),
      changedAt: DateTime(),
    }),
  ),
  total: Count(),
});
sameShape<Static<typeof AttendanceHistory>, AttendanceHistoryDto>(true);

export const CheckInCode = Type.Object({
  sessionId: Uuid(),
  code: Type.String({ pattern: '^[0-9]{6}$' }),
  expiresAt: DateTime(),
});
sameShape<Static<typeof CheckInCode>, CheckInCodeDto>(true);

export const CheckInResult = Type.Object({ sessionId: Uuid(), status: Type.Literal('present') });
sameShape<Static<typeof CheckInResult>, { sessionId: string; status: 'present' }>(true);

export const EnrollmentAttendance = Type.Object({
  enrollmentId: Uuid(),
  sessions: Count({ description: 'Sessions held so far (start in the past)' }),
  totalSessions: Count(),
  attended: Count({ description: 'Present or late' }),
  rate: Rate,
  hours: Type.Number({ minimum: 0, description: 'Class hours attended' }),
  cannotReachMinimum: Type.Boolean({ description: 'Even attending every remaining session cannot reach the course minimum' }),
  belowMinimum: Type.Boolean({ description: 'Half the sessions are held and her rate is under the minimum' }),
});
sameShape<Static<typeof EnrollmentAttendance>, EnrollmentAttendanceDto>(true);

export const CheckInState = Type.Object({
  sessionId: Uuid(),
  startsAt: DateTime(),
  endsAt: DateTime(),
  state: OneOf(['notYet', 'open', 'ended', 'cancelled'] as const),
  checkedIn: Type.Boolean({ description: 'She is marked present or late for this session' }),
});
sameShape<Static<typeof CheckInState>, CheckInStateDto>(true);
