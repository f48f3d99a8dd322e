import type { CourseDto, CreateCourseBody } from '@hearth/contracts';
import { formText, isUuid } from './forms';

/** The API takes at most this many lessons per course. */
export const MAX_LESSONS = 100;

/** One lesson as typed on the form (numbers stay text until sent, so a wrong value comes back as typed). */
export interface LessonValues {
  title: string;
  titleEn: string;
  hours: string;
  body: string;
  bodyEn: string;
}

export interface CourseValues {
  code: string;
  title: string;
  titleEn: string;
  category: string;
  description: string;
  descriptionEn: string;
  requiredHours: string;
  minAttendancePct: string;
  passMark: string;
  validityMonths: string;
  requiredForVolunteers: boolean;
  published: boolean;
  prerequisiteCourseIds: string[];
  lessons: LessonValues[];
}

/** Form names of a lesson's fields; also its error key and, with "field-", its element id. */
export const lessonField = (index: number, field: keyof LessonValues) => `lessons.${index}.${field}`;

export const blankLesson = (): LessonValues => ({ title: '', titleEn: '', hours: '', body: '', bodyEn: '' });

export const blankCourse = (): CourseValues => ({
  code: '',
  title: '',
  titleEn: '',
  category: '',
  description: '',
  descriptionEn: '',
  requiredHours: '',
  minAttendancePct: '80',
  passMark: '60',
  validityMonths: '',
  requiredForVolunteers: false,
  published: false,
  prerequisiteCourseIds: [],
  lessons: [blankLesson()],
});

export function valuesOf(course: CourseDto): CourseValues {
  return {
    code: course.code,
    title: course.titleZh,
    titleEn: course.titleEn === course.titleZh ? '' : course.titleEn,
    category: course.category,
    description: course.descriptionZh,
    descriptionEn: course.descriptionEn,
    requiredHours: String(course.requiredHours),
    minAttendancePct: String(course.minAttendancePct),
    passMark: String(course.passMark),
    validityMonths: course.validityMonths === null ? '' : String(course.validityMonths),
    requiredForVolunteers: course.requiredForVolunteers,
    published: course.published,
    prerequisiteCourseIds: course.prerequisites.map((p) => p.id),
    lessons: course.lessons.map((l) => ({
      title: l.titleZh,
      titleEn: l.titleEn === l.titleZh ? '' : l.titleEn,
      hours: String(l.hours),
      body: l.bodyZh,
      bodyEn: l.bodyEn,
    })),
  };
}

export function readValues(form: FormData): CourseValues {
  const count = Math.max(0, Math.min(MAX_LESSONS, Math.floor(Number(formText(form, 'lessonCount'))) || 0));
  const lessons: LessonValues[] = [];
  for (let i = 0; i < count; i++) {
    lessons.push({
      title: formText(form, lessonField(i, 'title')).trim(),
      titleEn: formText(form, lessonField(i, 'titleEn')).trim(),
      hours: formText(form, lessonField(i, 'hours')).trim(),
      body: formText(form, lessonField(i, 'body')),
      bodyEn: formText(form, lessonField(i, 'bodyEn')),
    });
  }
  return {
    code: formText(form, 'code').trim().toUpperCase(),
    title: formText(form, 'title').trim(),
    titleEn: formText(form, 'titleEn').trim(),
    category: formText(form, 'category'),
    description: formText(form, 'description').trim(),
    descriptionEn: formText(form, 'descriptionEn').trim(),
    requiredHours: formText(form, 'requiredHours').trim(),
    minAttendancePct: formText(form, 'minAttendancePct').trim(),
    passMark: formText(form, 'passMark').trim(),
    validityMonths: formText(form, 'validityMonths').trim(),
    requiredForVolunteers: form.get('requiredForVolunteers') === 'on',
    published: formText(form, 'published') === 'true',
    prerequisiteCourseIds: [...new Set(form.getAll('prerequisiteCourseIds').filter(isUuid))],
    lessons,
  };
}

/** What a press of one of the form's buttons asks for. Only "save" talks to the API. */
export type Intent = { kind: 'save' } | { kind: 'addLesson' } | { kind: 'preview' | 'removeLesson' | 'moveUp' | 'moveDown'; index: number };

export function parseIntent(value: string): Intent | null {
  if (value === 'save' || value === 'addLesson') return { kind: value };
  const match = /^(preview|removeLesson|moveUp|moveDown):(\d{1,3})$/.exec(value);
  if (!match) return null;
  return { kind: match[1] as 'preview' | 'removeLesson' | 'moveUp' | 'moveDown', index: Number(match[2]) };
}

/**
 * Applies a lesson-list button to the posted values, without saving. Returns the lesson whose
 * position the user should be told about (1-based), and the id of the control to focus next.
 */
export function applyLessonIntent(values: CourseValues, intent: Intent): { lessons: LessonValues[]; position: number | null; focus: string | null } {
  const lessons = [...values.lessons];
  switch (intent.kind) {
    case 'addLesson': {
      if (lessons.length >= MAX_LESSONS) return { lessons, position: null, focus: null };
      lessons.push(blankLesson());
      return { lessons, position: lessons.length, focus: `field-${lessonField(lessons.length - 1, 'title')}` };
    }
    case 'removeLesson': {
      if (intent.index >= lessons.length) return { lessons, position: null, focus: null };
      lessons.splice(intent.index, 1);
      return { lessons, position: intent.index + 1, focus: 'add-lesson' };
    }
    case 'moveUp':
    case 'moveDown': {
      const to = intent.kind === 'moveUp' ? intent.index - 1 : intent.index + 1;
      if (intent.index >= lessons.length || to < 0 || to >= lessons.length) return { lessons, position: null, focus: null };
      [lessons[intent.index], lessons[to]] = [lessons[to], lessons[intent.index]];
      // Keep the focus on the same button while the lesson can still move that way, else on its twin.
      const button = intent.kind === 'moveUp' ? (to > 0 ? 'up' : 'down') : to < lessons.length - 1 ? 'down' : 'up';
      return { lessons, position: to + 1, focus: `lesson-${to}-${button}` };
    }
    default:
      return { lessons, position: null, focus: null };
  }
}

/**
 * Full-width digits (Chinese keyboards) become ASCII; a number that does not parse is sent as typed,
 * so the API's validation names the field and the form shows its message there.
 */
function numberOrText(value: string): number | string {
  const ascii = value.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\uFF0E/g, '.');
  return /^-?\d+(\.\d+)?$/.test(ascii) ? Number(ascii) : value;
}

/**
 * The body for POST/PATCH /api/courses. The API's validation is the one set of rules: the form
 * only converts what was typed (see numberOrText) and shows the API's verdict on each field.
 */
export function toBody(values: CourseValues, mode: 'create' | 'update'): CreateCourseBody | Partial<CreateCourseBody> {
  const body = {
    title: values.title,
    // As on create, an English title left empty falls back to the Chinese one.
    titleEn: values.titleEn || values.title || undefined,
    category: values.category as CreateCourseBody['category'],
    description: values.description,
    descriptionEn: values.descriptionEn,
    requiredHours: numberOrText(values.requiredHours) as number,
    minAttendancePct: numberOrText(values.minAttendancePct) as number,
    passMark: numberOrText(values.passMark) as number,
    validityMonths: values.validityMonths === '' ? null : (numberOrText(values.validityMonths) as number),
    requiredForVolunteers: values.requiredForVolunteers,
    published: values.published,
    prerequisiteCourseIds: values.prerequisiteCourseIds,
    lessons: values.lessons.map((l) => ({
      title: l.title,
      ...(l.titleEn ? { titleEn: l.titleEn } : {}),
      body: l.body,
      bodyEn: l.bodyEn,
      hours: numberOrText(l.hours) as number,
    })),
  };
  return mode === 'create' ? { code: values.code, ...body } : body;
}
