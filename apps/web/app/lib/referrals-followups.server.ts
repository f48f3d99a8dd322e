import type { ApiClient, EmployerReferralDto, Locale } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { formatDay } from './dates';
import { formText, hasErrors, isUuid, type FormErrors } from './forms';
import { checkForm, REFERRAL_FIELDS, referralFormErrors } from './form-errors.server';
import { RecordFollowUpDto } from './inputs.server';

/**
 * Follow-ups due within a week or overdue, as the follow-up pages show them (shared by /manage and
 * /employer). For an employer, `forEmployer` drops the name of a learner who withdrew her consent:
 * the API's follow-up list still carries it, but the consent page promises employers see nothing personal.
 */
export async function loadFollowUps(api: ApiClient, locale: Locale, { forEmployer = false } = {}) {
  const page = await api.followups.due();
  const withdrawn = new Set<string>();
  if (forEmployer && page.items.length > 0) {
    for (let offset = 0; offset < 500; offset += 100) {
      const hired = await api.referrals.list<EmployerReferralDto>({ status: 'hired', limit: 100, offset, lang: locale });
      for (const r of hired.items) if (r.consentWithdrawn) withdrawn.add(r.id);
      if (offset + hired.items.length >= hired.total || hired.items.length === 0) break;
    }
  }
  return page.items.map((f) => ({
    id: f.id,
    dayMark: f.dayMark,
    due: formatDay(f.dueOn, locale),
    overdue: f.overdue,
    learnerName: withdrawn.has(f.referralId) ? null : f.learnerName,
    jobTitle: f.jobTitle,
    employerName: f.employerName,
  }));
}

export type FollowUpView = Awaited<ReturnType<typeof loadFollowUps>>[number];

export interface FollowUpOutcome {
  id: string;
  done?: string;
  errors?: FormErrors;
  values?: { stillEmployed: string; wageBand: string; note: string };
}

/** Records one follow-up from its form: still employed (yes/no), the wage band when she is, a note. */
export async function recordFollowUp(form: FormData, api: ApiClient, locale: Locale, t: Translate): Promise<{ status: number; outcome: FollowUpOutcome }> {
  const id = formText(form, 'followUpId');
  const values = { stillEmployed: formText(form, 'stillEmployed'), wageBand: formText(form, 'wageBand'), note: formText(form, 'note').trim() };
  if (!isUuid(id)) return { status: 400, outcome: { id, errors: { form: t('common.error.NOT_FOUND'), fields: {} } } };
  const stillEmployed = values.stillEmployed === 'yes' ? true : values.stillEmployed === 'no' ? false : values.stillEmployed;
  const { value, errors: problems } = checkForm(
    RecordFollowUpDto,
    {
      stillEmployed,
      // The wage only means something while she works there (and is then required: "" is no band).
      ...(stillEmployed === true ? { wageBand: values.wageBand } : {}),
      ...(values.note ? { note: values.note } : {}),
    },
    t,
    { fields: REFERRAL_FIELDS },
  );
  const errors: FormErrors = problems ?? { fields: {} };
  if (hasErrors(errors)) return { status: 400, outcome: { id, errors, values } };
  try {
    await api.followups.record(id, value);
    const name = formText(form, 'learnerName').slice(0, 100) || t('referrals.followups.someone');
    return { status: 200, outcome: { id, done: t('referrals.followups.saved', { name }) } };
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return { status: failure.status, outcome: { id, errors: failure.errors, values } };
  }
}
