import { Type, type Static } from 'typebox';
import { COURSE_CATEGORIES, type CourseDto, type Page as PageOf } from '@hearth/contracts';
import { Count, Nullable, OneOf, Page, sameShape, Uuid } from '../common/openapi.js';

const Percent = (description: string) => Type.Integer({ minimum: 0, maximum: 100, description });
const Hours = (description = '') => Type.Number({ minimum: 0, ...(description ? { description } : {}) });

/** A course as the catalogue lists it: title and description in the asked language, plus both titles. */
export const CourseListItem = Type.Object({
  id: Uuid(),
  code: Type.String({ description: 'Readable key, e.g. LAW-MPL' }),
  title: Type.String({ description: 'In the asked language' }),
  titleZh: Type.String(),
  titleEn: Type.String(),
  description: Type.String({ description: 'In the asked language' }),
  category: OneOf(COURSE_CATEGORIES),
  requiredForVolunteers: Type.Boolean(),
  requiredHours: Hours('Attended hours needed for the certificate'),
  minAttendancePct: Percent('Attendance rate needed for the certificate'),
  passMark: Percent('Score needed to pass each assessment'),
  validityMonths: Nullable(Type.Integer({ minimum: 1, description: 'Null: the certificate does not expire' })),
  published: Type.Boolean(),
  openClasses: Count({ description: 'Classes of the course still open for enrollment' }),
  lessonCount: Count(),
  classCount: Count({ description: 'Classes of the course in any state but cancelled' }),
  ownerOrgId: Nullable(Uuid({ description: 'The org the course belongs to; null: the national catalogue (the root org)' })),
  editable: Type.Boolean({ description: 'The caller may change it: an admin whose subtree holds the owner org' }),
});
sameShape<Static<typeof CourseListItem>, Omit<CourseDto, 'descriptionZh' | 'descriptionEn' | 'lessons' | 'assessments' | 'prerequisites'>>(true);

export const CoursePage = Page(CourseListItem);
sameShape<Static<typeof CoursePage>, PageOf<Omit<CourseDto, 'descriptionZh' | 'descriptionEn' | 'lessons' | 'assessments' | 'prerequisites'>>>(true);

/** A course with its lessons and completion rules. */
export const Course = Type.Object({
  ...CourseListItem.properties,
  descriptionZh: Type.String(),
  descriptionEn: Type.String(),
  lessons: Type.Array(
    Type.Object({
      id: Uuid(),
      position: Type.Integer({ minimum: 1 }),
      title: Type.String({ description: 'In the asked language' }),
      body: Type.String({ description: 'Markdown, in the asked language' }),
      titleZh: Type.String(),
      titleEn: Type.String(),
      bodyZh: Type.String({ description: 'Markdown' }),
      bodyEn: Type.String({ description: 'Markdown; may be empty (then `body` falls back to Chinese)' }),
      hours: Hours(),
    }),
  ),
  assessments: Type.Array(
    Type.Object({
      id: Uuid(),
      kind: OneOf(['quiz', 'practical'] as const),
      title: Type.String({ description: 'In the asked language' }),
      passMark: Percent('Score needed to pass'),
      maxAttempts: Nullable(Type.Integer({ minimum: 1, description: 'Null: unlimited' })),
      questionCount: Count(),
    }),
  ),
  prerequisites: Type.Array(Type.Object({ id: Uuid(), code: Type.String(), title: Type.String({ description: 'In the asked language' }) }), {
    description: 'Courses whose valid certificate is needed to enrol',
  }),
});
sameShape<Static<typeof Course>, CourseDto>(true);
