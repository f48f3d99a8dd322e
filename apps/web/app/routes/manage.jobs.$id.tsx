import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import {
  REFERRAL_STATUSES,
  type ApiClient,
  type CandidateDto,
  type Locale,
  type ReferralStatus,
  type StaffJobDto,
  type StaffReferralDto,
} from '@hearth/contracts';
import { FormAlert, TextAreaField } from '../components/form';
import { JobFacts, JobStatusBadge, MoveForm } from '../components/referrals-parts';
import { titleMeta, translator, useI18n, type Translate } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { formatDay } from '../lib/dates';
import { formText, hasErrors, isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { missingCourses, referralFormErrors } from '../lib/form-errors.server';
import { NOTE_MAX, isReferralStatus, needsConfirmation, nextStatuses, readNote } from '../lib/referrals-forms';
import { useSettledActionData } from '../lib/settled-action-data';
import referralsCss from '../styles/referrals.css?url';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta<{ job?: { title: string } }>('referrals.page.board', (data) => data.job?.title);
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

const notFound = (headers: Record<string, string>) => new Response(null, { status: 404, statusText: 'Not Found', headers });

/** Up to 500 referrals of one opening, a page of 100 at a time. */
async function allReferrals(api: ApiClient, jobId: string, locale: Locale): Promise<StaffReferralDto[]> {
  const items: StaffReferralDto[] = [];
  for (let offset = 0; offset < 500; offset += 100) {
    const page = await api.referrals.list<StaffReferralDto>({ jobId, limit: 100, offset, lang: locale });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  let job: StaffJobDto;
  let candidates: CandidateDto[];
  let list: StaffReferralDto[];
  try {
    job = await api.jobs.get<StaffJobDto>(id, { lang: locale });
    [candidates, list] = await Promise.all([
      // Nobody can be referred to a closed opening.
      job.status === 'open' ? api.jobs.candidates(id, { lang: locale }).then((page) => page.items) : Promise.resolve([]),
      allReferrals(api, id, locale),
    ]);
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw notFound(headers);
    return unavailableOrRethrow(error);
  }
  const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((status) => [status, [] as ReturnType<typeof referralView>[]])) as Record<
    ReferralStatus,
    ReturnType<typeof referralView>[]
  >;
  function referralView(r: StaffReferralDto) {
    return {
      id: r.id,
      learnerName: r.learnerName,
      consentWithdrawn: r.consentWithdrawn,
      referredOn: formatDay(r.createdAt, locale),
      updatedOn: formatDay(r.updatedAt, locale) !== formatDay(r.createdAt, locale) ? formatDay(r.updatedAt, locale) : null,
      note: r.note,
      next: nextStatuses(r.status),
    };
  }
  for (const r of list) byStatus[r.status].push(referralView(r));
  return data(
    {
      job: {
        id: job.id,
        title: job.title,
        description: job.description,
        status: job.status,
        employerName: job.employerName,
        location: job.location,
        positions: job.positions,
        wageMin: job.wageMin,
        wageMax: job.wageMax,
        requiredCourses: job.requiredCourses,
        acceptedQualifications: job.acceptedQualifications,
      },
      candidates: candidates.map((c, i) => ({
        rank: i + 1,
        learnerId: c.learnerId,
        name: c.name,
        orgName: c.orgName,
        attendancePct: c.attendanceRate === null ? null : Math.round(c.attendanceRate * 100),
        latestCertificate: c.latestCertificateAt ? formatDay(c.latestCertificateAt, locale) : null,
        classHours: Math.round(c.classHours * 10) / 10,
      })),
      byStatus,
      total: list.length,
    },
    { headers },
  );
}

const INTENTS = ['refer', 'move', 'status'] as const;
type Intent = (typeof INTENTS)[number];

interface Outcome {
  intent: Intent;
  /** The candidate (refer) or referral (move) the answer is about. */
  target?: string;
  done?: string;
  errors?: FormErrors;
  missing?: { code: string; title: string }[];
  note?: string;
  /** An ending move (move) waiting for "确认". */
  confirm?: { status: ReferralStatus; note: string };
}

function referError(error: unknown, t: Translate) {
  const message = (text: string, status: number) => ({ status, errors: { form: text, fields: {} } as FormErrors });
  if (isApiError(error, 'CONSENT_REQUIRED')) return message(t('referrals.board.consentRequired'), 422);
  if (isApiError(error, 'REQUIREMENTS_NOT_MET')) return message(t('referrals.board.requirementsNotMet'), 422);
  if (isApiError(error, 'CONFLICT')) return message(t('referrals.board.alreadyReferred'), 409);
  if (isApiError(error, 'INVALID_TRANSITION')) return message(t('referrals.board.jobClosed'), 422);
  return referralFormErrors(error, t);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  const reply = (outcome: Omit<Outcome, 'intent'>, status = 200) => data<Outcome>({ intent, ...outcome }, { status, headers });
  if (!INTENTS.includes(intent)) return reply({ errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, 400);

  switch (intent) {
    case 'refer': {
      const learnerId = formText(form, 'learnerId');
      const errors: FormErrors = { fields: {} };
      const note = readNote(form, t, errors);
      if (!isUuid(learnerId)) return reply({ errors: { form: t('common.error.NOT_FOUND'), fields: {} } }, 400);
      if (hasErrors(errors)) return reply({ target: learnerId, errors, note }, 400);
      try {
        const referral = await api.referrals.create({ learnerId, jobId: id, ...(note ? { note } : {}) }, { lang: locale });
        return reply({ target: learnerId, done: t('referrals.board.referred', { name: referral.learnerName ?? '', employer: referral.employerName }) });
      } catch (error) {
        const failure = referError(error, t);
        return reply({ target: learnerId, errors: failure.errors, missing: missingCourses(error), note }, failure.status);
      }
    }
    case 'move': {
      const referralId = formText(form, 'referralId');
      const status = formText(form, 'status');
      const errors: FormErrors = { fields: {} };
      const note = readNote(form, t, errors);
      if (!isUuid(referralId) || !isReferralStatus(status)) return reply({ errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, 400);
      if (hasErrors(errors)) return reply({ target: referralId, errors, note }, 400);
      if (needsConfirmation(form, status)) return reply({ target: referralId, confirm: { status, note } });
      try {
        await api.referrals.move(referralId, { status, ...(note ? { note } : {}) }, { lang: locale });
        return reply({ target: referralId, done: t('referrals.moved', { status: t(`referrals.status.${status}`) }) });
      } catch (error) {
        const failure = referralFormErrors(error, t);
        return reply({ target: referralId, errors: failure.errors, note }, failure.status);
      }
    }
    case 'status': {
      const status = formText(form, 'status');
      if (status !== 'open' && status !== 'closed') return reply({ errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, 400);
      try {
        await api.jobs.setStatus(id, status, { lang: locale });
        return reply({ done: t(status === 'closed' ? 'referrals.board.closed' : 'referrals.board.reopened') });
      } catch (error) {
        const failure = referralFormErrors(error, t);
        return reply({ errors: failure.errors }, failure.status);
      }
    }
  }
}

export default function JobBoardPage() {
  const { job, candidates, byStatus, total } = useLoaderData<typeof loader>();
  const result = useSettledActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const busy = navigation.state !== 'idle';
  const failed = (intent: Intent, target?: string) => (result && !result.done && result.intent === intent && result.target === target ? result : undefined);
  const statusFailure = failed('status');

  return (
    <article className="stack">
      <p>
        <Link to="/manage/jobs">{t('referrals.board.back')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{job.title}</h1>
        <p className="badges">
          <JobStatusBadge status={job.status} />
        </p>
      </header>
      {searchParams.get('created') && !result ? <StatusNotice tone="success">{t('referrals.jobForm.created')}</StatusNotice> : null}
      {result?.done ? <StatusNotice tone="success">{result.done}</StatusNotice> : null}

      <section className="card stack" aria-labelledby="details">
        <h2 id="details">{t('referrals.board.details')}</h2>
        <JobFacts job={job} />
        {job.description ? <p className="referrals-description">{job.description}</p> : null}
        <FormAlert errors={statusFailure?.errors} />
        <Form method="post" className="stack-tight">
          <input type="hidden" name="intent" value="status" />
          {job.status === 'open' ? <p className="hint">{t('referrals.board.closeHint')}</p> : null}
          <button type="submit" name="status" value={job.status === 'open' ? 'closed' : 'open'} className="button button-secondary" disabled={busy}>
            {t(job.status === 'open' ? 'referrals.board.close' : 'referrals.board.reopen')}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="candidates">
        <h2 id="candidates">{t('referrals.board.candidates', { n: candidates.length })}</h2>
        {job.status !== 'open' ? (
          <p>{t('referrals.board.candidatesClosed')}</p>
        ) : candidates.length === 0 ? (
          <p>{t('referrals.board.candidatesEmpty')}</p>
        ) : (
          <>
            <p className="hint">{t('referrals.board.candidatesHint')}</p>
            <ol className="plain-list">
              {candidates.map((c) => {
                const failure = failed('refer', c.learnerId);
                return (
                  <li key={c.learnerId} className="card stack-tight">
                    <h3 className="referrals-card-title" id={`candidate-${c.learnerId}`}>
                      <span className="referrals-rank">{t('referrals.board.rank', { n: c.rank })}</span> {c.name}
                    </h3>
                    <p className="hint">{c.orgName}</p>
                    <dl className="facts referrals-facts-inline">
                      <div>
                        <dt>{t('referrals.board.attendance')}</dt>
                        <dd>{c.attendancePct === null ? t('referrals.board.noAttendance') : t('referrals.board.attendanceValue', { pct: c.attendancePct })}</dd>
                      </div>
                      {c.latestCertificate ? (
                        <div>
                          <dt>{t('referrals.board.latestCertificate')}</dt>
                          <dd>{c.latestCertificate}</dd>
                        </div>
                      ) : null}
                      <div>
                        <dt>{t('referrals.board.classHours')}</dt>
                        <dd>{t('referrals.board.classHoursValue', { n: c.classHours })}</dd>
                      </div>
                    </dl>
                    {failure?.errors?.form ? (
                      <div className="alert" role="alert">
                        <p>{failure.errors.form}</p>
                        {failure.missing && failure.missing.length > 0 ? (
                          <ul>
                            {failure.missing.map((m) => (
                              <li key={m.code}>{m.title}</li>
                            ))}
                          </ul>
                        ) : null}
                      </div>
                    ) : null}
                    <Form method="post" className="stack-tight">
                      <input type="hidden" name="intent" value="refer" />
                      <input type="hidden" name="learnerId" value={c.learnerId} />
                      <TextAreaField
                        name="note"
                        idSuffix={c.learnerId}
                        label={t('referrals.board.referNote')}
                        hint={t('referrals.board.referNoteHint')}
                        error={failure?.errors?.fields.note}
                        rows={2}
                        maxLength={NOTE_MAX}
                        defaultValue={failure?.note}
                      />
                      <button type="submit" className="button button-primary button-block" aria-describedby={`candidate-${c.learnerId}`} disabled={busy}>
                        {t('referrals.board.refer')}
                      </button>
                    </Form>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="pipeline">
        <h2 id="pipeline">{t('referrals.board.pipeline')}</h2>
        {total === 0 ? <p>{t('referrals.board.pipelineEmpty')}</p> : null}
        <nav aria-label={t('referrals.board.pipeline')}>
          <ul className="chips">
            {REFERRAL_STATUSES.map((status) => (
              <li key={status}>
                <a href={`#status-${status}`} className="chip">
                  {t('referrals.board.chip', { status: t(`referrals.status.${status}`), n: byStatus[status].length })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="referrals-columns">
          {REFERRAL_STATUSES.map((status) => (
            <section
              key={status}
              id={`status-${status}`}
              className={`referrals-column referrals-column-${status}`}
              aria-labelledby={`status-${status}-heading`}
            >
              <h3 id={`status-${status}-heading`}>{t('referrals.board.section', { status: t(`referrals.status.${status}`), n: byStatus[status].length })}</h3>
              {byStatus[status].length === 0 ? (
                <p className="hint">{t('referrals.board.sectionEmpty')}</p>
              ) : (
                <ul className="plain-list">
                  {byStatus[status].map((r) => {
                    const failure = failed('move', r.id);
                    return (
                      <li key={r.id} className="card stack-tight referrals-referral">
                        <h4 className="referrals-card-title" id={`referral-${r.id}`}>
                          {r.learnerName ?? '—'}
                        </h4>
                        <p className="hint">
                          {t('referrals.board.referredOn', { date: r.referredOn })}
                          {r.updatedOn ? ` · ${t('referrals.board.updatedOn', { date: r.updatedOn })}` : null}
                        </p>
                        {r.consentWithdrawn ? <p className="notice notice-warning">{t('referrals.board.consentWithdrawn')}</p> : null}
                        {r.note ? <p className="referrals-note">{t('referrals.board.internalNote', { note: r.note })}</p> : null}
                        {failure?.errors?.form ? (
                          <div className="alert" role="alert">
                            <p>{failure.errors.form}</p>
                          </div>
                        ) : null}
                        <MoveForm
                          referralId={r.id}
                          next={r.next}
                          noteHint={t('referrals.move.noteHintStaff')}
                          error={failure?.errors?.fields.note}
                          busy={busy}
                          folded={!failure}
                          describedBy={`referral-${r.id}`}
                          confirm={failure?.confirm}
                          cancelHref={`/manage/jobs/${job.id}`}
                        />
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ))}
        </div>
      </section>
    </article>
  );
}
