import { Type, type TSchema } from 'typebox';
import { ATTENDANCE_STATUSES, ENROLLMENT_STATUSES, LEARNER_TYPES, LOCALES, REFERRAL_STATUSES, ROLES, WAGE_BANDS } from '@hearth/contracts';
import { DateOnly, DateTime, Nullable, OneOf, Uuid } from '../common/openapi.js';
import { CONSENT_ACTIONS } from '../consents/consents.schemas.js';
import type { PrivacyService } from './privacy.service.js';

const Json = Type.Record(Type.String(), Type.Unknown());

/**
 * One section per entry of PrivacyService.SOURCES: `satisfies` stops compiling when a source has no
 * section here (or a section no source), and the published object is closed, so personal data
 * cannot reach the export without being described. The notes erasure blanks (attendance, its history,
 * practical results, referrals, their history and follow-ups) are all here: what erasure treats as
 * her personal data, she can take.
 */
const sections = {
  enrollments: Type.Array(
    Type.Object({
      id: Uuid(),
      classId: Uuid(),
      courseCode: Type.String(),
      status: OneOf(ENROLLMENT_STATUSES),
      waitlistPosition: Nullable(Type.Integer({ minimum: 1 })),
      createdAt: DateTime(),
      withdrawnAt: Nullable(DateTime()),
    }),
  ),
  attendance: Type.Array(
    Type.Object({
      sessionId: Uuid(),
      sessionStartsAt: DateTime(),
      status: OneOf(ATTENDANCE_STATUSES),
      note: Nullable(Type.String()),
      source: OneOf(['roster', 'check-in', 'offline-sync']),
      markedAt: DateTime(),
    }),
  ),
  attendanceHistory: Type.Array(
    Type.Object({
      sessionId: Uuid(),
      from: Nullable(OneOf(ATTENDANCE_STATUSES)),
      to: OneOf(ATTENDANCE_STATUSES),
      fromNote: Nullable(Type.String({ description: 'The note before the change' })),
      toNote: Nullable(Type.String({ description: 'The note after the change' })),
      changedAt: DateTime(),
    }),
  ),
  quizAttempts: Type.Array(
    Type.Object({
      assessmentId: Uuid(),
      attemptNo: Type.Integer({ minimum: 1 }),
      score: Type.Integer({ minimum: 0, maximum: 100 }),
      passed: Type.Boolean(),
      answers: Type.Record(Type.String(), Type.Array(Type.Integer({ minimum: 0 })), { description: 'Chosen options by question id' }),
      createdAt: DateTime(),
      phoneStartedAt: Nullable(DateTime({ description: "Her phone's clock when she opened the quiz (an attempt handed in from her phone), when plausible" })),
      phoneSubmittedAt: Nullable(DateTime({ description: "Her phone's clock when she handed it in, perhaps without signal, when plausible" })),
    }),
  ),
  practicalResults: Type.Array(
    Type.Object({
      assessmentId: Uuid(),
      score: Type.Integer({ minimum: 0, maximum: 100 }),
      passed: Type.Boolean(),
      note: Nullable(Type.String()),
      gradedAt: DateTime(),
    }),
  ),
  certificates: Type.Array(
    Type.Object({
      code: Type.String(),
      courseCode: Type.String(),
      status: OneOf(['valid', 'revoked']),
      issuedAt: DateTime(),
      expiresAt: Nullable(DateTime()),
      hours: Type.Number({ minimum: 0 }),
    }),
  ),
  externalCredentials: Type.Array(
    Type.Object({
      certificateNumber: Type.String(),
      occupation: Type.String(),
      level: Type.String(),
      issuingBody: Type.String(),
      issuedOn: DateOnly(),
      checkedAt: Nullable(DateTime()),
    }),
  ),
  consents: Type.Array(
    Type.Object({
      scope: Type.Literal('referrals'),
      action: OneOf(CONSENT_ACTIONS),
      noticeVersion: Type.String(),
      at: DateTime(),
    }),
  ),
  referrals: Type.Array(
    Type.Object({
      id: Uuid(),
      job: Type.String(),
      employer: Type.String(),
      status: OneOf(REFERRAL_STATUSES),
      note: Nullable(Type.String({ description: 'Written by whoever referred her' })),
      createdAt: DateTime(),
      hiredAt: Nullable(DateTime()),
      history: Type.Array(
        Type.Object({
          from: Nullable(OneOf(REFERRAL_STATUSES)),
          to: OneOf(REFERRAL_STATUSES),
          note: Nullable(Type.String({ description: 'Written with the change, by staff of the federation or the employer' })),
          at: DateTime(),
        }),
      ),
    }),
  ),
  followUps: Type.Array(
    Type.Object({
      dayMark: Type.Union([Type.Literal(30), Type.Literal(90), Type.Literal(180)]),
      dueOn: DateOnly(),
      stillEmployed: Nullable(Type.Boolean()),
      wageBand: Nullable(OneOf(WAGE_BANDS)),
      note: Nullable(Type.String()),
    }),
  ),
  notifications: Type.Array(
    Type.Object({
      kind: Type.String(),
      payload: Json,
      createdAt: DateTime(),
      sentAt: Nullable(DateTime()),
      readAt: Nullable(DateTime({ description: 'When she read it in her inbox' })),
    }),
  ),
  notificationPreferences: Type.Array(
    Type.Object({
      smsKinds: Type.Array(Type.String(), { description: 'Kinds she chose to get by SMS too' }),
      smsOptedOutAt: Nullable(DateTime()),
      updatedAt: DateTime(),
    }),
  ),
  smsMessages: Type.Array(
    Type.Object({
      kind: Type.String({ description: 'Which notification went to her phone (never the text or the number)' }),
      status: Type.String({ description: 'sending, sent or failed' }),
      createdAt: DateTime(),
    }),
  ),
  sessions: Type.Array(
    Type.Object(
      {
        createdAt: DateTime(),
        expiresAt: DateTime(),
        usedAt: Nullable(DateTime()),
        revokedAt: Nullable(DateTime()),
      },
      { description: 'Sign-in sessions (refresh tokens), never the tokens themselves' },
    ),
  ),
  auditTrail: Type.Array(
    Type.Object(
      {
        at: DateTime(),
        action: Type.String(),
        entityType: Type.String(),
        entityId: Nullable(Type.String()),
      },
      { description: 'What she did, and what was done to her account' },
    ),
  ),
} satisfies Record<keyof typeof PrivacyService.SOURCES, TSchema>;

/** Everything Hearth holds about the caller (GET /api/me/export). */
export const PersonalDataExport = Type.Object({
  exportedAt: DateTime(),
  profile: Type.Object({
    id: Uuid(),
    phone: Type.String(),
    name: Type.String(),
    role: OneOf(ROLES),
    learnerType: Nullable(OneOf(LEARNER_TYPES)),
    locale: OneOf(LOCALES),
    createdAt: DateTime(),
    orgName: Nullable(Type.String()),
    employerName: Nullable(Type.String()),
  }),
  ...sections,
});
