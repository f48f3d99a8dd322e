import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, isRouteErrorResponse, useLoaderData, useRevalidator, useRouteError } from '@remix-run/react';
import type { CheckInCodeDto } from '@hearth/contracts';
import { useEffect } from 'react';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { checkInOpen, loadSessionContext, notFound, sessionHeader } from '../lib/attendance.server';
import { qrSvg } from '../lib/attendance-qr.server';
import { requireUser } from '../lib/auth.server';
import { formatTime } from '../lib/dates';
import { getLocale } from '../lib/locale.server';
import attendanceStyles from '../styles/attendance.css?url';
import { StatusNotice } from '../components/notice';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];

export const meta = titleMeta('attendance.page.code');

const STEP_MS = 30_000;
const EARLY_MS = 15 * 60_000;

/** Where the QR code sends a learner: this site as the public sees it. */
function publicOrigin(request: Request): string {
  const configured = process.env.PUBLIC_WEB_URL?.trim().replace(/\/+$/, '');
  return configured || new URL(request.url).origin;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Only the class's own instructor gets codes (the API answers 404 to anyone else).
  const { api, headers } = await requireUser(request, { roles: ['instructor'] });
  const locale = await getLocale(request);
  const context = await loadSessionContext(api, params.id, locale, headers);
  const { startsAt, endsAt, id } = context.roster.session;
  const cancelled = Boolean(context.klass.sessions.find((s) => s.id === id)?.cancelledAt);
  // An ended (or cancelled) session gets no code: a QR code on the wall would only invite failed check-ins.
  const over = () => data({ over: cancelled ? ('cancelled' as const) : ('ended' as const), session: sessionHeader(context, locale) }, { headers });
  if (cancelled || Date.now() > new Date(endsAt).getTime()) return over();
  let issued: CheckInCodeDto;
  try {
    issued = await api.attendance.checkInCode(id);
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) throw notFound(headers);
    if (isApiError(error, 'SESSION_ENDED') || isApiError(error, 'SESSION_CANCELLED')) return over();
    return unavailableOrRethrow(error);
  }
  const now = Date.now();
  // A code is accepted until expiresAt, but the next one appears 30 s before: show each code from
  // its first second, so a learner always has 30 to 60 s to type it.
  const changesAt = new Date(issued.expiresAt).getTime() - STEP_MS;
  const refreshIn = Math.min(31, Math.max(2, Math.ceil((changesAt - now) / 1000) + 1));
  const url = `${publicOrigin(request)}/check-in/${id}?code=${issued.code}`;
  return data(
    {
      over: null,
      session: sessionHeader(context, locale),
      code: issued.code,
      svg: await qrSvg(url),
      issuedAt: now,
      refreshIn,
      checkIn: checkInOpen(startsAt, endsAt, now) ? ('open' as const) : now < new Date(startsAt).getTime() ? ('notYet' as const) : ('ended' as const),
      opensAt: formatTime(new Date(new Date(startsAt).getTime() - EARLY_MS).toISOString(), locale),
      closesAt: formatTime(endsAt, locale),
    },
    { headers },
  );
}

export default function CheckInCodePage() {
  const loaded = useLoaderData<typeof loader>();
  return loaded.over === null ? <LiveCode {...loaded} /> : <SessionOver over={loaded.over} session={loaded.session} />;
}

/** "本次课已结束": no code, no refresh. */
function SessionOver({ over, session }: { over: 'ended' | 'cancelled'; session: { title: string; when: string } }) {
  const { t } = useI18n();
  return (
    <article className="stack code-page">
      <p>
        <Link to="/teach">{t('attendance.code.back')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{t(over === 'cancelled' ? 'attendance.checkInState.cancelled' : 'attendance.checkInState.ended')}</h1>
        <p className="lead">{session.title}</p>
        <p className="hint">{session.when}</p>
      </header>
      <p>{t('attendance.checkInState.endedHint')}</p>
    </article>
  );
}

function LiveCode({
  session,
  code,
  svg,
  issuedAt,
  refreshIn,
  checkIn,
  opensAt,
  closesAt,
}: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { over: null }>) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  useEffect(() => {
    // With JavaScript only the data is fetched again; without it the <noscript> refresh reloads the page.
    const timer = window.setTimeout(() => revalidator.revalidate(), refreshIn * 1000);
    return () => window.clearTimeout(timer);
    // Once per code; `revalidator` is a new object on every render.
  }, [issuedAt, refreshIn]);

  return (
    <article className="stack code-page">
      <noscript>
        <meta httpEquiv="refresh" content={String(refreshIn)} />
      </noscript>
      <p>
        <Link to="/teach">{t('attendance.code.back')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{t('attendance.code.heading')}</h1>
        <p className="lead">{session.title}</p>
        <p className="hint">{session.when}</p>
      </header>
      {checkIn === 'open' ? (
        <p>{t('attendance.code.window', { from: opensAt, to: closesAt })}</p>
      ) : (
        <StatusNotice tone="warning">{t(checkIn === 'notYet' ? 'attendance.code.notOpen' : 'attendance.code.ended')}</StatusNotice>
      )}
      <p>{t('attendance.code.scan')}</p>
      <div className="qr" role="img" aria-label={t('attendance.code.qrLabel')} dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="code-box">
        <p>{t('attendance.code.digitsLabel')}</p>
        <p className="code-digits" aria-live="polite">
          <span>{code.slice(0, 3)}</span>
          <span>{code.slice(3)}</span>
        </p>
      </div>
      <p>{t('attendance.code.noCamera')}</p>
      <p className="hint">{t('attendance.code.rotates')}</p>
    </article>
  );
}

/** A failed refresh must not leave a stale code on the wall: say so and try again in 30 s. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const lasting = status === 403 || status === 404;
  useEffect(() => {
    if (lasting) return;
    const timer = window.setTimeout(() => window.location.reload(), STEP_MS);
    return () => window.clearTimeout(timer);
  }, [lasting]);
  if (lasting) {
    return (
      <section className="stack narrow">
        <h1>{t(status === 403 ? 'common.errorPage.403.title' : 'common.errorPage.404.title')}</h1>
        <p>{t(status === 403 ? 'common.errorPage.403.body' : 'attendance.error.notFound')}</p>
        <p>
          <a href="/teach">{t('attendance.code.back')}</a>
        </p>
      </section>
    );
  }
  return (
    <section className="stack narrow">
      <noscript>
        <meta httpEquiv="refresh" content="30" />
      </noscript>
      <h1>{t('attendance.code.heading')}</h1>
      <div className="alert" role="alert">
        <p>{t('attendance.code.retry')}</p>
      </div>
      <p>
        <a href="/teach">{t('attendance.code.back')}</a>
      </p>
    </section>
  );
}
