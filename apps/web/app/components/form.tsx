import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { CourseCategory } from '@hearth/contracts';
import type { FormErrors } from '../lib/forms';
import { useI18n } from '../i18n';

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Ids of other elements that describe this field too (e.g. a warning over a group of fields). */
  describedBy?: string;
  /** When one page has many forms with the same field: makes the id unique. */
  idSuffix?: string;
}

/** The label, hint and error of a field, and the ids that tie them to it for screen readers. */
function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function fieldIds({ name, hint, error, describedBy, idSuffix }: Omit<FieldProps, 'label'>) {
  const id = `field-${name}${idSuffix ? `-${idSuffix}` : ''}`;
  return { id, describedBy: [error && `${id}-error`, hint && `${id}-hint`, describedBy].filter(Boolean).join(' ') || undefined };
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ name, label, hint, error, describedBy, idSuffix, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = fieldIds({ name, hint, error, describedBy, idSuffix });
  return (
    <FieldFrame id={ids.id} label={label} hint={hint} error={error}>
      <input id={ids.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
    </FieldFrame>
  );
}

/** TextField's multi-line twin. */
export function TextAreaField({ name, label, hint, error, describedBy, idSuffix, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = fieldIds({ name, hint, error, describedBy, idSuffix });
  return (
    <FieldFrame id={ids.id} label={label} hint={hint} error={error}>
      <textarea id={ids.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...textarea} />
    </FieldFrame>
  );
}

/**
 * The form's problems at the top, announced when they appear; field problems link to their field.
 * With JavaScript the page is not reloaded, so the summary takes focus: on a long form the button
 * pressed is far below it.
 */
export function FormAlert({ errors }: { errors?: FormErrors }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (!errors) return null;
  const fields = Object.entries(errors.fields).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (!errors.form && fields.length === 0) return null;
  return (
    <div className="alert" role="alert" tabIndex={-1} ref={ref}>
      {errors.form ? <p>{errors.form}</p> : null}
      {fields.length > 0 ? (
        <>
          <p>{t('common.form.errorSummary')}</p>
          <ul>
            {fields.map(([name, message]) => (
              <li key={name}>
                <a href={`#field-${name}`}>{message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** A labelled select, wired like TextField. */
export function SelectField({
  name,
  label,
  hint,
  error,
  describedBy,
  idSuffix,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const ids = fieldIds({ name, hint, error, describedBy, idSuffix });
  return (
    <FieldFrame id={ids.id} label={label} hint={hint} error={error}>
      <select id={ids.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

interface ChecklistCourse {
  id: string;
  title: string;
  category: CourseCategory;
}

interface CourseChecklistProps<C extends ChecklistCourse> {
  name: string;
  legend: string;
  hint: string;
  error?: string;
  courses: C[];
  chosen: ReadonlySet<string>;
  /** The order of the category groups. */
  categories: readonly CourseCategory[];
  className: string;
  /** Shown above the groups (e.g. "no courses yet"). */
  before?: ReactNode;
  /** What a course's checkbox says; its title by default. */
  label?: (course: C) => ReactNode;
}

/** Courses as checkboxes grouped by category, in a fieldset whose legend the error summary can focus. */
export function CourseChecklist<C extends ChecklistCourse>({
  name,
  legend,
  hint,
  error,
  courses,
  chosen,
  categories,
  className,
  before,
  label = (c) => c.title,
}: CourseChecklistProps<C>) {
  const { t } = useI18n();
  const id = `field-${name}`;
  return (
    <fieldset className={className} aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}>
      <legend id={id} tabIndex={-1}>
        {legend}
      </legend>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {before}
      {categories.map((category) => {
        const inCategory = courses.filter((c) => c.category === category);
        if (inCategory.length === 0) return null;
        return (
          <div key={category} className="check-group">
            <p className="check-group-heading">{t(`courses.category.${category}`)}</p>
            {inCategory.map((c) => (
              <label key={c.id} className="check-option">
                <input type="checkbox" name={name} value={c.id} defaultChecked={chosen.has(c.id)} />
                <span>{label(c)}</span>
              </label>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}
