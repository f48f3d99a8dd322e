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
          {t('courseAdmin.save')}
        </button>
        <input type="hidden" name="lessonCount" value={values.lessons.length} />
        {mode === 'create' ? (
          <TextField
            name="code"
            label={t('courseAdmin.field.code')}
            hint={t('courseAdmin.field.codeHint')}
            error={fields.code}
            required
            maxLength={40}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.code}
          />
        ) : null}
        <TextField name="title" label={t('courseAdmin.field.title')} error={fields.title} required maxLength={200} defaultValue={values.title} />
        <TextField name="titleEn" label={t('courseAdmin.field.titleEn')} hint={t('courseAdmin.field.titleEnHint')} error={fields.titleEn} maxLength={200} lang="en" defaultValue={values.titleEn} />
        <SelectField name="category" label={t('courseAdmin.field.category')} error={fields.category} required defaultValue={values.category}>
          <option value="">{t('form.choose')}</option>
          {COURSE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField name="description" label={t('courseAdmin.field.description')} error={fields.description} rows={3} maxLength={5000} defaultValue={values.description} />
        <TextAreaField
          name="descriptionEn"
          label={t('courseAdmin.field.descriptionEn')}
          hint={t('courseAdmin.field.optional')}
          error={fields.descriptionEn}
          rows={2}
          maxLength={5000}
          lang="en"
          defaultValue={values.descriptionEn}
        />

        <fieldset className="course-group stack">
          <legend>{t('courseAdmin.rules.legend')}</legend>
          {rulesWarning ? (
            <p id={rulesWarning} className="notice notice-warning">
              {t('courseAdmin.rules.warning', { n: openClasses })}
            </p>
          ) : null}
          <div className="field-pair course-rules">
            <TextField
              name="requiredHours"
              label={t('courseAdmin.field.requiredHours')}
              hint={t('courseAdmin.field.requiredHoursHint')}
              describedBy={rulesWarning}
              error={fields.requiredHours}
              type="number"
              inputMode="decimal"
              min={0}
              max={2000}
              step="any"
              required
              defaultValue={values.requiredHours}
            />
            <TextField
              name="minAttendancePct"
              label={t('courseAdmin.field.minAttendancePct')}
              hint={t('courseAdmin.field.minAttendancePctHint')}
              describedBy={rulesWarning}
              error={fields.minAttendancePct}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              required
              defaultValue={values.minAttendancePct}
            />
            <TextField
              name="passMark"
              label={t('courseAdmin.field.passMark')}
              hint={t('courseAdmin.field.passMarkHint')}
              describedBy={rulesWarning}
              error={fields.passMark}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              required
              defaultValue={values.passMark}
            />
            <TextField
              name="validityMonths"
              label={t('courseAdmin.field.validityMonths')}
              hint={t('courseAdmin.field.validityMonthsHint')}
              describedBy={rulesWarning}
              error={fields.validityMonths}
              type="number"
              inputMode="numeric"
              min={1}
              max={600}
              step={1}
              defaultValue={values.validityMonths}
            />
          </div>
          <label className="choice-card">
            <input type="checkbox" name="requiredForVolunteers" defaultChecked={values.requiredForVolunteers} aria-describedby="required-for-volunteers-hint" />
            <span>
              <strong>{t('courseAdmin.field.requiredForVolunteers')}</strong>
              <span id="required-for-volunteers-hint" className="choice-description">
                {t('courseAdmin.field.requiredForVolunteersHint')}
              </span>
            </span>
          </label>
        </fieldset>

        <CourseChecklist
          name="prerequisiteCourseIds"
          className="course-group stack-tight"
          legend={t('courseAdmin.prerequisites.legend')}
          hint={t('courseAdmin.prerequisites.hint')}
          error={fields.prerequisiteCourseIds}
          courses={prerequisites}
          chosen={chosen}
          categories={COURSE_CATEGORIES}
          before={prerequisites.length === 0 ? <p>{t('courseAdmin.prerequisites.none')}</p> : null}
          label={(c) => (
            <>
              {c.title}
              {c.published ? null : t('courseAdmin.prerequisites.draft')} <span className="hint">{c.code}</span>
            </>
          )}
        />

        <fieldset className="choices">
          <legend>{t('courseAdmin.publish.legend')}</legend>
          <label className="choice-card">
            <input type="radio" name="published" value="false" defaultChecked={!values.published} />
            <span>
              <strong>{t('courseAdmin.publish.draft')}</strong>
              <span className="choice-description">{t('courseAdmin.publish.draftHint')}</span>
            </span>
          </label>
          <label className="choice-card">
            <input type="radio" name="published" value="true" defaultChecked={values.published} />
            <span>
              <strong>{t('courseAdmin.publish.published')}</strong>
              <span className="choice-description">{t('courseAdmin.publish.publishedHint')}</span>
            </span>
          </label>
        </fieldset>

        <section className="stack" aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">{t('courseAdmin.lessons.heading')}</h2>
          <p className="hint">{t('courseAdmin.lessons.hint')}</p>
          {fields.lessons ? <p className="field-error">{fields.lessons}</p> : null}
          {values.lessons.length === 0 ? <p>{t('courseAdmin.lessons.empty')}</p> : null}
          {values.lessons.map((lesson, i) => {
            const n = i + 1;
            const name = (field: Parameters<typeof lessonField>[1]) => lessonField(i, field);
            return (
              <fieldset key={i} id={`lesson-${i}`} className="lesson-editor stack-tight">
                <legend>{t('courseAdmin.lesson.legend', { n })}</legend>
                <TextField name={name('title')} label={t('courseAdmin.lesson.title')} error={fields[name('title')]} required maxLength={200} defaultValue={lesson.title} autoFocus={focus === `field-${name('title')}`} />
                <TextField name={name('titleEn')} label={t('courseAdmin.lesson.titleEn')} hint={t('courseAdmin.field.optional')} error={fields[name('titleEn')]} maxLength={200} lang="en" defaultValue={lesson.titleEn} />
                <TextField name={name('hours')} label={t('courseAdmin.lesson.hours')} error={fields[name('hours')]} type="number" inputMode="decimal" min={0} max={200} step="any" required defaultValue={lesson.hours} />
                <TextAreaField name={name('body')} label={t('courseAdmin.lesson.body')} error={fields[name('body')]} rows={8} maxLength={20000} defaultValue={lesson.body} />
                <TextAreaField name={name('bodyEn')} label={t('courseAdmin.lesson.bodyEn')} hint={t('courseAdmin.field.optional')} error={fields[name('bodyEn')]} rows={3} maxLength={20000} lang="en" defaultValue={lesson.bodyEn} />
                <details className="lesson-preview" open={openPreview === i}>
                  <summary>{t('courseAdmin.lesson.preview')}</summary>
                  <div className="stack-tight">
                    <p className="hint">{t('courseAdmin.lesson.previewHint')}</p>
                    {/* Rendered on the server by markdown.server.ts, as on the course page: raw HTML stays text. */}
                    {previews[i] ? <div className="prose" dangerouslySetInnerHTML={{ __html: previews[i] }} /> : <p>{t('courseAdmin.lesson.previewEmpty')}</p>}
                    <button id={`lesson-${i}-preview`} {...intentButton(`preview:${i}`)} className="button button-secondary" autoFocus={focus === `lesson-${i}-preview`}>
                      {t('courseAdmin.lesson.refreshPreview')}
                    </button>
                  </div>
                </details>
                <div className="lesson-tools">
                  {i > 0 ? (
                    <LessonButton id={`lesson-${i}-up`} {...intentButton(`moveUp:${i}`)} label={t('courseAdmin.lesson.moveUpLabel', { n })} focus={focus}>
                      {t('courseAdmin.lesson.moveUp')}
                    </LessonButton>
                  ) : null}
                  {i < values.lessons.length - 1 ? (
                    <LessonButton id={`lesson-${i}-down`} {...intentButton(`moveDown:${i}`)} label={t('courseAdmin.lesson.moveDownLabel', { n })} focus={focus}>
                      {t('courseAdmin.lesson.moveDown')}
                    </LessonButton>
                  ) : null}
                  <LessonButton id={`lesson-${i}-remove`} {...intentButton(`removeLesson:${i}`)} label={t('courseAdmin.lesson.removeLabel', { n })} focus={focus} danger>
                    {t('courseAdmin.lesson.remove')}
                  </LessonButton>
                </div>
              </fieldset>
            );
          })}
          {values.lessons.length < MAX_LESSONS ? (
            <button id="add-lesson" {...intentButton('addLesson')} className="button button-secondary button-block" autoFocus={focus === 'add-lesson'}>
              {t('courseAdmin.lessons.add')}
            </button>
          ) : (
            <p className="hint">{t('courseAdmin.lessons.max', { n: MAX_LESSONS })}</p>
          )}
        </section>

        <button {...intentButton('save')} className="button button-primary button-block">
          {t('courseAdmin.save')}
        </button>
      </Form>
    </>
  );
}

function LessonButton({ id, label, focus, danger, children, ...button }: { id: string; label: string; focus?: string; danger?: boolean; children: ReactNode } & { type: 'submit'; name: string; value: string; disabled: boolean }) {
  return (
    <button id={id} {...button} className={`button ${danger ? 'button-quiet-dark lesson-remove' : 'button-quiet-dark'}`} aria-label={label} autoFocus={focus === id}>
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
          <a href={`#${anchor}`}>{t('courseAdmin.jumpToLesson', { n: position })}</a>
        </p>
      ) : null}
    </div>
  );
}
