import { randomUUID } from 'node:crypto';
import { data, redirect } from '@remix-run/node';
import { ApiError, type ApiClient, type CourseDto, type CreateCourseBody } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { formErrors } from './form-errors.server';
import { applyLessonIntent, lessonField, parseIntent, readValues, toBody, type CourseValues, type LessonValues } from './course-admin-form';
import type { FormErrors } from './forms';
import { renderMarkdown } from './markdown.server';

/** A fresh key for the form, so that re-rendered values replace what the browser kept in the inputs. */
export const formRevision = () => randomUUID();

/** Each lesson's Chinese text as learners will see it: the same renderer as the course page. */
export const previewsOf = (lessons: LessonValues[]) => lessons.map((l) => (l.body.trim() ? renderMarkdown(l.body) : ''));

/** Courses offered as prerequisites: every course (drafts too) but the one being edited. */
export function prerequisiteOptions(items: Pick<CourseDto, 'id' | 'code' | 'title' | 'category' | 'published'>[], exceptId?: string) {
  return items.filter((c) => c.id !== exceptId).map(({ id, code, title, category, published }) => ({ id, code, title, category, published }));
}

const COURSE_FIELDS = [
  'code',
  'title',
  'titleEn',
  'category',
  'description',
  'descriptionEn',
  'requiredHours',
  'minAttendancePct',
  'passMark',
  'validityMonths',
  'prerequisiteCourseIds',
  'lessons',
] as const;
type CourseField = (typeof COURSE_FIELDS)[number];
const LESSON_FIELDS = ['title', 'titleEn', 'hours', 'body', 'bodyEn'] as const;

function courseFieldMessage(field: CourseField, t: Translate): string {
  switch (field) {
    case 'descriptionEn':
      return t('courses.admin.error.description');
    case 'prerequisiteCourseIds':
      return t('courses.admin.error.prerequisites');
    default:
      return t(`courses.admin.error.${field}`);
  }
}

function lessonFieldMessage(field: (typeof LESSON_FIELDS)[number], index: number, t: Translate): string {
  const n = index + 1;
  switch (field) {
    case 'title':
      return t('courses.admin.error.lessonTitle', { n });
    case 'titleEn':
      return t('courses.admin.error.lessonTitleEn', { n });
    case 'hours':
      return t('courses.admin.error.lessonHours', { n });
    default:
      return t('courses.admin.error.lessonBody', { n });
  }
}

/**
 * A refused POST/PATCH /api/courses on the fields it names, in the user's language. The API names
 * fields as "minAttendancePct must…" and lessons as "lessons[1].title must…"; the form keys them
 * "minAttendancePct" and "lessons.1.title".
 */
export function courseFormErrors(error: unknown, t: Translate): { status: number; errors: FormErrors } {
  if (!(error instanceof ApiError)) return formErrors(error, t);
  const on = (field: string, message: string) => ({ status: error.status, errors: { fields: { [field]: message } } });
  if (error.code === 'CONFLICT') return on('code', t('courses.admin.error.codeTaken'));
  // Cycles and self-reference are refused by the service (422), after the shape was valid.
  if (error.code === 'VALIDATION_FAILED' && error.status === 422) return on('prerequisiteCourseIds', t('courses.admin.error.prerequisiteCycle'));
  if (error.code !== 'VALIDATION_FAILED') return formErrors(error, t);

  const errors: FormErrors = { fields: {} };
  for (const message of validationMessages(error)) {
    const lesson = /^lessons\[(\d+)\]\.(\w+) /.exec(message);
    const lessonFieldName = lesson && LESSON_FIELDS.find((f) => f === lesson[2]);
    if (lesson && lessonFieldName) {
      const index = Number(lesson[1]);
      errors.fields[lessonField(index, lessonFieldName)] ??= lessonFieldMessage(lessonFieldName, index, t);
      continue;
    }
    const field = COURSE_FIELDS.find((f) => message.startsWith(`${f} `));
    if (field && !message.endsWith('is not an accepted field')) errors.fields[field] ??= courseFieldMessage(field, t);
    else errors.form = t('common.error.VALIDATION_FAILED');
  }
  if (!errors.form && Object.keys(errors.fields).length === 0) errors.form = t('common.error.VALIDATION_FAILED');
  return { status: error.status, errors };
}

function validationMessages(error: ApiError): string[] {
  const { messages, message } = error.body;
  if (Array.isArray(messages)) return messages.filter((m): m is string => typeof m === 'string');
  if (Array.isArray(message)) return message;
  return message ? message.split('; ') : [];
}

/** What the form page renders after a press of one of its buttons that did not end in a redirect. */
export interface CourseFormOutcome {
  values: CourseValues;
  previews: string[];
  rev: string;
  errors?: FormErrors;
  /** What the button did, said in words (e.g. "已添加第 3 课"), and where to jump to see it. */
  notice?: string;
  anchor?: string;
  focus?: string;
  /** The lesson whose preview stays unfolded (its "update preview" button was pressed). */
  openPreview?: number;
}

/**
 * The action shared by /admin/courses/new and /admin/courses/<id>. Lesson buttons (add, remove,
 * move, preview) re-render the form from the posted values without saving, so they work without
 * JavaScript; "save" sends the whole course to the API in one request.
 */
export async function courseFormAction(options: { request: Request; api: ApiClient; t: Translate; headers: Record<string, string>; courseId?: string }) {
  const { request, api, t, headers, courseId } = options;
  const form = await request.formData();
  const values = readValues(form);
  const intent = parseIntent(String(form.get('intent') ?? 'save'));
  const reply = (outcome: Omit<CourseFormOutcome, 'values' | 'previews' | 'rev'>, status = 200, shown: CourseValues = values) =>
    data<CourseFormOutcome>({ values: shown, previews: previewsOf(shown.lessons), rev: formRevision(), ...outcome }, { status, headers });

  if (!intent) return reply({ errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, 400);
  if (intent.kind === 'preview') {
    const index = Math.min(intent.index, Math.max(0, values.lessons.length - 1));
    return reply({
      notice: `${t('courses.admin.done.preview')} ${t('courses.admin.unsaved')}`,
      anchor: `lesson-${index}`,
      openPreview: index,
      focus: `lesson-${index}-preview`,
    });
  }
  if (intent.kind !== 'save') {
    const { lessons, position, focus } = applyLessonIntent(values, intent);
    const shown = { ...values, lessons };
    if (position === null) return reply({}, 200, shown);
    const done =
      intent.kind === 'addLesson'
        ? t('courses.admin.done.added', { n: position })
        : intent.kind === 'removeLesson'
          ? t('courses.admin.done.removed', { n: position })
          : t('courses.admin.done.moved', { n: position });
    const anchor = intent.kind === 'removeLesson' ? undefined : `lesson-${position - 1}`;
    return reply({ notice: `${done} ${t('courses.admin.unsaved')}`, anchor, focus: focus ?? undefined }, 200, shown);
  }

  try {
    if (courseId) {
      await api.courses.update(courseId, toBody(values, 'update'));
      return redirect(`/admin/courses/${courseId}?saved=1`, { headers });
    }
    const created = await api.courses.create(toBody(values, 'create') as CreateCourseBody);
    return redirect(`/admin/courses/${created.id}?created=1`, { headers });
  } catch (error) {
    const failure = courseFormErrors(error, t);
    return reply({ errors: failure.errors }, failure.status);
  }
}
