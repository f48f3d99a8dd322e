import type { ApiClient, Locale } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { formatDay } from './dates';
import { formText, hasErrors, isUuid, type FormErrors } from './forms';
import { referralsApi, WAGE_BANDS, type EmployerReferralDto, type WageBand } from './referrals-api.server';
import { referralFormErrors } from './form-errors.server';
import { NOTE_MAX, referralFieldMessages } from './referrals-forms';

/**
 * Follow-ups due within a week or overdue, as the follow-up pages show them (shared by /manage and
 * /employer). For an employer, `forEmployer` drops the name of a learner who withdrew her consent:
 * the API's follow-up list still carries it, but the consent page promises employers see nothing personal.
 */
export async function loadFollowUps(api: ApiClient, locale: Locale, { forEmployer = false } = {}) {
  const referrals = referralsApi(api, locale);
  const page = await referrals.followups.due();
  const withdrawn = new Set<string>();
  if (forEmployer && page.items.length > 0) {
    for (let offset = 0; offset < 500; offset += 100) {
      const hired = await referrals.referrals.list<EmployerReferralDto>({ status: 'hired', limit: 100, offset });
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

const isWageBand = (value: string): value is WageBand => (WAGE_BANDS as readonly string[]).includes(value);

/** Records one follow-up from its form: still employed (yes/no), the wage band when she is, a note. */
export async function recordFollowUp(form: FormData, api: ApiClient, locale: Locale, t: Translate): Promise<{ status: number; outcome: FollowUpOutcome }> {
  const id = formText(form, 'followUpId');
  const values = { stillEmployed: formText(form, 'stillEmployed'), wageBand: formText(form, 'wageBand'), note: formText(form, 'note').trim() };
  const errors: FormErrors = { fields: {} };
  if (!isUuid(id)) return { status: 400, outcome: { id, errors: { form: t('error.NOT_FOUND'), fields: {} } } };
  if (values.stillEmployed !== 'yes' && values.stillEmployed !== 'no') errors.fields.stillEmployed = t(referralFieldMessages.stillEmployed);
  const stillEmployed = values.stillEmployed === 'yes';
  // The wage only means something while she works there.
  if (stillEmployed && !isWageBand(values.wageBand)) errors.fields.wageBand = t(referralFieldMessages.wageBand);
  if (values.note.length > NOTE_MAX) errors.fields.note = t(referralFieldMessages.note);
  if (hasErrors(errors)) return { status: 400, outcome: { id, errors, values } };
  try {
    await referralsApi(api, locale).followups.record(id, {
      stillEmployed,
      ...(stillEmployed && isWageBand(values.wageBand) ? { wageBand: values.wageBand } : {}),
      ...(values.note ? { note: values.note } : {}),
    });
    const name = formText(form, 'learnerName').slice(0, 100) || t('referrals.followups.someone');
    return { status: 200, outcome: { id, done: t('referrals.followups.saved', { name }) } };
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return { status: failure.status, outcome: { id, errors: failure.errors, values } };
  }
}
