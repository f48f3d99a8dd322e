import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData, useNavigation } from '@remix-run/react';
import type { EmployerReferralDto, ReferralStatus, StaffJobDto } from '@hearth/contracts';
import { JobFacts, MoveForm, ReferralHistory, ReferralStatusBadge } from '../components/referrals-parts';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { requireUser } from '../lib/auth.server';
import { formatDay } from '../lib/dates';
import { formText, hasErrors, isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { referralFormErrors } from '../lib/form-errors.server';
import { formatMoment, isReferralStatus, needsConfirmation, nextStatuses, readNote } from '../lib/referrals-forms';
import { useSettledActionData } from '../lib/settled-action-data';
import referralsCss from '../styles/referrals.css?url';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta('referrals.page.employerReferral');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

const notFound = (headers: Record<string, string>) => new Response(null, { status: 404, statusText: 'Not Found', headers });

/** "ABCD-EFGH-JKM": codes are read aloud in groups. */
const groupCode = (code: string) => (code.length === 11 ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` : code);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['employer'] });
  const locale = await getLocale(request);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  let referral: EmployerReferralDto;
  let job: StaffJobDto | null = null;
  try {
    // Another employer's referral is a 404 from the API: it does not reveal that it exists.
    referral = await api.referrals.get<EmployerReferralDto>(id, { lang: locale });
    job = await api.jobs.get<StaffJobDto>(referral.jobId, { lang: locale }).catch((error: unknown) => {
      if (isApiError(error, 'NOT_FOUND')) return null;
      throw error;
    });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw notFound(headers);
    return unavailableOrRethrow(error);
  }
  const candidate = referral.consentWithdrawn ? null : referral.candidate;
  return data(
    {
      referral: {
        id: referral.id,
        jobTitle: referral.jobTitle,
        status: referral.status,
        referredOn: formatDay(referral.createdAt, locale),
        consentWithdrawn: referral.consentWithdrawn || !candidate,
        next: nextStatuses(referral.status),
        history: (referral.history ?? []).map((h) => ({ from: h.from, to: h.to, note: h.note, at: formatMoment(h.at, locale) })),
      },
      job: job
        ? {
            employerName: job.employerName,
            location: job.location,
            positions: job.positions,
            wageMin: job.wageMin,
            wageMax: job.wageMax,
            requiredCourses: job.requiredCourses,
            acceptedQualifications: job.acceptedQualifications,
          }
        : null,
      candidate: candidate
        ? {
            name: candidate.name,
            phone: candidate.phone,
            classHours: Math.round(candidate.classHours * 10) / 10,
            certificates: candidate.certificates.map((c) => ({
              code: c.code,
              shownCode: groupCode(c.code),
              course: c.course,
              issued: formatDay(c.issuedAt, locale),
              expires: c.expiresAt ? formatDay(c.expiresAt, locale) : null,
            })),
          }
        : null,
    },
    { headers },
  );
}

interface Outcome {
  done?: string;
  errors?: FormErrors;
  /** An ending move waiting for her "确认". */
  confirm?: { status: ReferralStatus; note: string };
}

/** Moves the referral on, with an optional note. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['employer'] });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  const form = await request.formData();
  const status = formText(form, 'status');
  const errors: FormErrors = { fields: {} };
  const note = readNote(form, t, errors);
  if (!isReferralStatus(status)) return data<Outcome>({ errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, { status: 400, headers });
  if (hasErrors(errors)) return data<Outcome>({ errors }, { status: 400, headers });
  if (needsConfirmation(form, status)) return data<Outcome>({ confirm: { status, note } }, { headers });
  try {
    await api.referrals.move(id, { status, ...(note ? { note } : {}) }, { lang: locale });
    return data<Outcome>({ done: t('referrals.moved', { status: t(`referrals.status.${status}`) }) }, { headers });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw notFound(headers);
    const failure = referralFormErrors(error, t);
    return data<Outcome>({ errors: failure.errors }, { status: failure.status, headers });
  }
}

export default function EmployerReferralPage() {
  const { referral, job, candidate } = useLoaderData<typeof loader>();
  const result = useSettledActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <article className="stack">
      <p>
        <Link to="/employer">{t('referrals.employer.back')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{candidate?.name ?? t('referrals.candidate.heading')}</h1>
        <p className="badges">
          <ReferralStatusBadge status={referral.status} />
        </p>
      </header>
      {result?.done ? <StatusNotice tone="success">{result.done}</StatusNotice> : null}

      {candidate ? (
        <section className="card stack" aria-labelledby="candidate-heading">
          <h2 id="candidate-heading">{t('referrals.candidate.heading')}</h2>
          <p className="hint">{t('referrals.candidate.consented')}</p>
          <dl className="facts">
            <div>
              <dt>{t('referrals.candidate.name')}</dt>
              <dd>{candidate.name}</dd>
            </div>
            {candidate.phone ? (
              <div>
                <dt>{t('referrals.candidate.phone')}</dt>
                <dd>
                  <a href={`tel:${candidate.phone}`} className="referrals-tel">
                    {candidate.phone}
                  </a>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('referrals.candidate.classHours')}</dt>
              <dd>{t('referrals.board.classHoursValue', { n: candidate.classHours })}</dd>
            </div>
          </dl>
          <h3>{t('referrals.candidate.certificates')}</h3>
          {candidate.certificates.length === 0 ? (
            <p>{t('referrals.candidate.noCertificates')}</p>
          ) : (
            <ul className="plain-list">
              {candidate.certificates.map((c) => (
                <li key={c.code} className="referrals-certificate stack-tight">
                  <p className="referrals-card-title">{c.course}</p>
                  <p className="hint">
                    {t('referrals.candidate.certificateCode', { code: c.shownCode })} · {t('referrals.candidate.issued', { date: c.issued })}
                    {c.expires ? ` · ${t('referrals.candidate.expires', { date: c.expires })}` : null}
                  </p>
                  <p>
                    <a href={`/verify/${c.code}`}>{t('referrals.candidate.verify', { code: c.shownCode })}</a>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <section className="notice notice-warning" aria-labelledby="withdrawn-heading">
          <h2 id="withdrawn-heading">{t('referrals.candidate.withdrawn')}</h2>
          <p>{t('referrals.candidate.withdrawnHint')}</p>
        </section>
      )}

      <section className="stack" aria-labelledby="job-heading">
        <h2 id="job-heading">{t('referrals.candidate.job')}</h2>
        <p className="referrals-card-title">{referral.jobTitle}</p>
        <p className="hint">{t('referrals.board.referredOn', { date: referral.referredOn })}</p>
        {job ? <JobFacts job={job} showEmployer={false} /> : null}
      </section>

      <section className="card stack" aria-labelledby="move-heading">
        <h2 id="move-heading">{t('referrals.move.legend')}</h2>
        {result?.errors?.form ? (
          <div className="alert" role="alert">
            <p>{result.errors.form}</p>
          </div>
        ) : null}
        <MoveForm
          key={referral.status}
          referralId={referral.id}
          next={referral.next}
          noteHint={t('referrals.move.noteHintEmployer')}
          error={result?.errors?.fields.note}
          busy={navigation.state !== 'idle'}
          confirm={result?.confirm}
          cancelHref={`/employer/referrals/${referral.id}`}
        />
      </section>

      {referral.history.length > 0 ? (
        <section className="stack" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('referrals.candidate.history')}</h2>
          <ReferralHistory history={referral.history} />
        </section>
      ) : null}
    </article>
  );
}
