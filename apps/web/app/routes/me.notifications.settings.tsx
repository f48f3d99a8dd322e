import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { isNotificationKind, NOTIFICATION_KINDS, type NotificationKind, type Role } from '@hearth/contracts';
import { titleMeta, translator, useI18n, type MessageKey } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { formErrors } from '../lib/form-errors.server';
import { requireUser } from '../lib/auth.server';
import { formatDay, formatTime } from '../lib/dates';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';
import accountCss from '../styles/account.css?url';
import { StatusNotice } from '../components/notice';

export const meta = titleMeta('account.notifications.page.settings');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }];

/** The kinds each role can receive: she chooses among those (a learner is never sent a follow-up). */
const KINDS_FOR: Record<Role, readonly NotificationKind[]> = {
  learner: [
    'enrollment.promoted',
    'session.reminder',
    'session.changed',
    'certificate.issued',
    'certificate.expiring',
    'certificate.revoked',
    'referral.created',
    'referral.status',
  ],
  instructor: ['session.reminder', 'session.changed'],
  coordinator: ['session.changed', 'referral.status', 'followup.due'],
  admin: ['session.changed', 'referral.status', 'followup.due'],
  employer: ['referral.created', 'referral.status', 'followup.due'],
};

const kindsFor = (roles: readonly Role[]) => NOTIFICATION_KINDS.filter((k) => roles.some((r) => KINDS_FOR[r]?.includes(k)));

/** Which kinds also go to her phone by SMS, and a switch to stop SMS altogether. Every signed-in role. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, user, headers } = await requireUser(request);
  const locale = await getLocale(request);
  try {
    const prefs = await api.notifications.preferences();
    const shown = kindsFor([user.role, ...user.roles]);
    return data(
      {
        kinds: shown.map((kind) => ({ kind, checked: prefs.smsKinds.includes(kind) })),
        // Chosen kinds this page does not show (another role's) are kept as they are.
        kept: prefs.smsKinds.filter((k) => !shown.includes(k)),
        smsOff: prefs.smsOptedOutAt !== null,
        offSince: prefs.smsOptedOutAt ? `${formatDay(prefs.smsOptedOutAt, locale)} ${formatTime(prefs.smsOptedOutAt, locale)}` : null,
        saved: new URL(request.url).searchParams.get('saved') === '1',
      },
      { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

/** A plain form post: the ticked kinds, and the switch (an unticked checkbox sends nothing, i.e. SMS on). */
export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request);
  const t = translator(await getLocale(request));
  const form = await request.formData();
  const smsKinds = [...new Set(form.getAll('smsKinds').filter(isNotificationKind))];
  try {
    await api.notifications.savePreferences({ smsKinds, smsOff: form.get('smsOff') === 'on' });
  } catch (error) {
    const failure = formErrors(error, t);
    return data({ message: failure.errors.form ?? t('common.error.VALIDATION_FAILED') }, { status: failure.status, headers });
  }
  throw redirect('/me/notifications/settings?saved=1', { headers });
}

export default function NotificationSettingsPage() {
  const { kinds, kept, smsOff, offSince, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('account.notifications.settings.heading')}</h1>
      {saved && !failure ? <StatusNotice tone="success">{t('account.notifications.settings.saved')}</StatusNotice> : null}
      {failure ? (
        <div className="alert" role="alert">
          <p>{failure.message}</p>
        </div>
      ) : null}
      <p className="lead">{t('account.notifications.settings.intro')}</p>
      <Form method="post" className="stack">
        {kept.map((kind) => (
          <input key={kind} type="hidden" name="smsKinds" value={kind} />
        ))}
        <fieldset className="choices">
          <legend>{t('account.notifications.settings.kinds')}</legend>
          {kinds.map(({ kind, checked }) => (
            <label key={kind} className="choice-card">
              <input type="checkbox" name="smsKinds" value={kind} defaultChecked={checked} />
              <span>{t(`account.notifications.kind.${kind}` as MessageKey)}</span>
            </label>
          ))}
          <p className="hint">{t('account.notifications.settings.quiet')}</p>
        </fieldset>
        <fieldset className="choices">
          <legend className="visually-hidden">{t('account.notifications.settings.smsOff')}</legend>
          <label className="choice-card">
            <input type="checkbox" role="switch" name="smsOff" defaultChecked={smsOff} aria-describedby="sms-off-hint" />
            <span>
              <strong>{t('account.notifications.settings.smsOff')}</strong>
              <span id="sms-off-hint" className="choice-description">
                {t('account.notifications.settings.smsOffHint')}
              </span>
            </span>
          </label>
          {offSince ? <p className="hint">{t('account.notifications.settings.smsOffSince', { when: offSince })}</p> : null}
        </fieldset>
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {t('account.notifications.settings.save')}
        </button>
      </Form>
      <p>
        <Link to="/me/notifications">{t('account.notifications.settings.back')}</Link>
      </p>
    </div>
  );
}

export const headers = routeHeaders;
