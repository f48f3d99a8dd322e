import { Form, Link } from '@remix-run/react';
import { useI18n } from '../i18n';
import type { FormErrors } from '../lib/forms';
import { FormAlert, SelectField, TextField } from './form';

/** One session as the class page edits it: its China date and times for the form's defaults. */
export interface EditableSession {
  id: string;
  when: string;
  location: string;
  cancelled: boolean;
  date: string;
  start: string;
  end: string;
}

interface Outcome {
  intent: string;
  sessionId?: string;
  errors?: FormErrors;
  done?: string;
}

/**
 * The class's sessions with, for each, "改时间或地点", "取消这节课" and its attendance history;
 * cancelled ones stay, struck through. Below, a form to add one session. Every form posts without JavaScript.
 */
export function ScheduleEditor({
  sessions,
  classLocation,
  canEdit,
  busy,
  result,
}: {
  sessions: EditableSession[];
  classLocation: string;
  canEdit: boolean;
  busy: boolean;
  result?: Outcome;
}) {
  const { t } = useI18n();
  // After a change is saved the forms fold up again (a new key gives fresh, closed <details>).
  const version = result?.done ?? '';
  const errorsOf = (intent: string, sessionId?: string) => (result?.intent === intent && result.sessionId === sessionId ? result.errors : undefined);
  return (
    <section className="card stack" aria-labelledby="schedule-edit">
      <h2 id="schedule-edit">{t('classes.edit.sessions', { n: sessions.filter((s) => !s.cancelled).length })}</h2>
      <ol className="schedule-list">
        {sessions.map((s, i) => {
          const moveErrors = errorsOf('moveSession', s.id);
          const cancelErrors = errorsOf('cancelSession', s.id);
          return (
            <li key={s.id} className={`schedule-row${s.cancelled ? ' schedule-row-cancelled' : ''}`}>
              <p>
                <span className="schedule-when">{s.when}</span>
                {s.cancelled ? <strong> · {t('classes.edit.cancelled')}</strong> : null}
                {s.location && s.location !== classLocation ? <span className="hint"> · {s.location}</span> : null}
              </p>
              <div className="schedule-row-actions">
                <Link to={`/teach/sessions/${s.id}/history`} aria-label={`${t('classes.edit.history')} ${s.when}`}>
                  {t('classes.edit.history')}
                </Link>
              </div>
              {canEdit && !s.cancelled ? (
                <>
                  <details key={`move-${version}`} className="confirm" open={Boolean(moveErrors)}>
                    <summary className="button button-quiet-dark">{t('classes.edit.move.open')}</summary>
                    <Form method="post" className="stack confirm-body" noValidate>
                      <FormAlert errors={moveErrors} />
                      <input type="hidden" name="intent" value="moveSession" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <SessionFields idSuffix={`s${i}`} date={s.date} start={s.start} end={s.end} location={s.location} errors={moveErrors} />
                      <button type="submit" className="button button-primary button-block" disabled={busy}>
                        {t('classes.edit.move.submit')}
                      </button>
                    </Form>
                  </details>
                  <details key={`cancel-${version}`} className="confirm" open={Boolean(cancelErrors)}>
                    <summary className="button button-quiet-dark">{t('classes.edit.cancel.open')}</summary>
                    <Form method="post" className="stack confirm-body">
                      <FormAlert errors={cancelErrors} />
                      <p>{t('classes.edit.cancel.confirm')}</p>
                      <input type="hidden" name="intent" value="cancelSession" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <input type="hidden" name="when" value={s.when} />
                      <button type="submit" className="button button-danger button-block" disabled={busy}>
                        {t('classes.edit.cancel.yes')}
                      </button>
                    </Form>
                  </details>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {canEdit ? (
        <details key={`add-${version}`} className="confirm" open={Boolean(errorsOf('addSession'))}>
          <summary className="button button-secondary">{t('classes.edit.add.heading')}</summary>
          <Form method="post" className="stack confirm-body" noValidate>
            <FormAlert errors={errorsOf('addSession')} />
            <input type="hidden" name="intent" value="addSession" />
            <SessionFields idSuffix="new" date="" start="" end="" location="" errors={errorsOf('addSession')} />
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {t('classes.edit.add.submit')}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

function SessionFields({
  idSuffix,
  date,
  start,
  end,
  location,
  errors,
}: {
  idSuffix: string;
  date: string;
  start: string;
  end: string;
  location: string;
  errors?: FormErrors;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField name="date" idSuffix={idSuffix} label={t('classes.new.sessionDate')} type="date" required defaultValue={date} error={errors?.fields.date} />
      <div className="field-pair">
        <TextField name="start" idSuffix={idSuffix} label={t('classes.new.sessionStart')} type="time" required defaultValue={start} />
        <TextField name="end" idSuffix={idSuffix} label={t('classes.new.sessionEnd')} type="time" required defaultValue={end} />
      </div>
      <TextField
        name="location"
        idSuffix={idSuffix}
        label={t('classes.edit.location')}
        maxLength={200}
        defaultValue={location}
        error={errors?.fields.location}
      />
    </>
  );
}

/** The class's instructor and usual place. */
export function ClassDetailsForm({
  instructors,
  instructorId,
  location,
  busy,
  errors,
}: {
  instructors: { id: string; name: string; orgName: string | null }[];
  instructorId: string | null;
  location: string;
  busy: boolean;
  errors?: FormErrors;
}) {
  const { t } = useI18n();
  return (
    <section className="card stack" aria-labelledby="details-edit">
      <h2 id="details-edit">{t('classes.edit.details.heading')}</h2>
      <FormAlert errors={errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="details" />
        <SelectField name="instructorId" label={t('classes.new.instructor')} defaultValue={instructorId ?? ''} error={errors?.fields.instructorId}>
          {instructorId && !instructors.some((i) => i.id === instructorId) ? <option value={instructorId}>—</option> : null}
          {instructors.map((i) => (
            <option key={i.id} value={i.id}>
              {i.orgName ? t('classes.new.instructorOption', { name: i.name, org: i.orgName }) : i.name}
            </option>
          ))}
        </SelectField>
        <TextField name="location" idSuffix="class" label={t('classes.new.location')} maxLength={200} defaultValue={location} error={errors?.fields.location} />
        <button type="submit" className="button button-secondary button-block" disabled={busy}>
          {t('classes.edit.details.submit')}
        </button>
      </Form>
    </section>
  );
}
