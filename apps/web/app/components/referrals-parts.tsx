import { Form, Link } from '@remix-run/react';
import { COURSE_CATEGORIES, type CourseCategory, type ReferralStatus } from '@hearth/contracts';
import { useI18n } from '../i18n';
import type { FormErrors } from '../lib/forms';
import { NOTE_MAX, formatWage, orderedMoves, type JobValues } from '../lib/referrals-forms';
import { CourseChecklist, FormAlert, SelectField, TextAreaField, TextField } from './form';
import { StatusNotice } from './notice';

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-referral-${status}`}>{t(`referrals.status.${status}`)}</span>;
}

export function JobStatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useI18n();
  return <span className={`badge badge-job-${status}`}>{t(`referrals.jobStatus.${status}`)}</span>;
}

export interface JobView {
  employerName: string;
  location: string;
  positions: number;
  wageMin: number | null;
  wageMax: number | null;
  requiredCourses: { id: string; code: string; title: string }[];
  acceptedQualifications: string[];
}

/** Employer, place, positions, wage and what it takes: the facts of an opening. */
export function JobFacts({ job, showEmployer = true, linkCourses = false }: { job: JobView; showEmployer?: boolean; linkCourses?: boolean }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {showEmployer ? (
        <div>
          <dt>{t('referrals.job.employer')}</dt>
          <dd>{job.employerName}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('referrals.job.location')}</dt>
        <dd>{job.location}</dd>
      </div>
      <div>
        <dt>{t('referrals.job.positions')}</dt>
        <dd>{t('referrals.job.positionsValue', { n: job.positions })}</dd>
      </div>
      <div>
        <dt>{t('referrals.job.wage')}</dt>
        <dd>{formatWage(job.wageMin, job.wageMax, t)}</dd>
      </div>
      <div>
        <dt>{t('referrals.job.required')}</dt>
        <dd>
          {job.requiredCourses.length === 0
            ? t('referrals.job.noRequired')
            : job.requiredCourses.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? t('common.list.separator') : null}
                  {linkCourses ? <Link to={`/courses/${c.code}`}>{c.title}</Link> : c.title}
                </span>
              ))}
        </dd>
      </div>
      {job.acceptedQualifications.length > 0 ? (
        <div>
          <dt>{t('referrals.job.accepted')}</dt>
          <dd>{job.acceptedQualifications.join(t('common.list.separator'))}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export interface CourseOption {
  id: string;
  title: string;
  category: CourseCategory;
}

/**
 * The new-opening form. Coordinators choose the employer; an employer's staff post for their own
 * company (`employerId` fixed, sent as a hidden field and checked again by the API).
 */
export function JobForm({
  employers,
  employerId,
  courses,
  values,
  errors,
  busy,
}: {
  employers?: { id: string; name: string }[];
  employerId?: string;
  courses: CourseOption[];
  values?: Partial<JobValues>;
  errors?: FormErrors;
  busy: boolean;
}) {
  const { t } = useI18n();
  const fields = errors?.fields ?? {};
  const chosen = new Set(values?.courseIds ?? []);
  const categories = [...COURSE_CATEGORIES].sort((a, b) => (a === 'vocational' ? -1 : b === 'vocational' ? 1 : 0));
  return (
    <>
      <FormAlert errors={errors} />
      <Form method="post" className="stack" noValidate>
        {employers ? (
          <SelectField
            name="employerId"
            label={t('referrals.jobForm.employer')}
            hint={employers.length === 0 ? t('referrals.jobForm.noEmployers') : undefined}
            error={fields.employerId}
            required
            defaultValue={values?.employerId ?? ''}
          >
            <option value="">{t('common.form.choose')}</option>
            {employers.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <input type="hidden" name="employerId" value={employerId} />
        )}
        <TextField
          name="title"
          label={t('referrals.jobForm.title')}
          hint={t('referrals.jobForm.titleHint')}
          error={fields.title}
          required
          maxLength={200}
          defaultValue={values?.title}
        />
        <TextAreaField
          name="description"
          label={t('referrals.jobForm.description')}
          hint={t('referrals.jobForm.descriptionHint')}
          error={fields.description}
          rows={4}
          maxLength={5000}
          defaultValue={values?.description}
        />
        <CourseChecklist
          name="requiredCourseIds"
          className="referrals-checks"
          legend={t('referrals.jobForm.courses')}
          hint={t('referrals.jobForm.coursesHint')}
          error={fields.requiredCourseIds}
          courses={courses}
          chosen={chosen}
          categories={categories}
        />
        <TextField
          name="acceptedQualifications"
          label={t('referrals.jobForm.qualifications')}
          hint={t('referrals.jobForm.qualificationsHint')}
          error={fields.acceptedQualifications}
          defaultValue={values?.qualifications}
        />
        <div className="field-pair">
          <TextField
            name="wageMin"
            label={t('referrals.jobForm.wageMin')}
            error={fields.wageMin}
            type="number"
            inputMode="numeric"
            min={0}
            step={100}
            defaultValue={values?.wageMin}
          />
          <TextField
            name="wageMax"
            label={t('referrals.jobForm.wageMax')}
            error={fields.wageMax}
            type="number"
            inputMode="numeric"
            min={0}
            step={100}
            defaultValue={values?.wageMax}
          />
        </div>
        <TextField
          name="positions"
          label={t('referrals.jobForm.positions')}
          error={fields.positions}
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          step={1}
          required
          defaultValue={values?.positions}
        />
        <TextField
          name="location"
          label={t('referrals.jobForm.location')}
          hint={t('referrals.jobForm.locationHint')}
          error={fields.location}
          required
          maxLength={200}
          defaultValue={values?.location}
        />
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {t('referrals.jobForm.submit')}
        </button>
      </Form>
    </>
  );
}

/**
 * A note and one button per move the referral may make from its status (working without JavaScript:
 * the pressed button's `status` is posted). The buttons keep their places from step to step: the step
 * forward first, then, set apart, "未录用" and "撤回推荐" always in that order. Those two end the
 * referral, so the action answers them with `confirm` and this form then asks once more.
 */
export function MoveForm({
  referralId,
  next,
  noteHint,
  error,
  busy,
  folded = false,
  describedBy,
  confirm,
  cancelHref,
}: {
  referralId: string;
  next: readonly ReferralStatus[];
  noteHint: string;
  error?: string;
  busy: boolean;
  /** Behind a "record progress…" toggle, where many referrals share a page. */
  folded?: boolean;
  /** The id of what the buttons act on (the learner's name), when a page lists several. */
  describedBy?: string;
  /** An ending move waiting for "确认": shown instead of the buttons. */
  confirm?: { status: ReferralStatus; note: string } | null;
  /** Where "取消" goes back to (this page, without the question). */
  cancelHref: string;
}) {
  const { t } = useI18n();
  if (next.length === 0) return <p className="hint">{t('referrals.move.final')}</p>;
  if (confirm && next.includes(confirm.status)) {
    return (
      <Form method="post" className="referrals-confirm stack-tight" role="group" aria-labelledby={`confirm-${referralId}`}>
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="referralId" value={referralId} />
        <input type="hidden" name="status" value={confirm.status} />
        <input type="hidden" name="note" value={confirm.note} />
        <input type="hidden" name="confirmed" value="yes" />
        <p className="referrals-confirm-question" id={`confirm-${referralId}`}>
          <strong>{t(`referrals.confirm.question.${confirm.status}` as 'referrals.confirm.question.withdrawn')}</strong>
        </p>
        <p className="hint">{t('referrals.confirm.body')}</p>
        {confirm.note ? <p className="referrals-note">{t('referrals.confirm.note', { note: confirm.note })}</p> : null}
        <fieldset className="referrals-move-fields referrals-move-buttons" disabled={busy}>
          <button type="submit" className="button button-danger" aria-describedby={describedBy}>
            {t(`referrals.confirm.yes.${confirm.status}` as 'referrals.confirm.yes.withdrawn')}
          </button>
          <Link to={cancelHref} className="button button-secondary" preventScrollReset>
            {t('referrals.confirm.cancel')}
          </Link>
        </fieldset>
      </Form>
    );
  }
  const { forward, ending } = orderedMoves(next);
  const form = (
    <Form method="post" className="referrals-move">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="referralId" value={referralId} />
      {/* Disabled while a move is saved: the page then reloads and replaces this form, with anything typed meanwhile. */}
      <fieldset className="referrals-move-fields stack-tight" disabled={busy}>
        <TextAreaField name="note" idSuffix={referralId} label={t('referrals.move.note')} hint={noteHint} error={error} rows={2} maxLength={NOTE_MAX} />
        {forward.length > 0 ? (
          <div className="referrals-move-buttons">
            {forward.map((status) => (
              <button key={status} type="submit" name="status" value={status} className="button button-primary" aria-describedby={describedBy}>
                {t(`referrals.moveTo.${status}`)}
              </button>
            ))}
          </div>
        ) : null}
        {ending.length > 0 ? (
          <div className="referrals-move-buttons referrals-move-ending" role="group" aria-label={t('referrals.move.ending')}>
            {ending.map((status) => (
              <button key={status} type="submit" name="status" value={status} className="button button-secondary" aria-describedby={describedBy}>
                {t(`referrals.moveTo.${status}`)}
              </button>
            ))}
          </div>
        ) : null}
      </fieldset>
    </Form>
  );
  if (!folded) return form;
  return (
    <details className="referrals-fold">
      <summary className="button button-quiet-dark">{t('referrals.move.open')}</summary>
      {form}
    </details>
  );
}

export interface HistoryEntry {
  from: ReferralStatus | null;
  to: ReferralStatus;
  note: string | null;
  /** Already formatted in China time. */
  at: string;
}

/** A referral's moves, oldest first. */
export function ReferralHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useI18n();
  return (
    <ol className="referrals-history">
      {history.map((h, i) => (
        <li key={i}>
          <span className="hint">{h.at}</span>{' '}
          <strong>
            {h.from
              ? t('referrals.history.moved', { from: t(`referrals.status.${h.from}`), to: t(`referrals.status.${h.to}`) })
              : t('referrals.history.created')}
          </strong>
          {h.note ? <p className="referrals-note">{t('referrals.history.note', { note: h.note })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export interface FollowUpItem {
  id: string;
  dayMark: number;
  due: string;
  overdue: boolean;
  learnerName: string | null;
  jobTitle: string;
  employerName: string;
}

export interface FollowUpResult {
  id: string;
  done?: string;
  errors?: FormErrors;
  values?: { stillEmployed: string; wageBand: string; note: string };
}

/** The follow-ups page, the same for a coordinator and for an employer: only the way back and who is shown differ. */
export function FollowUpsPage({ back, ...list }: { back: { to: string; label: string } } & Parameters<typeof FollowUpList>[0]) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{t('referrals.followups.heading')}</h1>
      <p>{t('referrals.followups.intro')}</p>
      {list.result?.done ? <StatusNotice tone="success">{list.result.done}</StatusNotice> : null}
      <FollowUpList {...list} />
    </div>
  );
}

/** Follow-ups due (overdue first, highlighted), each with its own small form. */
export function FollowUpList({
  items,
  result,
  busy,
  showEmployer,
  unnamed,
}: {
  items: FollowUpItem[];
  result?: FollowUpResult;
  busy: boolean;
  showEmployer: boolean;
  /** What stands for a learner whose name is not shown. */
  unnamed: string;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <p>{t('referrals.followups.empty')}</p>;
  const sorted = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <ul className="plain-list">
      {sorted.map((f) => {
        const mine = result?.id === f.id && !result.done ? result : undefined;
        const fields = mine?.errors?.fields ?? {};
        const name = f.learnerName ?? unnamed;
        return (
          <li key={f.id} className={`card stack referrals-followup${f.overdue ? ' referrals-overdue' : ''}`}>
            <div className="stack-tight">
              <h2>{name}</h2>
              <p className="badges">
                <span className="badge">{t('referrals.followups.dayMark', { n: f.dayMark })}</span>
                {f.overdue ? <span className="badge badge-overdue">{t('referrals.followups.overdue')}</span> : null}
              </p>
              <p>{showEmployer ? `${f.jobTitle} · ${f.employerName}` : f.jobTitle}</p>
              <p className={f.overdue ? 'referrals-due-overdue' : undefined}>{t('referrals.followups.due', { date: f.due })}</p>
            </div>
            {mine?.errors?.form ? (
              <div className="alert" role="alert">
                <p>{mine.errors.form}</p>
              </div>
            ) : null}
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="followUpId" value={f.id} />
              <input type="hidden" name="learnerName" value={f.learnerName ?? ''} />
              <fieldset className="choices" aria-describedby={fields.stillEmployed ? `field-stillEmployed-${f.id}-error` : undefined}>
                <legend id={`field-stillEmployed-${f.id}`}>{t('referrals.followups.stillEmployed')}</legend>
                {fields.stillEmployed ? (
                  <p id={`field-stillEmployed-${f.id}-error`} className="field-error">
                    {fields.stillEmployed}
                  </p>
                ) : null}
                <div className="referrals-yes-no">
                  <label className="choice-card">
                    <input type="radio" name="stillEmployed" value="yes" defaultChecked={mine?.values?.stillEmployed === 'yes'} />
                    <strong>{t('referrals.followups.yes')}</strong>
                  </label>
                  <label className="choice-card">
                    <input type="radio" name="stillEmployed" value="no" defaultChecked={mine?.values?.stillEmployed === 'no'} />
                    <strong>{t('referrals.followups.no')}</strong>
                  </label>
                </div>
              </fieldset>
              <SelectField
                name="wageBand"
                idSuffix={f.id}
                label={t('referrals.followups.wageBand')}
                hint={t('referrals.followups.wageBandHint')}
                error={fields.wageBand}
                defaultValue={mine?.values?.wageBand ?? ''}
              >
                <option value="">{t('common.form.choose')}</option>
                {WAGE_BAND_OPTIONS.map((band) => (
                  <option key={band} value={band}>
                    {t(`referrals.wageBand.${band}`)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                name="note"
                idSuffix={f.id}
                label={t('referrals.followups.note')}
                error={fields.note}
                rows={2}
                maxLength={NOTE_MAX}
                defaultValue={mine?.values?.note}
              />
              <button type="submit" className="button button-primary button-block" disabled={busy}>
                {t('referrals.followups.submit')}
              </button>
            </Form>
          </li>
        );
      })}
    </ul>
  );
}

const WAGE_BAND_OPTIONS = ['below_3000', '3000_4999', '5000_6999', '7000_plus'] as const;
