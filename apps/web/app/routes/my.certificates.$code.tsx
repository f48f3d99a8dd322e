import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CertificateFacts, CertificateStatusBadge } from '../components/certificates-parts';
import { titleMeta, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { requireUser } from '../lib/auth.server';
import { checkCertificateCode } from '../lib/certificates-code';
import { certificateDate } from '../lib/certificates-format';
import { qrSvg } from '../lib/certificates-qr.server';
import { certificatesLinks } from '../lib/certificates-styles';
import { getLocale } from '../lib/locale.server';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta('certificates.page.show');
export const links = certificatesLinks;

/** Her certificate as a big QR code of its public verification page, to hold up to an employer's phone. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  const notFound = () => new Response(null, { status: 404, statusText: 'Not Found', headers });
  const checked = checkCertificateCode(params.code ?? '');
  if (!checked.ok) throw notFound();
  if (checked.code !== params.code) throw redirect(`/my/certificates/${checked.code}`, { headers });
  let mine;
  try {
    mine = await api.certificates.mine({ lang: locale });
  } catch (error) {
    return unavailableOrRethrow(error);
  }
  const c = mine.items.find((item) => item.code === checked.code);
  if (!c) throw notFound();
  const verifyUrl = c.verifyUrl;
  return data(
    {
      code: c.code,
      status: c.status,
      verifyUrl,
      // Where to type the code by hand: the verification page without the code.
      verifyPage: verifyUrl.replace(/\/[^/]*$/, '').replace(/^https?:\/\//, ''),
      qr: await qrSvg(verifyUrl),
      facts: {
        displayCode: c.displayCode,
        holderName: c.holderName,
        courseTitle: c.course.title,
        issuer: c.issuer,
        issuedAt: certificateDate(c.issuedAt, locale),
        expiresAt: c.expiresAt ? certificateDate(c.expiresAt, locale) : null,
        hours: c.hours,
      },
    },
    { headers: { ...headers, 'Cache-Control': 'private, no-store' } },
  );
}

export default function ShowCertificatePage() {
  const { code, status, qr, verifyPage, facts } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className="stack">
      <p>
        <Link to="/my/certificates">{t('certificates.show.back')}</Link>
      </p>
      <header className="stack-tight">
        <h1>{facts.courseTitle}</h1>
        <p className="badges">
          <CertificateStatusBadge status={status} />
        </p>
      </header>
      {status !== 'valid' ? (
        <div className="notice notice-warning">
          <p>{t(status === 'revoked' ? 'certificates.show.revoked' : 'certificates.show.expired')}</p>
        </div>
      ) : null}
      <p className="cert-center">{t('certificates.show.scan')}</p>
      {/* SVG drawn on the server by the qrcode package from the API's verification URL; no user text in it. */}
      <div className="cert-qr" role="img" aria-label={t('certificates.show.qrLabel')} dangerouslySetInnerHTML={{ __html: qr }} />
      <p className="cert-big-code cert-code">{facts.displayCode}</p>
      <p className="cert-center hint cert-url">{t('certificates.show.orType', { url: verifyPage })}</p>
      {/* What an employer sees when she scans the code: she can check it herself before showing it. */}
      <p className="cert-center">
        <Link to={`/verify/${code}`}>{t('certificates.show.verifyLink')}</Link>
      </p>
      <CertificateFacts cert={facts} withCourse={false} />
      <div className="cert-actions">
        <a href={`/certificates/${code}/pdf`} className="button button-secondary" download={`certificate-${code}.pdf`}>
          {t('certificates.mine.pdf')}
        </a>
        <a href={`/my/certificates/${code}/credential.jwt`} className="button button-secondary" download={`certificate-${code}.jwt`}>
          {t('certificates.credential.jwt')}
        </a>
        <a href={`/my/certificates/${code}/credential.json`} className="button button-secondary" download={`certificate-${code}.json`}>
          {t('certificates.credential.json')}
        </a>
      </div>
      <details className="stack">
        <summary>{t('certificates.credential.walletHeading')}</summary>
        <p>{t('certificates.credential.walletBody')}</p>
      </details>
    </article>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
