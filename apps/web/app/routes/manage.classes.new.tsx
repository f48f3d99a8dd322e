import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { CAPACITY_MAX, COURSE_CATEGORIES, LOCATION_MAX, type CreateClassBody } from '@hearth/contracts';
import { FormAlert, SelectField, TextField } from '../components/form';
import { OrgSearchForm, OrgSelect } from '../components/org-picker';
import { titleMeta, translator, useI18n, type Translate } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { checkForm, COMMON_FIELDS, formErrors } from '../lib/form-errors.server';
import { CreateClassDto } from '../lib/inputs.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { chinaInstant, parseDay, parseTime } from '../lib/dates';
import { formText, hasErrors, rowField, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { loadOrgPicker, orgOption } from '../lib/org-choices.server';
import { ScheduleHelper } from '../components/schedule-helper';
import { buildSchedule, emptySchedule, scheduleFields, type ScheduleFields } from '../lib/schedule';
import classesStyles from '../styles/classes.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: classesStyles }];

export const meta = titleMeta('classes.page.newClass');

/** Blank session rows on the form (folded away below the schedule helper); `?rows=` asks for more (no JavaScript needed). */
const DEFAULT_ROWS = 4;
const MAX_ROWS = 100;

interface SessionRow {
  date: string;
  start: string;
  end: string;
}

interface Values {
  courseId: string;
  orgId: string;
  instructorId: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
  location: string;
  sessions: SessionRow[];
  schedule: ScheduleFields;
  /** Dates of the helper's list the coordinator unticked. */
  removed: string[];
}

/** Classes are held at clubs and stations, not at federation offices. */
const CLASS_ORG_KINDS = ['club', 'station'] as const;

const clampRows = (value: unknown) => Math.max(1, Math.min(MAX_ROWS, Math.floor(Number(value)) || DEFAULT_ROWS));

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const params = url.searchParams;
  const presetOrgId = params.get('orgId') ?? '';
  try {
    const [courses, orgs, instructors] = await Promise.all([
      api.courses.list({ lang: locale }),
      loadOrgPicker(api, url, { keep: [presetOrgId], kinds: CLASS_ORG_KINDS }),
      api.users.list({ role: 'instructor', limit: 100 }),
    ]);
    return data(
      {
        rows: params.has('rows') ? clampRows(params.get('rows')) : DEFAULT_ROWS,
        preset: { courseId: params.get('courseId') ?? '', orgId: presetOrgId },
        courses: courses.items.map(({ id, code, title, category }) => ({ id, code, title, category })),
        requiredHours: Object.fromEntries(courses.items.map((c) => [c.id, c.requiredHours])),
        orgs,
        instructors: instructors.items.map(({ id, name, orgName }) => ({ id, name, orgName: orgName ?? null })),
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

function readValues(form: FormData, rows: number): Values {
  const sessions: SessionRow[] = [];
  for (let i = 0; i < rows; i++) {
    sessions.push({
      date: formText(form, `sessions[${i}].date`).trim(),
      start: formText(form, `sessions[${i}].start`).trim(),
      end: formText(form, `sessions[${i}].end`).trim(),
    });
  }
  return {
    courseId: formText(form, 'courseId'),
    orgId: formText(form, 'orgId'),
    instructorId: formText(form, 'instructorId'),
    startsOn: formText(form, 'startsOn').trim(),
    endsOn: formText(form, 'endsOn').trim(),
    capacity: formText(form, 'capacity').trim(),
    location: formText(form, 'location').trim(),
    sessions,
    ...pickedDates(form),
  };
}

/** The helper's fields, and which of its listed dates were unticked. */
function pickedDates(form: FormData) {
  const schedule = scheduleFields(form);
  const shownText = formText(form, 'shown');
  const picked = new Set(form.getAll('pick').filter((v): v is string => typeof v === 'string'));
  const removed = shownText ? shownText.split(',').filter((d) => d && !picked.has(d)) : [];
  return { schedule, removed };
}

/** The helper's sessions: every listed date still ticked (all of them when the list was never shown). */
function helperSessions(values: Values): { day: string; start: string; end: string }[] {
  const { schedule } = buildSchedule(values.schedule);
  if (!schedule) return [];
  const removed = new Set(values.removed);
  return schedule.dates.filter((d) => !removed.has(d)).map((day) => ({ day, start: schedule.start, end: schedule.end }));
}

/** The helper's fields were filled in at all. */
const helperUsed = (s: ScheduleFields) => s.weekdays.length > 0 || Boolean(s.start || s.end || s.first || s.count || s.until);

/**
 * The typed dates and times read into the API's shape, then checked with its rules (CreateClassDto)
 * and reported on the fields; returns the body to send when all is well.
 */
function toBody(values: Values, t: Translate, errors: FormErrors): CreateClassBody | null {
  const generated = helperSessions(values);
  if (helperUsed(values.schedule) && !buildSchedule(values.schedule).schedule) {
    for (const p of buildSchedule(values.schedule).problems)
      errors.fields[p === 'weekdays' ? 'weekday' : `schedule${p[0].toUpperCase()}${p.slice(1)}`] = t(`classes.schedule.problem.${p}`);
  }
  const manualDays = values.sessions.map((r) => parseDay(r.date)).filter((d): d is string => d !== null);
  const allDays = [...generated.map((g) => g.day), ...manualDays].sort();
  // Class dates may stay empty: the first and last session give them.
  const startsOn = values.startsOn ? parseDay(values.startsOn) : (allDays[0] ?? null);
  const endsOn = values.endsOn ? parseDay(values.endsOn) : (allDays[allDays.length - 1] ?? null);
  // A rule between two fields, which the API's service checks too.
  if (startsOn && endsOn && endsOn < startsOn) errors.fields.endsOn = COMMON_FIELDS.endsOn!(t);
  const capacityText = values.capacity.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10));

  const sessions: CreateClassBody['sessions'] = generated
    .filter((g) => (!startsOn || g.day >= startsOn) && (!endsOn || g.day <= endsOn))
    .map((g) => ({ startsAt: chinaInstant(g.day, g.start), endsAt: chinaInstant(g.day, g.end) }));
  if (sessions.length < generated.length) errors.fields.startsOn = t('classes.schedule.outsideDates');
  values.sessions.forEach((row, i) => {
    if (!row.date && !row.start && !row.end) return; // an unused row
    const day = parseDay(row.date);
    const start = parseTime(row.start);
    const end = parseTime(row.end);
    const inside = day && (!startsOn || day >= startsOn) && (!endsOn || day <= endsOn);
    if (!day || !start || !end || end <= start || !inside) {
      errors.fields[rowField('sessions', i)] = COMMON_FIELDS.sessions!(t, i);
      return;
    }
    sessions.push({ startsAt: chinaInstant(day, start), endsAt: chinaInstant(day, end) });
  });
  const { value, errors: problems } = checkForm(
    CreateClassDto,
    {
      courseId: values.courseId,
      orgId: values.orgId,
      instructorId: values.instructorId,
      ...(startsOn ? { startsOn } : {}),
      ...(endsOn ? { endsOn } : {}),
      capacity: /^\d{1,9}$/.test(capacityText) ? Number(capacityText) : capacityText,
      ...(values.location ? { location: values.location } : {}),
      sessions,
    },
    t,
  );
  for (const [field, message] of Object.entries(problems?.fields ?? {})) errors.fields[field] ??= message;
  if (problems?.form && Object.keys(problems.fields).length === 0) errors.form ??= problems.form;
  return hasErrors(errors) ? null : value;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const t = translator(await getLocale(request));
  const form = await request.formData();
  const rows = clampRows(formText(form, 'rows'));
  const values = readValues(form, rows);
  const errors: FormErrors = { fields: {} };
  // The chosen org may be a search match the reloaded page no longer lists.
  const chosenOrg = () => orgOption(api, values.orgId, CLASS_ORG_KINDS).catch(() => null);
  // The schedule helper's list, drawn by the server for a phone without JavaScript; nothing is saved.
  if (formText(form, 'intent') === 'preview') return data({ errors, values, rows, org: await chosenOrg() }, { headers });
  const body = toBody(values, t, errors);
  if (!body) return data({ errors, values, rows, org: await chosenOrg() }, { status: 400, headers });
  try {
    const created = await api.classes.create(body);
    return redirect(`/manage/classes/${created.id}?created=1`, { headers });
  } catch (error) {
    const failure = formErrors(error, t);
    return data({ errors: failure.errors, values, rows, org: await chosenOrg() }, { status: failure.status, headers });
  }
}

export default function NewClassPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const values: Partial<Values> = result?.values ?? { courseId: loaded.preset.courseId, orgId: loaded.preset.orgId };
  const fieldErrors = result?.errors.fields ?? {};
  const rows = Math.max(result?.rows ?? 0, loaded.rows);
  const moreRows = new URLSearchParams({ rows: String(Math.min(MAX_ROWS, rows + DEFAULT_ROWS)) });
  if (loaded.preset.courseId) moreRows.set('courseId', loaded.preset.courseId);
  if (loaded.preset.orgId) moreRows.set('orgId', loaded.preset.orgId);
  if (loaded.orgs.q) moreRows.set('orgQ', loaded.orgs.q);
  const manualOpen =
    loaded.rows > DEFAULT_ROWS ||
    Boolean(values.sessions?.some((r) => r.date || r.start || r.end)) ||
    Object.keys(fieldErrors).some((k) => k.startsWith('sessions'));

  return (
    <section className="stack">
      <p>
        <Link to="/manage/classes">{t('classes.manage.backToClasses')}</Link>
      </p>
      <h1>{t('classes.new.heading')}</h1>
      <FormAlert errors={result?.errors} />
      <OrgSearchForm view={loaded.orgs} id="class" />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="rows" value={rows} />
        <SelectField name="courseId" label={t('classes.new.course')} error={fieldErrors.courseId} required defaultValue={values.courseId ?? ''}>
          <option value="">{t('common.form.choose')}</option>
          {COURSE_CATEGORIES.map((category) => (
            <optgroup key={category} label={t(`courses.category.${category}`)}>
              {loaded.courses
                .filter((c) => c.category === category)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <OrgSelect
          view={loaded.orgs}
          label={t('classes.new.org')}
          hint={t('classes.new.orgHint')}
          error={fieldErrors.orgId}
          required
          defaultValue={values.orgId ?? ''}
          empty={t('common.form.choose')}
          extra={result?.org}
        />
        <SelectField
          name="instructorId"
          label={t('classes.new.instructor')}
          hint={loaded.instructors.length === 0 ? t('classes.new.noInstructors') : undefined}
          error={fieldErrors.instructorId}
          required
          defaultValue={values.instructorId ?? ''}
        >
          <option value="">{t('common.form.choose')}</option>
          {loaded.instructors.map((i) => (
            <option key={i.id} value={i.id}>
              {i.orgName ? t('classes.new.instructorOption', { name: i.name, org: i.orgName }) : i.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="capacity"
          label={t('classes.new.capacity')}
          hint={t('classes.new.capacityHint')}
          error={fieldErrors.capacity}
          type="number"
          inputMode="numeric"
          min={1}
          max={CAPACITY_MAX}
          step={1}
          required
          defaultValue={values.capacity}
        />
        <TextField
          name="location"
          label={t('classes.new.location')}
          hint={t('classes.new.locationHint')}
          error={fieldErrors.location}
          maxLength={LOCATION_MAX}
          defaultValue={values.location}
        />
        <ScheduleHelper
          key={result ? JSON.stringify([result.values.schedule, result.values.removed]) : 'fresh'}
          initial={values.schedule ?? emptySchedule}
          removed={values.removed ?? []}
          showProblems={Boolean(result)}
          requiredHours={loaded.requiredHours}
          courseId={values.courseId ?? ''}
        />
        <details className="manual-sessions" open={manualOpen}>
          <summary>{t('classes.schedule.manual')}</summary>
          <fieldset className="session-rows stack">
            <legend>{t('classes.new.sessions')}</legend>
            <p className="hint">{t('classes.new.sessionsHint')}</p>
            <p className="hint">
              {t('classes.new.moreRowsHint', { n: rows })} <Link to={`/manage/classes/new?${moreRows.toString()}`}>{t('classes.new.moreRows')}</Link>
            </p>
            {Array.from({ length: rows }, (_, i) => {
              const row = values.sessions?.[i];
              const error = fieldErrors[rowField('sessions', i)];
              const id = `field-${rowField('sessions', i)}`;
              return (
                <fieldset key={i} className="session-row" aria-describedby={error ? `${id}-error` : undefined}>
                  <legend>{t('classes.new.sessionN', { n: i + 1 })}</legend>
                  {error ? (
                    <p id={`${id}-error`} className="field-error">
                      {error}
                    </p>
                  ) : null}
                  <div className="session-inputs">
                    <div className="field session-date">
                      <label htmlFor={id}>{t('classes.new.sessionDate')}</label>
                      <input id={id} type="date" name={`sessions[${i}].date`} defaultValue={row?.date} aria-invalid={error ? true : undefined} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-start`}>{t('classes.new.sessionStart')}</label>
                      <input id={`${id}-start`} type="time" name={`sessions[${i}].start`} defaultValue={row?.start} aria-invalid={error ? true : undefined} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-end`}>{t('classes.new.sessionEnd')}</label>
                      <input id={`${id}-end`} type="time" name={`sessions[${i}].end`} defaultValue={row?.end} aria-invalid={error ? true : undefined} />
                    </div>
                  </div>
                </fieldset>
              );
            })}
          </fieldset>
        </details>
        <p className="hint">{t('classes.schedule.datesOptional')}</p>
        <div className="field-pair">
          <TextField name="startsOn" label={t('classes.new.startsOn')} error={fieldErrors.startsOn} type="date" defaultValue={values.startsOn} />
          <TextField name="endsOn" label={t('classes.new.endsOn')} error={fieldErrors.endsOn} type="date" defaultValue={values.endsOn} />
        </div>
        <button type="submit" name="intent" value="create" className="button button-primary button-block" disabled={navigation.state === 'submitting'}>
          {t('classes.new.submit')}
        </button>
      </Form>
    </section>
  );
}
