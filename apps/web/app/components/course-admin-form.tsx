import type { ReactNode } from 'react';
import { Form } from '@remix-run/react';
import { COURSE_CATEGORIES, type CourseCategory } from '@hearth/contracts';
import { useI18n } from '../i18n';
import { MAX_LESSONS, lessonField, type CourseValues } from '../lib/course-admin-form';
import type { FormErrors } from '../lib/forms';
import { CourseChecklist, FormAlert, SelectField, TextAreaField, TextField } from './form';

export interface PrerequisiteOption {
  id: string;
  code: string;
  title: string;
  category: CourseCategory;
  published: boolean;
}

interface CourseFormProps {
  mode: 'create' | 'update';
  values: CourseValues;
  previews: string[];
  errors?: FormErrors;
  prerequisites: PrerequisiteOption[];
  /** Classes running or about to start: changing completion rules affects their learners. */
  openClasses: number;
  busy: boolean;
  /** Changes whenever the server re-rendered the values, so the inputs are rebuilt from them. */
  rev: string;
  focus?: string;
  openPreview?: number;
}

/** The completion rules: number inputs that differ only in their limits. */
const RULE_FIELDS = [
  { name: 'requiredHours', inputMode: 'decimal', min: 0, max: 2000, step: 'any', required: true },
  { name: 'minAttendancePct', inputMode: 'numeric', min: 0, max: 100, step: 1, required: true },
  { name: 'passMark', inputMode: 'numeric', min: 0, max: 100, step: 1, required: true },
  { name: 'validityMonths', inputMode: 'numeric', min: 1, max: 600, step: 1, required: false },
] as const;

/** The one form for a course and its lessons, for /admin/courses/new and /admin/courses/<id>. */
export function CourseForm({ mode, values, previews, errors, prerequisites, openClasses, busy, rev, focus, openPreview }: CourseFormProps) {
  const { t } = useI18n();
  const fields = errors?.fields ?? {};
  const chosen = new Set(values.prerequisiteCourseIds);
  const rulesWarning = openClasses > 0 ? 'rules-warning' : undefined;
  const intentButton = (value: string) => ({ type: 'submit' as const, name: 'intent', value, disabled: busy });

  return (
    <>
      <FormAlert errors={errors} />
      <Form method="post" className="stack course-form" noValidate key={rev}>
        {/* Enter in a text box presses the form's first submit button: make that "save", not a lesson button. */}
        <button {...intentButton('save')} className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('courses.admin.save')}
        </button>
        <input type="hidden" name="lessonCount" value={values.lessons.length} />
        {mode === 'create' ? (
          <TextField
            name="code"
            label={t('courses.admin.field.code')}
            hint={t('courses.admin.field.codeHint')}
            error={fields.code}
            required
            maxLength={40}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.code}
          />
        ) : null}
        <TextField name="title" label={t('courses.admin.field.title')} error={fields.title} required maxLength={200} defaultValue={values.title} />
        <TextField
          name="titleEn"
          label={t('courses.admin.field.titleEn')}
          hint={t('courses.admin.field.titleEnHint')}
          error={fields.titleEn}
          maxLength={200}
          lang="en"
          defaultValue={values.titleEn}
        />
        <SelectField name="category" label={t('courses.admin.field.category')} error={fields.category} required defaultValue={values.category}>
          <option value="">{t('common.form.choose')}</option>
          {COURSE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`courses.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          name="description"
          label={t('courses.admin.field.description')}
          error={fields.description}
          rows={3}
          maxLength={5000}
          defaultValue={values.description}
        />
        <TextAreaField
          name="descriptionEn"
          label={t('courses.admin.field.descriptionEn')}
          hint={t('courses.admin.field.optional')}
          error={fields.descriptionEn}
          rows={2}
          maxLength={5000}
          lang="en"
          defaultValue={values.descriptionEn}
        />

        <fieldset className="course-group stack">
          <legend>{t('courses.admin.rules.legend')}</legend>
          {rulesWarning ? (
            <p id={rulesWarning} className="notice notice-warning">
              {t('courses.admin.rules.warning', { n: openClasses })}
            </p>
          ) : null}
          <div className="field-pair course-rules">
            {RULE_FIELDS.map(({ name, required, ...limits }) => (
              <TextField
                key={name}
                name={name}
                label={t(`courses.admin.field.${name}`)}
                hint={t(`courses.admin.field.${name}Hint`)}
                describedBy={rulesWarning}
                error={fields[name]}
                type="number"
                required={required}
                defaultValue={values[name]}
                {...limits}
              />
            ))}
          </div>
          <label className="choice-card">
            <input type="checkbox" name="requiredForVolunteers" defaultChecked={values.requiredForVolunteers} aria-describedby="required-for-volunteers-hint" />
            <span>
              <strong>{t('courses.admin.field.requiredForVolunteers')}</strong>
              <span id="required-for-volunteers-hint" className="choice-description">
                {t('courses.admin.field.requiredForVolunteersHint')}
              </span>
            </span>
          </label>
        </fieldset>

        <CourseChecklist
          name="prerequisiteCourseIds"
          className="course-group stack-tight"
          legend={t('courses.admin.prerequisites.legend')}
          hint={t('courses.admin.prerequisites.hint')}
          error={fields.prerequisiteCourseIds}
          courses={prerequisites}
          chosen={chosen}
          categories={COURSE_CATEGORIES}
          before={prerequisites.length === 0 ? <p>{t('courses.admin.prerequisites.none')}</p> : null}
          label={(c) => (
            <>
              {c.title}
              {c.published ? null : t('courses.admin.prerequisites.draft')} <span className="hint">{c.code}</span>
            </>
          )}
        />

        <fieldset className="choices">
          <legend>{t('courses.admin.publish.legend')}</legend>
          <label className="choice-card">
            <input type="radio" name="published" value="false" defaultChecked={!values.published} />
            <span>
              <strong>{t('courses.admin.publish.draft')}</strong>
              <span className="choice-description">{t('courses.admin.publish.draftHint')}</span>
            </span>
          </label>
          <label className="choice-card">
            <input type="radio" name="published" value="true" defaultChecked={values.published} />
            <span>
              <strong>{t('courses.admin.publish.published')}</strong>
              <span className="choice-description">{t('courses.admin.publish.publishedHint')}</span>
            </span>
          </label>
        </fieldset>

        <section className="stack" aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">{t('courses.admin.lessons.heading')}</h2>
          <p className="hint">{t('courses.admin.lessons.hint')}</p>
          {fields.lessons ? <p className="field-error">{fields.lessons}</p> : null}
          {values.lessons.length === 0 ? <p>{t('courses.admin.lessons.empty')}</p> : null}
          {values.lessons.map((lesson, i) => {
            const n = i + 1;
            const name = (field: Parameters<typeof lessonField>[1]) => lessonField(i, field);
            return (
              <fieldset key={i} id={`lesson-${i}`} className="lesson-editor stack-tight">
                <legend>{t('courses.admin.lesson.legend', { n })}</legend>
                <TextField
                  name={name('title')}
                  label={t('courses.admin.lesson.title')}
                  error={fields[name('title')]}
                  required
                  maxLength={200}
                  defaultValue={lesson.title}
                  autoFocus={focus === `field-${name('title')}`}
                />
                <TextField
                  name={name('titleEn')}
                  label={t('courses.admin.lesson.titleEn')}
                  hint={t('courses.admin.field.optional')}
                  error={fields[name('titleEn')]}
                  maxLength={200}
                  lang="en"
                  defaultValue={lesson.titleEn}
                />
                <TextField
                  name={name('hours')}
                  label={t('courses.admin.lesson.hours')}
                  error={fields[name('hours')]}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={200}
                  step="any"
                  required
                  defaultValue={lesson.hours}
                />
                <TextAreaField
                  name={name('body')}
                  label={t('courses.admin.lesson.body')}
                  error={fields[name('body')]}
                  rows={8}
                  maxLength={20000}
                  defaultValue={lesson.body}
                />
                <TextAreaField
                  name={name('bodyEn')}
                  label={t('courses.admin.lesson.bodyEn')}
                  hint={t('courses.admin.field.optional')}
                  error={fields[name('bodyEn')]}
                  rows={3}
                  maxLength={20000}
                  lang="en"
                  defaultValue={lesson.bodyEn}
                />
                <details className="lesson-preview" open={openPreview === i}>
                  <summary>{t('courses.admin.lesson.preview')}</summary>
                  <div className="stack-tight">
                    <p className="hint">{t('courses.admin.lesson.previewHint')}</p>
                    {/* Rendered on the server by markdown.server.ts, as on the course page: raw HTML stays text. */}
                    {previews[i] ? (
                      <div className="prose" dangerouslySetInnerHTML={{ __html: previews[i] }} />
                    ) : (
                      <p>{t('courses.admin.lesson.previewEmpty')}</p>
                    )}
                    <button
                      id={`lesson-${i}-preview`}
                      {...intentButton(`preview:${i}`)}
                      className="button button-secondary"
                      autoFocus={focus === `lesson-${i}-preview`}
                    >
                      {t('courses.admin.lesson.refreshPreview')}
                    </button>
                  </div>
                </details>
                <div className="lesson-tools">
                  {i > 0 ? (
                    <LessonButton id={`lesson-${i}-up`} {...intentButton(`moveUp:${i}`)} label={t('courses.admin.lesson.moveUpLabel', { n })} focus={focus}>
                      {t('courses.admin.lesson.moveUp')}
                    </LessonButton>
                  ) : null}
                  {i < values.lessons.length - 1 ? (
                    <LessonButton
                      id={`lesson-${i}-down`}
                      {...intentButton(`moveDown:${i}`)}
                      label={t('courses.admin.lesson.moveDownLabel', { n })}
                      focus={focus}
                    >
                      {t('courses.admin.lesson.moveDown')}
                    </LessonButton>
                  ) : null}
                  <LessonButton
                    id={`lesson-${i}-remove`}
                    {...intentButton(`removeLesson:${i}`)}
                    label={t('courses.admin.lesson.removeLabel', { n })}
                    focus={focus}
                    danger
                  >
                    {t('courses.admin.lesson.remove')}
                  </LessonButton>
                </div>
              </fieldset>
            );
          })}
          {values.lessons.length < MAX_LESSONS ? (
            <button id="add-lesson" {...intentButton('addLesson')} className="button button-secondary button-block" autoFocus={focus === 'add-lesson'}>
              {t('courses.admin.lessons.add')}
            </button>
          ) : (
            <p className="hint">{t('courses.admin.lessons.max', { n: MAX_LESSONS })}</p>
          )}
        </section>

        <button {...intentButton('save')} className="button button-primary button-block">
          {t('courses.admin.save')}
        </button>
      </Form>
    </>
  );
}

function LessonButton({
  id,
  label,
  focus,
  danger,
  children,
  ...button
}: { id: string; label: string; focus?: string; danger?: boolean; children: ReactNode } & { type: 'submit'; name: string; value: string; disabled: boolean }) {
  return (
    <button
      id={id}
      {...button}
      className={`button ${danger ? 'button-quiet-dark lesson-remove' : 'button-quiet-dark'}`}
      aria-label={label}
      autoFocus={focus === id}
    >
      {children}
    </button>
  );
}

/** What a lesson button did (the form is not saved yet), with a link down to the lesson concerned. */
export function CourseFormNotice({ notice, anchor }: { notice?: string; anchor?: string }) {
  const { t } = useI18n();
  if (!notice) return null;
  const position = anchor ? Number(anchor.replace('lesson-', '')) + 1 : null;
  return (
    <div className="notice notice-warning" role="status">
      <p>{notice}</p>
      {anchor && position ? (
        <p>
          <a href={`#${anchor}`}>{t('courses.admin.jumpToLesson', { n: position })}</a>
        </p>
      ) : null}
    </div>
  );
}
