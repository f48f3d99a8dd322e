import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { FormErrors } from '../lib/forms';
import { useI18n } from '../i18n';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ name, label, hint, error, ...input }: TextFieldProps) {
  const id = `field-${name}`;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </div>
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
          <p>{t('form.errorSummary')}</p>
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

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** A labelled select, wired like TextField. */
export function SelectField({ name, label, hint, error, children, ...select }: SelectFieldProps) {
  const id = `field-${name}`;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
    </div>
  );
}
