import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { formText } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { referralFormErrors } from '../lib/form-errors.server';
import { REFERRAL_NOTICE_VERSION, formatMoment } from '../lib/referrals-forms';
import referralsCss from '../styles/referrals.css?url';

export const meta = titleMeta('referrals.page.consent');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: referralsCss }];

/**
 * Separate consent (PIPL art. 23) before a club gives a learner's details to an employer: what is
 * shared, why, with whom, and what withdrawing does, with agreeing and withdrawing equally easy.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  try {
    const status = await api.consents.status();
    const latest = status.history[0];
    return data(
      {
        granted: status.granted,
        since: latest ? formatMoment(latest.at, locale) : null,
        withdrawn: latest?.action === 'withdraw',
        // She agreed to an older text than the one on this page: ask her again.
        outdated: status.granted && latest?.noticeVersion !== REFERRAL_NOTICE_VERSION,
        version: REFERRAL_NOTICE_VERSION,
        history: status.history.map((h) => ({ action: h.action, noticeVersion: h.noticeVersion, at: formatMoment(h.at, locale) })),
      },
      { headers },
    );
  } catch (error) {
    return unavailableOrRethrow(error);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  const t = translator(locale);
  const intent = formText(await request.formData(), 'intent');
  const consents = api.consents;
  try {
    if (intent === 'grant') {
      await consents.grant(REFERRAL_NOTICE_VERSION);
      return data({ ok: true, message: t('referrals.consent.granted') }, { headers });
    }
    if (intent === 'withdraw') {
      await consents.withdraw();
      return data({ ok: true, message: t('referrals.consent.withdrawn') }, { headers });
    }
    return data({ ok: false, message: t('common.error.VALIDATION_FAILED') }, { status: 400, headers });
  } catch (error) {
    const failure = referralFormErrors(error, t);
    return data({ ok: false, message: failure.errors.form ?? t('common.error.VALIDATION_FAILED') }, { status: failure.status, headers });
  }
}

export default function ConsentPage() {
  const { granted, since, withdrawn, outdated, version, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const busy = navigation.state !== 'idle';
  const state = granted
    ? t('referrals.consent.statusGranted', { date: since ?? '' })
    : withdrawn
      ? t('referrals.consent.statusWithdrawn', { date: since ?? '' })
      : t('referrals.consent.statusNone');

  return (
    <article className="stack referrals-consent">
      <h1>{t('referrals.consent.heading')}</h1>
      {result ? (
        <div className={result.ok ? 'notice notice-success' : 'alert'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      <p className={`referrals-consent-state ${granted ? 'referrals-consent-granted' : 'referrals-consent-none'}`}>
        <strong>{state}</strong>
      </p>
      <p className="lead">{t('referrals.consent.intro')}</p>

      <section className="card stack-tight" aria-labelledby="what">
        <h2 id="what">{t('referrals.consent.what')}</h2>
        <ul className="referrals-shared">
          <li>{t('referrals.consent.field.name')}</li>
          <li>{t('referrals.consent.field.phone')}</li>
          <li>{t('referrals.consent.field.certificates')}</li>
          <li>{t('referrals.consent.field.classHours')}</li>
        </ul>
        <p>{t('referrals.consent.notShared')}</p>
      </section>

      <section className="stack-tight" aria-labelledby="purpose">
        <h2 id="purpose">{t('referrals.consent.purpose')}</h2>
        <p>{t('referrals.consent.purposeBody')}</p>
      </section>

      <section className="stack-tight" aria-labelledby="who">
        <h2 id="who">{t('referrals.consent.who')}</h2>
        <p>{t('referrals.consent.whoBody')}</p>
      </section>

      <section className="stack-tight" aria-labelledby="withdraw">
        <h2 id="withdraw">{t('referrals.consent.withdraw')}</h2>
        <p>{t('referrals.consent.withdrawBody')}</p>
        <ul>
          <li>{t('referrals.consent.withdrawNoNew')}</li>
          <li>{t('referrals.consent.withdrawOpen')}</li>
          <li>{t('referrals.consent.withdrawBefore')}</li>
        </ul>
      </section>

      <p className="hint">{t('referrals.consent.law')}</p>
      <p className="hint">{t('referrals.consent.version', { version })}</p>

      {!granted || outdated ? (
        <Form method="post" className="card stack-tight">
          {outdated ? <p className="notice notice-warning">{t('referrals.consent.newVersion')}</p> : null}
          <p id="agree-hint">{t('referrals.consent.agreeHint')}</p>
          <input type="hidden" name="intent" value="grant" />
          <button type="submit" className="button button-primary button-block" aria-describedby="agree-hint" disabled={busy}>
            {t('referrals.consent.agree')}
          </button>
        </Form>
      ) : null}
      {granted ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="button button-secondary button-block" disabled={busy}>
            {t('referrals.consent.withdrawButton')}
          </button>
        </Form>
      ) : null}
      {granted ? (
        <p>
          <Link to="/jobs">{t('referrals.consent.seeJobs')}</Link>
        </p>
      ) : null}

      <section className="stack-tight" aria-labelledby="history">
        <h2 id="history">{t('referrals.consent.history')}</h2>
        {history.length === 0 ? (
          <p>{t('referrals.consent.historyEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('referrals.consent.when')}</th>
                  <th scope="col">{t('referrals.consent.action')}</th>
                  <th scope="col">{t('referrals.consent.noticeVersion')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h, i) => (
                  <tr key={i}>
                    <td>{h.at}</td>
                    <td>{t(`referrals.consent.action.${h.action}`)}</td>
                    <td>{h.noticeVersion}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
