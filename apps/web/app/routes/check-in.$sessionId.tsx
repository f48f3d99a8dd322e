import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FormAlert, TextField } from '../components/form';
import { titleMeta, translator, useI18n, type MessageKey } from '../i18n';
import { formErrors, isApiError } from '../lib/form-errors.server';
import { notFound } from '../lib/attendance.server';
import { requireUser } from '../lib/auth.server';
import { formText, isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import attendanceStyles from '../styles/attendance.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];

export const meta = titleMeta('attendance.page.checkIn');

/** What people type: full-width digits from a Chinese keyboard, spaces between the groups. */
function normalizeCode(input: string): string {
  return input.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(/[\s\u3000-]/g, '');
}

const CODE = /^\d{6}$/;

/** The QR code's link lands here; a learner who is not signed in goes through /login?next=… and comes back. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  if (!isUuid(params.sessionId)) throw notFound(headers);
  const given = normalizeCode(new URL(request.url).searchParams.get('code') ?? '');
  // Ended, cancelled or already checked in: say so instead of asking for a code. When this cannot be
  // told (not her class, the API busy), the form stays and the check-in itself answers.
  const state = await api.sessions.checkInState(params.sessionId).catch(() => null);
  const done = state?.checkedIn
    ? ('checkedIn' as const)
    : state?.state === 'ended'
      ? ('ended' as const)
      : state?.state === 'cancelled'
        ? ('cancelled' as const)
        : null;
  return data({ code: CODE.test(given) ? given : '', done }, { headers });
}

interface Outcome {
  ok: boolean;
  code: string;
  errors?: FormErrors;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const t = translator(await getLocale(request));
  const sessionId = params.sessionId;
  if (!isUuid(sessionId)) throw notFound(headers);
  const code = normalizeCode(formText(await request.formData(), 'code'));
  const refuse = (errors: FormErrors, status: number) => data<Outcome>({ ok: false, code, errors }, { status, headers });
  if (!CODE.test(code)) return refuse({ fields: { code: t('attendance.checkIn.format') } }, 400);
  try {
    await api.attendance.checkIn(sessionId, code);
    return data<Outcome>({ ok: true, code }, { headers });
  } catch (error) {
    if (isApiError(error, 'VALIDATION_FAILED')) return refuse({ fields: { code: t('attendance.checkIn.format') } }, 400);
    const specific: [string, MessageKey][] = [
      ['CHECK_IN_CODE_INVALID', 'attendance.checkIn.invalidCode'],
      ['CHECK_IN_CLOSED', 'attendance.checkIn.closed'],
      ['NOT_ENROLLED', 'attendance.checkIn.notEnrolled'],
      ['NOT_FOUND', 'attendance.checkIn.notFound'],
    ];
    for (const [apiCode, key] of specific) if (isApiError(error, apiCode)) return refuse({ form: t(key), fields: {} }, error.status);
    if (isApiError(error, 'TOO_MANY_ATTEMPTS')) {
      // Five wrong codes for this session: she waits, or the instructor marks her.
      const minutes = Math.max(1, Math.ceil(Number(error.body.retryAfter) / 60) || 1);
      return refuse({ form: t('attendance.checkIn.tooMany', { minutes }), fields: {} }, 429);
    }
    const failure = formErrors(error, t);
    return refuse(failure.errors, failure.status);
  }
}

export default function CheckInPage() {
  const { code, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const busy = navigation.state !== 'idle';

  if (!result && done) {
    return (
      <section className="stack narrow">
        <h1>{t('attendance.checkIn.heading')}</h1>
        <div className={`notice ${done === 'checkedIn' ? 'notice-success check-in-done' : 'notice-warning'}`} role="status">
          <p className="check-in-done-title">
            {t(
              done === 'checkedIn'
                ? 'attendance.checkInState.already'
                : done === 'cancelled'
                  ? 'attendance.checkInState.cancelled'
                  : 'attendance.checkInState.ended',
            )}
          </p>
          <p>{t(done === 'checkedIn' ? 'attendance.checkInState.alreadyHint' : 'attendance.checkInState.endedHint')}</p>
        </div>
        <p>
          <Link to="/my/classes" className="button button-secondary button-block">
            {t('attendance.checkIn.myClasses')}
          </Link>
        </p>
      </section>
    );
  }
  if (result?.ok) {
    return (
      <section className="stack narrow">
        <h1>{t('attendance.checkIn.heading')}</h1>
        <div className="notice notice-success check-in-done" role="status">
          <p className="check-in-done-title">{t('attendance.checkIn.done')}</p>
          <p>{t('attendance.checkIn.doneHint')}</p>
        </div>
        <p>
          <Link to="/my/classes" className="button button-secondary button-block">
            {t('attendance.checkIn.myClasses')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="stack narrow">
      <h1>{t('attendance.checkIn.heading')}</h1>
      <p>{t('attendance.checkIn.intro')}</p>
      <FormAlert errors={result?.errors} />
      <Form method="post" className="stack" noValidate>
        <TextField
          name="code"
          label={t('attendance.checkIn.code')}
          hint={t('attendance.checkIn.codeHint')}
          error={result?.errors?.fields.code}
          className="check-in-code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={12}
          required
          defaultValue={result?.code ?? code}
          key={result ? `again-${result.code}` : 'code'}
        />
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {t('attendance.checkIn.submit')}
        </button>
      </Form>
    </section>
  );
}
