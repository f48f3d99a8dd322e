import type { InputHTMLAttributes } from 'react';
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

/** The form's problems at the top, announced when they appear; field problems link to their field. */
export function FormAlert({ errors }: { errors?: FormErrors }) {
  const { t } = useI18n();
  if (!errors) return null;
  const fields = Object.entries(errors.fields).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (!errors.form && fields.length === 0) return null;
  return (
    <div className="alert" role="alert">
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
