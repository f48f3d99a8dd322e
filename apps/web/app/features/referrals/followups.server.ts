import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { translator } from '../../i18n';
import { unavailableOrRethrow } from '../../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../../lib/auth.server';
import { getLocale } from '../../lib/locale.server';
import { loadFollowUps, recordFollowUp } from '../../lib/referrals-followups.server';
import type { ReferralSide } from './sides';

const ROLES = { employer: ['employer'], manage: MANAGER_ROLES } as const;

/** Follow-ups due within a week or overdue; an employer sees no name of a learner who withdrew her consent. */
export async function followUpsLoader({ request }: LoaderFunctionArgs, side: ReferralSide) {
  const { api, headers } = await requireUser(request, { roles: [...ROLES[side]] });
  const locale = await getLocale(request);
  try {
    return data({ items: await loadFollowUps(api, locale, { forEmployer: side === 'employer' }) }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function followUpsAction({ request }: ActionFunctionArgs, side: ReferralSide) {
  const { api, headers } = await requireUser(request, { roles: [...ROLES[side]] });
  const locale = await getLocale(request);
  const { status, outcome } = await recordFollowUp(await request.formData(), api, locale, translator(locale));
  return data(outcome, { status, headers });
}
