import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { WEEKDAYS, buildSchedule, hoursText, weekdayOf, type ScheduleFields, type ScheduleProblem } from '../lib/schedule';
import { TextField } from './form';
import { StatusNotice } from './notice';

interface Props {
  initial: ScheduleFields;
  /** Dates the coordinator unticked (holidays). */
  removed: string[];
  /** Show what stops a schedule: after a preview or a create, not on a fresh form. */
  showProblems: boolean;
  /** Required hours by course id, for the "fewer hours than the course requires" warning. */
  requiredHours: Record<string, number>;
  courseId: string;
}

/**
 * Weekdays, times, a first date and a number of sessions (or a last date) → the list of session
 * dates as checkboxes. Without JavaScript the "预览日程" button posts the form and the server renders
 * this list; with JavaScript it follows every change at once. The same `buildSchedule` runs in both.
 */
export function ScheduleHelper({ initial, removed, showProblems, requiredHours, courseId: initialCourse }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState(initial);
  const [off, setOff] = useState(() => new Set(removed));
  const [courseId, setCourseId] = useState(initialCourse);
  const ref = useRef<HTMLFieldSetElement>(null);
  const { schedule, problems } = buildSchedule(fields);

  // The course is chosen above this fieldset; follow it for the hours warning.
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const follow = (event: Event) => {
      const target = event.target as HTMLSelectElement;
      if (target.name === 'courseId') setCourseId(target.value);
    };
    form.addEventListener('change', follow);
    return () => form.removeEventListener('change', follow);
  }, []);

  const set = (name: keyof ScheduleFields) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setFields((f) => ({ ...f, [name]: event.target.value }));
  };
  const toggleWeekday = (day: number) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setFields((f) => ({ ...f, weekdays: event.target.checked ? [...f.weekdays, String(day)] : f.weekdays.filter((d) => d !== String(day)) }));
  };
  const toggleDate = (day: string) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setOff((prev) => {
      const next = new Set(prev);
      if (event.target.checked) next.delete(day);
      else next.add(day);
      return next;
    });
  };
  const problem = (p: ScheduleProblem) => (showProblems && problems.includes(p) ? t(`classes.schedule.problem.${p}`) : undefined);
  const chosen = schedule ? schedule.dates.filter((d) => !off.has(d)) : [];
  const hours = schedule ? chosen.length * schedule.hours : 0;
  const required = requiredHours[courseId];
  const dateLabel = (day: string) =>
    t('classes.schedule.date', { m: Number(day.slice(5, 7)), d: Number(day.slice(8, 10)), w: t(`classes.schedule.weekday.${weekdayOf(day)}`) });

  return (
    <fieldset ref={ref} className="schedule-helper stack" aria-labelledby="schedule-heading">
      <legend id="schedule-heading">{t('classes.schedule.heading')}</legend>
      <p className="hint">{t('classes.schedule.intro')}</p>
      <fieldset className="weekday-picks" aria-describedby={problem('weekdays') ? 'field-weekday-error' : undefined}>
        <legend id="field-weekday" tabIndex={-1}>
          {t('classes.schedule.weekdays')}
        </legend>
        {problem('weekdays') ? (
          <p id="field-weekday-error" className="field-error">
            {problem('weekdays')}
          </p>
        ) : null}
        <div className="weekday-grid">
          {WEEKDAYS.map((day) => (
            <label key={day} className="check-option weekday-option">
              <input type="checkbox" name="weekday" value={day} checked={fields.weekdays.includes(String(day))} onChange={toggleWeekday(day)} />
              <span>{t(`classes.schedule.weekday.${day}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-pair">
        <TextField name="scheduleStart" label={t('classes.schedule.start')} type="time" value={fields.start} onChange={set('start')} error={problem('start')} />
        <TextField name="scheduleEnd" label={t('classes.schedule.end')} type="time" value={fields.end} onChange={set('end')} error={problem('end')} />
      </div>
      <TextField name="scheduleFirst" label={t('classes.schedule.first')} type="date" value={fields.first} onChange={set('first')} error={problem('first')} />
      <div className="field-pair">
        <TextField
          name="scheduleCount"
          label={t('classes.schedule.count')}
          hint={t('classes.schedule.countHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={fields.count}
          onChange={set('count')}
          error={problem('count')}
        />
        <TextField name="scheduleUntil" label={t('classes.schedule.until')} type="date" value={fields.until} onChange={set('until')} error={problem('until')} />
      </div>
      <button type="submit" name="intent" value="preview" className="button button-secondary button-block">
        {t('classes.schedule.preview')}
      </button>
      {schedule ? (
        <fieldset className="schedule-dates" aria-describedby="schedule-dates-hint">
          <legend>{t('classes.schedule.list', { n: chosen.length })}</legend>
          <input type="hidden" name="shown" value={schedule.dates.join(',')} />
          {schedule.dates.length === 0 ? (
            <p>{t('classes.schedule.none')}</p>
          ) : (
            <>
              <p id="schedule-dates-hint" className="hint">
                {t('classes.schedule.listHint')}
              </p>
              <div className="schedule-date-grid">
                {schedule.dates.map((day) => (
                  <label key={day} className="check-option">
                    <input type="checkbox" name="pick" value={day} checked={!off.has(day)} onChange={toggleDate(day)} />
                    <span>{t('classes.schedule.item', { date: dateLabel(day), start: schedule.start, end: schedule.end })}</span>
                  </label>
                ))}
              </div>
            </>
          )}
          <p role="status">{t('classes.schedule.total', { n: chosen.length, hours: hoursText(hours) })}</p>
          {required !== undefined && chosen.length > 0 && hours + 1e-9 < required ? (
            <StatusNotice tone="warning">{t('classes.schedule.belowHours', { hours: hoursText(hours), required: hoursText(required) })}</StatusNotice>
          ) : null}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
