import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { translator } from '../../i18n';
import { unavailableOrRethrow } from '../../lib/api.server';
import { MANAGER_ROLES, requireUser } from '../../lib/auth.server';
import { getLocale } from '../../lib/locale.server';
import { referralFormErrors } from '../../lib/form-errors.server';
import { readJob } from '../../lib/referrals-forms';
import { checkJob } from '../../lib/referrals-input.server';
import type { ReferralSide } from './sides';

/** An employer's staff post openings for their own company only; staff choose the employer. */
async function caller(request: Request, side: ReferralSide) {
  if (side === 'manage') return { ...(await requireUser(request, { roles: MANAGER_ROLES })), ownEmployerId: null };
  const viewer = await requireUser(request, { roles: ['employer'] });
  if (!viewer.user.employerId) throw new Response(null, { status: 403, statusText: 'Forbidden', headers: viewer.headers });
  return { ...viewer, ownEmployerId: viewer.user.employerId };
}

export async function newJobLoader({ request }: LoaderFunctionArgs, side: ReferralSide) {
  const { api, headers, ownEmployerId } = await caller(request, side);
  const locale = await getLocale(request);
  try {
    const [employers, courses] = await Promise.all([ownEmployerId ? null : api.employers.list(), api.courses.listAll({ lang: locale })]);
    return data(
      {
        employerId: ownEmployerId,
        employers: employers ? employers.items.map(({ id, name }) => ({ id, name })) : null,
        courses: courses.items.map(({ id, title, category }) => ({ id, title, category })),
        preset: ownEmployerId ? '' : (new URL(request.url).searchParams.get('employerId') ?? ''),
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function newJobAction({ request }: ActionFunctionArgs, side: ReferralSide) {
  const { api, headers, ownEmployerId } = await caller(request, side);
  const locale = await getLocale(request);
  const t = translator(locale);
  const form = readJob(await request.formData());
  // An employer's opening is always for her own company, whatever the form says.
  const values = ownEmployerId ? { ...form, employerId: ownEmployerId } : form;
  const { errors, body } = checkJob(values, t);
  if (!body) return data({ errors, values }, { status: 400, headers });
  try {
    const job = await api.jobs.create(body, { lang: locale });
    return redirect(side === 'employer' ? '/employer?created=1' : `/manage/jobs/${job.id}?created=1`, { headers });
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return data({ errors: failure.errors, values }, { status: failure.status, headers });
  }
}
