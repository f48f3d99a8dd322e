import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { AttendanceStatus, EnrollmentStatus, LearnerType, Role, ReferralStatus } from '@hearth/contracts';
import { isMessageKey, titleMeta, translator, useI18n, type MessageKey } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { useHydrated } from '../lib/attendance-queue';
import { requireUser } from '../lib/auth.server';
import { getLocale } from '../lib/locale.server';
import { formatInstant } from '../lib/reports-format';
import accountCss from '../styles/account.css?url';
import { PrintButton } from '../components/print-button';

export const meta = titleMeta('account.page.myData');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }];

/** The parts of GET /api/me/export this page shows (the JSON download keeps everything). */
interface Exported {
  exportedAt: string;
  profile: {
    name: string;
    phone: string;
    role: Role;
    learnerType: LearnerType | null;
    createdAt: string;
    orgName?: string | null;
    employerName?: string | null;
  };
  enrollments: { id: string; courseCode: string; status: EnrollmentStatus; createdAt: string; withdrawnAt: string | null }[];
  attendance: { sessionId: string; sessionStartsAt: string; status: AttendanceStatus }[];
  certificates: { code: string; courseCode: string; status: 'valid' | 'revoked'; issuedAt: string; expiresAt: string | null; hours: number }[];
  consents: { action: 'grant' | 'withdraw'; at: string }[];
  referrals: { id: string; job: string; employer: string; status: ReferralStatus; createdAt: string }[];
}

/**
 * Her data in words: what GET /api/me/export holds, as a page she can read and print (the JSON file
 * beside it is for taking everything elsewhere). Every signed-in role; the sections a learner has.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request);
  const locale = await getLocale(request);
  const t = translator(locale);
  let exported: Exported;
  let titles = new Map<string, string>();
  try {
    exported = (await api.privacy.export()) as unknown as Exported;
    const courses = await api.courses.list({ lang: locale }).catch(() => null);
    if (courses) titles = new Map(courses.items.map((c) => [c.code, c.title]));
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  const when = (value: string | null) => (value ? formatInstant(value, locale).slice(0, 10) : '');
  const words = (key: string, fallback: string) => (isMessageKey(key) ? t(key as MessageKey) : fallback);
  const course = (code: string) => titles.get(code) ?? code;
  const p = exported.profile;
  return data(
    {
      exportedAt: formatInstant(exported.exportedAt, locale),
      profile: {
        name: p.name,
        phone: p.phone,
        role: p.learnerType
          ? `${words(`people.role.${p.role}`, p.role)} · ${words(`people.learnerType.${p.learnerType}`, p.learnerType)}`
          : words(`people.role.${p.role}`, p.role),
        org: p.orgName ?? p.employerName ?? null,
        since: when(p.createdAt),
      },
      enrollments: exported.enrollments.map((e) => ({
        id: e.id,
        course: course(e.courseCode),
        status: words(`classes.enrollmentStatus.${e.status}`, e.status),
        since: when(e.createdAt),
      })),
      attendance: exported.attendance.map((a) => ({
        id: a.sessionId,
        at: formatInstant(a.sessionStartsAt, locale).slice(0, 16),
        status: words(`attendance.status.${a.status}`, a.status),
      })),
      certificates: exported.certificates.map((c) => ({
        code: c.code,
        course: course(c.courseCode),
        status: words(`certificates.status.${c.status}`, c.status),
        issued: when(c.issuedAt),
        expires: when(c.expiresAt),
        hours: c.hours,
      })),
      consents: exported.consents.map((c, i) => ({ id: i, action: words(`account.myData.consent.${c.action}`, c.action), at: when(c.at) })),
      referrals: exported.referrals.map((r) => ({
        id: r.id,
        job: r.job,
        employer: r.employer,
        status: words(`referrals.status.${r.status}`, r.status),
        since: when(r.createdAt),
      })),
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

function Section({ id, title, empty, count, children }: { id: string; title: string; empty: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card stack-tight my-data-section">
      <h2 id={id}>{title}</h2>
      {count === 0 ? <p className="hint">{empty}</p> : children}
    </section>
  );
}

export default function MyDataPage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const hydrated = useHydrated();
  return (
    <div className="stack my-data">
      <p className="no-print">
        <Link to="/me">{t('account.myData.back')}</Link>
      </p>
      <div className="stack-tight">
        <h1>{t('account.myData.heading')}</h1>
        <p>{t('account.myData.intro')}</p>
        <p className="hint">{t('account.myData.asOf', { at: view.exportedAt })}</p>
      </div>
      <div className="actions no-print">
        <PrintButton className="button button-primary">{t('account.myData.print')}</PrintButton>
        <a href="/me/export.json" download className="button button-secondary">
          {t('account.me.export')}
        </a>
      </div>
      {hydrated ? null : <p className="hint no-print">{t('account.myData.printNoJs')}</p>}

      <section aria-labelledby="my-data-profile" className="card stack-tight my-data-section">
        <h2 id="my-data-profile">{t('account.myData.profile')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('common.field.name')}</dt>
            <dd>{view.profile.name}</dd>
          </div>
          <div>
            <dt>{t('common.field.phone')}</dt>
            <dd>{view.profile.phone}</dd>
          </div>
          <div>
            <dt>{t('account.me.type')}</dt>
            <dd>{view.profile.role}</dd>
          </div>
          <div>
            <dt>{t('home.app.org')}</dt>
            <dd>{view.profile.org ?? t('home.app.noOrg')}</dd>
          </div>
          <div>
            <dt>{t('account.myData.since')}</dt>
            <dd>{view.profile.since}</dd>
          </div>
        </dl>
      </section>

      <Section id="my-data-enrollments" title={t('account.myData.enrollments')} empty={t('account.myData.none')} count={view.enrollments.length}>
        <ul className="plain-list my-data-list">
          {view.enrollments.map((e) => (
            <li key={e.id}>
              <strong>{e.course}</strong> · {e.status} · {t('account.myData.enrolledOn', { date: e.since })}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-data-attendance" title={t('account.myData.attendance')} empty={t('account.myData.none')} count={view.attendance.length}>
        <ul className="plain-list my-data-list">
          {view.attendance.map((a) => (
            <li key={a.id}>
              {a.at} · {a.status}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-data-certificates" title={t('account.myData.certificates')} empty={t('account.myData.none')} count={view.certificates.length}>
        <ul className="plain-list my-data-list">
          {view.certificates.map((c) => (
            <li key={c.code}>
              <strong>{c.course}</strong> · {c.status} · {t('account.myData.certificateLine', { code: c.code, date: c.issued, hours: c.hours })}
              {c.expires ? ` · ${t('account.myData.expires', { date: c.expires })}` : ''}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-data-consents" title={t('account.myData.consents')} empty={t('account.myData.none')} count={view.consents.length}>
        <ul className="plain-list my-data-list">
          {view.consents.map((c) => (
            <li key={c.id}>
              {c.at} · {c.action}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-data-referrals" title={t('account.myData.referrals')} empty={t('account.myData.none')} count={view.referrals.length}>
        <ul className="plain-list my-data-list">
          {view.referrals.map((r) => (
            <li key={r.id}>
              <strong>{r.job}</strong> · {r.employer} · {r.status} · {t('account.myData.referredOn', { date: r.since })}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
