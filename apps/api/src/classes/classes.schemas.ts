import { Type, type Static } from 'typebox';
import { CLASS_STATUSES, COURSE_CATEGORIES, type ClassDto, type ClassSessionDto, type Page as PageOf, type SessionDto } from '@hearth/contracts';
import { Count, DateOnly, DateTime, Nullable, OneOf, Page, sameShape, Uuid } from '../common/openapi.js';

export const ClassSession = Type.Object({
  id: Uuid(),
  startsAt: DateTime(),
  endsAt: DateTime(),
  location: Type.String(),
  cancelledAt: Nullable(DateTime({ description: 'Set when the session was cancelled: it stays on the schedule but is never held' })),
});
sameShape<Static<typeof ClassSession>, SessionDto>(true);

/** A class of a course, held at a club or station, with its sessions ordered by start. */
export const Class = Type.Object({
  id: Uuid(),
  courseId: Uuid(),
  courseCode: Type.String(),
  title: Type.String({ description: "The course's title in the asked language" }),
  titleZh: Type.String(),
  titleEn: Type.String(),
  category: OneOf(COURSE_CATEGORIES),
  orgId: Uuid(),
  orgName: Type.String(),
  instructorId: Nullable(Uuid()),
  instructorName: Nullable(Type.String({ description: 'Null once the instructor has erased her data' })),
  startsOn: DateOnly(),
  endsOn: DateOnly(),
  capacity: Type.Integer({ minimum: 1 }),
  enrolledCount: Count(),
  waitlistCount: Count(),
  seatsLeft: Count(),
  location: Type.String(),
  status: OneOf(CLASS_STATUSES, { description: 'Follows the calendar in China time unless finished or cancelled by hand' }),
  sessions: Type.Array(ClassSession),
});
sameShape<Static<typeof Class>, ClassDto>(true);

export const ClassPage = Page(Class);
sameShape<Static<typeof ClassPage>, PageOf<ClassDto>>(true);

/** One session as the schedule-editing routes answer it. */
export const ClassSessionOfClass = Type.Object({ ...ClassSession.properties, classId: Uuid() });
sameShape<Static<typeof ClassSessionOfClass>, ClassSessionDto>(true);
