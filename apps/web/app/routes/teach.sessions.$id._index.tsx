import { randomUUID } from 'node:crypto';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { ATTENDANCE_STATUSES } from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { SyncStatus } from '../components/attendance-sync';
import { titleMeta, translator, useI18n } from '../i18n';
import { loadSessionContext, markErrorMessage, markingState, notFound, sessionHeader, TEACH_ROLES } from '../lib/attendance.server';
import { randomUuid } from '../lib/random-uuid';
import { useAttendanceQueue, useHydrated, type FlushOutcome, type QueuedBatch } from '../lib/attendance-queue';
import { isAttendanceStatus, MAX_MARKS, MUTATION_ID, nextStatus, percent, statusKey, type AttendanceStatus } from '../lib/attendance-view';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { formText, isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import attendanceStyles from '../styles/attendance.css?url';
import { StatusNotice } from '../components/notice';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];

export const meta = titleMeta<{ session?: { title: string } }>('attendance.page.roster', (d) => d.session?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: TEACH_ROLES });
  const locale = await getLocale(request);
  const context = await loadSessionContext(api, params.id, locale, headers);
  const { roster, klass } = context;
  return data(
    {
      session: sessionHeader(context, locale),
      items: roster.items.map((i) => ({
        learnerId: i.learnerId,
        name: i.name,
        status: i.status,
        rate: percent(i.rate),
        cannotReachMinimum: i.cannotReachMinimum,
        belowMinimum: i.belowMinimum,
      })),
      state: markingState(user.role, roster.session.startsAt, roster.session.endsAt),
      canSeeHistory: MANAGER_ROLES.includes(user.role) || (user.role === 'instructor' && klass.instructorId === user.id),
      isInstructor: user.role === 'instructor' && klass.instructorId === user.id,
      // Without JavaScript the browser may send the form twice (a reload re-posts it): under one id the API applies it once.
      clientMutationId: randomUUID(),
    },
    { headers },
  );
}

/** The roll call without JavaScript: the form posts every learner's choice, and what changed is saved. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: TEACH_ROLES });
  const t = translator(await getLocale(request));
  const id = params.id;
  if (!isUuid(id)) throw notFound(headers);
  const form = await request.formData();
  const allPresent = formText(form, 'intent') === 'all-present';
  const clientMutationId = formText(form, 'clientMutationId');
  const invalid = () => data({ ok: false, message: t('attendance.sync.badRequest') }, { status: 400, headers });

  const marks: { learnerId: string; status: AttendanceStatus }[] = [];
  for (const [name, value] of form) {
    if (!name.startsWith('was.')) continue;
    const learnerId = name.slice('was.'.length);
    if (!isUuid(learnerId)) return invalid();
    const chosen = allPresent ? 'present' : formText(form, `status.${learnerId}`);
    // Only what the instructor changed: a learner who checked in meanwhile keeps her mark.
    if (isAttendanceStatus(chosen) && chosen !== value) marks.push({ learnerId, status: chosen });
  }
  if (marks.length === 0) return data({ ok: true, message: t('attendance.roster.nothingChanged') }, { headers });
  if (!MUTATION_ID.test(clientMutationId) || marks.length > MAX_MARKS) return invalid();
  try {
    const result = await api.attendance.mark(id, { marks, clientMutationId, source: 'roster' });
    return data({ ok: true, message: t('attendance.roster.saved', { n: result.changed }) }, { headers });
  } catch (error) {
    const failure = markErrorMessage(error, t);
    return data({ ok: false, message: failure.message }, { status: failure.status, headers });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Item = LoaderData['items'][number];

export default function RosterPage() {
  const { session, items, state, canSeeHistory, isInstructor, clientMutationId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const hydrated = useHydrated();
  const revalidator = useRevalidator();
  const { t } = useI18n();
  // Fresh rates and marks once a batch of this session reached the server.
  const queue = useAttendanceQueue((outcome: FlushOutcome) => {
    if (outcome.synced.some((s) => s.batch.sessionId === session.id)) revalidator.revalidate();
  });

  return (
    <article className="stack">
      <p>
        <Link to="/teach">{t('attendance.roster.back')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{session.title}</h1>
        <p className="lead">{session.when}</p>
        <p className="hint">{[session.orgName, session.location].filter(Boolean).join(' · ')}</p>
        <p className="hint">
          {t('attendance.roster.count', { n: items.length })} · {t('attendance.roster.minimum', { pct: session.minAttendancePct })}
        </p>
      </header>
      <SyncStatus online={queue.online} pendingMarks={queue.pendingMarks} problem={queue.problem} />
      {result ? (
        <div className={result.ok ? 'notice notice-success' : 'alert'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      {state !== 'open' ? (
        <StatusNotice tone="warning">{t(state === 'closed' ? 'attendance.roster.closed' : 'attendance.roster.notStarted')}</StatusNotice>
      ) : null}

      {items.length === 0 ? (
        <p>{t('attendance.roster.empty')}</p>
      ) : state !== 'open' ? (
        <ul className="mark-list" aria-label={t('attendance.roster.learners')}>
          {items.map((i) => (
            <li key={i.learnerId}>
              <div className={`mark-row mark-${i.status ?? 'none'}`}>
                <RowBody item={i} status={i.status} />
              </div>
            </li>
          ))}
        </ul>
      ) : hydrated ? (
        <TapRoster sessionId={session.id} items={items} queue={queue} />
      ) : (
        <FormRoster items={items} clientMutationId={clientMutationId} />
      )}

      <ul className="plain-list roster-links">
        {canSeeHistory ? (
          <li>
            <Link to={`/teach/sessions/${session.id}/history`}>{t('attendance.roster.historyLink')}</Link>
          </li>
        ) : null}
        {isInstructor ? (
          <li>
            <Link to={`/teach/sessions/${session.id}/code`}>{t('attendance.roster.codeLink')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/teach/sessions/${session.id}/print`}>{t('attendance.roster.printLink')}</Link>
        </li>
      </ul>
    </article>
  );
}

/** Name, mark, attendance rate and warnings: the same in every form of the roster. */
function RowBody({ item, status, marker }: { item: Item; status: AttendanceStatus | null; marker?: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <span className="mark-name">{item.name}</span>
      <span className="mark-status">{t(statusKey(status))}</span>
      <span className="mark-meta">
        {t('attendance.roster.rate', { pct: item.rate })}
        {marker ? <span className="mark-marker"> · {marker}</span> : null}
      </span>
      {item.cannotReachMinimum || item.belowMinimum ? (
        <span className="mark-flag">{t(item.cannotReachMinimum ? 'attendance.flag.cannotReach' : 'attendance.flag.below')}</span>
      ) : null}
    </>
  );
}

/** Without JavaScript: a radio group per learner; "all present" is its own submit button. */
function FormRoster({ items, clientMutationId }: { items: Item[]; clientMutationId: string }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="clientMutationId" value={clientMutationId} />
      <p className="hint">{t('attendance.roster.formHint')}</p>
      <button type="submit" name="intent" value="all-present" className="button button-secondary button-block" disabled={busy}>
        {t('attendance.roster.allPresent')}
      </button>
      {items.map((i) => (
        <fieldset key={i.learnerId} className="mark-fieldset">
          <legend>{i.name}</legend>
          <p className="hint">
            {t('attendance.roster.rate', { pct: i.rate })}
            {i.cannotReachMinimum || i.belowMinimum ? (
              <>
                {' · '}
                <strong className="mark-flag-text">{t(i.cannotReachMinimum ? 'attendance.flag.cannotReach' : 'attendance.flag.below')}</strong>
              </>
            ) : null}
          </p>
          <input type="hidden" name={`was.${i.learnerId}`} value={i.status ?? ''} />
          <div className="mark-options">
            {ATTENDANCE_STATUSES.map((s) => (
              <label key={s} className={`mark-option mark-option-${s}`}>
                <input type="radio" name={`status.${i.learnerId}`} value={s} defaultChecked={i.status === s} />
                {t(statusKey(s))}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="mark-savebar">
        <button type="submit" name="intent" value="save" className="button button-primary button-block" disabled={busy}>
          {busy ? t('attendance.roster.saving') : t('attendance.roster.save')}
        </button>
      </div>
    </Form>
  );
}

/** The marks of this session still waiting in the queue, later batches over earlier ones. */
function queuedMarks(queue: QueuedBatch[] | null, sessionId: string): Record<string, AttendanceStatus> {
  const marks: Record<string, AttendanceStatus> = {};
  for (const batch of queue ?? []) if (batch.sessionId === sessionId) for (const m of batch.marks) marks[m.learnerId] = m.status;
  return marks;
}

type Message = { tone: 'success' | 'warning'; text: string } | null;

/** With JavaScript: one tap per learner cycles her mark; saving queues the batch on the phone and sends it. */
function TapRoster({ sessionId, items, queue }: { sessionId: string; items: Item[]; queue: ReturnType<typeof useAttendanceQueue> }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Record<string, AttendanceStatus>>({});
  const [message, setMessage] = useState<Message>(null);
  const [sending, setSending] = useState(false);
  const queued = queuedMarks(queue.queue, sessionId);
  const saved = (i: Item) => queued[i.learnerId] ?? i.status;
  const changed = items.filter((i) => draft[i.learnerId] !== undefined && draft[i.learnerId] !== saved(i));

  const dirty = changed.length > 0;
  useEffect(() => {
    if (!dirty) return;
    // Taps not yet saved live only in this page: ask before it is left.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const tap = (i: Item) => {
    setMessage(null);
    setDraft((d) => ({ ...d, [i.learnerId]: nextStatus(d[i.learnerId] ?? saved(i)) }));
  };
  const allPresent = () => {
    setMessage(null);
    setDraft(Object.fromEntries(items.map((i) => [i.learnerId, 'present' as const])));
  };
  const save = async () => {
    if (changed.length === 0) {
      setMessage({ tone: 'success', text: t('attendance.roster.nothingChanged') });
      return;
    }
    const marks = changed.map((i) => ({ learnerId: i.learnerId, status: draft[i.learnerId] }));
    const { batch, outcome } = queue.save({ clientMutationId: randomUuid(), sessionId, marks });
    setDraft({});
    setSending(true);
    const result = await outcome;
    setSending(false);
    const synced = result.synced.find((s) => s.batch.clientMutationId === batch.clientMutationId);
    if (synced) setMessage({ tone: 'success', text: t('attendance.roster.saved', { n: synced.changed }) });
    // A refused batch is explained by SyncStatus.
    else if (result.dropped.some((d) => d.batch.clientMutationId === batch.clientMutationId)) setMessage(null);
    else setMessage({ tone: 'warning', text: t('attendance.roster.savedOffline') });
  };

  return (
    <div className="stack">
      <p className="hint">{t('attendance.roster.tapHint')}</p>
      <button type="button" className="button button-secondary button-block" onClick={allPresent}>
        {t('attendance.roster.allPresent')}
      </button>
      <ul className="mark-list" aria-label={t('attendance.roster.learners')}>
        {items.map((i) => {
          const status = draft[i.learnerId] ?? saved(i);
          const marker = changed.includes(i) ? t('attendance.roster.unsaved') : queued[i.learnerId] ? t('attendance.roster.queued') : null;
          return (
            <li key={i.learnerId}>
              <button type="button" className={`mark-row mark-${status ?? 'none'}${marker ? ' mark-pending' : ''}`} onClick={() => tap(i)}>
                <RowBody item={i} status={status} marker={marker} />
              </button>
            </li>
          );
        })}
      </ul>
      {/* The outcome next to the button, which is where her eyes are on a long list. */}
      <div className="mark-savebar stack-tight">
        {message ? (
          <div className={`notice ${message.tone === 'warning' ? 'notice-warning' : 'notice-success'}`} role="status">
            <p>{message.text}</p>
          </div>
        ) : null}
        <button type="button" className="button button-primary button-block" onClick={save}>
          {sending ? t('attendance.roster.saving') : changed.length > 0 ? t('attendance.roster.saveCount', { n: changed.length }) : t('attendance.roster.save')}
        </button>
      </div>
    </div>
  );
}
