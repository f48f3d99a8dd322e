import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiClient, ImportResultDto, Locale } from '@hearth/contracts';
import { FormAlert, SelectField } from '../components/form';
import { isMessageKey, titleMeta, translator, useI18n, type Translate } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { formErrors, isApiError } from '../lib/form-errors.server';
import { MANAGER_ROLES, requireUser } from '../lib/auth.server';
import { formatDay } from '../lib/dates';
import { formText, isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { randomUuid } from '../lib/random-uuid';

export const meta = titleMeta('classes.page.import');

/** The API takes up to 2,000,000 characters (20,000 rows); a GBK file of that many characters is at most twice as many bytes. */
const MAX_FILE_BYTES = 4_000_000;
/** Rejected rows listed on the page; a file with more problems than this needs fixing as a whole anyway. */
const MAX_REJECTED_SHOWN = 1000;

async function classOptions(api: ApiClient, locale: Locale, wanted: string | null) {
  const open = await api.classes.list({ open: true, limit: 100, lang: locale });
  const items = open.items;
  if (wanted && !items.some((k) => k.id === wanted)) {
    // A class asked for by link that is no longer open is still offered, so the link never silently does nothing.
    const extra = await api.classes.get(wanted, { lang: locale }).catch((error) => (isApiError(error, 'NOT_FOUND') ? null : Promise.reject(error)));
    if (extra) items.unshift(extra);
  }
  return items.map((k) => ({ id: k.id, label: `${k.title} · ${k.orgName} · ${formatDay(k.startsOn, locale)}`, orgId: k.orgId }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const asked = new URL(request.url).searchParams.get('classId');
  const classId = isUuid(asked) ? asked : null;
  try {
    const classes = await classOptions(api, locale, classId);
    return data({ classId: classes.some((k) => k.id === classId) ? classId : null, classes: classes.map(({ id, label }) => ({ id, label })) }, { headers });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

/** Excel in China saves CSV as GBK unless told otherwise; anything that is not valid UTF-8 is read as GB18030 (a superset). */
function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The API's complaints about the file itself, in the user's language. */
function fileError(error: unknown, t: Translate): string | null {
  if (!isApiError(error, 'VALIDATION_FAILED')) return null;
  const message = error.message;
  if (/^csv is too large|^At most/i.test(message)) return t('classes.import.error.tooLarge');
  if (/first row/i.test(message)) return t('classes.import.error.header');
  if (/no rows|^csv is empty/i.test(message)) return t('classes.import.error.empty');
  if (/not valid CSV/i.test(message)) return t('classes.import.error.format');
  return null;
}

type ImportView = Omit<ImportResultDto, 'rejected' | 'header'> & {
  classId: string | null;
  rejected: { line: number; phone: string; name: string; reason: string }[];
  rejectedCount: number;
};

function importView(result: ImportResultDto, classId: string | null, t: Translate): ImportView {
  return {
    id: result.id,
    classId,
    total: result.total,
    created: result.created,
    existing: result.existing,
    enrolled: result.enrolled,
    waitlisted: result.waitlisted,
    alreadyEnrolled: result.alreadyEnrolled,
    rejectedCount: result.rejected.length,
    rejected: result.rejected.slice(0, MAX_REJECTED_SHOWN).map((r) => {
      const key = `classes.import.reject.${r.code}`;
      return { line: r.line, phone: r.phone, name: r.name, reason: isMessageKey(key) ? t(key) : t('classes.import.reject.other') };
    }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: MANAGER_ROLES });
  const locale = await getLocale(request);
  const t = translator(locale);
  const form = await request.formData();
  const file = form.get('file');
  const classId = formText(form, 'classId');
  const importId = formText(form, 'importId');
  const fail = (errors: FormErrors, status = 400) => data({ errors, result: null }, { status, headers });

  if (!file || typeof file === 'string' || file.size === 0) return fail({ fields: { file: t('classes.import.error.noFile') } });
  if (file.size > MAX_FILE_BYTES) return fail({ fields: { file: t('classes.import.error.tooLarge') } });
  if (classId && !isUuid(classId)) return fail({ fields: { classId: t('classes.import.error.class') } });

  try {
    // New learners join the class's club or station (not the coordinator's own office), so classes near them come first.
    const orgId = classId ? (await api.classes.get(classId)).orgId : undefined;
    const csv = decodeCsv(await file.arrayBuffer());
    const result = await api.imports.learners({ csv, classId: classId || undefined, orgId, importId: isUuid(importId) ? importId : undefined });
    return data({ errors: null, result: importView(result, classId || null, t) }, { headers });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return fail({ fields: { classId: t('classes.import.error.class') } }, 404);
    const message = fileError(error, t);
    if (message) return fail({ fields: { file: message } });
    const failure = formErrors(error, t);
    return fail(failure.errors, failure.status);
  }
}

/**
 * With JavaScript the form is sent by fetch (Remix's <Form>) under an id chosen here, and the
 * import's progress is polled meanwhile; without it, the same form is a plain multipart post.
 */
function useImportProgress(submitting: boolean) {
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const stop = () => {
    window.clearInterval(timer.current);
    timer.current = undefined;
  };
  useEffect(() => {
    if (!submitting) {
      stop();
      setProgress(null);
    }
  }, [submitting]);
  useEffect(() => stop, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const field = event.currentTarget.elements.namedItem('importId');
    if (!(field instanceof HTMLInputElement)) return;
    const id = randomUuid();
    field.value = id;
    stop();
    setProgress({ processed: 0, total: 0 });
    timer.current = window.setInterval(async () => {
      try {
        const response = await fetch(`/manage/import/progress/${id}`, { headers: { accept: 'application/json' } });
        if (!response.ok) return;
        const status = (await response.json()) as { status: string; totalRows?: number; processedRows?: number };
        if (status.status === 'running' || status.status === 'done') setProgress({ processed: status.processedRows ?? 0, total: status.totalRows ?? 0 });
        if (status.status === 'done' || status.status === 'failed') stop();
      } catch {
        // A missed poll only delays the bar; the form's own answer still arrives.
      }
    }, 500);
  };
  return { progress, onSubmit };
}

export default function ImportPage() {
  const { classes, classId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const submitting = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post';
  const { progress, onSubmit } = useImportProgress(submitting);
  const errors = answer?.errors ?? undefined;
  const result = answer?.result;
  const form = useRef<HTMLFormElement>(null);
  const resultBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // With JavaScript the page stays where the button was: bring the result into view, and clear
    // the chosen file so the same file is not sent twice by accident.
    if (!result) return;
    form.current?.reset();
    resultBox.current?.scrollIntoView({ block: 'start' });
    resultBox.current?.focus({ preventScroll: true });
  }, [result]);

  return (
    <section className="stack">
      <p>
        <Link to="/manage/classes">{t('classes.manage.backToClasses')}</Link>
      </p>
      <h1>{t('classes.import.heading')}</h1>

      {result ? (
        <div ref={resultBox} tabIndex={-1} className="notice-holder">
          <ImportResult result={result} />
        </div>
      ) : null}

      <div className="card stack">
        <h2>{t('classes.import.format.heading')}</h2>
        <p>{t('classes.import.format.columns')}</p>
        <p>{t('classes.import.format.types')}</p>
        <p>{t('classes.import.format.excel')}</p>
        <p>
          <a href="/manage/import/template.csv" download>
            {t('classes.import.template')}
          </a>
        </p>
      </div>

      <FormAlert errors={errors} />
      <Form ref={form} method="post" encType="multipart/form-data" className="stack" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="importId" defaultValue="" />
        <div className="field">
          <label htmlFor="field-file">{t('classes.import.file')}</label>
          <p id="field-file-hint" className="hint">
            {t('classes.import.fileHint')}
          </p>
          {errors?.fields.file ? (
            <p id="field-file-error" className="field-error">
              {errors.fields.file}
            </p>
          ) : null}
          <input
            id="field-file"
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={errors?.fields.file ? true : undefined}
            aria-describedby={errors?.fields.file ? 'field-file-error field-file-hint' : 'field-file-hint'}
          />
        </div>
        <SelectField
          name="classId"
          label={t('classes.import.class')}
          hint={t('classes.import.classHint')}
          error={errors?.fields.classId}
          defaultValue={classId ?? ''}
        >
          <option value="">{t('classes.import.noClass')}</option>
          {classes.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          {submitting ? t('classes.import.running') : t('classes.import.submit')}
        </button>
        {progress ? (
          <div className="field" aria-live="polite">
            <label htmlFor="import-progress">{t('classes.import.progress')}</label>
            <progress id="import-progress" max={progress.total || 1} value={progress.total ? progress.processed : undefined} />
            <p className="hint">
              {progress.total ? t('classes.import.progressRows', { done: progress.processed, total: progress.total }) : t('classes.import.progressStarting')}
            </p>
          </div>
        ) : null}
      </Form>
    </section>
  );
}

function ImportResult({ result }: { result: ImportView }) {
  const { t } = useI18n();
  const imported = result.created + result.existing;
  return (
    <div className={result.rejectedCount > 0 ? 'notice notice-warning stack' : 'notice notice-success stack'} role="status">
      <h2>{t('classes.import.result.heading')}</h2>
      <p>
        <strong>{t('classes.import.result.imported', { n: imported })}</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('classes.import.result.total')}</dt>
          <dd>{result.total}</dd>
        </div>
        <div>
          <dt>{t('classes.import.result.created')}</dt>
          <dd>{result.created}</dd>
        </div>
        <div>
          <dt>{t('classes.import.result.existing')}</dt>
          <dd>{result.existing}</dd>
        </div>
        {result.classId ? (
          <>
            <div>
              <dt>{t('classes.import.result.enrolled')}</dt>
              <dd>{result.enrolled}</dd>
            </div>
            <div>
              <dt>{t('classes.import.result.waitlisted')}</dt>
              <dd>{result.waitlisted}</dd>
            </div>
            <div>
              <dt>{t('classes.import.result.alreadyEnrolled')}</dt>
              <dd>{result.alreadyEnrolled}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('classes.import.result.rejected')}</dt>
          <dd>{result.rejectedCount}</dd>
        </div>
      </dl>
      {result.rejected.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('classes.import.rejected.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('classes.import.rejected.line')}</th>
                <th scope="col">{t('classes.import.rejected.name')}</th>
                <th scope="col">{t('classes.import.rejected.phone')}</th>
                <th scope="col">{t('classes.import.rejected.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rejected.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.name || '—'}</td>
                  <td>{r.phone || '—'}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.rejectedCount > result.rejected.length ? (
            <p className="hint">{t('classes.import.rejected.more', { n: result.rejectedCount - result.rejected.length })}</p>
          ) : null}
        </div>
      ) : null}
      {result.rejectedCount > 0 ? (
        <p>
          <a href={`/manage/import/${result.id}/rejected.csv`} download className="button button-secondary">
            {t('classes.import.rejected.download')}
          </a>
          <span className="hint"> {t('classes.import.rejected.downloadHint')}</span>
        </p>
      ) : null}
      {result.created + result.existing > 0 ? (
        <form method="post" action="/manage/claim-codes" className="stack" aria-labelledby="import-codes">
          <h3 id="import-codes">{t('classes.import.codes.heading')}</h3>
          <p>{t('classes.import.codes.intro')}</p>
          <input type="hidden" name="importId" value={result.id} />
          <button type="submit" className="button button-primary button-block">
            {t('classes.import.codes.submit')}
          </button>
        </form>
      ) : null}
      {result.classId ? (
        <p>
          <Link to={`/manage/classes/${result.classId}`}>{t('classes.import.result.toClass')}</Link>
        </p>
      ) : null}
    </div>
  );
}
