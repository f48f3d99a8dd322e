import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { CAPACITY_MAX, type ClassDto, type RosterEntryDto } from '@hearth/contracts';
import { ClassFacts, ClassStatusBadge } from '../components/class-parts';
import { ClassDetailsForm, ScheduleEditor } from '../components/class-schedule-editor';
import { scheduleAction, SCHEDULE_INTENTS, editableSessions } from '../lib/class-schedule.server';
import classesStyles from '../styles/classes.css?url';
import { FormAlert, TextField } from '../components/form';
import { titleMeta, translator, useI18n, type Translate } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { checkForm, formErrors, isApiError, missingPrerequisites } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { classView, isOpen } from '../lib/class-view';
import { formatDay } from '../lib/dates';
import { formText, isUuid, normalizePhone, type FormErrors } from '../lib/forms';
import { EnrolDto, UpdateClassDto } from '../lib/inputs.server';
import { getLocale } from '../lib/locale.server';
import { StatusNotice } from '../components/notice';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: classesStyles }];

export const meta = titleMeta<{ klass?: { title: string } }>('classes.page.manageClass', (data) => data.klass?.title);

const notFound = (headers: Record<string, string>) => new Response(null, { status: 404, statusText: 'Not Found', headers });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  let klass: ClassDto;
  let roster: RosterEntryDto[];
  let instructors: { id: string; name: string; orgName: string | null }[];
  try {
    let found;
    [klass, { items: roster }, found] = await Promise.all([
      api.classes.get(id, { lang: locale }),
      api.classes.roster(id, { limit: 100 }),
      api.users.list({ role: 'instructor', limit: 100 }),
    ]);
    instructors = found.items.map(({ id: userId, name, orgName }) => ({ id: userId, name, orgName: orgName ?? null }));
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw notFound(headers);
    return unavailableOrRethrow(error);
  }
  const entry = (e: RosterEntryDto) => ({
    id: e.id,
    name: e.name,
    phone: e.phone,
    learnerType: e.learnerType,
    status: e.status,
    waitlistPosition: e.waitlistPosition,
    since: formatDay(e.createdAt, locale),
  });
  return data(
    {
      klass: classView(klass, locale),
      sessions: editableSessions(klass, locale),
      instructors,
      instructorId: klass.instructorId,
      enrolled: roster.filter((e) => e.status !== 'waitlisted').map(entry),
      waitlist: roster
        .filter((e) => e.status === 'waitlisted')
        .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))
        .map(entry),
    },
    { headers },
  );
}

const INTENTS = ['enrol', 'withdraw', 'capacity', 'cancel', ...SCHEDULE_INTENTS] as const;
type Intent = (typeof INTENTS)[number];

interface Outcome {
  intent: Intent;
  done?: string;
  /** Enrolled anyway, but she cannot finish this class (the API's TOO_LATE_TO_COMPLETE warning). */
  warning?: string;
  errors?: FormErrors;
  missing?: { code: string; title: string }[];
  sessionId?: string;
  phone?: string;
  capacity?: string;
}

function enrolError(error: unknown, t: Translate) {
  // Staff enrol someone else: say so, rather than the learner-facing "you are already enrolled".
  if (isApiError(error, 'NOT_FOUND')) return { status: 404, errors: { fields: { phone: t('classes.manage.enrol.notFound') } } };
  if (isApiError(error, 'ALREADY_ENROLLED')) return { status: 409, errors: { fields: { phone: t('classes.manage.enrol.already') } } };
  return formErrors(error, t);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.id ?? '';
  if (!isUuid(id)) throw notFound(headers);
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  if (!INTENTS.includes(intent))
    return data<Outcome>({ intent: 'enrol', errors: { form: t('common.error.VALIDATION_FAILED'), fields: {} } }, { status: 400, headers });
  const reply = (outcome: Omit<Outcome, 'intent'>, status = 200) => data<Outcome>({ intent, ...outcome }, { status, headers });

  try {
    switch (intent) {
      case 'enrol': {
        const phone = normalizePhone(formText(form, 'phone'));
        const { errors } = checkForm(EnrolDto, { phone }, t);
        if (errors) return reply({ errors, phone }, 400);
        try {
          const result = await api.classes.enrol(id, { phone });
          const done =
            result.status === 'waitlisted'
              ? t('classes.manage.enrol.waitlisted', { phone, n: result.waitlistPosition ?? 1 })
              : t('classes.manage.enrol.enrolled', { phone });
          return reply({ done, ...(result.warnings?.includes('TOO_LATE_TO_COMPLETE') ? { warning: t('classes.late.staffWarning') } : {}) });
        } catch (error) {
          const failure = enrolError(error, t);
          return reply({ errors: failure.errors, missing: missingPrerequisites(error), phone }, failure.status);
        }
      }
      case 'withdraw': {
        const enrollmentId = formText(form, 'enrollmentId');
        if (!isUuid(enrollmentId)) return reply({ errors: { form: t('common.error.NOT_FOUND'), fields: {} } }, 400);
        await api.enrollments.withdraw(enrollmentId);
        return reply({ done: t('classes.manage.withdrawn', { name: formText(form, 'name').slice(0, 100) }) });
      }
      case 'capacity': {
        const capacity = formText(form, 'capacity').trim();
        const { value: body, errors } = checkForm(UpdateClassDto, { capacity: /^\d{1,9}$/.test(capacity) ? Number(capacity) : capacity }, t);
        if (errors) return reply({ errors, capacity }, 400);
        const value = body.capacity ?? 0;
        await api.classes.update(id, body);
        return reply({ done: t('classes.manage.capacity.saved', { n: value }) });
      }
      case 'cancel': {
        await api.classes.update(id, { status: 'cancelled' });
        return reply({ done: t('classes.manage.cancel.done') });
      }
      default: {
        const outcome = await scheduleAction(api, id, intent, form, t, locale);
        return reply(outcome.body, outcome.status);
      }
    }
  } catch (error) {
    const failure = formErrors(error, t);
    return reply({ errors: failure.errors, capacity: formText(form, 'capacity') }, failure.status);
  }
}

export default function ManageClassPage() {
  const { klass, enrolled, waitlist, sessions, instructors, instructorId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const busy = navigation.state !== 'idle';
  const errorsFor = (intent: Intent) => (result?.intent === intent ? result.errors : undefined);
  const open = isOpen(klass.status);

  return (
    <article className="stack">
      <p>
        <Link to="/manage/classes">{t('classes.manage.backToClasses')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{klass.title}</h1>
        <p className="badges">
          <ClassStatusBadge status={klass.status} />
        </p>
      </header>
      {searchParams.get('created') && !result ? <StatusNotice tone="success">{t('classes.manage.created')}</StatusNotice> : null}
      {result?.done ? <StatusNotice tone="success">{result.done}</StatusNotice> : null}
      {result?.warning ? <StatusNotice tone="warning">{result.warning}</StatusNotice> : null}
      {result && (result.intent === 'withdraw' || result.intent === 'cancel') ? <FormAlert errors={result.errors} /> : null}

      <section className="card stack" aria-labelledby="details">
        <h2 id="details">{t('classes.manage.details')}</h2>
        <ClassFacts klass={klass} />
        <p>
          <Link to={`/courses/${klass.courseCode}`}>{t('classes.manage.courseLink')}</Link>
        </p>
      </section>

      <ScheduleEditor sessions={sessions} classLocation={klass.location} canEdit={open} busy={busy} result={result} />
      {open ? (
        <ClassDetailsForm instructors={instructors} instructorId={instructorId} location={klass.location} busy={busy} errors={errorsFor('details')} />
      ) : null}

      <section className="stack" aria-labelledby="roster">
        <h2 id="roster">{t('classes.manage.roster', { n: enrolled.length, capacity: klass.capacity })}</h2>
        {enrolled.length === 0 ? <p>{t('classes.manage.roster.empty')}</p> : <Roster entries={enrolled} busy={busy} canWithdraw={open} />}
        {waitlist.length > 0 ? (
          <>
            <h3>{t('classes.manage.waitlist', { n: waitlist.length })}</h3>
            <Roster entries={waitlist} busy={busy} canWithdraw={open} />
          </>
        ) : null}
        {/* Grades and certificates matter most once the class is over: the link stays after it ends. */}
        <p>
          <Link to={`/manage/classes/${klass.id}/certificates`}>{t('certificates.manage.link')}</Link>
        </p>
      </section>

      {open ? (
        <>
          <section className="card stack" aria-labelledby="enrol-by-phone">
            <h2 id="enrol-by-phone">{t('classes.manage.enrol.heading')}</h2>
            <FormAlert errors={errorsFor('enrol')} />
            {result?.intent === 'enrol' && result.missing && result.missing.length > 0 ? (
              <ul>
                {result.missing.map((m) => (
                  <li key={m.code}>
                    <Link to={`/courses/${m.code}`}>{m.title}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="enrol" />
              <TextField
                name="phone"
                label={t('common.field.phone')}
                hint={t('classes.manage.enrol.hint')}
                error={errorsFor('enrol')?.fields.phone}
                type="tel"
                inputMode="numeric"
                autoComplete="off"
                required
                defaultValue={result?.intent === 'enrol' && !result.done ? result.phone : undefined}
                key={result?.intent === 'enrol' && result.done ? result.done : 'phone'}
              />
              <button type="submit" className="button button-primary button-block" disabled={busy}>
                {t('classes.manage.enrol.submit')}
              </button>
            </Form>
            <p>
              <Link to={`/manage/import?classId=${klass.id}`}>{t('classes.manage.importLink')}</Link>
            </p>
          </section>

          <section className="card stack" aria-labelledby="capacity-heading">
            <h2 id="capacity-heading">{t('classes.manage.capacity.heading')}</h2>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="capacity" />
              <TextField
                name="capacity"
                label={t('classes.new.capacity')}
                hint={t('classes.manage.capacity.hint', { n: klass.enrolledCount })}
                error={errorsFor('capacity')?.fields.capacity ?? errorsFor('capacity')?.form}
                type="number"
                inputMode="numeric"
                min={Math.max(1, klass.enrolledCount)}
                max={CAPACITY_MAX}
                required
                defaultValue={result?.intent === 'capacity' && !result.done ? result.capacity : String(klass.capacity)}
                key={`capacity-${klass.capacity}`}
              />
              <button type="submit" className="button button-secondary button-block" disabled={busy}>
                {t('classes.manage.capacity.submit')}
              </button>
            </Form>
          </section>

          <section className="stack" aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">{t('classes.manage.cancel.heading')}</h2>
            <details className="confirm">
              <summary className="button button-secondary">{t('classes.manage.cancel.open')}</summary>
              <div className="stack confirm-body">
                <p>{t('classes.manage.cancel.confirm', { n: enrolled.length + waitlist.length })}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  <button type="submit" className="button button-danger button-block" disabled={busy}>
                    {t('classes.manage.cancel.yes')}
                  </button>
                </Form>
              </div>
            </details>
          </section>
        </>
      ) : null}
    </article>
  );
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>['enrolled'][number];

function Roster({ entries, busy, canWithdraw }: { entries: Entry[]; busy: boolean; canWithdraw: boolean }) {
  const { t } = useI18n();
  return (
    <ol className="roster">
      {entries.map((e) => (
        <li key={e.id} className="roster-entry">
          <div>
            <strong>{e.status === 'waitlisted' ? t('classes.manage.waitlistEntry', { n: e.waitlistPosition ?? 0, name: e.name }) : e.name}</strong>
            <span className="hint">
              {' '}
              {e.phone} · {t(`people.learnerType.${e.learnerType}`)}
              {e.status !== 'enrolled' && e.status !== 'waitlisted' ? ` · ${t(`classes.enrollmentStatus.${e.status}`)}` : null}
            </span>
          </div>
          {canWithdraw && (e.status === 'enrolled' || e.status === 'waitlisted') ? (
            <details className="confirm">
              <summary className="button button-quiet-dark">{t('classes.manage.withdraw')}</summary>
              <Form method="post" className="stack confirm-body">
                <p>{t('classes.manage.withdrawConfirm', { name: e.name })}</p>
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="enrollmentId" value={e.id} />
                <input type="hidden" name="name" value={e.name} />
                <button type="submit" className="button button-danger" disabled={busy}>
                  {t('classes.manage.withdrawYes')}
                </button>
              </Form>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
