/** Per-field messages plus one for the whole form, already in the user's language. */
export interface FormErrors {
  form?: string;
  fields: Partial<Record<string, string>>;
}

export const hasErrors = (errors: FormErrors) => Boolean(errors.form) || Object.keys(errors.fields).length > 0;

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Accepts what people type: full-width digits (Chinese keyboards), spaces, dashes, a +86 prefix. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(/[\s\-\u3000()（）]/g, '');
  return digits.replace(/^(\+|00)?86(?=1\d{10}$)/, '');
}

/** Only same-site paths, so `?next=` cannot send anyone to another site. */
export function safeRedirect(to: unknown, fallback = '/app'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || /[\\\u0000-\u001f]/.test(to)) return fallback;
  return to;
}

/** The `errors.fields` key (and `field-…` id) of a repeated field's row: "sessions.0". */
export const rowField = (field: string, index: number) => `${field}.${index}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs and hidden fields are UUIDs; anything else cannot name a record (and the API would answer 400). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
