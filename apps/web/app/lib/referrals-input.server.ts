import type { Translate } from '../i18n';
import { checkForm, REFERRAL_FIELDS } from './form-errors.server';
import type { FormErrors } from './forms';
import { CreateEmployerDto, CreateJobDto } from './inputs.server';
import { splitQualifications, toHalfWidth, type EmployerValues, type JobBody, type JobValues } from './referrals-forms';

const form = { fields: REFERRAL_FIELDS };

/** The API's rules for a new employer (CreateEmployerDto), reported on the fields. */
export function checkEmployer(values: EmployerValues, t: Translate): FormErrors {
  return checkForm(CreateEmployerDto, { ...values }, t, form).errors ?? { fields: {} };
}

/** A whole number typed by a person ("3,000", "３０００") as a number; anything else as typed, for the rules to refuse. */
function wholeNumber(input: string): number | string {
  const text = toHalfWidth(input).replace(/[\s,，]/g, '');
  return /^\d{1,9}$/.test(text) ? Number(text) : input;
}

/** The API's rules for a job opening (CreateJobDto) checked first, reported on the fields; the body to send when all is well. */
export function checkJob(values: JobValues, t: Translate): { errors: FormErrors; body: JobBody | null } {
  const qualifications = splitQualifications(values.qualifications);
  const wageMin = values.wageMin ? wholeNumber(values.wageMin) : undefined;
  const wageMax = values.wageMax ? wholeNumber(values.wageMax) : undefined;
  const { value, errors } = checkForm(
    CreateJobDto,
    {
      employerId: values.employerId,
      title: values.title,
      ...(values.description ? { description: values.description } : {}),
      requiredCourseIds: [...new Set(values.courseIds)],
      ...(qualifications.length ? { acceptedQualifications: qualifications } : {}),
      location: values.location,
      positions: wholeNumber(values.positions),
      ...(wageMin !== undefined ? { wageMin } : {}),
      ...(wageMax !== undefined ? { wageMax } : {}),
    },
    t,
    form,
  );
  // A rule between two fields, which the API's service checks too.
  if (typeof wageMin === 'number' && typeof wageMax === 'number' && wageMax < wageMin && !errors?.fields.wageMax) {
    return { errors: { ...(errors ?? {}), fields: { ...errors?.fields, wageMax: t('referrals.field.wageMax.invalid') } }, body: null };
  }
  return errors ? { errors, body: null } : { errors: { fields: {} }, body: value };
}
